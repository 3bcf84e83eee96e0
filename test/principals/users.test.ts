// IAM users and groups. "For an IAM user, these include user policies and policies from groups
// to which the user belongs" (reference_policies_evaluation-logic.md): a user's set is its own
// inline and attached policies plus its groups'. "Identity-based policies are attached to an
// IAM identity (user, group of users, or role) and grant permissions to IAM entities (users and
// roles)" (same page): a group is never a principal of its own.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compile, runPolicyTests } from "../../compiler/index.js";
import { runInProcess } from "../fuzz/cliHarness.js";
import { tempDir } from "../support/tempDir.js";

const PROJECT = `
param account = "123456789012"
param region = "us-east-1"

group developers {
  attach AWSAppRunnerReadOnlyAccess
  policy Deploy {
    allow apprunner:StartDeployment on service/web/*
  }
}

user alice {
  group developers
  policy NoDeletes {
    deny apprunner:DeleteService on service/*
  }
}

user bob {
  attach AWSAppRunnerFullAccess
}
`;

const SERVICE = "arn:aws:apprunner:us-east-1:123456789012:service/web/abc";

function codes(text: string): string[] {
  return compile({ path: "team.arp", text }).diagnostics.map((d) => d.code);
}

describe("IAM users and groups", () => {
  it("a user's set holds its own policies, then its groups' inline and attached ones", () => {
    const result = compile({ path: "team.arp", text: PROJECT });
    expect(result.ok).toBe(true);
    const sets = result.principals.map((s) => ({ name: s.name, kind: s.kind, policies: s.policies.map((p) => p.name) }));
    expect(sets).toEqual([
      { name: "alice", kind: "user", policies: ["alice/NoDeletes", "developers/Deploy", "AWSAppRunnerReadOnlyAccess"] },
      { name: "bob", kind: "user", policies: ["AWSAppRunnerFullAccess"] },
    ]);
  });

  it("`test ... for alice` evaluates her own and her group's policies; another user's are not pooled", () => {
    const tests = `${PROJECT}
test "alice deploys and reads through her group, and deletes nothing" for alice {
  expect allow apprunner:StartDeployment on service/web/abc as user alice
  expect allow apprunner:DescribeService on service/web/abc as user alice
  expect explicit deny apprunner:DeleteService on service/web/abc as user alice
}
test "bob's full access meets no deny of alice's" for bob {
  expect allow apprunner:DeleteService on service/web/abc as user bob
}
`;
    const run = runPolicyTests([{ path: "team.arp", text: tests }]);
    expect(run.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(run.outcomes.map((o) => o.passed)).toEqual([true, true, true, true]);
  });

  it("a test without `for` in a file of several users asks which (ARP5008); `for` a group says it makes no request", () => {
    const ambiguous = `${PROJECT}\ntest "t" { expect allow apprunner:ListServices on * }\n`;
    expect(runPolicyTests([{ path: "team.arp", text: ambiguous }]).diagnostics.map((d) => d.code)).toContain("ARP5008");
    const group = `${PROJECT}\ntest "t" for developers { expect allow apprunner:ListServices on * }\n`;
    const d = runPolicyTests([{ path: "team.arp", text: group }]).diagnostics.find((x) => x.code === "ARP5003");
    expect(d?.message).toContain("is a group");
    expect(d?.hint).toContain("for alice");
  });

  it("a group a user names must be declared (ARP5009); a user or group cannot be attached (ARP5003)", () => {
    expect(codes("user alice { group nobody }")).toEqual(["ARP5009"]);
    expect(codes("group devs {}\nuser alice {}\nrole R { trust account \"123456789012\"\n attach devs }")).toEqual(["ARP5003"]);
  });

  it("users and roles share principal names (ARP4005); groups have their own", () => {
    expect(codes('role alice { trust account "123456789012" }\nuser alice {}')).toEqual(["ARP4005"]);
    expect(codes("group alice {}\nuser alice {}")).toEqual([]);
  });
});

describe("arp eval with users", () => {
  function project(): string {
    const dir = tempDir("arp-users-");
    writeFileSync(join(dir, "team.arp"), PROJECT);
    return dir;
  }

  it("a user ARN chooses that user's set without --as", async () => {
    const r = await runInProcess(["eval", project(), "--principal", "arn:aws:iam::123456789012:user/alice",
      "--action", "apprunner:DeleteService", "--resource", SERVICE, "--format", "json"]);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as { decision: string; principalSet: { name: string; kind: string } };
    expect(out.principalSet).toMatchObject({ name: "alice", kind: "user" });
    expect(out.decision).toBe("ExplicitDeny");
  });

  it("an undeclared user's ARN is a usage error that lists the candidates", async () => {
    const r = await runInProcess(["eval", project(), "--principal", "arn:aws:iam::123456789012:user/carol",
      "--action", "apprunner:DeleteService", "--resource", SERVICE]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("no user named `carol` is declared");
    expect(r.stderr).toContain("alice (user), bob (user)");
  });
});
