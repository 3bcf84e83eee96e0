/**
 * fast-check generators of random policy sets and requests for the differential property
 * (generated evaluator vs runtime interpreter). Pools are small on purpose so that random
 * requests often hit what random policies name: real App Runner and other service actions with
 * wildcards and NotAction, App Runner ARNs with wildcards and policy variables, and conditions
 * over every operator family with IfExists, ForAllValues/ForAnyValue and multi-valued context.
 */
import fc from "fast-check";
import { compilePolicySet, PolicyValidationError } from "../../runtime/index.js";
import type { ContextValue, IamConditionBlock, IamStatement, PolicyInput, Request } from "../../runtime/index.js";

/** Real actions the policies name. */
export const ACTIONS = [
  "apprunner:CreateService",
  "apprunner:DeleteService",
  "apprunner:DescribeService",
  "apprunner:ListServices",
  "apprunner:UpdateService",
  "apprunner:PauseService",
  "apprunner:ResumeService",
  "apprunner:StartDeployment",
  "apprunner:ListOperations",
  "apprunner:CreateConnection",
  "apprunner:ListConnections",
  "apprunner:DescribeAutoScalingConfiguration",
  "apprunner:TagResource",
  "apprunner:UntagResource",
  "s3:GetObject",
  "s3:PutObject",
  "iam:PassRole",
  "logs:CreateLogGroup",
];

const ACTION_PATTERNS = [
  "*",
  "apprunner:*",
  "apprunner:Describe*",
  "apprunner:List*",
  "apprunner:*Service",
  "apprunner:?escribeService",
  "APPRUNNER:create*",
  "s3:*Object",
  "*:TagResource",
  "apprunner:*Auto*Configuration",
];

/** Actions requests use: known ones in any case, and names no policy spells out. */
const REQUEST_ACTIONS = [...ACTIONS, "apprunner:describeservice", "APPRUNNER:LISTSERVICES", "apprunner:AssociateCustomDomain", "ec2:RunInstances", "s3:GetObjectAcl", "apprunner:"];

/** Resources requests name, and the ARNs random patterns are made from. */
export const RESOURCES = [
  "arn:aws:apprunner:us-east-1:123456789012:service/web/8fe1e10304f84fd2b0df550fe98a71fa",
  "arn:aws:apprunner:us-east-1:123456789012:service/api/0b8f9bd3a2c54a6a9f4ba6d2e1f0c7aa",
  "arn:aws:apprunner:eu-west-1:123456789012:service/web/11111111111111111111111111111111",
  "arn:aws:apprunner:us-east-1:123456789012:connection/github/a1b2c3",
  "arn:aws:apprunner:us-east-2:999999999999:autoscalingconfiguration/high/3/f00d",
  "arn:aws:apprunner:us-east-1:123456789012:service/alice/abc",
  "arn:aws:s3:::bucket/alice/notes.txt",
  "arn:aws:s3:::bucket/*",
  // A colon-rich ARN that a `*` crossing colons inside a segment would match.
  "arn:aws:apprunner:us-east:999999999999:x-1:123456789012:service/web/1",
  "arn:aws:apprunner:us:east-1:123456789012:service/web:v2",
  "*",
];

const RESOURCE_PATTERNS = [
  "*",
  "arn:aws:apprunner:*",
  "arn:aws:apprunner:us-east-1:123456789012:service/*",
  "arn:aws:apprunner:*:123456789012:service/web/*",
  "arn:aws:apprunner:us-east-?:*:*/*/*",
  "arn:aws:apprunner:*:*:service/*/*a*",
  "arn:aws:apprunner:*:*:service/${aws:username}/*",
  "arn:aws:apprunner:*:*:service/${aws:PrincipalTag/team}/*",
  "arn:aws:apprunner:*:*:service/${aws:PrincipalTag/team, 'web'}/*",
  "arn:aws:apprunner:*:*:service/${aws:PrincipalTag/team, 'w*'}/*",
  "arn:aws:s3:::bucket/${aws:username}/*",
  "arn:aws:s3:::bucket/${*}",
  "arn:aws:s3:::bucket/${aws:username}/${aws:PrincipalTag/team}.txt",
  "arn:aws:s3:::bucket/${aws:PrincipalTag/env}*",
  "arn:aws:apprunner:*:*:service/web/${?}*",
  // Wildcards that stay inside their ARN segment, and `${...}` before the fifth colon (literal).
  "arn:aws:apprunner:us-*-1:123456789012:service/*",
  "arn:aws:apprunner:us-east-?:*:service/web/*",
  "arn:aws:apprunner:u?:*:service/*",
  "arn:aws:apprunner:*-1:*:*",
  "arn:aws:apprunner:us*:*:service/web:*",
  "arn:aws:apprunner:us-*-1:*:service/${aws:username}/*",
  "arn:aws:apprunner:${aws:PrincipalTag/team}:*",
  "arn:aws:apprunner:us-*",
];

/** A resource pattern made from a real ARN by turning random characters into wildcards. */
const mutatedResource: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom(...RESOURCES.slice(0, 7)), fc.array(fc.tuple(fc.nat(), fc.nat(20), fc.boolean()), { maxLength: 3 }))
  .map(([arn, edits]) => {
    let s = arn;
    for (const [at, length, star] of edits) {
      // Keep the `arn:` prefix: a resource that is neither `*` nor an ARN is refused.
      const i = 4 + (at % (s.length - 4));
      s = star ? s.slice(0, i) + "*" + s.slice(i + length) : s.slice(0, i) + "?" + s.slice(i + 1);
    }
    return s;
  });

const KEYS = {
  string: ["aws:ResourceTag/team", "aws:PrincipalTag/team", "aws:RequestTag/env", "aws:username", "aws:PrincipalType"],
  multi: ["aws:TagKeys", "aws:CalledVia"],
  ip: ["aws:SourceIp"],
  date: ["aws:CurrentTime", "aws:EpochTime"],
  numeric: ["s3:max-keys", "aws:MultiFactorAuthAge"],
  bool: ["aws:SecureTransport", "aws:MultiFactorAuthPresent"],
  binary: ["custom:Blob"],
  arn: ["aws:SourceArn", "aws:PrincipalArn"],
} as const;

const STRING_VALUES = ["alice", "bob", "Alice", "web", "api", "", "a*", "*e*", "?ob", "${aws:username}", "${aws:PrincipalTag/team}", "team-${aws:username}", "${*}", "${aws:nothing, 'bob'}", "${aws:nothing, 'b*'}", "${aws:PrincipalTag/env}", "User", "Account", "env", "cost*"];
const VALUES: Readonly<Record<keyof typeof KEYS, readonly string[]>> = {
  string: STRING_VALUES,
  multi: ["env", "cost", "team", "e*", "apprunner.amazonaws.com", "${aws:PrincipalTag/team}"],
  // Policy values IAM accepts only: the runtime refuses a document with "bad", "garbage" or "x"
  // under a typed operator (request values keep such oddities, below).
  ip: ["10.0.0.0/8", "192.168.1.1", "192.168.1.0/24", "2001:db8::/32", "::1", "0.0.0.0/0"],
  date: ["2024-01-01T00:00:00Z", "2024-06-01", "1700000000", "2024-01-01T02:00:00+02:00", "2024"],
  numeric: ["10", "5.5", "-1", "1e2", "0", "3600"],
  bool: ["true", "false", "True", "${aws:PrincipalTag/flag}"],
  binary: ["YWJj", "YWJjZA==", "YWJjZA", "QUJD"],
  arn: [
    "arn:aws:apprunner:*:123456789012:service/*",
    "arn:aws:apprunner:us-east-1:*:*",
    "*",
    "arn:aws:*",
    "arn:aws:apprunner:*:*:service/${aws:username}/*",
    "arn:${aws:PrincipalTag/team}:apprunner:*",
    "arn:aws:iam::123456789012:user/*",
    "arn:aws:iam::*:user/${aws:username}",
    "arn:aws:s3:::bucket",
  ],
};

const CONTEXT_VALUES: Readonly<Record<keyof typeof KEYS, readonly string[]>> = {
  string: ["alice", "bob", "Alice", "web", "api", "", "team-alice", "*", "User", "ALICE"],
  multi: ["env", "cost", "team", "", "apprunner.amazonaws.com", "web"],
  ip: ["10.1.2.3", "192.168.1.1", "192.168.2.1", "2001:db8::1", "::1", "not-ip", "10.0.0.0/8"],
  date: ["2024-01-01T00:00:00Z", "2023-12-31T23:59:59Z", "1704067200", "2024-06-01T00:00:00.500Z", "2025", "nope"],
  numeric: ["10", "5.5", "9", "100", "abc", " 10", "1e1"],
  bool: ["true", "false", "TRUE", "yes"],
  binary: ["YWJj", "YWJjZA==", "YWJjZA", "bad!"],
  arn: [
    "arn:aws:apprunner:us-east-1:123456789012:service/web/1",
    "arn:aws:apprunner:us-east-1:123456789012:service/alice/x",
    "arn:aws:iam::123456789012:user/alice",
    "arn:aws:s3:::bucket",
    "not:an:arn",
  ],
};

type Family = keyof typeof KEYS;

const OPERATORS: Readonly<Record<Family, readonly string[]>> = {
  string: ["StringEquals", "StringNotEquals", "StringEqualsIgnoreCase", "StringNotEqualsIgnoreCase", "StringLike", "StringNotLike", "stringequals"],
  multi: ["StringEquals", "StringLike", "StringNotEquals", "StringNotLike"],
  ip: ["IpAddress", "NotIpAddress"],
  date: ["DateEquals", "DateNotEquals", "DateLessThan", "DateLessThanEquals", "DateGreaterThan", "DateGreaterThanEquals"],
  numeric: ["NumericEquals", "NumericNotEquals", "NumericLessThan", "NumericLessThanEquals", "NumericGreaterThan", "NumericGreaterThanEquals"],
  bool: ["Bool"],
  binary: ["BinaryEquals"],
  arn: ["ArnEquals", "ArnLike", "ArnNotEquals", "ArnNotLike"],
};

const FAMILIES = Object.keys(KEYS) as Family[];

/** One operator/key/values entry of a Condition block. */
const conditionEntry: fc.Arbitrary<[string, string, string[]]> = fc
  .record({
    family: fc.constantFrom(...FAMILIES),
    pick: fc.nat(),
    qualifier: fc.constantFrom("", "", "ForAnyValue:", "ForAllValues:"),
    ifExists: fc.boolean(),
    values: fc.array(fc.nat(), { minLength: 1, maxLength: 3 }),
    odd: fc.nat(30),
  })
  .map(({ family, pick, qualifier, ifExists, values, odd }) => {
    const key = KEYS[family][pick % KEYS[family].length]!;
    const pool = VALUES[family];
    const vals = values.map((v) => pool[v % pool.length]!);
    if (odd === 0) return ["Null", key, [pick % 3 === 0 ? "TRUE" : pick % 3 === 1 ? "false" : "true"]];
    const base = OPERATORS[family][pick % OPERATORS[family].length]!;
    return [`${qualifier}${base}${ifExists ? "IfExists" : ""}`, key, vals];
  });

const conditionBlock: fc.Arbitrary<IamConditionBlock | undefined> = fc.option(
  fc.array(conditionEntry, { minLength: 1, maxLength: 3 }).map((entries) => {
    const block: Record<string, Record<string, string[]>> = {};
    for (const [op, key, values] of entries) (block[op] ??= {})[key] = values;
    return block;
  }),
  { freq: 2 },
);

const statementArb: fc.Arbitrary<IamStatement> = fc
  .record({
    effect: fc.constantFrom("Allow", "Deny"),
    notAction: fc.nat(5),
    actions: fc.array(fc.oneof(fc.constantFrom(...ACTIONS), fc.constantFrom(...ACTION_PATTERNS)), { minLength: 1, maxLength: 3 }),
    notResource: fc.nat(5),
    resources: fc.array(fc.oneof(fc.constantFrom(...RESOURCE_PATTERNS), fc.constantFrom(...RESOURCES), mutatedResource), {
      minLength: 1,
      maxLength: 3,
    }),
    condition: conditionBlock,
    sid: fc.option(fc.constantFrom("Read", "Write", "Guard"), { freq: 3 }),
  })
  .map((r) => {
    const s: IamStatement = { Effect: r.effect as "Allow" | "Deny" };
    if (r.sid !== null) s.Sid = r.sid;
    if (r.notAction === 0) s.NotAction = r.actions;
    else s.Action = r.actions.length === 1 ? r.actions[0]! : r.actions;
    if (r.notResource === 0) s.NotResource = r.resources;
    else s.Resource = r.resources.length === 1 ? r.resources[0]! : r.resources;
    if (r.condition !== null && r.condition !== undefined) s.Condition = r.condition;
    return s;
  });

/** Whether the runtime accepts the set (IAM's grammar; e.g. Bool "${…}" is not a boolean under 2008-10-17). */
function acceptable(set: readonly PolicyInput[]): boolean {
  try {
    compilePolicySet(set);
    return true;
  } catch (error) {
    if (error instanceof PolicyValidationError) return false;
    throw error;
  }
}

/** A policy set of one to three named policies with `.arp` locations for some statements. */
export const policySetArb: fc.Arbitrary<PolicyInput[]> = fc.array(
  fc.record({
    statements: fc.array(statementArb, { minLength: 1, maxLength: 8 }),
    old: fc.nat(9),
  }),
  { minLength: 1, maxLength: 3 },
).map((policies) =>
  policies.map((p, i) => ({
    name: `policy${i}`,
    document: {
      Version: p.old === 0 ? ("2008-10-17" as const) : ("2012-10-17" as const),
      // "In IAM, the Sid value must be unique within a JSON policy."
      Statement: p.statements.map((s, j) => (s.Sid === undefined ? s : { ...s, Sid: `${s.Sid}${j}` })),
    },
    sources: p.statements.map((_, j) => (j % 2 === 0 ? { file: `p${i}.arp`, line: j + 1, column: 3 } : undefined)),
  })),
).filter(acceptable);

const PRINCIPALS = [
  "arn:aws:iam::123456789012:user/alice",
  "arn:aws:iam::123456789012:user/division/bob",
  "arn:aws:sts::123456789012:assumed-role/deployer/session",
  "arn:aws:iam::123456789012:root",
  "arn:aws:sts::123456789012:federated-user/carol",
  "not-an-arn",
];

/** A context key spelled as a caller might: any case. */
function caseVariant(key: string, n: number): string {
  return n % 3 === 0 ? key : n % 3 === 1 ? key.toLowerCase() : key.toUpperCase();
}

const contextArb: fc.Arbitrary<Record<string, ContextValue>> = fc
  .array(
    fc.record({
      family: fc.constantFrom(...FAMILIES),
      key: fc.nat(),
      values: fc.array(fc.nat(), { maxLength: 3 }),
      single: fc.nat(3),
      spelling: fc.nat(),
      // Null forms IAM reads as no value: "", [""] and [] (besides "" drawn from the pools).
      blank: fc.nat(7),
    }),
    { maxLength: 8 },
  )
  .map((entries) => {
    const context: Record<string, ContextValue> = {};
    for (const e of entries) {
      const pool = CONTEXT_VALUES[e.family];
      const keys = [...KEYS[e.family], "aws:PrincipalTag/env", "aws:PrincipalTag/flag"];
      const key = caseVariant(keys[e.key % keys.length]!, e.spelling);
      const values = e.values.map((v) => pool[v % pool.length]!);
      const blanks: readonly ContextValue[] = ["", [""], [], ["", ""]];
      context[key] = e.blank < blanks.length ? blanks[e.blank]! : e.single > 0 && values.length > 0 ? values[0]! : values;
    }
    return context;
  });

/** A random request: principal, action, resource and a context with multi-valued and oddly cased keys. */
export const requestArb: fc.Arbitrary<Request> = fc.record({
  principal: fc.constantFrom(...PRINCIPALS),
  action: fc.constantFrom(...REQUEST_ACTIONS),
  resource: fc.constantFrom(...RESOURCES),
  context: contextArb,
});
