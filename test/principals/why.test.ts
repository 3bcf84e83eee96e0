// `arp why` never contradicts the AccessDenied message, and treats what the message does not say
// as unknown. The order that makes a message's reason informative: "Deny evaluation – ... the
// enforcement code looks for a Deny statement that applies to the request ... If the enforcement
// code finds even one explicit deny that applies, the code returns a final decision of Deny";
// then "Identity-based policies – ... If there are no identity-based policies or no statements
// in identity-based policies that allow the requested action, then the request is implicitly
// denied"; then "IAM permissions boundaries – ... If the policy that is used to set the
// permissions boundary does not allow the requested action, then the request is implicitly
// denied" (reference_policies_evaluation-logic.md). The message shapes ("because no
// identity-based policy allows the X action", "with an explicit deny in an identity-based
// policy", and the same for service control policies, permissions boundaries, session
// policies) are those of IAM's "Troubleshoot access denied error messages"; the bare shape is
// App Runner's troubleshooting page's:
//   "User: arn:aws:iam::123456789012:user/marymajor is not authorized to perform:
//    apprunner:DescribeService on resource: my-example-service"
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseAccessDenied } from "../../compiler/why/accessDenied.js";
import { runInProcess } from "../fuzz/cliHarness.js";
import { tempDir } from "../support/tempDir.js";

const README_MESSAGE = "User: arn:aws:iam::123456789012:user/marymajor is not authorized to perform: apprunner:DescribeService on resource: my-example-service";

// The README's "language in five minutes" policy, whose last statement denies without TLS.
const TEAM_SERVICES = `policy TeamServices "Teams run the App Runner services they own" {
  allow apprunner:Describe*, apprunner:List* on *
  "ManageOwn": allow apprunner:UpdateService, apprunner:PauseService, apprunner:ResumeService,
      apprunner:StartDeployment
    on service/*
    when tag team = $principal.tag.team
  deny apprunner:DeleteService on service/prod-*
  deny apprunner:* on * when not aws:SecureTransport
}
`;

const ONLY_DENY_ON_TLS = `policy NoPlainText {
  allow apprunner:ListServices on *
  deny apprunner:* on * when not aws:SecureTransport
}
`;

async function why(message: string, policy: string, ...extra: string[]): Promise<{ code: number; stdout: string }> {
  const dir = tempDir("arp-why-");
  writeFileSync(join(dir, "p.arp"), policy);
  const r = await runInProcess(["why", message, dir, ...extra]);
  return { code: r.code, stdout: r.stdout };
}

describe("parseAccessDenied", () => {
  it("reads every documented reason and what it implies for the identity-based policies", () => {
    const base = README_MESSAGE;
    const cases: [string, string | undefined, string, string][] = [
      ["", undefined, "depends", "depends"],
      [" because no identity-based policy allows the apprunner:DescribeService action", "identity-based policy", "no", "no"],
      [" with an explicit deny in an identity-based policy", "identity-based policy", "depends", "yes"],
      [" with an explicit deny in an identity-based policy: arn:aws:iam::123456789012:policy/Guard", "identity-based policy", "depends", "yes"],
      [" because no service control policy allows the apprunner:DescribeService action", "service control policy", "depends", "no"],
      [" with an explicit deny in a service control policy", "service control policy", "depends", "depends"],
      [" because no permissions boundary allows the apprunner:DescribeService action", "permissions boundary", "yes", "no"],
      [" with an explicit deny in a permissions boundary", "permissions boundary", "depends", "depends"],
      [" because no session policy allows the apprunner:DescribeService action", "session policy", "yes", "no"],
      [" with an explicit deny in a session policy", "session policy", "depends", "depends"],
      [" because no resource-based policy allows the apprunner:DescribeService action", "resource-based policy", "depends", "no"],
    ];
    for (const [suffix, type, allowed, explicitDeny] of cases) {
      const d = parseAccessDenied(base + suffix);
      expect(d?.reason?.policyType, suffix).toBe(type);
      expect(d?.identity, suffix).toEqual({ allowed, explicitDeny });
      expect(d?.resource).toBe("my-example-service");
      expect(d?.action).toBe("apprunner:DescribeService");
    }
    expect(parseAccessDenied(`${base} with an explicit deny in an identity-based policy: arn:aws:iam::123456789012:policy/Guard`)?.reason?.policyArn)
      .toBe("arn:aws:iam::123456789012:policy/Guard");
  });
});

describe("arp why never contradicts the message", () => {
  it("the README's message (no reason given) is not blamed on the deny that needs aws:SecureTransport, which it does not mention", async () => {
    const r = await why(README_MESSAGE, TEAM_SERVICES);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/blocked by an explicit deny/);
    expect(r.stdout).toContain("the message gives no reason");
    expect(r.stdout).toMatch(/denied if aws:SecureTransport is false .*Deny statement\[3\] in policy `TeamServices`/);
    expect(r.stdout).toContain("unknown context keys: aws:SecureTransport");
    // The bare name is read as an ARN, and the reading is said.
    expect(r.stdout).toContain("read as App Runner service arn:aws:apprunner:*:123456789012:service/my-example-service/*");
  });

  it("with no reason given, an allow beside a deny that may apply does not blame the denial on other policies outright", async () => {
    const policy = `policy Fence {\n  allow apprunner:DescribeService on *\n  deny * on * when aws:RequestedRegion not in ["eu-west-1"]\n}\n`;
    const r = await why(README_MESSAGE, policy);
    expect(r.stdout).toMatch(/denied if aws:RequestedRegion/);
    expect(r.stdout).toContain("; unless a deny above applied, the denial comes from elsewhere");
  });

  it("a message naming an SCP's explicit deny is answered once, not also as 'elsewhere ... an SCP'", async () => {
    const r = await why(`${README_MESSAGE} with an explicit deny in a service control policy`, `allow apprunner:DescribeService on *\n`);
    expect(r.stdout).toContain("the denial comes from a service control policy, which arp does not model");
    expect(r.stdout).not.toContain("the denial comes from elsewhere");
  });

  it("when a deny applies whatever the context, no allow is suggested: it would be overridden", async () => {
    const r = await why(`User: arn:aws:iam::123456789012:user/marymajor is not authorized to perform: apprunner:DeleteService on resource: arn:aws:apprunner:us-east-1:123456789012:service/web/abc because no identity-based policy allows the apprunner:DeleteService action`,
      `deny apprunner:DeleteService on service/*\n`);
    expect(r.stdout).toMatch(/no allow would help: the deny that applies whatever the context \(statement\[0\] in policy `p`.*overrides any allow/);
    expect(r.stdout).not.toContain("the smallest statement that would allow it");
  });

  it("a bare name is read in the region the policies' file declares, and the reading says so", async () => {
    const r = await why(README_MESSAGE, `param region = "eu-west-1"\n${TEAM_SERVICES}`);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("read as App Runner service arn:aws:apprunner:eu-west-1:123456789012:service/my-example-service/*");
    expect(r.stdout).toMatch(/the region of .*p\.arp/);
    // --set region still decides over the file's.
    const set = await why(README_MESSAGE, `param region = "eu-west-1"\n${TEAM_SERVICES}`, "--set", "region=us-west-2");
    expect(set.stdout).toContain("read as App Runner service arn:aws:apprunner:us-west-2:123456789012:service/my-example-service/*");
  });

  it("a message that says no identity-based policy allows it rules the deny out, and says under what condition", async () => {
    const r = await why(`${README_MESSAGE} because no identity-based policy allows the apprunner:DescribeService action`, TEAM_SERVICES);
    expect(r.stdout).not.toMatch(/blocked by an explicit deny/);
    expect(r.stdout).toMatch(/did not apply \(the message rules out an explicit deny\): Deny statement\[3\]/);
    // DescribeService is allowed by `apprunner:Describe*` on `*`: the message says otherwise, and why says so.
    expect(r.stdout).toMatch(/yet these policies allow it whatever the context: statement\[0\] in policy `TeamServices`/);
  });

  it("a message that names an explicit identity-based deny finds the only deny that can give it, and its condition", async () => {
    const r = await why(`${README_MESSAGE} with an explicit deny in an identity-based policy`, ONLY_DENY_ON_TLS);
    expect(r.stdout).toMatch(/blocked by an explicit deny: of these policies only Deny statement\[1\] in policy `NoPlainText`.* can deny it, so in AWS's request aws:SecureTransport is false/);
  });

  it("with the key given, a deny that applies whatever the rest is the blocker", async () => {
    const r = await why(README_MESSAGE, ONLY_DENY_ON_TLS, "--context", "aws:SecureTransport=false");
    expect(r.stdout).toMatch(/an explicit deny applies whatever the context, which no allow can override: statement\[1\] in policy `NoPlainText`/);
  });

  it("a permissions boundary's denial says the identity policies allowed it", async () => {
    const r = await why(`${README_MESSAGE} because no permissions boundary allows the apprunner:DescribeService action`, TEAM_SERVICES, "--context", "aws:SecureTransport=true");
    expect(r.stdout).toContain("the message says the identity-based policies allowed it: the denial is the permissions boundary's");
    expect(r.stdout).not.toMatch(/smallest statement/);
  });

  it("an SCP's denial is not blamed on the identity policies", async () => {
    const r = await why(`${README_MESSAGE} because no service control policy allows the apprunner:DescribeService action`, ONLY_DENY_ON_TLS);
    expect(r.stdout).toContain("the denial comes from a service control policy, which arp does not model");
    expect(r.stdout).not.toMatch(/blocked by an explicit deny/);
  });
});
