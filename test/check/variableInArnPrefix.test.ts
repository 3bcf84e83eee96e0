// ARP2016. reference_policies_variables.md: "You can use a policy variable in the Resource
// element, but only in the resource portion of the ARN. This portion of the ARN appears after
// the fifth colon (:). You can't use a variable to replace parts of the ARN before the fifth
// colon."
import { describe, expect, it } from "vitest";
import { check, compile } from "../../compiler/index.js";

function diagnosticsOf(resource: string, action = "s3:GetObject") {
  const text = `allow ${action} on "${resource}"`;
  return check(text).diagnostics.map((d) => ({ code: d.code, at: text.slice(d.span.start, d.span.end), message: d.message }));
}

describe("policy variables before the fifth colon of a resource ARN", () => {
  it("are an error at the variable, in every part before the resource", () => {
    expect(diagnosticsOf("arn:aws:s3::${aws:PrincipalAccount}:b/*").map((d) => [d.code, d.at]))
      .toEqual([["ARP2016", "${aws:PrincipalAccount}"]]);
    expect(diagnosticsOf("arn:${aws:username}:s3:::b/*").map((d) => [d.code, d.at])).toEqual([["ARP2016", "${aws:username}"]]);
    expect(diagnosticsOf("arn:aws:apprunner:${aws:RequestedRegion}:123456789012:service/*", "apprunner:DescribeService")
      .map((d) => [d.code, d.at])).toEqual([["ARP2016", "${aws:RequestedRegion}"]]);
  });

  it("in the service part, are not cut at their own colon into an unknown service", () => {
    const found = diagnosticsOf("arn:aws:${aws:username}:::b/*");
    expect(found.map((d) => d.code)).toEqual(["ARP2016"]);
    expect(found.some((d) => d.message.includes("unknown service"))).toBe(false);
  });

  it("are fine after the fifth colon, even with colons of their own", () => {
    expect(diagnosticsOf("arn:aws:s3:::b/${aws:username}/*")).toEqual([]);
    expect(diagnosticsOf("arn:aws:apprunner:us-east-1:123456789012:service/${aws:PrincipalTag/team}/*", "apprunner:DescribeService")).toEqual([]);
  });

  it("leave parameters alone: arp substitutes them anywhere", () => {
    const result = compile({ path: "p.arp", text: 'param acct = "123456789012"\nallow apprunner:DescribeService on "arn:aws:apprunner:us-east-1:${acct}:service/*"' });
    expect(result.diagnostics).toEqual([]);
    expect(JSON.stringify(result.policies[0]!.document)).toContain("arn:aws:apprunner:us-east-1:123456789012:service/*");
  });
});
