// ARP4012. reference_iam-quotas.md: "Policy documents can contain only the following Unicode
// characters: horizontal tab (U+0009), linefeed (U+000A), carriage return (U+000D), and
// characters in the range U+0020 to U+00FF."
import { describe, expect, it } from "vitest";
import { check } from "../../compiler/index.js";
import { disallowedCharacter } from "../../compiler/check/checkCharacters.js";

function found(text: string, params: Record<string, string> = {}) {
  return check({ path: "p.arp", text }, { params }).diagnostics.map((d) => ({ code: d.code, severity: d.severity, at: text.slice(d.span.start, d.span.end) }));
}

describe("characters IAM rejects in a policy", () => {
  it("accept exactly tab, LF, CR and U+0020 to U+00FF", () => {
    expect(disallowedCharacter("a\tb\nc\rd é ÿ ~")).toBeUndefined();
    expect(disallowedCharacter("\u001f")).toBe("\u001f");
    expect(disallowedCharacter("\u0100")).toBe("\u0100");
    expect(disallowedCharacter("web–prod")).toBe("–");
    expect(disallowedCharacter("😀")).toBe("😀");
  });

  it("are an error at a condition value, a tag key and a resource", () => {
    expect(found('allow apprunner:UpdateService on service/* when tag team = "チーム"'))
      .toEqual([{ code: "ARP4012", severity: "error", at: "チーム" }]);
    expect(found('allow apprunner:UpdateService on service/* when tag "チーム" = "x"'))
      .toEqual([{ code: "ARP4012", severity: "error", at: 'tag "チーム"' }]);
    expect(found('allow apprunner:PauseService on "service/web–prod/*"'))
      .toEqual([{ code: "ARP4012", severity: "error", at: "service/web–prod/*" }]);
  });

  it("are an error where a parameter's value is substituted into the policy", () => {
    const text = 'param owner\nallow apprunner:DeleteService on service/* when tag owner = "${owner}"';
    expect(found(text, { owner: "Zoë Ω" })).toEqual([{ code: "ARP4012", severity: "error", at: "${owner}" }]);
    expect(found(text, { owner: "Zoë" })).toEqual([]);
    const variable = 'param owner\nallow apprunner:DeleteService on service/* when tag owner = $owner';
    expect(found(variable, { owner: "Ω" })).toEqual([{ code: "ARP4012", severity: "error", at: "$owner" }]);
  });

  it("are an error in a statement of a role's inline policy", () => {
    const text = [
      "role Builder {",
      '  trust service "build.apprunner.amazonaws.com"',
      "  policy Inline {",
      '    allow apprunner:UpdateService on service/* when tag team = "チーム"',
      "  }",
      "}",
    ].join("\n");
    expect(found(text).map((d) => d.code)).toContain("ARP4012");
  });
});
