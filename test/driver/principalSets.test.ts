// Whose policies decide a request. "Principal – The user, role, federated user, or application
// that sent the request. Information about the principal includes the policies that are
// associated with that principal" and "AWS then uses this information to find policies that
// apply to the request context" (reference_policies_evaluation-logic.md): a role's answers come
// from its own inline and attached policies, not from every policy of the project.
import { describe, expect, it } from "vitest";
import { compile } from "../../compiler/index.js";
import { runPolicyTests } from "../../compiler/policyTests/runPolicyTests.js";
import { roleNameOfArn } from "../../compiler/driver/principalSets.js";

const PROJECT = `
policy TeamRead {
  allow apprunner:DescribeService on service/*
}

role SecurityAuditor {
  trust account "123456789012"
  attach AWSAppRunnerReadOnlyAccess
  policy AuditorExtras {
    deny * on * when aws:RequestedRegion not in ["eu-west-1"]
  }
}
`;

describe("principal sets", () => {
  it("a role's set is its inline policies plus the stdlib managed policies it attaches, by content", () => {
    const r = compile({ path: "p.arp", text: PROJECT });
    expect(r.diagnostics).toEqual([]);
    expect(r.principals.map((s) => [s.kind, s.name, s.policies.map((p) => p.name)])).toEqual([
      ["role", "SecurityAuditor", ["SecurityAuditor/AuditorExtras", "AWSAppRunnerReadOnlyAccess"]],
      ["policy", "TeamRead", ["TeamRead"]],
    ]);
    // The bundle still attaches AWS's copy by ARN; the set carries its content for evaluation.
    expect(r.roles[0]?.managedPolicyArns).toEqual(["arn:aws:iam::aws:policy/AWSAppRunnerReadOnlyAccess"]);
    const readOnly = r.principals[0]?.policies[1]?.document;
    expect(JSON.stringify(readOnly)).toContain("apprunner:Describe*");
  });

  it("a managed policy attached by an ARN arp knows is evaluated by content; an unknown ARN is listed as left out", () => {
    const r = compile({ path: "p.arp", text: `role R {
  trust service "tasks.apprunner.amazonaws.com"
  attach "arn:aws:iam::aws:policy/AWSAppRunnerFullAccess"
  attach "arn:aws:iam::aws:policy/ReadOnlyAccess"
}` });
    expect(r.diagnostics).toEqual([]);
    expect(r.principals[0]?.policies.map((p) => p.name)).toEqual(["AWSAppRunnerFullAccess"]);
    expect(r.principals[0]?.unknownManagedArns).toEqual(["arn:aws:iam::aws:policy/ReadOnlyAccess"]);
  });

  it("`test ... for Role` evaluates the role as a whole: its inline deny and its attached allow", () => {
    const r = runPolicyTests([{ path: "p.arp", text: `${PROJECT}
test "the auditor reads in eu-west-1 only" for SecurityAuditor {
  expect allow apprunner:ListServices on * with aws:RequestedRegion = "eu-west-1"
  expect explicit deny apprunner:ListServices on * with aws:RequestedRegion = "us-east-1"
  expect implicit deny apprunner:DeleteService on service/web/abc with aws:RequestedRegion = "eu-west-1"
}
test "the team policy alone knows nothing of the auditor's deny" for TeamRead {
  expect allow apprunner:DescribeService on service/web/abc
}
` }]);
    expect(r.diagnostics.map((d) => d.message)).toEqual([]);
    expect(r.outcomes.map((o) => o.passed)).toEqual([true, true, true, true]);
  });

  it("a stdlib role can be tested by name", () => {
    const r = runPolicyTests([{ path: "p.arp", text: `test "the access role pulls images" for AppRunnerECRAccessRole {
  expect allow ecr:BatchGetImage on "arn:aws:ecr:us-east-1:123456789012:repository/web"
  expect implicit deny apprunner:DeleteService on service/web/abc
}` }]);
    expect(r.diagnostics.map((d) => d.message)).toEqual([]);
    expect(r.outcomes.map((o) => o.passed)).toEqual([true, true]);
  });

  it("attaching a role is an error that says it is a role and what to attach instead", () => {
    const r = compile({ path: "p.arp", text: `role R {
  trust service "build.apprunner.amazonaws.com"
  attach AppRunnerECRAccessRole
}` });
    const d = r.diagnostics.find((x) => x.code === "ARP5003");
    expect(d?.message).toContain("`AppRunnerECRAccessRole` is a role, not a policy");
    expect(d?.hint).toContain('attach "arn:aws:iam::aws:policy/service-role/AWSAppRunnerServicePolicyForECRAccess"');
  });

  it("a name a role and a standalone policy share means the role", () => {
    const r = compile({ path: "p.arp", text: `policy Ops { allow apprunner:List* on * }
role Ops {
  trust service "tasks.apprunner.amazonaws.com"
  attach Ops
  policy Extra { allow apprunner:DescribeService on * }
}` });
    expect(r.diagnostics).toEqual([]);
    expect(r.principals.map((s) => [s.kind, s.name, s.policies.map((p) => p.name)])).toEqual([["role", "Ops", ["Ops/Ops", "Ops/Extra"]]]);
    const t = runPolicyTests([{ path: "p.arp", text: `policy Ops { allow apprunner:List* on * }
role Ops {
  trust service "tasks.apprunner.amazonaws.com"
  attach Ops
  policy Extra { allow apprunner:DescribeService on * }
}
test "the role" for Ops { expect allow apprunner:DescribeService on service/web/abc }` }]);
    expect(t.outcomes.map((o) => o.passed)).toEqual([true]);
  });

  it("reads the role a principal ARN names, for roles and their sessions only", () => {
    expect(roleNameOfArn("arn:aws:iam::123456789012:role/Auditor")).toBe("Auditor");
    expect(roleNameOfArn("arn:aws:iam::123456789012:role/teams/Auditor")).toBe("Auditor");
    expect(roleNameOfArn("arn:aws:sts::123456789012:assumed-role/Auditor/alice")).toBe("Auditor");
    expect(roleNameOfArn("arn:aws:iam::123456789012:user/alice")).toBeUndefined();
    expect(roleNameOfArn("arn:aws:sts::123456789012:federated-user/alice")).toBeUndefined();
  });
});
