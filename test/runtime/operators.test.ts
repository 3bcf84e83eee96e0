/**
 * Condition operators, one table per family. Each row cites the sentence of "IAM JSON policy
 * elements: Condition operators" (docs.aws.amazon.com/IAM/latest/UserGuide/
 * reference_policies_elements_condition_operators.html) it follows, or says "choice" where
 * the docs are silent.
 */
import { describe, expect, it } from "vitest";
import { OPERATORS, parseOperator } from "../../runtime/index.js";
import { holdsFor, type OperatorCase } from "./support.js";

const MISSING = "If the key that you specify in a policy condition is not present in the request context, the values do not match and the condition is false";
const NEGATED_MISSING = "If the policy condition requires that the key is not matched … and the right key is not present, the condition is true";

const stringCases: OperatorCase[] = [
  { note: "StringEquals: Exact matching, case sensitive", operator: "StringEquals", key: "aws:PrincipalTag/job-category", policyValues: "iamuser-admin", context: { "aws:PrincipalTag/job-category": "iamuser-admin" }, want: true },
  { note: "StringEquals doc table: dev-ops is No match", operator: "StringEquals", key: "aws:PrincipalTag/job-category", policyValues: "iamuser-admin", context: { "aws:PrincipalTag/job-category": "dev-ops" }, want: false },
  { note: `StringEquals doc table, key absent: ${MISSING}`, operator: "StringEquals", key: "aws:PrincipalTag/job-category", policyValues: "iamuser-admin", context: {}, want: false },
  { note: "StringEquals is case sensitive in values", operator: "StringEquals", key: "aws:PrincipalTag/team", policyValues: "alice", context: { "aws:PrincipalTag/team": "Alice" }, want: false },
  { note: "Condition key names are not case-sensitive (Condition element)", operator: "StringEquals", key: "AWS:PrincipalTag/TEAM", policyValues: "alice", context: { "aws:principaltag/team": "alice" }, want: true },
  { note: "multiple values for a context key … logical OR", operator: "StringEquals", key: "aws:PrincipalTag/role", policyValues: ["audit", "security"], context: { "aws:PrincipalTag/role": "security" }, want: true },
  { note: "StringNotEquals: Negated matching", operator: "StringNotEquals", key: "aws:RequestTag/DataClass", policyValues: ["public", "internal"], context: { "aws:RequestTag/DataClass": "private" }, want: true },
  { note: "negated matching operator with multiple values … logical NOR", operator: "StringNotEquals", key: "aws:RequestTag/DataClass", policyValues: ["public", "internal"], context: { "aws:RequestTag/DataClass": "public" }, want: false },
  { note: `StringNotEquals, key absent: ${NEGATED_MISSING}`, operator: "StringNotEquals", key: "aws:RequestTag/DataClass", policyValues: ["public", "internal"], context: {}, want: true },
  { note: "StringEqualsIgnoreCase: Exact matching, ignoring case (doc example PreProd)", operator: "StringEqualsIgnoreCase", key: "aws:RequestTag/environment", policyValues: ["preprod", "storage"], context: { "aws:RequestTag/environment": "PreProd" }, want: true },
  { note: "StringNotEqualsIgnoreCase: Negated matching, ignoring case", operator: "StringNotEqualsIgnoreCase", key: "aws:RequestTag/environment", policyValues: "preprod", context: { "aws:RequestTag/environment": "PREPROD" }, want: false },
  { note: "StringLike doc table: t1.micro matches t1.*", operator: "StringLike", key: "ec2:InstanceType", policyValues: ["t1.*", "t2.*", "m3.*"], context: { "ec2:InstanceType": "t1.micro" }, want: true },
  { note: "StringLike doc table: m2.micro is No match", operator: "StringLike", key: "ec2:InstanceType", policyValues: ["t1.*", "t2.*", "m3.*"], context: { "ec2:InstanceType": "m2.micro" }, want: false },
  { note: "StringLike: single-character match wildcards (?)", operator: "StringLike", key: "ec2:InstanceType", policyValues: "t?.micro", context: { "ec2:InstanceType": "t3.micro" }, want: true },
  { note: "StringLike: Case-sensitive matching", operator: "StringLike", key: "s3:prefix", policyValues: "Home/*", context: { "s3:prefix": "home/x" }, want: false },
  { note: "StringLike: You must specify wildcards to achieve partial string matches", operator: "StringLike", key: "s3:prefix", policyValues: "home", context: { "s3:prefix": "home/x" }, want: false },
  // "it is possible to include an empty string. In this case, the value in the request context is *null*"
  // (Condition element): a request value "" is a null key, which no positive operator matches, "" included.
  { note: "a request value \"\" is null: StringLike with a \"\" policy value does not match it", operator: "StringLike", key: "s3:prefix", policyValues: ["", "home/"], context: { "s3:prefix": "" }, want: false },
  { note: "a \"\" among other request values is an ordinary value: StringLike \"\" matches it", operator: "StringLike", key: "s3:prefix", policyValues: ["", "home/"], context: { "s3:prefix": ["", "x"] }, want: true },
  { note: "StringNotLike: Negated case-sensitive matching", operator: "StringNotLike", key: "s3:prefix", policyValues: "home/*", context: { "s3:prefix": "home/x" }, want: false },
  { note: `StringNotLike, key absent: ${NEGATED_MISSING}`, operator: "StringNotLike", key: "s3:prefix", policyValues: "home/*", context: {}, want: true },
  { note: "choice: a plain operator on a multivalued key holds if any value matches", operator: "StringEquals", key: "aws:TagKeys", policyValues: "b", context: { "aws:TagKeys": ["a", "b"] }, want: true },
  { note: "choice: the negated plain operator is the exact negation of that", operator: "StringNotEquals", key: "aws:TagKeys", policyValues: "b", context: { "aws:TagKeys": ["a", "b"] }, want: false },
];

const numericCases: OperatorCase[] = [
  { note: "NumericLessThanEquals s3:max-keys 10: up to 10 objects", operator: "NumericLessThanEquals", key: "s3:max-keys", policyValues: "10", context: { "s3:max-keys": "10" }, want: true },
  { note: "NumericLessThanEquals: 11 is more than 10", operator: "NumericLessThanEquals", key: "s3:max-keys", policyValues: "10", context: { "s3:max-keys": "11" }, want: false },
  { note: `NumericLessThanEquals, key absent: ${MISSING}`, operator: "NumericLessThanEquals", key: "s3:max-keys", policyValues: "10", context: {}, want: false },
  { note: "comparing a key to an integer or decimal value: 10 equals 10.0", operator: "NumericEquals", key: "s3:max-keys", policyValues: "10.0", context: { "s3:max-keys": "10" }, want: true },
  { note: "NumericNotEquals: Negated matching", operator: "NumericNotEquals", key: "s3:max-keys", policyValues: ["5", "10"], context: { "s3:max-keys": "7" }, want: true },
  { note: `NumericNotEquals, key absent: ${NEGATED_MISSING}`, operator: "NumericNotEquals", key: "s3:max-keys", policyValues: "10", context: {}, want: true },
  { note: "NumericLessThan: \"Less than\" matching, strict", operator: "NumericLessThan", key: "s3:max-keys", policyValues: "10", context: { "s3:max-keys": "10" }, want: false },
  { note: "NumericGreaterThan: \"Greater than\" matching", operator: "NumericGreaterThan", key: "aws:MultiFactorAuthAge", policyValues: "3600", context: { "aws:MultiFactorAuthAge": "3601" }, want: true },
  { note: "NumericGreaterThanEquals: \"Greater than or equals\" matching", operator: "NumericGreaterThanEquals", key: "aws:MultiFactorAuthAge", policyValues: "3600", context: { "aws:MultiFactorAuthAge": "3600" }, want: true },
  { note: "choice: a request value that is not a number never compares", operator: "NumericEquals", key: "s3:max-keys", policyValues: "10", context: { "s3:max-keys": "ten" }, want: false },
];

const dateCases: OperatorCase[] = [
  { note: "DateGreaterThan aws:TokenIssueTime 2020-01-01T00:00:01Z: credentials issued in 2020", operator: "DateGreaterThan", key: "aws:TokenIssueTime", policyValues: "2020-01-01T00:00:01Z", context: { "aws:TokenIssueTime": "2020-06-01T12:00:00Z" }, want: true },
  { note: "DateGreaterThan: the key is not present in requests made using access keys", operator: "DateGreaterThan", key: "aws:TokenIssueTime", policyValues: "2020-01-01T00:00:01Z", context: {}, want: false },
  { note: "epoch (UNIX) time compares with W3C ISO 8601 dates", operator: "DateLessThan", key: "aws:EpochTime", policyValues: "2020-01-01T00:00:00Z", context: { "aws:EpochTime": "1577836799" }, want: true },
  { note: "DateEquals: Matching a specific date (YYYY-MM-DD is midnight UTC)", operator: "DateEquals", key: "aws:CurrentTime", policyValues: "2020-01-01", context: { "aws:CurrentTime": "2020-01-01T00:00:00Z" }, want: true },
  { note: "W3C TZD offsets: 01:00+01:00 is 00:00Z", operator: "DateEquals", key: "aws:CurrentTime", policyValues: "2020-01-01T01:00:00+01:00", context: { "aws:CurrentTime": "2020-01-01T00:00:00Z" }, want: true },
  { note: "DateLessThanEquals: Matching at or before", operator: "DateLessThanEquals", key: "aws:CurrentTime", policyValues: "2013-06-30T00:00:00Z", context: { "aws:CurrentTime": "2013-06-30T00:00:00Z" }, want: true },
  { note: "DateGreaterThanEquals: Matching at or after", operator: "DateGreaterThanEquals", key: "aws:CurrentTime", policyValues: "2013-06-30T00:00:00Z", context: { "aws:CurrentTime": "2013-06-29T23:59:59Z" }, want: false },
  { note: `DateNotEquals, key absent: ${NEGATED_MISSING}`, operator: "DateNotEquals", key: "aws:CurrentTime", policyValues: "2020-01-01", context: {}, want: true },
  { note: "choice: an unparsable request date never compares", operator: "DateLessThan", key: "aws:CurrentTime", policyValues: "2020-01-01T00:00:00Z", context: { "aws:CurrentTime": "yesterday" }, want: false },
];

const boolCases: OperatorCase[] = [
  { note: "Bool doc table: aws:SecureTransport false matches false", operator: "Bool", key: "aws:SecureTransport", policyValues: "false", context: { "aws:SecureTransport": "false" }, want: true },
  { note: "Bool doc table: true is No match", operator: "Bool", key: "aws:SecureTransport", policyValues: "false", context: { "aws:SecureTransport": "true" }, want: false },
  { note: "Bool doc table: No aws:SecureTransport in the request context is No match", operator: "Bool", key: "aws:SecureTransport", policyValues: "false", context: {}, want: false },
  { note: "choice: Bool ignores the case of true/false", operator: "Bool", key: "aws:SecureTransport", policyValues: "true", context: { "aws:SecureTransport": "True" }, want: true },
];

const binaryCases: OperatorCase[] = [
  { note: "BinaryEquals doc table: the same base-64 is Match", operator: "BinaryEquals", key: "key", policyValues: "QmluYXJ5VmFsdWVJbkJhc2U2NA==", context: { key: "QmluYXJ5VmFsdWVJbkJhc2U2NA==" }, want: true },
  { note: "BinaryEquals doc table: ASIAIOSFODNN7EXAMPLE is No match", operator: "BinaryEquals", key: "key", policyValues: "QmluYXJ5VmFsdWVJbkJhc2U2NA==", context: { key: "ASIAIOSFODNN7EXAMPLE" }, want: false },
  { note: "BinaryEquals doc table: No key in the request context is No match", operator: "BinaryEquals", key: "key", policyValues: "QmluYXJ5VmFsdWVJbkJhc2U2NA==", context: {}, want: false },
  { note: "BinaryEquals compares byte for byte: unpadded base-64 of the same bytes matches", operator: "BinaryEquals", key: "key", policyValues: "QQ==", context: { key: "QQ" }, want: true },
];

const ipCases: OperatorCase[] = [
  { note: "IpAddress doc table: 203.0.113.1 in 203.0.113.0/24 is Match", operator: "IpAddress", key: "aws:SourceIp", policyValues: "203.0.113.0/24", context: { "aws:SourceIp": "203.0.113.1" }, want: true },
  { note: "IpAddress doc table: 198.51.100.1 is No match", operator: "IpAddress", key: "aws:SourceIp", policyValues: "203.0.113.0/24", context: { "aws:SourceIp": "198.51.100.1" }, want: false },
  { note: "If you specify an IP address without the associated routing prefix, IAM uses the default prefix value of /32", operator: "IpAddress", key: "aws:SourceIp", policyValues: "203.0.113.5", context: { "aws:SourceIp": "203.0.113.6" }, want: false },
  { note: "a bare address matches itself", operator: "IpAddress", key: "aws:SourceIp", policyValues: "203.0.113.5", context: { "aws:SourceIp": "203.0.113.5" }, want: true },
  { note: "IPv6 CIDR 2001:DB8:1234:5678::/64 (doc example), hex is case-insensitive", operator: "IpAddress", key: "aws:SourceIp", policyValues: "2001:DB8:1234:5678::/64", context: { "aws:SourceIp": "2001:db8:1234:5678:abcd::1" }, want: true },
  { note: "IPv6 outside the /64", operator: "IpAddress", key: "aws:SourceIp", policyValues: "2001:DB8:1234:5678::/64", context: { "aws:SourceIp": "2001:db8:1234:5679::1" }, want: false },
  { note: "mix IPv4 and IPv6 addresses to cover all of your organization's valid IP addresses", operator: "IpAddress", key: "aws:SourceIp", policyValues: ["203.0.113.0/24", "2001:DB8:1234:5678::/64"], context: { "aws:SourceIp": "2001:db8:1234:5678::9" }, want: true },
  { note: "NotIpAddress: All IP addresses except the specified IP address or range", operator: "NotIpAddress", key: "aws:SourceIp", policyValues: "203.0.113.0/24", context: { "aws:SourceIp": "198.51.100.1" }, want: true },
  { note: "NotIpAddress inside the range", operator: "NotIpAddress", key: "aws:SourceIp", policyValues: "203.0.113.0/24", context: { "aws:SourceIp": "203.0.113.9" }, want: false },
  { note: `NotIpAddress, key absent (VPC endpoint requests): ${NEGATED_MISSING}`, operator: "NotIpAddress", key: "aws:SourceIp", policyValues: "203.0.113.0/24", context: {}, want: true },
  { note: "choice: IPv4 and IPv6 are separate families", operator: "IpAddress", key: "aws:SourceIp", policyValues: "0.0.0.0/0", context: { "aws:SourceIp": "::ffff:203.0.113.1" }, want: false },
  { note: "a /0 range holds every address of its family", operator: "IpAddress", key: "aws:SourceIp", policyValues: "0.0.0.0/0", context: { "aws:SourceIp": "198.51.100.1" }, want: true },
];

const TOPIC = "arn:aws:sns:us-west-2:123456789012:TOPIC-ID";
const arnCases: OperatorCase[] = [
  { note: "ArnEquals doc table: the same topic ARN is Match", operator: "ArnEquals", key: "aws:SourceArn", policyValues: TOPIC, context: { "aws:SourceArn": TOPIC }, want: true },
  { note: "ArnEquals doc table: account 777788889999 is No match", operator: "ArnEquals", key: "aws:SourceArn", policyValues: TOPIC, context: { "aws:SourceArn": "arn:aws:sns:us-west-2:777788889999:TOPIC-ID" }, want: false },
  { note: "ArnEquals doc table: No aws:SourceArn in the request context is No match", operator: "ArnEquals", key: "aws:SourceArn", policyValues: TOPIC, context: {}, want: false },
  { note: "With an ArnLike condition, which matches elements between colons, the match fails (doc example)", operator: "ArnLike", key: "aws:SourceArn", policyValues: "arn:aws:someservice:*:111122223333:finance/*", context: { "aws:SourceArn": "arn:aws:someservice:us-east-2:999999999999:store/abc:111122223333:finance/document.txt" }, want: false },
  { note: "With a StringLike condition, the match succeeds (same doc example)", operator: "StringLike", key: "aws:SourceArn", policyValues: "arn:aws:someservice:*:111122223333:finance/*", context: { "aws:SourceArn": "arn:aws:someservice:us-east-2:999999999999:store/abc:111122223333:finance/document.txt" }, want: true },
  { note: "ArnLike: each of the six colon-delimited components … can include wildcards", operator: "ArnLike", key: "aws:SourceArn", policyValues: "arn:aws:sns:*:123456789012:*", context: { "aws:SourceArn": TOPIC }, want: true },
  { note: "The ArnEquals and ArnLike condition operators behave identically (wildcards in ArnEquals)", operator: "ArnEquals", key: "aws:SourceArn", policyValues: "arn:aws:sns:*:123456789012:TOPIC-?D", context: { "aws:SourceArn": TOPIC }, want: true },
  { note: "ArnLike: Case-sensitive matching of the ARN", operator: "ArnLike", key: "aws:SourceArn", policyValues: "arn:aws:sns:*:123456789012:topic-id", context: { "aws:SourceArn": TOPIC }, want: false },
  { note: "the resource component keeps its own colons", operator: "ArnLike", key: "aws:SourceArn", policyValues: "arn:aws:logs:us-east-1:123456789012:log-group:*", context: { "aws:SourceArn": "arn:aws:logs:us-east-1:123456789012:log-group:app:*" }, want: true },
  { note: "ArnNotLike: Negated matching for ARN", operator: "ArnNotLike", key: "aws:SourceArn", policyValues: "arn:aws:sns:*:123456789012:*", context: { "aws:SourceArn": TOPIC }, want: false },
  { note: `ArnNotLike, key absent: ${NEGATED_MISSING}`, operator: "ArnNotLike", key: "aws:SourceArn", policyValues: TOPIC, context: {}, want: true },
  { note: "choice: a pattern of fewer components lets its last one cover the rest (`*` matches every ARN)", operator: "ArnLike", key: "aws:PrincipalArn", policyValues: "*", context: { "aws:PrincipalArn": "arn:aws:iam::123456789012:role/x" }, want: true },
  { note: "a value with fewer than six components does not match a full ARN pattern", operator: "ArnLike", key: "aws:SourceArn", policyValues: "arn:aws:sns:*:*:*", context: { "aws:SourceArn": "not-an-arn" }, want: false },
];

const nullCases: OperatorCase[] = [
  { note: "Null true: the key doesn't exist — it is null", operator: "Null", key: "aws:TokenIssueTime", policyValues: "true", context: {}, want: true },
  { note: "Null true with the key present", operator: "Null", key: "aws:TokenIssueTime", policyValues: "true", context: { "aws:TokenIssueTime": "2020-01-01T00:00:00Z" }, want: false },
  { note: "Null false: the key exists and its value is not null", operator: "Null", key: "aws:TokenIssueTime", policyValues: "false", context: { "aws:TokenIssueTime": "2020-01-01T00:00:00Z" }, want: true },
  { note: "Null false with the key absent", operator: "Null", key: "aws:TokenIssueTime", policyValues: "false", context: {}, want: false },
  { note: "Null false: a key with an empty value set is null", operator: "Null", key: "aws:TagKeys", policyValues: "false", context: { "aws:TagKeys": [] }, want: false },
];

const families: [string, OperatorCase[]][] = [
  ["String", stringCases],
  ["Numeric", numericCases],
  ["Date", dateCases],
  ["Bool", boolCases],
  ["Binary", binaryCases],
  ["IpAddress", ipCases],
  ["Arn", arnCases],
  ["Null", nullCases],
];

for (const [family, cases] of families) {
  describe(`${family} condition operators`, () => {
    for (const row of cases) {
      it(`${row.operator}: ${row.note}`, () => expect(holdsFor(row)).toBe(row.want));
    }
  });
}

describe("operator registry", () => {
  it("lists every operator of the docs' String, Numeric, Date, Boolean, Binary, IP, ARN and Null sections", () => {
    expect(OPERATORS.map((op) => op.name)).toEqual([
      "StringEquals", "StringNotEquals", "StringEqualsIgnoreCase", "StringNotEqualsIgnoreCase", "StringLike", "StringNotLike",
      "NumericEquals", "NumericNotEquals", "NumericLessThan", "NumericLessThanEquals", "NumericGreaterThan", "NumericGreaterThanEquals",
      "DateEquals", "DateNotEquals", "DateLessThan", "DateLessThanEquals", "DateGreaterThan", "DateGreaterThanEquals",
      "Bool", "BinaryEquals", "IpAddress", "NotIpAddress", "ArnEquals", "ArnLike", "ArnNotEquals", "ArnNotLike", "Null",
    ]);
  });

  it("You can add IfExists to the end of any condition operator name except the Null condition", () => {
    for (const op of OPERATORS) {
      expect(parseOperator(`${op.name}IfExists`) === undefined).toBe(op.family === "Null");
    }
  });

  it("splits set qualifiers and IfExists off the base name", () => {
    expect(parseOperator("ForAnyValue:StringLikeIfExists")).toMatchObject({ set: "any", ifExists: true, impl: { name: "StringLike" } });
    expect(parseOperator("ForAllValues:ArnNotLike")).toMatchObject({ set: "all", ifExists: false, impl: { name: "ArnNotLike", negated: true } });
    expect(parseOperator("StringEqualz")).toBeUndefined();
  });

  it("policy variables are substituted only for String, Bool and ARN operators (the docs' per-family \"Policy variables\" line)", () => {
    const withVariables = new Set(OPERATORS.filter((op) => op.variables).map((op) => op.family));
    expect([...withVariables]).toEqual(["String", "Bool", "ARN"]);
  });
});
