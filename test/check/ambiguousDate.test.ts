// ARP3009. reference_policies_elements_condition_operators.md: "You must specify date/time
// values with one of the W3C implementations of the ISO 8601 date formats or in epoch (UNIX)
// time." `2027` is both the W3C year 2027 and 2027 epoch seconds; `20270101` is ISO 8601's
// basic form of a date and a time in 1970. arp's evaluator reads digits as epoch seconds.
import { describe, expect, it } from "vitest";
import { check } from "../../compiler/index.js";

function codes(value: string): string[] {
  return check(`allow apprunner:UpdateService on service/* when aws:CurrentTime < ${value}`).diagnostics.map((d) => `${d.severity} ${d.code}`);
}

describe("all-digit dates", () => {
  it("warn when they read as an ISO 8601 year or date as well as epoch seconds", () => {
    expect(codes('"2027"')).toEqual(["warning ARP3009"]);
    expect(codes("2027")).toEqual(["warning ARP3009"]);
    expect(codes('"20270101"')).toEqual(["warning ARP3009"]);
  });

  it("do not warn for ten-digit epoch times or dates with hyphens", () => {
    expect(codes("1798761600")).toEqual([]);
    expect(codes('"2027-01-01"')).toEqual([]);
    expect(codes('"2027-01-01T00:00:00Z"')).toEqual([]);
  });

  it("say what each reading would be", () => {
    const [d] = check('allow apprunner:UpdateService on service/* when aws:CurrentTime < "2027"').diagnostics;
    expect(d!.message).toContain("the year 2027");
    expect(d!.message).toContain("1970-01-01T00:33:47Z");
  });
});
