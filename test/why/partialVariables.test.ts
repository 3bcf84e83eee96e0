// A residual condition shows the policy variables the request knows with their values, as
// `evaluate` substitutes them: "When the policy is evaluated, the policy variables are replaced
// with values that come from the conditional context keys passed in the request"
// (reference_policies_variables.md). `${aws:username}` of an IAM user's request is its name.
import { describe, expect, it } from "vitest";
import { describeResidual, evaluate, evaluatePartial, type IamPolicyDocument, type Request } from "../../runtime/index.js";

const POLICY: IamPolicyDocument = {
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Action: "apprunner:UpdateService", Resource: "*", Condition: { StringEquals: { "aws:ResourceTag/team": "${aws:username}" } } }],
};
const policies = [{ name: "Own", document: POLICY }];
const alice: Request = { principal: "arn:aws:iam::111122223333:user/alice", action: "apprunner:UpdateService", resource: "arn:aws:apprunner:eu-west-1:111122223333:service/web/abc" };

describe("residual conditions substitute known variables", () => {
  it("aws:username from a user ARN", () => {
    const r = evaluatePartial(policies, alice);
    expect(r.dependent.flatMap((s) => s.residual.map(describeResidual))).toEqual(['aws:ResourceTag/team is "alice" (StringEquals)']);
    // The residual says what evaluate decides once the key is known.
    expect(evaluate(policies, { ...alice, context: { "aws:ResourceTag/team": "alice" } }).decision).toBe("Allow");
  });

  it("a variable given in the context, and one still unknown, stay as the request knows them", () => {
    const doc: IamPolicyDocument = {
      Version: "2012-10-17",
      Statement: [{ Effect: "Allow", Action: "apprunner:UpdateService", Resource: "*", Condition: { StringEquals: { "aws:ResourceTag/team": "${aws:PrincipalTag/team}" } } }],
    };
    const known = evaluatePartial([{ name: "P", document: doc }], { ...alice, context: { "aws:PrincipalTag/team": "payments" } });
    expect(known.dependent.flatMap((s) => s.residual.map(describeResidual))).toEqual(['aws:ResourceTag/team is "payments" (StringEquals)']);
    const role = evaluatePartial(policies, { ...alice, principal: "arn:aws:iam::111122223333:role/R" });
    expect(role.dependent.flatMap((s) => s.residual.map(describeResidual))).toEqual(['aws:ResourceTag/team is "${aws:username}" (StringEquals)']);
  });
});
