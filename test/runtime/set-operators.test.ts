/**
 * `...IfExists`, `ForAllValues:`, `ForAnyValue:` and how several operators, keys and values
 * combine. Sources: "IAM JSON policy elements: Condition operators" [ops], "Single-valued vs.
 * multivalued context keys" [sets], "Multivalued context keys examples" [examples], and
 * "Conditions with multiple context keys or values" [multi].
 */
import { describe, expect, it } from "vitest";
import { conditionHolds, holdsFor, type OperatorCase } from "./support.js";

const TAG_KEYS = ["environment", "cost-center"];

const ifExistsCases: OperatorCase[] = [
  { note: "[ops] StringLikeIfExists table: t1.micro is Match", operator: "StringLikeIfExists", key: "ec2:InstanceType", policyValues: ["t1.*", "t2.*", "m3.*"], context: { "ec2:InstanceType": "t1.micro" }, want: true },
  { note: "[ops] StringLikeIfExists table: m2.micro is No match", operator: "StringLikeIfExists", key: "ec2:InstanceType", policyValues: ["t1.*", "t2.*", "m3.*"], context: { "ec2:InstanceType": "m2.micro" }, want: false },
  { note: "[ops] If the key is not present, evaluate the condition element as true", operator: "StringLikeIfExists", key: "ec2:InstanceType", policyValues: ["t1.*"], context: {}, want: true },
  { note: "[ops] IfExists applies to any operator: NumericLessThanIfExists with the key absent", operator: "NumericLessThanIfExists", key: "s3:max-keys", policyValues: "10", context: {}, want: true },
  { note: "[ops] BoolIfExists with the key absent", operator: "BoolIfExists", key: "aws:MultiFactorAuthPresent", policyValues: "false", context: {}, want: true },
  // Decided: the ForAnyValue sentence ("if the key does not exist, the condition returns false") wins over
  // the IfExists one, as AWS behaves: an allow whose only condition is ForAnyValue:StringEqualsIfExists on
  // aws:TagKeys implicitly denies a request without tag keys.
  { note: "[sets] ForAnyValue:...IfExists on a missing key is false: For no matching context key or if the key does not exist, the condition returns false", operator: "ForAnyValue:StringEqualsIfExists", key: "aws:TagKeys", policyValues: "env", context: {}, want: false },
  { note: "[sets] ForAnyValue:...IfExists on a null key ([\"\"]) is false, as on a missing one", operator: "ForAnyValue:StringEqualsIfExists", key: "aws:TagKeys", policyValues: "env", context: { "aws:TagKeys": [""] }, want: false },
  { note: "[sets] ForAllValues:...IfExists on a missing key stays true", operator: "ForAllValues:StringEqualsIfExists", key: "aws:TagKeys", policyValues: "env", context: {}, want: true },
  { note: "[ops] StringNotEqualsIfExists with the key absent: the request is still denied even if the condition key is not present", operator: "StringNotEqualsIfExists", key: "aws:RequestTag/team", policyValues: "alice", context: {}, want: true },
];

const forAllValuesCases: OperatorCase[] = [
  { note: "[sets] ForAllValues: true if every context key value in the request matches", operator: "ForAllValues:StringEquals", key: "aws:TagKeys", policyValues: TAG_KEYS, context: { "aws:TagKeys": ["environment"] }, want: true },
  { note: "[sets] ForAllValues table: environment + cost-center is Match", operator: "ForAllValues:StringEquals", key: "aws:TagKeys", policyValues: TAG_KEYS, context: { "aws:TagKeys": ["environment", "cost-center"] }, want: true },
  { note: "[sets] ForAllValues table: environment + dept is No match", operator: "ForAllValues:StringEquals", key: "aws:TagKeys", policyValues: TAG_KEYS, context: { "aws:TagKeys": ["environment", "dept"] }, want: false },
  { note: "[sets] ForAllValues: It also returns true if there are no context keys in the request", operator: "ForAllValues:StringEquals", key: "aws:TagKeys", policyValues: TAG_KEYS, context: {}, want: true },
  { note: "[ops] ForAllValues returns true if the context key value resolves to a null dataset (empty set)", operator: "ForAllValues:StringEquals", key: "aws:TagKeys", policyValues: TAG_KEYS, context: { "aws:TagKeys": [] }, want: true },
  { note: "[ops] ForAllValues returns true if the context key value resolves to a null dataset, such as an empty string", operator: "ForAllValues:StringEquals", key: "aws:TagKeys", policyValues: TAG_KEYS, context: { "aws:TagKeys": "" }, want: true },
  { note: "[examples] ForAllValues:StringNotLike key1*: key1:legal is No match", operator: "ForAllValues:StringNotLike", key: "aws:TagKeys", policyValues: "key1*", context: { "aws:TagKeys": ["key1:legal"] }, want: false },
  { note: "[examples] ForAllValues:StringNotLike key1*: key1:hr + key1:personnel is No match", operator: "ForAllValues:StringNotLike", key: "aws:TagKeys", policyValues: "key1*", context: { "aws:TagKeys": ["key1:hr", "key1:personnel"] }, want: false },
  { note: "[examples] ForAllValues:StringNotLike key1*: key2:audit is Match", operator: "ForAllValues:StringNotLike", key: "aws:TagKeys", policyValues: "key1*", context: { "aws:TagKeys": ["key2:audit"] }, want: true },
  // [ops]' ResourceOrgPaths table says "No match" for this case; [sets] and [examples] say
  // true. We follow the normative sentence of [sets], which [examples] confirms.
  { note: "[examples] ForAllValues:StringNotLike: No aws:TagKeys in the request context is Match", operator: "ForAllValues:StringNotLike", key: "aws:TagKeys", policyValues: "key1*", context: {}, want: true },
  { note: "[ops] ForAllValues:StringNotEquals: None of the values … can match", operator: "ForAllValues:StringNotEquals", key: "aws:TagKeys", policyValues: "b", context: { "aws:TagKeys": ["a", "b"] }, want: false },
  { note: "[ops] ForAllValues:ArnLike table: costcenter + support2025 is Match", operator: "ForAllValues:ArnLike", key: "logs:LogGeneratingResourceArns", policyValues: ["arn:aws:cloudfront::123456789012:distribution/*"], context: { "logs:LogGeneratingResourceArns": ["arn:aws:cloudfront::123456789012:distribution/costcenter", "arn:aws:cloudfront::123456789012:distribution/support2025"] }, want: true },
  { note: "[ops] ForAllValues:ArnLike table: account 777788889999 is No match", operator: "ForAllValues:ArnLike", key: "logs:LogGeneratingResourceArns", policyValues: ["arn:aws:cloudfront::123456789012:distribution/*"], context: { "logs:LogGeneratingResourceArns": ["arn:aws:cloudfront::777788889999:distribution/costcenter"] }, want: false },
  { note: "[ops] ForAllValues:Bool: All of the booleans in the context key values must match", operator: "ForAllValues:Bool", key: "example:Flags", policyValues: "true", context: { "example:Flags": ["true", "false"] }, want: false },
];

const forAnyValueCases: OperatorCase[] = [
  { note: "[sets] ForAnyValue table: environment + dept is Match", operator: "ForAnyValue:StringEquals", key: "aws:TagKeys", policyValues: TAG_KEYS, context: { "aws:TagKeys": ["environment", "dept"] }, want: true },
  { note: "[sets] ForAnyValue table: dept is No match", operator: "ForAnyValue:StringEquals", key: "aws:TagKeys", policyValues: TAG_KEYS, context: { "aws:TagKeys": ["dept"] }, want: false },
  { note: "[sets] ForAnyValue: if the key does not exist, the condition returns false", operator: "ForAnyValue:StringEquals", key: "aws:TagKeys", policyValues: TAG_KEYS, context: {}, want: false },
  { note: "[sets] ForAnyValue: For no matching context key (empty set) … returns false", operator: "ForAnyValue:StringEquals", key: "aws:TagKeys", policyValues: TAG_KEYS, context: { "aws:TagKeys": [] }, want: false },
  { note: "[ops] ForAnyValue returns false if the requested context keys resolve to an empty data set (for example, an empty string)", operator: "ForAnyValue:StringLike", key: "aws:TagKeys", policyValues: "*", context: { "aws:TagKeys": "" }, want: false },
  { note: "[ops] ForAnyValue: an empty data set of several empty strings is false too", operator: "ForAnyValue:StringNotEquals", key: "aws:TagKeys", policyValues: "x", context: { "aws:TagKeys": ["", ""] }, want: false },
  { note: "[ops] ForAnyValue comparison is case sensitive (Environment vs environment)", operator: "ForAnyValue:StringEquals", key: "aws:TagKeys", policyValues: "environment", context: { "aws:TagKeys": ["Environment"] }, want: false },
  { note: "[ops] ForAnyValue:StringNotEquals: At least one context key value in the request must NOT match", operator: "ForAnyValue:StringNotEquals", key: "aws:TagKeys", policyValues: ["DataClass", "Owner"], context: { "aws:TagKeys": ["Dept", "DataClass"] }, want: true },
  { note: "[ops] ForAnyValue:StringNotEquals: every request value listed is no match", operator: "ForAnyValue:StringNotEquals", key: "aws:TagKeys", policyValues: ["DataClass", "Owner"], context: { "aws:TagKeys": ["DataClass", "Owner"] }, want: false },
  { note: "[sets] ForAnyValue:StringNotEquals with the key absent returns false (the negation does not rescue it)", operator: "ForAnyValue:StringNotEquals", key: "aws:TagKeys", policyValues: ["DataClass"], context: {}, want: false },
  { note: "[ops] ForAnyValue:Bool: At least one of the booleans … must match", operator: "ForAnyValue:Bool", key: "example:Flags", policyValues: "true", context: { "example:Flags": ["false", "true"] }, want: true },
];

for (const [title, cases] of [
  ["...IfExists", ifExistsCases],
  ["ForAllValues", forAllValuesCases],
  ["ForAnyValue", forAnyValueCases],
] as const) {
  describe(title, () => {
    for (const row of cases) it(`${row.operator}: ${row.note}`, () => expect(holdsFor(row)).toBe(row.want));
  });
}

describe("combining operators, keys and values", () => {
  // [ops] "Example using ForAnyValue with a string condition operator", row by row.
  const block = {
    StringEqualsIgnoreCase: { "aws:RequestTag/environment": ["preprod", "storage"] },
    "ForAnyValue:StringEquals": { "aws:TagKeys": "environment" },
  };
  const rows: [string, Record<string, string | string[]>, boolean][] = [
    ["environment / preprod", { "aws:TagKeys": ["environment"], "aws:RequestTag/environment": "preprod" }, true],
    ["environment, costcenter / PreProd", { "aws:TagKeys": ["environment", "costcenter"], "aws:RequestTag/environment": "PreProd" }, true],
    ["Environment / preprod", { "aws:TagKeys": ["Environment"], "aws:RequestTag/Environment": "preprod" }, false],
    ["costcenter / preprod", { "aws:TagKeys": ["costcenter"], "aws:RequestTag/environment": "preprod" }, false],
    ["no TagKeys / storage", { "aws:RequestTag/environment": "storage" }, false],
    ["environment / no RequestTag", { "aws:TagKeys": ["environment"] }, false],
    ["neither key", {}, false],
  ];
  for (const [label, context, want] of rows) {
    it(`[multi] condition operators are evaluated using a logical AND — doc table row ${label}`, () => {
      expect(conditionHolds(block, context)).toBe(want);
    });
  }

  it("[multi] multiple context keys attached to a single condition operator … logical AND", () => {
    const keys = { StringEquals: { "aws:PrincipalTag/department": "hr", "aws:PrincipalTag/role": "audit" } };
    expect(conditionHolds(keys, { "aws:PrincipalTag/department": "hr", "aws:PrincipalTag/role": "audit" })).toBe(true);
    expect(conditionHolds(keys, { "aws:PrincipalTag/department": "hr" })).toBe(false);
  });

  it("[sets] ForAllValues with a Null false check: No aws:TagKeys in the request context is No match", () => {
    const guarded = { "ForAllValues:StringEquals": { "aws:TagKeys": TAG_KEYS }, Null: { "aws:TagKeys": "false" } };
    expect(conditionHolds(guarded, {})).toBe(false);
    expect(conditionHolds(guarded, { "aws:TagKeys": ["cost-center"] })).toBe(true);
  });

  it("JSON booleans and numbers in condition values are read as their text", () => {
    expect(conditionHolds({ Bool: { "aws:SecureTransport": true } }, { "aws:SecureTransport": "true" })).toBe(true);
    expect(conditionHolds({ NumericEquals: { "s3:max-keys": 10 } }, { "s3:max-keys": "10" })).toBe(true);
  });
});
