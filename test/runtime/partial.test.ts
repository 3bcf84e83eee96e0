// Partial evaluation decides as `evaluate` does for every value an unknown key could take: "If
// the enforcement code finds even one explicit deny that applies, the code returns a final
// decision of Deny" and "If any statement in any applicable identity-based policies allows the
// requested action, the code continues" (reference_policies_evaluation-logic.md). A statement
// whose conditions read an unknown key applies only if those conditions hold; "If you specify
// multiple Condition elements in a statement, or multiple keys in a single Condition element,
// AWS evaluates them using a logical AND operation" (how-app-runner-works-with-iam.md).
import { describe, expect, it } from "vitest";
import { describeResidual, evaluate, evaluatePartial, type IamPolicyDocument, type Request } from "../../runtime/index.js";

const POLICY: IamPolicyDocument = {
  Version: "2012-10-17",
  Statement: [
    { Sid: "Own", Effect: "Allow", Action: "apprunner:UpdateService", Resource: "*", Condition: { StringEquals: { "aws:ResourceTag/team": "payments" } } },
    { Sid: "Tls", Effect: "Deny", Action: "*", Resource: "*", Condition: { Bool: { "aws:SecureTransport": "false" } } },
    { Sid: "List", Effect: "Allow", Action: "apprunner:ListServices", Resource: "*" },
  ],
};
const policies = [{ name: "P", document: POLICY }];
const base: Request = { principal: "arn:aws:iam::123456789012:user/alice", action: "apprunner:UpdateService", resource: "arn:aws:apprunner:us-east-1:123456789012:service/web/abc" };

describe("evaluatePartial", () => {
  it("depends on the unknown keys, with the residual condition of each deciding statement", () => {
    const r = evaluatePartial(policies, base);
    expect(r.decision).toBe("DependsOn");
    expect(r.unknownKeys).toEqual(["aws:ResourceTag/team", "aws:SecureTransport"]);
    expect(r.dependent.map((s) => [s.sid, s.effect, s.residual.map(describeResidual)])).toEqual([
      ["Own", "Allow", ["aws:ResourceTag/team is \"payments\" (StringEquals)"]],
      ["Tls", "Deny", ["aws:SecureTransport is false"]],
    ]);
  });

  it("agrees with evaluate once every key is known", () => {
    for (const tag of ["payments", "web"]) {
      for (const tls of ["true", "false"]) {
        const request = { ...base, context: { "aws:ResourceTag/team": tag, "aws:SecureTransport": tls } };
        const partial = evaluatePartial(policies, request);
        expect(partial.dependent).toEqual([]);
        expect(partial.decision).toBe(evaluate(policies, request).decision);
      }
    }
  });

  it("an allow that applies whatever the keys and a deny that depends: DependsOn; without an allow, a denial either way", () => {
    const list = evaluatePartial(policies, { ...base, action: "apprunner:ListServices", resource: "*" });
    expect([list.decision, list.allowed, list.explicitDeny]).toEqual(["DependsOn", "yes", "depends"]);
    const del = evaluatePartial(policies, { ...base, action: "apprunner:DeleteService" });
    expect([del.decision, del.allowed, del.explicitDeny]).toEqual(["ImplicitDeny", "no", "depends"]);
  });

  it("only the keys named unknown are open when a list is given", () => {
    const r = evaluatePartial(policies, base, { unknown: ["aws:SecureTransport"] });
    // aws:ResourceTag/team is then absent, so `Own` cannot apply: a denial whatever TLS is.
    expect([r.decision, r.allowed]).toEqual(["ImplicitDeny", "no"]);
  });
});
