// Two ways a policy silently does less than it says.
//
// A deny whose condition needs a key its actions never send never applies. On a missing key,
// "the condition evaluates to false" for positive operators, while negated ones hold (docs/
// language.md, "Conditions", after reference_policies_elements_condition_operators.md).
//
// `$user` in a role's policy: aws:username "is always included in the request context for IAM
// users. Anonymous requests and requests that are made using the AWS account root user or IAM
// roles do not include this key" (reference_policies_condition-keys.md).
import { describe, expect, it } from "vitest";
import { compile } from "../../compiler/index.js";

function codes(text: string): string[] {
  return compile({ path: "p.arp", text }).diagnostics.map((d) => d.code);
}

describe("a deny that can never apply (ARP5010)", () => {
  it("is an error when its actions never send the key it needs", () => {
    expect(codes('deny apprunner:DeleteService on service/* when apprunner:VpcId = "vpc-123"')).toEqual(["ARP2007", "ARP5010"]);
    expect(codes('deny apprunner:DeleteService on service/* when apprunner:VpcId exists')).toContain("ARP5010");
    expect(codes('deny apprunner:DeleteService on service/* when apprunner:VpcId = "v" and aws:SecureTransport')).toContain("ARP5010");
  });

  it("is not, when the condition may still hold", () => {
    // a negated test holds on the missing key: this deny applies to every request
    expect(codes('deny apprunner:DeleteService on service/* when apprunner:VpcId != "vpc-123"')).toEqual(["ARP2007"]);
    expect(codes('deny apprunner:DeleteService on service/* when not (apprunner:VpcId = "vpc-123")')).toEqual(["ARP2007"]);
    expect(codes('deny apprunner:DeleteService on service/* when apprunner:VpcId missing')).toEqual(["ARP2007"]);
    // another branch reads a key the action sends
    expect(codes('deny apprunner:DeleteService on service/* when apprunner:VpcId = "v" or not aws:SecureTransport')).toEqual(["ARP2007"]);
    // an allow that grants nothing stays a warning
    expect(codes('allow apprunner:DeleteService on service/* when apprunner:VpcId = "vpc-123"')).toEqual(["ARP2007"]);
  });

  it("can be kept on purpose with `arp-ignore ARP5010`, and is then compiled as written", () => {
    const result = compile({ path: "p.arp", text: '// arp-ignore ARP5010: waits for App Runner to send the key\ndeny apprunner:DeleteService on service/* when apprunner:VpcId = "vpc-123"\n' });
    expect(result.ok).toBe(true);
    expect(result.policies[0]?.json).toContain("apprunner:VpcId");
  });
});

describe("`$user` in a role's policy (ARP5011)", () => {
  it("warns in a role's inline policy, in a condition or a resource", () => {
    const role = (stmt: string): string => `role R {\n trust account "123456789012"\n policy P { ${stmt} }\n}`;
    expect(codes(role("allow apprunner:UpdateService on service/* when tag owner = $user"))).toEqual(["ARP5011"]);
    expect(codes(role('allow s3:GetObject on "arn:aws:s3:::home/${user}/*"'))).toEqual(["ARP5011"]);
    expect(codes(role("allow apprunner:UpdateService on service/* when tag owner = $principal.tag.owner"))).toEqual([]);
  });

  it("does not warn where an IAM user may hold the policy", () => {
    expect(codes("user alice { policy P { allow apprunner:UpdateService on service/* when tag owner = $user } }")).toEqual([]);
    expect(codes("policy P { allow apprunner:UpdateService on service/* when tag owner = $user }")).toEqual([]);
  });
});

describe("a statement without `on` (ARP4009)", () => {
  // "For actions that don't support resource-level permissions, such as listing operations, use
  // a wildcard (*)" (how-app-runner-works-with-iam.md): only `on *` is offered for them.
  it("offers only `on *` for actions that act on no resource type", () => {
    const hint = (text: string): string | undefined => compile({ path: "p.arp", text }).diagnostics.find((d) => d.code === "ARP4009")?.hint;
    expect(hint("allow apprunner:ListServices")).toBe("add `on *`: these actions act on no specific resource");
    expect(hint("allow apprunner:DescribeService")).toBe("add `on *` or `on service/NAME/*`");
  });
});
