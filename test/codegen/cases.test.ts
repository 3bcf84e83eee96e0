/**
 * Evaluation cases as data, each run against the generated evaluator and the runtime
 * interpreter alike: one policy, then requests with the decision IAM makes. Notes quote the
 * AWS documentation rule a case shows.
 */
import { describe, expect, it } from "vitest";
import { generateEvaluator } from "../../compiler/emit/typescript/index.js";
import { evaluate } from "../../runtime/index.js";
import type { Decision, IamPolicyDocument, IamStatement, Request } from "../../runtime/index.js";
import { loadEvaluator } from "./support.js";

interface Case {
  readonly note: string;
  readonly statements: readonly IamStatement[];
  readonly version?: IamPolicyDocument["Version"];
  /** Requests (defaults filled in) and the decision each must get. */
  readonly requests: readonly (readonly [Partial<Request>, Decision])[];
}

const USER = "arn:aws:iam::123456789012:user/alice";
const SVC = "arn:aws:apprunner:us-east-1:123456789012:service";
const WEB = `${SVC}/web/0123`;
const allow = (s: Omit<IamStatement, "Effect">): IamStatement => ({ Effect: "Allow", ...s });
const deny = (s: Omit<IamStatement, "Effect">): IamStatement => ({ Effect: "Deny", ...s });
const when = (condition: IamStatement["Condition"]): IamStatement => allow({ Action: "*", Resource: "*", Condition: condition });

const CASES: readonly Case[] = [
  {
    note: "an explicit deny in any policy overrides any allows; no allow is an implicit deny",
    statements: [allow({ Action: "apprunner:*", Resource: "*" }), deny({ Action: "apprunner:DeleteService", Resource: `${SVC}/prod-*` })],
    requests: [
      [{ action: "apprunner:DeleteService", resource: `${SVC}/prod-api/1` }, "ExplicitDeny"],
      [{ action: "apprunner:DeleteService", resource: WEB }, "Allow"],
      [{ action: "s3:GetObject" }, "ImplicitDeny"],
    ],
  },
  {
    note: "the prefix and the action name are case insensitive; wildcards match names never seen",
    statements: [allow({ Action: ["apprunner:describe*", "APPRUNNER:ListServices"], Resource: "*" })],
    requests: [
      [{ action: "apprunner:DescribeService" }, "Allow"],
      [{ action: "AppRunner:DescribeCustomDomains" }, "Allow"],
      [{ action: "apprunner:listservices" }, "Allow"],
      [{ action: "apprunner:ListServicesForAutoScalingConfiguration" }, "ImplicitDeny"],
    ],
  },
  {
    note: "NotAction matches every action except those listed, including unknown ones",
    statements: [allow({ NotAction: ["iam:*", "apprunner:Delete*"], Resource: "*" })],
    requests: [
      [{ action: "apprunner:CreateService" }, "Allow"],
      [{ action: "made:Up" }, "Allow"],
      [{ action: "IAM:PassRole" }, "ImplicitDeny"],
      [{ action: "apprunner:DeleteService" }, "ImplicitDeny"],
    ],
  },
  {
    note: "Resource is case-sensitive; * and ? span ARN segments; NotResource excludes",
    statements: [
      allow({ Action: "apprunner:UpdateService", Resource: "arn:aws:apprunner:*:123456789012:service/web/*" }),
      allow({ Action: "apprunner:PauseService", Resource: "arn:aws:apprunner:us-east-?:*" }),
      allow({ Action: "apprunner:ResumeService", NotResource: "arn:aws:apprunner:*:*:service/prod-*" }),
    ],
    requests: [
      [{ action: "apprunner:UpdateService", resource: WEB }, "Allow"],
      [{ action: "apprunner:UpdateService", resource: WEB.replace("web", "Web") }, "ImplicitDeny"],
      [{ action: "apprunner:UpdateService", resource: "arn:aws:apprunner:us-east-1:999999999999:service/web/1" }, "ImplicitDeny"],
      [{ action: "apprunner:PauseService", resource: WEB }, "Allow"],
      [{ action: "apprunner:PauseService", resource: "arn:aws:apprunner:eu-west-1:1:service/x" }, "ImplicitDeny"],
      [{ action: "apprunner:ResumeService", resource: `${SVC}/prod-api/1` }, "ImplicitDeny"],
      [{ action: "apprunner:ResumeService", resource: WEB }, "Allow"],
    ],
  },
  {
    // Empty Resource/NotResource lists are documents IAM rejects; the runtime refuses them.
    note: "NotResource * excludes all",
    statements: [allow({ Action: "a:NotAll", NotResource: "*", Condition: { StringEquals: { "aws:username": "alice" } } })],
    requests: [[{ action: "a:NotAll", resource: WEB }, "ImplicitDeny"]],
  },
  {
    note: "several condition keys AND, several values OR; key names are case-insensitive",
    statements: [when({ StringEquals: { "aws:ResourceTag/team": ["web", "api"], "aws:RequestTag/env": "dev" } })],
    requests: [
      [{ context: { "aws:resourcetag/TEAM": "api", "AWS:RequestTag/env": "dev" } }, "Allow"],
      [{ context: { "aws:ResourceTag/team": "web" } }, "ImplicitDeny"],
      [{ context: { "aws:ResourceTag/team": "Web", "aws:RequestTag/env": "dev" } }, "ImplicitDeny"],
    ],
  },
  {
    note: "a missing key fails a condition, except negated operators, which hold",
    statements: [allow({ Action: "a:One", Resource: "*", Condition: { StringNotEquals: { "aws:ResourceTag/team": "web" } } }), allow({ Action: "a:Two", Resource: "*", Condition: { StringLike: { "aws:ResourceTag/team": "*" } } })],
    requests: [
      [{ action: "a:One" }, "Allow"],
      [{ action: "a:One", context: { "aws:ResourceTag/team": "web" } }, "ImplicitDeny"],
      [{ action: "a:Two" }, "ImplicitDeny"],
    ],
  },
  {
    note: "...IfExists: if the key is not present, the condition is true",
    statements: [when({ StringEqualsIfExists: { "ec2:InstanceType": ["t2.micro"] } })],
    requests: [
      [{}, "Allow"],
      [{ context: { "ec2:InstanceType": "t2.micro" } }, "Allow"],
      [{ context: { "ec2:InstanceType": "m5.large" } }, "ImplicitDeny"],
    ],
  },
  {
    note: "ForAllValues holds for a missing key and needs every value listed; ForAnyValue needs one",
    statements: [
      allow({ Action: "a:All", Resource: "*", Condition: { "ForAllValues:StringEquals": { "aws:TagKeys": ["team", "env"] } } }),
      allow({ Action: "a:Any", Resource: "*", Condition: { "ForAnyValue:StringLike": { "aws:TagKeys": ["env*"] } } }),
    ],
    requests: [
      [{ action: "a:All" }, "Allow"],
      [{ action: "a:All", context: { "aws:TagKeys": ["team", "env"] } }, "Allow"],
      [{ action: "a:All", context: { "aws:TagKeys": ["team", "owner"] } }, "ImplicitDeny"],
      [{ action: "a:Any" }, "ImplicitDeny"],
      [{ action: "a:Any", context: { "aws:TagKeys": ["owner", "environment"] } }, "Allow"],
      [{ action: "a:Any", context: { "aws:TagKeys": [] } }, "ImplicitDeny"],
    ],
  },
  {
    note: "negated operators NOR their values",
    statements: [when({ StringNotLike: { "aws:PrincipalTag/role": ["admin*", "ops"] } })],
    requests: [
      [{ context: { "aws:PrincipalTag/role": "dev" } }, "Allow"],
      [{ context: { "aws:PrincipalTag/role": "administrator" } }, "ImplicitDeny"],
      [{ context: { "aws:PrincipalTag/role": "ops" } }, "ImplicitDeny"],
    ],
  },
  {
    note: "StringEqualsIgnoreCase, Bool and BinaryEquals",
    statements: [when({ StringEqualsIgnoreCase: { "aws:RequestTag/env": "Prod" }, Bool: { "aws:SecureTransport": "true" }, BinaryEquals: { "custom:Blob": "YWJj" } })],
    requests: [
      [{ context: { "aws:RequestTag/env": "PROD", "aws:SecureTransport": "TRUE", "custom:Blob": "YWJj" } }, "Allow"],
      [{ context: { "aws:RequestTag/env": "prod", "aws:SecureTransport": "false", "custom:Blob": "YWJj" } }, "ImplicitDeny"],
      [{ context: { "aws:RequestTag/env": "prod", "aws:SecureTransport": "true", "custom:Blob": "YWJk" } }, "ImplicitDeny"],
    ],
  },
  {
    note: "Numeric and Date operators compare values; unreadable values never match",
    statements: [when({ NumericLessThanEquals: { "s3:max-keys": "10" }, DateLessThan: { "aws:CurrentTime": "2025-01-01T00:00:00Z" } })],
    requests: [
      [{ context: { "s3:max-keys": "10", "aws:CurrentTime": "2024-12-31T23:59:59Z" } }, "Allow"],
      [{ context: { "s3:max-keys": "1e1", "aws:CurrentTime": "1735689599" } }, "Allow"],
      [{ context: { "s3:max-keys": "11", "aws:CurrentTime": "2024-06-01" } }, "ImplicitDeny"],
      [{ context: { "s3:max-keys": "ten", "aws:CurrentTime": "2024-06-01" } }, "ImplicitDeny"],
      [{ context: { "s3:max-keys": "5", "aws:CurrentTime": "2025-01-01T01:00:00+02:00" } }, "Allow"],
    ],
  },
  {
    note: "IpAddress and NotIpAddress with IPv4 and IPv6 CIDR ranges",
    statements: [
      allow({ Action: "a:In", Resource: "*", Condition: { IpAddress: { "aws:SourceIp": ["203.0.113.0/24", "2001:DB8:1234:5678::/64"] } } }),
      allow({ Action: "a:Out", Resource: "*", Condition: { NotIpAddress: { "aws:SourceIp": "10.0.0.0/8" } } }),
    ],
    requests: [
      [{ action: "a:In", context: { "aws:SourceIp": "203.0.113.9" } }, "Allow"],
      [{ action: "a:In", context: { "aws:SourceIp": "2001:db8:1234:5678::1" } }, "Allow"],
      [{ action: "a:In", context: { "aws:SourceIp": "2001:db8:1234:5679::1" } }, "ImplicitDeny"],
      [{ action: "a:Out", context: { "aws:SourceIp": "10.9.9.9" } }, "ImplicitDeny"],
      [{ action: "a:Out", context: { "aws:SourceIp": "192.0.2.1" } }, "Allow"],
      [{ action: "a:Out" }, "Allow"],
    ],
  },
  {
    note: "ARN operators match the colon-separated components one by one",
    statements: [when({ ArnLike: { "aws:SourceArn": "arn:aws:someservice:*:111122223333:finance/*" } })],
    requests: [
      [{ context: { "aws:SourceArn": "arn:aws:someservice:us-east-2:111122223333:finance/document.txt" } }, "Allow"],
      [{ context: { "aws:SourceArn": "arn:aws:someservice:us-east-2:999999999999:store/abc:111122223333:finance/document.txt" } }, "ImplicitDeny"],
    ],
  },
  {
    note: "Null: true when the key is absent, false when present",
    statements: [allow({ Action: "a:Absent", Resource: "*", Condition: { Null: { "aws:TokenIssueTime": "true" } } }), allow({ Action: "a:Present", Resource: "*", Condition: { Null: { "aws:TokenIssueTime": "false" } } })],
    requests: [
      [{ action: "a:Absent" }, "Allow"],
      [{ action: "a:Present" }, "ImplicitDeny"],
      [{ action: "a:Present", context: { "aws:TokenIssueTime": "2024-01-01T00:00:00Z" } }, "Allow"],
    ],
  },
  {
    note: "policy variables in Resource and conditions; a variable with no value matches nothing",
    statements: [
      allow({ Action: "s3:GetObject", Resource: "arn:aws:s3:::home/${aws:username}/*" }),
      allow({ Action: "apprunner:UpdateService", Resource: `${SVC}/\${aws:PrincipalTag/team}/*`, Condition: { StringEquals: { "aws:ResourceTag/team": "${aws:PrincipalTag/team}" } } }),
    ],
    requests: [
      [{ action: "s3:GetObject", resource: "arn:aws:s3:::home/alice/notes" }, "Allow"],
      [{ action: "s3:GetObject", resource: "arn:aws:s3:::home/bob/notes" }, "ImplicitDeny"],
      [{ action: "s3:GetObject", principal: "arn:aws:sts::123456789012:assumed-role/r/s", resource: "arn:aws:s3:::home/alice/notes" }, "ImplicitDeny"],
      [{ action: "apprunner:UpdateService", resource: WEB, context: { "aws:PrincipalTag/team": "web", "aws:ResourceTag/team": "web" } }, "Allow"],
      [{ action: "apprunner:UpdateService", resource: WEB, context: { "aws:ResourceTag/team": "web" } }, "ImplicitDeny"],
    ],
  },
  {
    note: "defaults `${k, 'x'}` and the escapes ${*} ${?} ${$}",
    statements: [
      allow({ Action: "s3:GetObject", Resource: "arn:aws:s3:::b/${aws:PrincipalTag/dept, 'shared'}/*" }),
      allow({ Action: "s3:PutObject", Resource: "arn:aws:s3:::b/${*}${?}${$}" }),
    ],
    requests: [
      [{ action: "s3:GetObject", resource: "arn:aws:s3:::b/shared/x" }, "Allow"],
      [{ action: "s3:GetObject", resource: "arn:aws:s3:::b/hr/x", context: { "aws:PrincipalTag/dept": "hr" } }, "Allow"],
      [{ action: "s3:GetObject", resource: "arn:aws:s3:::b/shared/x", context: { "aws:PrincipalTag/dept": "hr" } }, "ImplicitDeny"],
      [{ action: "s3:PutObject", resource: "arn:aws:s3:::b/*?$" }, "Allow"],
      [{ action: "s3:PutObject", resource: "arn:aws:s3:::b/ab$" }, "ImplicitDeny"],
    ],
  },
  {
    note: "a variable's value is matched literally: a * in a tag value does not widen the pattern",
    statements: [allow({ Action: "s3:GetObject", Resource: "arn:aws:s3:::b/${aws:PrincipalTag/dept}/*" })],
    requests: [
      [{ action: "s3:GetObject", resource: "arn:aws:s3:::b/*/x", context: { "aws:PrincipalTag/dept": "*" } }, "Allow"],
      [{ action: "s3:GetObject", resource: "arn:aws:s3:::b/hr/x", context: { "aws:PrincipalTag/dept": "*" } }, "ImplicitDeny"],
    ],
  },
  {
    note: "in the 2008-10-17 language ${...} is literal text",
    version: "2008-10-17",
    statements: [allow({ Action: "s3:GetObject", Resource: "arn:aws:s3:::b/${aws:username}" })],
    requests: [
      [{ action: "s3:GetObject", resource: "arn:aws:s3:::b/${aws:username}" }, "Allow"],
      [{ action: "s3:GetObject", resource: "arn:aws:s3:::b/alice" }, "ImplicitDeny"],
    ],
  },
  {
    note: "key names are matched with full Unicode case folding, not only ASCII",
    statements: [when({ StringEquals: { "aws:PrincipalTag/kind": "x", "aws:PrincipalTag/Ünïcode": "y" } })],
    requests: [
      [{ context: { "aws:PrincipalTag/\u212Aind": "x", "AWS:PRINCIPALTAG/ÜNÏCODE": "y" } }, "Allow"],
      [{ context: { "aws:PrincipalTag/kind": "x", "aws:principaltag/\u0130nïcode": "y" } }, "ImplicitDeny"],
    ],
  },
];

function fill(fields: Partial<Request>): Request {
  return { principal: USER, action: "apprunner:DescribeService", resource: "*", ...fields };
}

describe("evaluation cases: generated evaluator and runtime alike", () => {
  for (const c of CASES) {
    it(c.note, async () => {
      const policies = [{ name: "case", document: { Version: c.version ?? "2012-10-17", Statement: [...c.statements] } }];
      const generated = loadEvaluator(await generateEvaluator(policies));
      for (const [fields, want] of c.requests) {
        const request = fill(fields);
        const runtime = evaluate(policies, request);
        expect({ request, generated: generated.authorize(request), explained: generated.explain(request).decision, runtime: runtime.decision }).toEqual({
          request,
          generated: want,
          explained: want,
          runtime: want,
        });
        expect(generated.explain(request)).toEqual(runtime);
      }
    });
  }
});

describe("explanations", () => {
  it("name the deciding statements with their .arp location and say why the others missed", async () => {
    const policies = [
      {
        name: "team",
        document: {
          Version: "2012-10-17" as const,
          Statement: [
            { Sid: "Deploy", Effect: "Allow" as const, Action: "apprunner:UpdateService", Resource: `${SVC}/*`, Condition: { StringEquals: { "aws:ResourceTag/team": "${aws:PrincipalTag/team}" } } },
            { Sid: "Read", Effect: "Allow" as const, Action: "apprunner:Describe*", Resource: "*" },
            { Sid: "Own", Effect: "Allow" as const, Action: "apprunner:UpdateService", Resource: `${SVC}/\${aws:PrincipalTag/team}/*` },
          ],
        },
        sources: [{ file: "team.arp", line: 3, column: 1 }, undefined, { file: "team.arp", line: 9, column: 1 }],
      },
    ];
    const generated = loadEvaluator(await generateEvaluator(policies));
    const request = fill({ action: "apprunner:UpdateService", resource: WEB, context: { "aws:ResourceTag/team": "web" } });
    expect(generated.explain(request)).toEqual({
      decision: "ImplicitDeny",
      matched: [],
      notApplied: [
        {
          policy: "team",
          index: 0,
          sid: "Deploy",
          source: { file: "team.arp", line: 3, column: 1 },
          effect: "Allow",
          reason: {
            kind: "unresolvable",
            detail: "condition StringEquals aws:ResourceTag/team: variable `${aws:PrincipalTag/team}` has no value",
            failure: { operator: "StringEquals", key: "aws:ResourceTag/team", expected: [], actual: ["web"], unresolved: ["aws:PrincipalTag/team"] },
          },
        },
        { policy: "team", index: 1, sid: "Read", effect: "Allow", reason: { kind: "action", element: "Action" } },
        {
          policy: "team",
          index: 2,
          sid: "Own",
          source: { file: "team.arp", line: 9, column: 1 },
          effect: "Allow",
          reason: { kind: "unresolvable", detail: "Resource variable `${aws:PrincipalTag/team}` has no value" },
        },
      ],
    });
    const allowed = generated.explain({ ...request, context: { "aws:ResourceTag/team": "web", "aws:PrincipalTag/team": "web" } });
    expect(allowed.decision).toBe("Allow");
    expect(allowed.matched).toEqual([
      { policy: "team", index: 0, sid: "Deploy", source: { file: "team.arp", line: 3, column: 1 } },
      { policy: "team", index: 2, sid: "Own", source: { file: "team.arp", line: 9, column: 1 } },
    ]);
  });
});
