// `arp eval` refuses requests AWS could not send: "The value in the condition key-value pair
// must match the data type of the condition key" (reference_policies_condition-keys.md, quoted,
// not read) and AWS fills the request context itself, so a
// context value its key cannot hold, or a resource ARN no App Runner resource has, is a typo on
// the command line whose answer would mislead. A group makes no request: its users do
// ("You cannot identify a user group as a principal in a policy", reference_policies_elements_principal.md).
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runInProcess } from "../fuzz/cliHarness.js";
import { tempDir } from "../support/tempDir.js";

const PROJECT = `
param account = "111122223333"
param region = "eu-west-1"

group devs {
  policy DevRead {
    allow apprunner:DescribeService on service/web/* when aws:SecureTransport
  }
}

user alice {
  group devs
}

user bob {
  group devs
}
`;

const SERVICE = "arn:aws:apprunner:eu-west-1:111122223333:service/web/abc";
const ALICE = "arn:aws:iam::111122223333:user/alice";

function evalArgs(...extra: string[]): string[] {
  const dir = tempDir("arp-eval-inputs-");
  writeFileSync(join(dir, "project.arp"), PROJECT);
  return ["eval", dir, "--principal", ALICE, "--action", "apprunner:DescribeService", ...extra];
}

describe("arp eval checks context values by their key's type", () => {
  it.each([
    ["aws:SecureTransport=maybe", "`aws:SecureTransport` holds true or false"],
    ["aws:SourceIp=notanip", "`aws:SourceIp` holds an IP address"],
    ["aws:CurrentTime=yesterday", "`aws:CurrentTime` holds a date"],
    ["aws:MultiFactorAuthAge=soon", "`aws:MultiFactorAuthAge` holds a number"],
  ])("%s is a usage error", async (context, message) => {
    const r = await runInProcess(evalArgs("--resource", SERVICE, "--context", context));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
  });

  it("accepts values of the key's type in any case IAM reads, and any text for String keys", async () => {
    const r = await runInProcess(evalArgs("--resource", SERVICE, "--context", "aws:SecureTransport=TRUE", "--context", "aws:SourceIp=203.0.113.7",
      "--context", "aws:CurrentTime=2026-12-05T12:00:00Z", "--context", "aws:ResourceTag/team=anything at all"));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Allow");
  });

  it("warns about an aws: key that is not a global condition key, and still decides", async () => {
    const r = await runInProcess(evalArgs("--resource", SERVICE, "--context", "aws:SecureTransport=true", "--context", "aws:Foo=bar"));
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("--context aws:Foo is not a global condition key");
  });
});

describe("arp eval checks resource ARNs", () => {
  it("refuses an App Runner ARN of no App Runner resource type, listing the forms", async () => {
    const r = await runInProcess(evalArgs("--resource", "arn:aws:apprunner:eu-west-1:111122223333:bogus/x"));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("no App Runner resource has this ARN");
    expect(r.stderr).toContain("service/${ServiceName}/${ServiceId}");
  });

  it("refuses an account field that is not 12 digits", async () => {
    const r = await runInProcess(evalArgs("--resource", "arn:aws:apprunner:eu-west-1:12:service/web/abc"));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("the account field of an ARN is a 12-digit account ID, got `12`");
  });
});

describe("arp eval --as a group", () => {
  it("says it is a group and names its users", async () => {
    const r = await runInProcess(evalArgs("--resource", SERVICE, "--as", "devs"));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("`devs` is a group: a group makes no request, its users do; choose one of its users: `--as alice`, `--as bob`");
  });
});
