/**
 * Random App Runner policies as teams write them: actions of every App Runner resource type
 * (and the list actions, which act on no resource type), paired with resources of any type —
 * so most statements pair some action with resources it cannot act on — wildcards, variables,
 * NotAction/NotResource, Deny, every operator family (with the legacy `apprunner:ResourceTag/K`
 * key, Numeric operators on `aws:EpochTime` and `BinaryEquals` on string keys), and names arp's
 * catalog does not know (typos, a non-IAM service, an invented key). IAM accepts all of them:
 * none has a defect IAM rejects.
 */
import fc from "fast-check";
import type { IamPolicyDocument, IamStatement } from "../../runtime/index.js";

const ACTIONS = [
  "apprunner:AssociateCustomDomain", "apprunner:CreateConnection", "apprunner:CreateService", "apprunner:CreateVpcConnector",
  "apprunner:DeleteAutoScalingConfiguration", "apprunner:DeleteConnection", "apprunner:DeleteObservabilityConfiguration",
  "apprunner:DeleteService", "apprunner:DescribeService", "apprunner:DescribeVpcIngressConnection", "apprunner:ListServices",
  "apprunner:ListConnections", "apprunner:ListOperations", "apprunner:ListAssociatedServicesForWebAcl", "apprunner:PauseService",
  "apprunner:StartDeployment", "apprunner:TagResource", "apprunner:UpdateService", "apprunner:Describe*", "apprunner:List*",
  "apprunner:*", "apprunner:*Service", "logs:DescribeLogGroups", "iam:PassRole",
  // Names arp's catalog does not know; IAM accepts them and they match no request AWS makes.
  "apprunner:StartService", "apprunner:Frobnicate*", "vpc:*", "s3:HeadBucket",
];
const RESOURCES = [
  "*", "arn:aws:apprunner:*:*:service/*", "arn:aws:apprunner:*:*:service/myproject-*/*",
  "arn:aws:apprunner:us-east-1:123456789012:service/${aws:username}/*", "arn:aws:apprunner:us-east-1:123456789012:connection/github/*",
  "arn:aws:apprunner:*:*:autoscalingconfiguration/*", "arn:aws:apprunner:*:*:observabilityconfiguration/*/*/*",
  "arn:aws:apprunner:*:123456789012:vpcconnector/*", "arn:aws:apprunner:*:*:vpcingressconnection/*",
  "arn:aws:wafv2:us-east-1:123456789012:regional/webacl/*", "arn:aws:logs:us-east-1:123456789012:log-group:/aws/apprunner/*",
  "arn:aws:iam::123456789012:role/apprunner-*", "arn:aws:ssm:us-east-1:123456789012:parameter/app/*",
];
const TESTS: readonly { keys: string[]; operators: string[]; values: string[] }[] = [
  { keys: ["aws:ResourceTag/team", "aws:RequestTag/env", "aws:PrincipalTag/team", "apprunner:InstanceRole"], operators: ["StringEquals", "StringNotEquals", "StringLike", "StringEqualsIgnoreCase", "StringNotLike"], values: ["web", "api-*", "${aws:PrincipalTag/team}", "${aws:username}"] },
  { keys: ["aws:TagKeys"], operators: ["ForAllValues:StringEquals", "ForAnyValue:StringLike"], values: ["team", "env", "cost-*"] },
  { keys: ["apprunner:ConnectionArn", "apprunner:VpcConnectorArn"], operators: ["ArnLike", "ArnEquals", "ArnNotLike", "StringLike", "StringNotEquals"], values: ["arn:aws:apprunner:*:*:connection/github/*", "arn:aws:apprunner:us-east-1:123456789012:vpcconnector/*"] },
  { keys: ["aws:MultiFactorAuthAge"], operators: ["NumericLessThan", "NumericGreaterThanEquals"], values: ["900", "3600"] },
  { keys: ["aws:CurrentTime"], operators: ["DateLessThan", "DateGreaterThan"], values: ["2026-01-01T00:00:00Z"] },
  { keys: ["aws:SecureTransport", "aws:MultiFactorAuthPresent"], operators: ["Bool"], values: ["true", "false"] },
  { keys: ["aws:SourceIp"], operators: ["IpAddress", "NotIpAddress"], values: ["10.0.0.0/8", "203.0.113.0/24"] },
  // The legacy tag key App Runner's guide names, kept as written (ARP2011).
  { keys: ["apprunner:ResourceTag/team", "apprunner:ResourceTag/env"], operators: ["StringEquals", "StringNotLike", "StringLike"], values: ["web", "prod-*", "${aws:PrincipalTag/team}"] },
  // Operators of another type than the key's that IAM accepts (ARP6020, ARP6021).
  { keys: ["aws:EpochTime"], operators: ["NumericLessThan", "NumericGreaterThanEquals", "NumericNotEquals"], values: ["1700000000", "1800000000"] },
  { keys: ["aws:PrincipalTag/blob", "aws:RequestTag/blob"], operators: ["BinaryEquals"], values: ["YWJj", "YQ==", "c2VjcmV0"] },
];

const condition = fc.array(fc.record({ family: fc.nat(TESTS.length - 1), pick: fc.nat(), ifExists: fc.nat(5), values: fc.array(fc.nat(), { minLength: 1, maxLength: 2 }) }), { maxLength: 2 })
  .map((tests) => {
    const block: Record<string, Record<string, string | string[]>> = {};
    for (const t of tests) {
      const family = TESTS[t.family]!;
      const key = family.keys[t.pick % family.keys.length]!;
      const base = family.operators[t.pick % family.operators.length]!;
      const operator = base + (t.ifExists === 0 && !base.includes(":") ? "IfExists" : "");
      const values = [...new Set(t.values.map((v) => family.values[v % family.values.length]!))];
      (block[operator] ??= {})[key] = values.length === 1 ? values[0]! : values;
    }
    return block;
  });

const statement: fc.Arbitrary<IamStatement> = fc
  .record({
    effect: fc.constantFrom("Allow", "Allow", "Deny"),
    not: fc.nat(7),
    actions: fc.uniqueArray(fc.constantFrom(...ACTIONS), { minLength: 1, maxLength: 4 }),
    resources: fc.uniqueArray(fc.constantFrom(...RESOURCES), { minLength: 1, maxLength: 3 }),
    condition,
  })
  .map((r) => {
    const s: IamStatement = { Effect: r.effect as "Allow" | "Deny" };
    s[r.not === 0 ? "NotAction" : "Action"] = r.actions.length === 1 ? r.actions[0]! : r.actions;
    s[r.not === 1 ? "NotResource" : "Resource"] = r.resources.length === 1 ? r.resources[0]! : r.resources;
    if (Object.keys(r.condition).length > 0) s.Condition = r.condition;
    return s;
  });

/** A random App Runner policy: 1 to 3 statements. */
export const appRunnerPolicy: fc.Arbitrary<IamPolicyDocument> = fc.array(statement, { minLength: 1, maxLength: 3 })
  .map((statements) => ({ Version: "2012-10-17", Statement: statements }));

