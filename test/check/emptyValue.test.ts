// ARP3010. reference_policies_elements_condition.md: "For condition keys that are defined by
// the user, such as passing tags in a request, it is possible to include an empty string. In
// this case, the value in the request context is null." A null key reads as a missing one, so
// `K = ""` never holds and `K != ""` always does.
import { describe, expect, it } from "vitest";
import { check } from "../../compiler/index.js";

function found(condition: string) {
  const text = `allow apprunner:UpdateService on service/* when ${condition}`;
  return check(text).diagnostics.map((d) => ({ code: d.code, severity: d.severity, at: text.slice(d.span.start, d.span.end), hint: d.hint }));
}

describe('comparisons with ""', () => {
  it('warn at the "" and suggest `missing` for =, `exists` for !=', () => {
    expect(found('tag team = ""')).toEqual([
      { code: "ARP3010", severity: "warning", at: '""', hint: expect.stringContaining("aws:ResourceTag/team missing") },
    ]);
    expect(found('tag team != ""')).toEqual([
      { code: "ARP3010", severity: "warning", at: '""', hint: expect.stringContaining("aws:ResourceTag/team exists") },
    ]);
  });

  it('warn at the "" of a list and of a quantified test', () => {
    expect(found('tag team in ["web", ""]').map((d) => [d.code, d.at])).toEqual([["ARP3010", '""']]);
    expect(check('allow apprunner:TagResource on service/* when any aws:TagKeys = ""').diagnostics.map((d) => d.code)).toEqual(["ARP3010"]);
  });

  it("say nothing about other values, or `\"\"` as a variable's default", () => {
    expect(found('tag team = "web"')).toEqual([]);
    expect(found('tag team = "${aws:username, \'\'}"')).toEqual([]);
  });
});
