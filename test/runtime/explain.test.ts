/** `explain`: the decision, the deciding statements with location, and why each other one did not apply. */
import { describeFailure } from "../../runtime/explain.js";
import { describe, expect, it } from "vitest";
import { evaluate, explain } from "../../runtime/index.js";
import type { IamStatement, PolicyInput } from "../../runtime/index.js";
import { policy, request } from "./support.js";

const statements: IamStatement[] = [
  { Sid: "Read", Effect: "Allow", Action: "apprunner:Describe*", Resource: "*", Condition: { StringEquals: { "aws:ResourceTag/team": "alice" } } },
  { Sid: "List", Effect: "Allow", Action: "apprunner:ListServices", Resource: "*" },
  { Sid: "Prod", Effect: "Deny", Action: "apprunner:*", NotResource: "arn:aws:apprunner:*:*:service/dev-*" },
  { Effect: "Allow", Action: "apprunner:*", Resource: "arn:aws:s3:::${aws:PrincipalTag/team}" },
];
const team: PolicyInput = {
  name: "team",
  document: policy(...statements),
  sources: [
    { file: "policies/team.arp", line: 3, column: 3 },
    { file: "policies/team.arp", line: 7, column: 3 },
    { file: "policies/team.arp", line: 10, column: 3 },
  ],
};
const dev = "arn:aws:apprunner:us-east-1:123456789012:service/dev-web/1";

describe("explain", () => {
  it("explains an implicit deny statement by statement", () => {
    const req = request({ resource: dev, context: { "aws:ResourceTag/team": "bob" } });
    expect(explain(evaluate([team], req), req)).toBe(
      [
        "decision: ImplicitDeny: no statement allows the request",
        `request: \`arn:aws:iam::123456789012:user/marymajor\` performs \`apprunner:DescribeService\` on \`${dev}\``,
        `aws would say: User: arn:aws:iam::123456789012:user/marymajor is not authorized to perform: apprunner:DescribeService on resource: ${dev} because no identity-based policy allows the apprunner:DescribeService action`,
        "did not apply:",
        "  - Allow statement `Read` in policy `team` (policies/team.arp:3:3): condition StringEquals aws:ResourceTag/team: expected `alice`, got `bob`",
        "  - Allow statement `List` in policy `team` (policies/team.arp:7:3): action `apprunner:DescribeService` not in Action",
        "  - Deny statement `Prod` in policy `team` (policies/team.arp:10:3): resource `" + dev + "` is excluded by NotResource",
        "  - Allow statement[3] in policy `team`: Resource variable `${aws:PrincipalTag/team}` has no value",
      ].join("\n"),
    );
  });

  it("names the deciding Deny and the Allow it overrides", () => {
    const req = request({ resource: "arn:aws:apprunner:us-east-1:123456789012:service/prod/1", context: { "aws:ResourceTag/team": "alice" } });
    const text = explain(evaluate([team], req), req);
    expect(text).toContain("decision: ExplicitDeny: a Deny statement applies, which overrides any Allow");
    expect(text).toContain("decided by:\n  - Deny statement `Prod` in policy `team` (policies/team.arp:10:3)");
    expect(text).toContain("overridden by the explicit deny:\n  - Allow statement `Read` in policy `team` (policies/team.arp:3:3)");
  });

  it("says key missing when the condition key is absent", () => {
    const req = request({ resource: dev });
    expect(explain(evaluate([team], req), req)).toContain(
      "condition StringEquals aws:ResourceTag/team: key missing (expected `alice`)",
    );
  });

  it("an Allow has no AWS denial line", () => {
    const req = request({ action: "apprunner:ListServices", resource: dev });
    const text = explain(evaluate([team], req), req);
    expect(text.split("\n")[0]).toBe("decision: Allow: a statement allows the request and none denies it");
    expect(text).not.toContain("aws would say");
  });
});

describe("a negated operator's failure", () => {
  it("is worded as the operator reads: the value was one the policy excludes", () => {
    expect(describeFailure({ operator: "StringNotEquals", key: "aws:RequestedRegion", expected: ["eu-west-1"], actual: ["eu-west-1"] }))
      .toBe("condition StringNotEquals aws:RequestedRegion: expected none of `eu-west-1`, got `eu-west-1`");
    expect(describeFailure({ operator: "StringEquals", key: "aws:RequestedRegion", expected: ["eu-west-1"], actual: ["us-east-1"] }))
      .toBe("condition StringEquals aws:RequestedRegion: expected `eu-west-1`, got `us-east-1`");
  });
});
