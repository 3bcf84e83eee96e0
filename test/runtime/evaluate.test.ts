/**
 * The decision rules, from "Policy evaluation logic" [eval] and the policy-element pages
 * "Action" [action], "Resource" [resource] and "NotResource" [notresource] of the IAM User Guide.
 */
import { describe, expect, it } from "vitest";
import { compilePolicySet, evaluate, formatDenial, PolicyValidationError } from "../../runtime/index.js";
import type { IamStatement, PolicyInput } from "../../runtime/index.js";
import { MARY, decide, policy, request, run } from "./support.js";

const allowAll: IamStatement = { Effect: "Allow", Action: "*", Resource: "*" };
const denyAll: IamStatement = { Effect: "Deny", Action: "*", Resource: "*" };

describe("decision", () => {
  it("[eval] By default, all requests are implicitly denied", () => {
    expect(evaluate([], request())).toEqual({ decision: "ImplicitDeny", matched: [], notApplied: [] });
  });

  it("[eval] An explicit allow in an identity-based … policy overrides this default", () => {
    expect(run([allowAll])).toMatchObject({ decision: "Allow", matched: [{ policy: "policy[0]", index: 0 }] });
  });

  it("[eval] An explicit deny in any policy overrides any allows; the overridden allows are listed", () => {
    const result = evaluate([policy(allowAll), policy({ ...denyAll, Sid: "Stop" })], request());
    expect(result.decision).toBe("ExplicitDeny");
    expect(result.matched).toEqual([{ policy: "policy[1]", index: 0, sid: "Stop" }]);
    expect(result.overridden).toEqual([{ policy: "policy[0]", index: 0 }]);
  });

  it("every matching Allow is a deciding statement", () => {
    const result = run([allowAll, { ...allowAll, Sid: "Again" }]);
    expect(result.matched.map((m) => m.index)).toEqual([0, 1]);
    expect(result.overridden).toBeUndefined();
  });

  it("App Runner guide: marymajor without apprunner:DescribeService is denied, with the documented message", () => {
    const listOnly: IamStatement = { Effect: "Allow", Action: "apprunner:ListServices", Resource: "*" };
    const req = request({ action: "apprunner:DescribeService", resource: "my-example-service" });
    expect(evaluate([policy(listOnly)], req).decision).toBe("ImplicitDeny");
    expect(formatDenial(req)).toBe(
      "User: arn:aws:iam::123456789012:user/marymajor is not authorized to perform: apprunner:DescribeService on resource: my-example-service",
    );
  });
});

describe("Action and NotAction", () => {
  it("[action] The prefix and the action name are case insensitive: iam:ListAccessKeys is IAM:listaccesskeys", () => {
    const statement: IamStatement = { Effect: "Allow", Action: "iam:ListAccessKeys", Resource: "*" };
    expect(decide([statement], { action: "IAM:listaccesskeys" })).toBe("Allow");
  });

  it("[action] iam:*AccessKey* applies to CreateAccessKey, DeleteAccessKey, ListAccessKeys, UpdateAccessKey", () => {
    const statement: IamStatement = { Effect: "Allow", Action: "iam:*AccessKey*", Resource: "*" };
    for (const action of ["CreateAccessKey", "DeleteAccessKey", "ListAccessKeys", "UpdateAccessKey"]) {
      expect(decide([statement], { action: `iam:${action}` })).toBe("Allow");
    }
    expect(decide([statement], { action: "iam:GetUser" })).toBe("ImplicitDeny");
  });

  it("NotAction applies to every action except those listed", () => {
    const statement: IamStatement = { Effect: "Deny", NotAction: ["iam:ChangePassword", "sts:*"], Resource: "*" };
    expect(decide([allowAll, statement], { action: "s3:GetObject" })).toBe("ExplicitDeny");
    expect(decide([allowAll, statement], { action: "sts:GetCallerIdentity" })).toBe("Allow");
  });

  it('[action] "Statements must include either an Action or NotAction element": a statement with neither is refused', () => {
    expect(() => run([{ Effect: "Allow", Resource: "*" }])).toThrow(PolicyValidationError);
  });
});

describe("Resource and NotResource", () => {
  it("[resource] An asterisk (*) represents any combination of characters: user/accounting/*", () => {
    const statement: IamStatement = { Effect: "Allow", Action: "iam:*", Resource: "arn:aws:iam::123456789012:user/accounting/*" };
    expect(decide([statement], { action: "iam:GetUser", resource: "arn:aws:iam::123456789012:user/accounting/bob" })).toBe("Allow");
    expect(decide([statement], { action: "iam:GetUser", resource: "arn:aws:iam::123456789012:user/sales/bob" })).toBe("ImplicitDeny");
  });

  it("[resource] a question mark (?) represents any single character", () => {
    const statement: IamStatement = { Effect: "Allow", Action: "s3:*", Resource: "arn:aws:s3:::log-?" };
    expect(decide([statement], { action: "s3:GetObject", resource: "arn:aws:s3:::log-1" })).toBe("Allow");
    expect(decide([statement], { action: "s3:GetObject", resource: "arn:aws:s3:::log-12" })).toBe("ImplicitDeny");
  });

  it("a * in Resource spans colons: arn:aws:ec2:* covers every EC2 ARN", () => {
    const statement: IamStatement = { Effect: "Allow", Action: "ec2:*", Resource: "arn:aws:ec2:*" };
    expect(decide([statement], { action: "ec2:StopInstances", resource: "arn:aws:ec2:us-east-1:123456789012:instance/i-1" })).toBe("Allow");
  });

  it("Resource matching is case-sensitive (ARNs are compared like StringLike/ArnLike)", () => {
    const statement: IamStatement = { Effect: "Allow", Action: "s3:*", Resource: "arn:aws:s3:::Payroll/*" };
    expect(decide([statement], { action: "s3:GetObject", resource: "arn:aws:s3:::payroll/a" })).toBe("ImplicitDeny");
  });

  it("[notresource] Deny with NotResource denies access to all resources … that are not explicitly listed (HRPayroll)", () => {
    const deny: IamStatement = {
      Effect: "Deny",
      Action: "s3:*",
      NotResource: ["arn:aws:s3:::HRBucket/Payroll", "arn:aws:s3:::HRBucket/Payroll/*"],
    };
    const allowS3: IamStatement = { Effect: "Allow", Action: "s3:*", Resource: "*" };
    expect(decide([allowS3, deny], { action: "s3:GetObject", resource: "arn:aws:s3:::HRBucket/Payroll/jan.csv" })).toBe("Allow");
    expect(decide([allowS3, deny], { action: "s3:GetObject", resource: "arn:aws:s3:::HRBucket/Other/jan.csv" })).toBe("ExplicitDeny");
    expect(decide([deny], { action: "s3:GetObject", resource: "arn:aws:s3:::HRBucket/Payroll" })).toBe("ImplicitDeny");
  });

  it("a statement without Resource (a role trust policy) applies to any resource", () => {
    const trust: IamStatement = { Effect: "Allow", Principal: { Service: "tasks.apprunner.amazonaws.com" }, Action: "sts:AssumeRole" };
    expect(decide([trust], { action: "sts:AssumeRole", resource: "arn:aws:iam::123456789012:role/app" })).toBe("Allow");
  });

  it("Statement may be a single object rather than an array", () => {
    const single: PolicyInput = { Version: "2012-10-17", Statement: allowAll };
    expect(evaluate([single], request()).decision).toBe("Allow");
  });
});

describe("why a statement did not apply", () => {
  const statements: IamStatement[] = [
    { Sid: "Other", Effect: "Allow", Action: "s3:GetObject", Resource: "*" },
    { Sid: "Elsewhere", Effect: "Allow", Action: "apprunner:*", Resource: "arn:aws:apprunner:*:*:service/other/*" },
    { Sid: "Tagged", Effect: "Allow", Action: "apprunner:*", Resource: "*", Condition: { StringEquals: { "aws:ResourceTag/team": "alice" } } },
  ];

  it("names the first reason: action, resource, then the failing condition with expected and actual", () => {
    const result = run(statements, { context: { "aws:ResourceTag/team": "bob" } });
    expect(result.notApplied.map((m) => [m.sid, m.reason])).toEqual([
      ["Other", { kind: "action", element: "Action" }],
      ["Elsewhere", { kind: "resource", element: "Resource" }],
      ["Tagged", { kind: "condition", failure: { operator: "StringEquals", key: "aws:ResourceTag/team", expected: ["alice"], actual: ["bob"] } }],
    ]);
  });

  it("a missing key has no actual values", () => {
    const result = run(statements.slice(2));
    expect(result.notApplied[0]!.reason).toEqual({
      kind: "condition",
      failure: { operator: "StringEquals", key: "aws:ResourceTag/team", expected: ["alice"] },
    });
  });

  it("an unknown operator is refused, even in a Deny (IAM rejects the policy; a skipped Deny would let the Allow through)", () => {
    const deny: IamStatement = { Effect: "Deny", Action: "*", Resource: "*", Condition: { StringEqualz: { "aws:username": "x" } } };
    expect(() => run([allowAll, deny])).toThrow(expect.objectContaining({ name: "PolicyValidationError", statement: 1, element: "Condition.StringEqualz" }));
  });

  it('[effect] "The Effect value is case sensitive": Effect "allow" is refused, not skipped', () => {
    const odd = { Effect: "allow", Action: "*", Resource: "*" } as unknown as IamStatement;
    expect(() => run([odd])).toThrow(expect.objectContaining({ name: "PolicyValidationError", statement: 0, element: "Effect" }));
  });
});

describe("policy inputs and compilation", () => {
  const named: PolicyInput = {
    name: "team",
    document: policy({ Sid: "Read", ...allowAll }),
    sources: [{ file: "policies/team.arp", line: 4, column: 3 }],
  };

  it("statement references carry the policy name, Sid and .arp source location", () => {
    expect(evaluate([named], request()).matched).toEqual([
      { policy: "team", index: 0, sid: "Read", source: { file: "policies/team.arp", line: 4, column: 3 } },
    ]);
  });

  it("compilePolicySet gives the same result as evaluate", () => {
    const policies = [named, policy(denyAll)];
    const set = compilePolicySet(policies);
    expect(set.statementCount).toBe(2);
    for (const action of ["apprunner:ListServices", "s3:GetObject"]) {
      expect(set.evaluate(request({ action }))).toEqual(evaluate(policies, request({ action })));
    }
  });

  it("evaluate caches the compiled set by the identity of the policies array, which it freezes so the cache cannot go stale", () => {
    const policies: PolicyInput[] = [policy(allowAll)];
    expect(evaluate(policies, request()).decision).toBe("Allow");
    expect(() => policies.push(policy(denyAll))).toThrow(TypeError);
    expect(evaluate(policies, request()).decision).toBe("Allow");
    expect(evaluate([...policies, policy(denyAll)], request()).decision).toBe("ExplicitDeny");
  });

  it("the same action asked twice uses the cached action index and still decides per resource", () => {
    const set = compilePolicySet([policy({ Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::a/*" })]);
    const ask = (resource: string) => set.evaluate({ principal: MARY, action: "s3:GetObject", resource }).decision;
    expect([ask("arn:aws:s3:::a/x"), ask("arn:aws:s3:::b/x"), ask("arn:aws:s3:::a/y")]).toEqual(["Allow", "ImplicitDeny", "Allow"]);
  });
});
