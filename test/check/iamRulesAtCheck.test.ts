// What IAM rejects, or what can never mean what it reads as, is reported by `arp check` at the
// source: each case cites the AWS sentence or rule it follows.
import { describe, expect, it } from "vitest";
import { check } from "../../compiler/index.js";

function codes(text: string, params: Record<string, string> = {}): { code: string; severity: string }[] {
  return check({ path: "p.arp", text }, { params }).diagnostics.map((d) => ({ code: d.code, severity: d.severity }));
}

describe("test requests name real actions", () => {
  it("a misspelt action in `expect` is ARP2002, so `expect deny` cannot pass by a typo", () => {
    const text = 'policy Lib { allow apprunner:Describe* on * }\ntest "typo" for Lib { expect deny apprunner:DeleteServce on * }';
    expect(codes(text)).toContainEqual({ code: "ARP2002", severity: "error" });
    expect(codes('policy Lib { allow apprunner:Describe* on * }\ntest "ok" for Lib { expect deny apprunner:DeleteService on * }')).toEqual([]);
  });
});

describe("resource ARNs", () => {
  it('"You can\'t use a wildcard in the service segment that identifies the AWS product."', () => {
    expect(codes('allow sqs:SendMessage on "arn:aws:sq*:us-east-1:123456789012:q"')).toContainEqual({ code: "ARP2005", severity: "error" });
    expect(codes('allow sqs:SendMessage on "arn:aws:*:us-east-1:123456789012:q"')).toContainEqual({ code: "ARP2005", severity: "error" });
    expect(codes('allow sqs:SendMessage on "arn:aws:sqs:us-*:123456789012:q"')).toEqual([]);
  });
});

describe("built-in parameters hold what their ARN field holds (reference-arns.md)", () => {
  const source = "allow apprunner:DescribeService on service/*";
  it.each([
    ["region", "us-east-1:999999999999"],
    ["account", "12345678901a"],
    ["account", "1234"],
    ["partition", "aws:apprunner:*:*:*"],
  ])("--set %s=%s is ARP3002: a colon would move the fields after it", (name, value) => {
    expect(codes(source, { [name]: value })).toContainEqual({ code: "ARP3002", severity: "error" });
  });

  it.each([["region", "eu-west-1"], ["region", "*"], ["account", "123456789012"], ["partition", "aws-us-gov"]])("--set %s=%s is fine", (name, value) => {
    expect(codes(source, { [name]: value })).toEqual([]);
  });
});

describe("trust `to` actions", () => {
  it("a principal whose way of assuming is not among `to` can never assume the role: ARP5005 warning", () => {
    const text = 'role R { trust service "tasks.apprunner.amazonaws.com", account "111122223333" to sts:TagSession\n attach AWSAppRunnerReadOnlyAccess }';
    expect(codes(text).filter((c) => c.code === "ARP5005")).toEqual([
      { code: "ARP5005", severity: "warning" },
      { code: "ARP5005", severity: "warning" },
    ]);
    const fine = 'role R { trust service "tasks.apprunner.amazonaws.com" to sts:AssumeRole, sts:TagSession\n attach AWSAppRunnerReadOnlyAccess }';
    expect(codes(fine)).toEqual([]);
  });
});

describe("policy descriptions", () => {
  it("a managed policy's Description is held to IAM's character set (ARP4012)", () => {
    expect(codes('policy P "Política – descripción" { allow apprunner:ListServices on * }')).toContainEqual({ code: "ARP4012", severity: "error" });
    expect(codes('policy P "Política: descripción" { allow apprunner:ListServices on * }')).toEqual([]);
  });
});
