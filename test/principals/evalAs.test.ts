// `arp eval` and `arp why` decide for one principal. "Information about the principal includes
// the policies that are associated with that principal" (reference_policies_evaluation-logic.md);
// "When you assume a role and make a request, the principal making the request is the IAM role
// session ARN and not the ARN of the role itself" (same page): a session ARN names its role.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runInProcess } from "../fuzz/cliHarness.js";
import { tempDir } from "../support/tempDir.js";

const PROJECT = `
policy TeamRead {
  allow apprunner:DescribeService, apprunner:StartDeployment on service/*
}

role SecurityAuditor {
  trust account "123456789012"
  attach AWSAppRunnerReadOnlyAccess
  policy AuditorExtras {
    deny * on * when aws:RequestedRegion not in ["eu-west-1"]
  }
}
`;

const SERVICE = "arn:aws:apprunner:us-east-1:123456789012:service/web/abc";
const ALICE = "arn:aws:iam::123456789012:user/alice";

function project(): string {
  const dir = tempDir("arp-principals-");
  writeFileSync(join(dir, "project.arp"), PROJECT);
  return dir;
}

describe("arp eval --as", () => {
  it("without a choice and several candidates, is a usage error listing them", async () => {
    const r = await runInProcess(["eval", project(), "--principal", ALICE, "--action", "apprunner:StartDeployment", "--resource", SERVICE]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("choose one with --as: SecurityAuditor (role), TeamRead (policy)");
  });

  it("--as a policy decides by that policy alone: the auditor's deny does not reach alice", async () => {
    const r = await runInProcess(["eval", project(), "--as", "TeamRead", "--principal", ALICE, "--action", "apprunner:StartDeployment", "--resource", SERVICE]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("as policy TeamRead: TeamRead");
    expect(r.stdout).not.toContain("AuditorExtras");
  });

  it("a session ARN of a known role chooses that role, with its attached managed policy", async () => {
    const r = await runInProcess(["eval", project(), "--principal", "arn:aws:sts::123456789012:assumed-role/SecurityAuditor/alice",
      "--action", "apprunner:DescribeService", "--resource", SERVICE, "--context", "aws:RequestedRegion=eu-west-1", "--format", "json"]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { decision: string; principalSet: { name: string; policies: string[] } };
    expect(out.principalSet).toMatchObject({ name: "SecurityAuditor", policies: ["SecurityAuditor/AuditorExtras", "AWSAppRunnerReadOnlyAccess"] });
    expect(out.decision).toBe("Allow");
  });

  it("--as names an unknown set: usage error with the candidates", async () => {
    const r = await runInProcess(["eval", project(), "--as", "Nobody", "--principal", ALICE, "--action", "apprunner:ListServices", "--resource", "*"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--as Nobody: no role, user or policy of that name; the files define: SecurityAuditor (role), TeamRead (policy)");
  });

  it("prints the decision once and summarises the statements about other actions", async () => {
    const r = await runInProcess(["eval", project(), "--as", "TeamRead", "--principal", ALICE, "--action", "apprunner:DeleteService", "--resource", SERVICE]);
    expect(r.code).toBe(1);
    expect(r.stdout.match(/ImplicitDeny/g)?.length).toBe(1);
    expect(r.stdout).toContain("not about `apprunner:DeleteService`: 1 statement (1 in `TeamRead`)");
  });
});

describe("arp eval checks its inputs", () => {
  const base = ["--as", "TeamRead", "--action", "apprunner:DescribeService"];

  it("a principal that is not an ARN is a usage error", async () => {
    const r = await runInProcess(["eval", project(), ...base, "--principal", "alice", "--resource", SERVICE]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--principal alice: a principal is an ARN");
  });

  it("an App Runner shorthand resource is refused with its ARN form", async () => {
    const r = await runInProcess(["eval", project(), ...base, "--principal", ALICE, "--resource", "service/web/abc", "--set", "region=us-east-1"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("arn:aws:apprunner:us-east-1:123456789012:service/web/abc");
  });

  it("an action no service has warns with a suggestion (a wildcard may still match it)", async () => {
    const r = await runInProcess(["eval", project(), "--as", "SecurityAuditor", "--principal", ALICE, "--action", "apprunner:DescribeServce",
      "--resource", SERVICE, "--context", "aws:RequestedRegion=eu-west-1"]);
    expect(r.stderr).toContain("did you mean `apprunner:DescribeService`?");
    expect(r.code).toBe(0);
  });

  it("a --context entry without `=` is a usage error", async () => {
    const r = await runInProcess(["eval", project(), ...base, "--principal", ALICE, "--resource", SERVICE, "--context", "aws:SecureTransport"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--context expects KEY=VALUE");
  });
});
