// Built-in parameters are written between the colons of ARNs: "arn:partition:service:region:
// account-id:resource-id" (reference-arns.md), the account ID being 12 digits.
import { describe, expect, it } from "vitest";
import { compile } from "../../compiler/index.js";

const TEXT = `
policy Deploy {
  allow apprunner:StartDeployment, apprunner:DescribeService on service/web/*
  allow apprunner:UpdateService on service/api/*
}
`;

describe("--set for the built-in parameters", () => {
  it.each(["", "abc", "12345678901", "1234567890123", "123456789012:x"])("account=%j is one clear error, not one per resource", (account) => {
    const result = compile({ path: "deploy.arp", text: TEXT }, { params: { account } });
    expect(result.ok).toBe(false);
    expect(result.diagnostics.map((d) => d.code)).toEqual(["ARP3002"]);
    expect(result.diagnostics[0]?.message).toContain("12-digit account ID");
  });

  it("a 12-digit account or `*` compiles into the ARNs", () => {
    const result = compile({ path: "deploy.arp", text: TEXT }, { params: { account: "123456789012" } });
    expect(result.ok).toBe(true);
    expect(result.policies[0]?.json).toContain("arn:aws:apprunner:*:123456789012:service/web/*");
  });
});
