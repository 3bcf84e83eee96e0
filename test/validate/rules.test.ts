// One case per validator rule: a document the rule accepts and one it reports, with the
// documentation sentence the rule follows (pages of the IAM User Guide, quoted).
import { describe, expect, it } from "vitest";
import { validateIamDocument, type IamDocumentKind } from "../../compiler/validate/index.js";

type Json = Record<string, unknown>;

const base: Json = { Effect: "Allow", Action: "apprunner:ListServices", Resource: "*" };
const trustBase: Json = { Effect: "Allow", Principal: { Service: "tasks.apprunner.amazonaws.com" }, Action: "sts:AssumeRole" };

/** An identity policy of one statement: `base` with `changes` (undefined removes a key). */
function identity(changes: Json = {}, top: Json = {}): Json {
  return { Version: "2012-10-17", ...top, Statement: [strip({ ...base, ...changes })] };
}

function trust(changes: Json = {}): Json {
  return { Version: "2012-10-17", Statement: [strip({ ...trustBase, ...changes })] };
}

function strip(o: Json): Json {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
}

function condition(operator: string, key: string, value: unknown): Json {
  return identity({ Condition: { [operator]: { [key]: value } } });
}

function bundle(changes: Json = {}): Json {
  return strip({ RoleName: "AppRunnerAccess", AssumeRolePolicyDocument: trust(), ...changes });
}

function userBundle(changes: Json = {}): Json {
  return strip({ UserName: "alice", ...changes });
}

function groupBundle(changes: Json = {}): Json {
  return strip({ GroupName: "developers", ...changes });
}

/** `Policies` of two inline policies, each listing `n` resources. */
const twoInline = (n: number): Json => ({ Policies: ["A", "B"].map((PolicyName) => ({ PolicyName, PolicyDocument: identity({ Resource: long(n) }) })) });

interface Case {
  readonly rule: string;
  readonly severity: "error" | "warning";
  /** The sentence of the documentation the rule follows, with its page. */
  readonly doc: string;
  readonly kind: IamDocumentKind;
  readonly accepted: unknown;
  readonly rejected: unknown;
  /** The JSON path the finding must point at. */
  readonly path: readonly (string | number)[];
}

const long = (n: number): string[] => Array.from({ length: n }, (_, i) => `arn:aws:apprunner:us-east-1:123456789012:service/svc${String(i).padStart(6, "0")}/*`);

const cases: Case[] = [
  {
    rule: "character-set", severity: "error", kind: "identity",
    doc: 'reference_iam-quotas.md: "Policy documents can contain only the following Unicode characters: horizontal tab (U+0009), linefeed (U+000A), carriage return (U+000D), and characters in the range U+0020 to U+00FF."',
    accepted: condition("StringEquals", "aws:ResourceTag/team", "équipe\tß"),
    rejected: condition("StringEquals", "aws:ResourceTag/team", "チーム"),
    path: ["Statement", 0, "Condition", "StringEquals", "aws:ResourceTag/team"],
  },
  {
    rule: "unknown-element", severity: "error", kind: "identity",
    doc: 'access-analyzer-reference-policy-checks.md: "Update the policy to include only supported JSON policy elements."',
    accepted: identity(),
    rejected: identity({ Resources: "*" }),
    path: ["Statement", 0, "Resources"],
  },
  {
    rule: "version-value", severity: "error", kind: "identity",
    doc: 'reference_policies_grammar.md: <version_block> = "Version" : ("2008-10-17" | "2012-10-17")',
    accepted: identity({}, { Version: "2008-10-17" }),
    rejected: identity({}, { Version: "2012-10-18" }),
    path: ["Version"],
  },
  {
    rule: "version-missing", severity: "warning", kind: "identity",
    doc: 'reference_policies_elements_version.md: "you should always include a Version element and set it to 2012-10-17"',
    accepted: identity(),
    rejected: { Statement: [base] },
    path: ["Version"],
  },
  {
    rule: "statement-missing", severity: "error", kind: "identity",
    doc: 'reference_policies_elements_statement.md: "The Statement element is the main element for a policy. This element is required."',
    accepted: { Version: "2012-10-17", Statement: base },
    rejected: { Version: "2012-10-17" },
    path: ["Statement"],
  },
  {
    rule: "sid-characters", severity: "error", kind: "identity",
    doc: 'reference_policies_elements_sid.md: "The Sid element supports ASCII uppercase letters (A-Z), lowercase letters (a-z), and numbers (0-9)."',
    accepted: identity({ Sid: "ReadServices1" }),
    rejected: identity({ Sid: "IAMPassRole_SplitCandidate" }),
    path: ["Statement", 0, "Sid"],
  },
  {
    rule: "sid-unique", severity: "error", kind: "identity",
    doc: 'reference_policies_elements_sid.md: "In IAM, the Sid value must be unique within a JSON policy."',
    accepted: { Version: "2012-10-17", Statement: [{ ...base, Sid: "A" }, { ...base, Sid: "B" }] },
    rejected: { Version: "2012-10-17", Statement: [{ ...base, Sid: "A" }, { ...base, Sid: "A" }] },
    path: ["Statement", 1, "Sid"],
  },
  {
    rule: "effect-value", severity: "error", kind: "identity",
    doc: 'reference_policies_elements_effect.md: "Valid values for Effect are Allow and Deny. The Effect value is case sensitive."',
    accepted: identity({ Effect: "Deny" }),
    rejected: identity({ Effect: "allow" }),
    path: ["Statement", 0, "Effect"],
  },
  {
    rule: "effect-missing", severity: "error", kind: "identity",
    doc: 'reference_policies_elements_effect.md: "The Effect element is required"',
    accepted: identity(),
    rejected: identity({ Effect: undefined }),
    path: ["Statement", 0],
  },
  {
    rule: "action-missing", severity: "error", kind: "identity",
    doc: 'access-analyzer-reference-policy-checks.md: "AWS JSON policies must include an Action or NotAction element."',
    accepted: identity({ Action: undefined, NotAction: "iam:*" }),
    rejected: identity({ Action: undefined }),
    path: ["Statement", 0],
  },
  {
    rule: "element-combination", severity: "error", kind: "identity",
    doc: 'access-analyzer-reference-policy-checks.md: "you cannot use both Action and NotAction in the same policy statement. Other pairs that are mutually exclusive include Principal/NotPrincipal and Resource/NotResource."',
    accepted: identity({ Resource: undefined, NotResource: "arn:aws:iam::*:role/admin" }),
    rejected: identity({ NotResource: "arn:aws:iam::*:role/admin" }),
    path: ["Statement", 0, "NotResource"],
  },
  {
    rule: "resource-missing", severity: "error", kind: "identity",
    doc: 'access-analyzer-reference-policy-checks.md: "Identity-based policies must include a Resource or NotResource element."',
    accepted: identity(),
    rejected: identity({ Resource: undefined }),
    path: ["Statement", 0],
  },
  {
    rule: "action-format", severity: "error", kind: "identity",
    doc: 'reference_policies_grammar.md: an action_string "Consists of a service namespace, a colon, and the name of an action. Action names can include wildcards."',
    accepted: identity({ Action: ["apprunner:Describe*", "*"] }),
    rejected: identity({ Action: ["apprunner:Describe*", "ListServices"] }),
    path: ["Statement", 0, "Action", 1],
  },
  {
    rule: "action-unknown", severity: "warning", kind: "identity",
    doc: 'access-analyzer-reference-policy-checks.md: "Invalid actions do not affect the permissions granted by the policy."',
    accepted: identity({ Action: "apprunner:DescribeService" }),
    rejected: identity({ Action: "apprunner:DescribeServce" }),
    path: ["Statement", 0, "Action"],
  },
  {
    rule: "resource-format", severity: "error", kind: "identity",
    doc: 'reference-arns.md: "arn:partition:service:region:account-id:resource-id"; access-analyzer-reference-policy-checks.md: "AWS resource ARNs must include the required arn: prefix."',
    accepted: identity({ Resource: "arn:aws:s3:::bucket/${aws:username}/*" }),
    rejected: identity({ Resource: "resource-ARNs" }),
    path: ["Statement", 0, "Resource"],
  },
  {
    rule: "variable-in-arn-prefix", severity: "warning", kind: "identity",
    doc: 'reference_policies_variables.md: "You can use a policy variable in the Resource element, but only in the resource portion of the ARN. This portion of the ARN appears after the fifth colon (:)."',
    accepted: identity({ Resource: "arn:aws:apprunner:us-east-1:123456789012:service/${aws:username}/*" }),
    rejected: identity({ Resource: "arn:aws:apprunner:${aws:RequestedRegion}:123456789012:service/*" }),
    path: ["Statement", 0, "Resource"],
  },
  {
    rule: "variable-version", severity: "warning", kind: "identity",
    doc: 'reference_policies_variables.md: "If you don\'t include the Version element and set it to an appropriate version date, variables like ${aws:username} are treated as literal strings in the policy."',
    accepted: identity({ Resource: "arn:aws:s3:::b/${aws:username}" }),
    rejected: { Version: "2008-10-17", Statement: [{ ...base, Resource: "arn:aws:s3:::b/${aws:username}" }] },
    path: ["Statement", 0, "Resource"],
  },
  {
    rule: "variable-in-element", severity: "warning", kind: "identity",
    doc: 'reference_policies_variables.md: "You can use policy variables in the Resource element and in string comparisons in the Condition element."',
    accepted: identity(),
    rejected: identity({ Action: "apprunner:${aws:username}" }),
    path: ["Statement", 0, "Action"],
  },
  {
    rule: "principal-in-identity-policy", severity: "error", kind: "identity",
    doc: 'reference_policies_elements_principal.md: "You cannot use the Principal element in an identity-based policy."',
    accepted: identity(),
    rejected: identity({ Principal: { AWS: "123456789012" } }),
    path: ["Statement", 0, "Principal"],
  },
  {
    rule: "principal-missing", severity: "error", kind: "trust",
    doc: 'reference_policies_grammar.md: "The principal_block element is required in resource-based policies (for example, in Amazon S3 bucket policies) and in trust policies for IAM roles."',
    accepted: trust(),
    rejected: trust({ Principal: undefined }),
    path: ["Statement", 0],
  },
  {
    rule: "trust-resource", severity: "error", kind: "trust",
    doc: 'access-analyzer-reference-policy-checks.md: "You cannot specify a Resource or NotResource element in a role trust policy."',
    accepted: trust(),
    rejected: trust({ Resource: "*" }),
    path: ["Statement", 0, "Resource"],
  },
  {
    rule: "trust-not-principal", severity: "error", kind: "trust",
    doc: 'access-analyzer-reference-policy-checks.md: "Role trust policies do not support NotPrincipal."',
    accepted: trust(),
    rejected: trust({ Principal: undefined, NotPrincipal: { AWS: "123456789012" } }),
    path: ["Statement", 0, "NotPrincipal"],
  },
  {
    rule: "trust-action", severity: "error", kind: "trust",
    doc: 'reference_policies_elements_principal.md: "In IAM roles, use the Principal element in the role trust policy to specify who can assume the role."',
    accepted: trust({ Action: ["sts:AssumeRole", "sts:TagSession"] }),
    rejected: trust({ Action: "apprunner:ListServices" }),
    path: ["Statement", 0, "Action"],
  },
  {
    rule: "principal-wildcard", severity: "error", kind: "trust",
    doc: 'reference_policies_elements_principal.md: "You cannot use a wildcard to match part of a principal name or ARN."',
    accepted: trust({ Principal: { AWS: ["arn:aws:iam::123456789012:role/deploy", "*"] } }),
    rejected: trust({ Principal: { AWS: "arn:aws:iam::123456789012:role/deploy-*" } }),
    path: ["Statement", 0, "Principal", "AWS"],
  },
  {
    rule: "principal-format", severity: "error", kind: "trust",
    doc: 'reference_policies_elements_principal.md: "Principal": { "Federated": "arn:aws:iam::AWS-account-ID:saml-provider/provider-name" } and { "Federated": "accounts.google.com" }',
    accepted: trust({ Principal: { Federated: ["arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com", "accounts.google.com"] }, Action: "sts:AssumeRoleWithWebIdentity" }),
    rejected: trust({ Principal: { Federated: "github actions" }, Action: "sts:AssumeRoleWithWebIdentity" }),
    path: ["Statement", 0, "Principal", "Federated"],
  },
  {
    rule: "principal-key", severity: "error", kind: "trust",
    doc: 'reference_policies_grammar.md: <principal_map_entry> = ("AWS" | "Federated" | "Service" | "CanonicalUser") : [<principal_id_string>, ...]',
    accepted: trust({ Principal: { CanonicalUser: "79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be" } }),
    rejected: trust({ Principal: { Services: "tasks.apprunner.amazonaws.com" } }),
    path: ["Statement", 0, "Principal", "Services"],
  },
  {
    rule: "trust-principal-star", severity: "warning", kind: "trust",
    doc: 'access-analyzer-reference-policy-checks.md: "\\"Principal:\\" \\"*\\" is not supported in the Principal element of a role trust policy."',
    accepted: trust({ Principal: { AWS: "123456789012" } }),
    rejected: trust({ Principal: "*" }),
    path: ["Statement", 0, "Principal"],
  },
  {
    rule: "trust-action-principal", severity: "warning", kind: "trust",
    doc: 'access-analyzer-reference-policy-checks.md: "You should use a SAML provider principal with the sts:AssumeRoleWithSAML action or use an OIDC provider principal with the sts:AssumeRoleWithWebIdentity action."',
    accepted: { Version: "2012-10-17", Statement: [trustBase, { Effect: "Allow", Principal: { Federated: "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com" }, Action: "sts:AssumeRoleWithWebIdentity" }] },
    rejected: trust({ Principal: { Service: "tasks.apprunner.amazonaws.com", Federated: "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com" }, Action: "sts:AssumeRoleWithWebIdentity" }),
    path: ["Statement", 0, "Principal", "Service"],
  },
  {
    rule: "condition-operator", severity: "error", kind: "identity",
    doc: 'reference_policies_grammar.md: "For a complete list of condition types, see IAM JSON policy elements: Condition operators."',
    accepted: condition("ForAnyValue:StringLikeIfExists", "aws:TagKeys", "team*"),
    rejected: condition("stringlike", "aws:ResourceTag/team", "a*"),
    path: ["Statement", 0, "Condition", "stringlike"],
  },
  {
    rule: "null-if-exists", severity: "error", kind: "identity",
    doc: 'reference_policies_elements_condition_operators.md: "You can add IfExists to the end of any condition operator name except the Null condition"',
    accepted: condition("Null", "aws:ResourceTag/team", "true"),
    rejected: condition("NullIfExists", "aws:ResourceTag/team", "true"),
    path: ["Statement", 0, "Condition", "NullIfExists"],
  },
  {
    rule: "null-with-qualifier", severity: "warning", kind: "identity",
    doc: 'access-analyzer-reference-policy-checks.md: "Avoid using the Null condition operator with the ForAllValues or ForAnyValue qualifiers because they always return a true or false respectively."',
    accepted: condition("Null", "aws:TagKeys", "false"),
    rejected: condition("ForAnyValue:Null", "aws:TagKeys", "false"),
    path: ["Statement", 0, "Condition", "ForAnyValue:Null"],
  },
  {
    rule: "condition-key-format", severity: "error", kind: "identity",
    doc: 'access-analyzer-reference-policy-checks.md: "The condition key format is not valid. Use the format service:keyname."',
    accepted: condition("StringEquals", "aws:ResourceTag/cost center", "x"),
    rejected: condition("StringEquals", "ResourceTag/team", "x"),
    path: ["Statement", 0, "Condition", "StringEquals", "ResourceTag/team"],
  },
  {
    rule: "condition-value-type", severity: "error", kind: "identity",
    doc: 'reference_policies_grammar.md: "Basic JSON data types (Boolean, number, and string) are defined in RFC 7159."',
    accepted: condition("NumericLessThan", "apprunner:MaxSize", [3, "4"]),
    rejected: condition("StringEquals", "aws:ResourceTag/team", { a: 1 }),
    path: ["Statement", 0, "Condition", "StringEquals", "aws:ResourceTag/team"],
  },
  {
    rule: "operator-key-type", severity: "warning", kind: "identity",
    doc: 'access-analyzer-reference-policy-checks.md: "the aws:MultiFactorAuthPresent global condition key requires a condition operator with the Boolean data type."',
    accepted: condition("Bool", "aws:MultiFactorAuthPresent", "true"),
    rejected: condition("StringEquals", "aws:MultiFactorAuthPresent", "true"),
    path: ["Statement", 0, "Condition", "StringEquals", "aws:MultiFactorAuthPresent"],
  },
  {
    rule: "missing-qualifier", severity: "warning", kind: "identity",
    doc: 'reference_policies_multi-value-conditions.md: "Multivalued condition keys require a set operator."',
    accepted: condition("ForAllValues:StringEquals", "aws:TagKeys", ["team", "env"]),
    rejected: condition("StringEquals", "aws:TagKeys", ["team", "env"]),
    path: ["Statement", 0, "Condition", "StringEquals", "aws:TagKeys"],
  },
  {
    rule: "set-operator-single-valued", severity: "warning", kind: "identity",
    doc: 'reference_policies_multi-value-conditions.md: "Do not use set operators with single-valued condition keys."',
    accepted: condition("StringEquals", "aws:RequestedRegion", "us-east-1"),
    rejected: condition("ForAllValues:StringEquals", "aws:RequestedRegion", "us-east-1"),
    path: ["Statement", 0, "Condition", "ForAllValues:StringEquals", "aws:RequestedRegion"],
  },
  {
    rule: "value-type", severity: "warning", kind: "identity",
    doc: 'access-analyzer-reference-policy-checks.md: "Update the text to use the IP address condition operator data type, in a CIDR format."',
    accepted: condition("IpAddress", "aws:SourceIp", ["203.0.113.0/24", "2001:DB8:1234:5678::/64"]),
    rejected: condition("IpAddress", "aws:SourceIp", "203.0.113.0/33"),
    path: ["Statement", 0, "Condition", "IpAddress", "aws:SourceIp"],
  },
  {
    rule: "variable-for-operator", severity: "warning", kind: "identity",
    doc: 'reference_policies_variables.md: "You can\'t use a policy variable with other operators, such as Numeric, Date, Boolean, Binary, IP Address, or Null operators."',
    accepted: condition("StringEquals", "aws:ResourceTag/owner", "${aws:username}"),
    rejected: condition("DateGreaterThan", "aws:CurrentTime", "${aws:TokenIssueTime}"),
    path: ["Statement", 0, "Condition", "DateGreaterThan", "aws:CurrentTime"],
  },
  {
    rule: "wildcard-without-like", severity: "warning", kind: "identity",
    doc: 'access-analyzer-reference-policy-checks.md: "When you specify a condition value that uses a wildcard (*, ?), you must use the Like version of the condition operator."',
    accepted: condition("StringEquals", "aws:ResourceTag/team", "a${*}"),
    rejected: condition("StringEquals", "aws:ResourceTag/team", "a*"),
    path: ["Statement", 0, "Condition", "StringEquals", "aws:ResourceTag/team"],
  },
  {
    rule: "policy-size", severity: "error", kind: "identity",
    doc: 'access-analyzer-reference-policy-checks.md: "the size of each managed policy cannot exceed the default quota of 6,144 characters. IAM does not count white space when calculating the size of a policy against this quota."',
    accepted: identity({ Resource: long(80) }),
    rejected: identity({ Resource: long(110) }),
    path: [],
  },
  {
    rule: "policy-size", severity: "error", kind: "inline",
    doc: 'reference_iam-quotas.md: "the total aggregate policy size (the sum size of all inline policies) per entity cannot exceed the following limits" (10,240 for a role)',
    accepted: identity({ Resource: long(80) }),
    rejected: identity({ Resource: long(170) }),
    path: [],
  },
  {
    rule: "policy-size", severity: "error", kind: "trust",
    doc: 'reference_iam-quotas.md: "Role trust policy length | 2048 characters | 4096 characters"',
    accepted: trust({ Principal: { AWS: Array.from({ length: 40 }, (_, i) => `arn:aws:iam::123456789012:role/r${i}`) } }),
    rejected: trust({ Principal: { AWS: Array.from({ length: 120 }, (_, i) => `arn:aws:iam::123456789012:role/r${i}`) } }),
    path: [],
  },
  {
    rule: "trust-size-default", severity: "warning", kind: "trust",
    doc: 'reference_iam-quotas.md: "Role trust policy length | 2048 characters | 4096 characters"',
    accepted: trust({ Principal: { AWS: Array.from({ length: 40 }, (_, i) => `arn:aws:iam::123456789012:role/r${i}`) } }),
    rejected: trust({ Principal: { AWS: Array.from({ length: 60 }, (_, i) => `arn:aws:iam::123456789012:role/r${i}`) } }),
    path: [],
  },
  {
    rule: "role-name", severity: "error", kind: "roleBundle",
    doc: 'reference_iam-quotas.md: "Names of users, groups, roles, policies, instance profiles, and server certificates must be alphanumeric, including the following common characters: plus (+), equal (=), comma (,), period (.), at (@), underscore (_), and hyphen (-)." and "Role name | 64 characters"',
    accepted: bundle({ RoleName: "a".repeat(64) }),
    rejected: bundle({ RoleName: "a".repeat(65) }),
    path: ["RoleName"],
  },
  {
    rule: "role-description", severity: "error", kind: "roleBundle",
    doc: 'IAM API Reference, CreateRole Description: "Maximum length of 1000. Pattern: [\\u0009\\u000A\\u000D\\u0020-\\u007E\\u00A1-\\u00FF]*"',
    accepted: bundle({ Description: "Pulls images - for App Runner ©" }),
    rejected: bundle({ Description: "Pulls images – for App Runner" }),
    path: ["Description"],
  },
  {
    rule: "policy-name", severity: "error", kind: "roleBundle",
    doc: 'reference_iam-quotas.md: "Policy name | 128 characters"',
    accepted: bundle({ Policies: [{ PolicyName: "Read.Services@team", PolicyDocument: identity() }] }),
    rejected: bundle({ Policies: [{ PolicyName: "read services", PolicyDocument: identity() }] }),
    path: ["Policies", 0, "PolicyName"],
  },
  {
    rule: "policy-name-unique", severity: "error", kind: "roleBundle",
    doc: 'reference_iam-quotas.md: "Policy names for inline policies must be unique to the user, group, or role they are embedded in."',
    accepted: bundle({ Policies: [{ PolicyName: "A", PolicyDocument: identity() }, { PolicyName: "B", PolicyDocument: identity() }] }),
    rejected: bundle({ Policies: [{ PolicyName: "A", PolicyDocument: identity() }, { PolicyName: "A", PolicyDocument: identity() }] }),
    path: ["Policies", 1, "PolicyName"],
  },
  {
    rule: "inline-total-size", severity: "error", kind: "roleBundle",
    doc: 'reference_iam-quotas.md: "the total aggregate policy size (the sum size of all inline policies) per entity cannot exceed the following limits"',
    accepted: bundle({ Policies: [{ PolicyName: "A", PolicyDocument: identity({ Resource: long(60) }) }, { PolicyName: "B", PolicyDocument: identity({ Resource: long(60) }) }] }),
    rejected: bundle({ Policies: [{ PolicyName: "A", PolicyDocument: identity({ Resource: long(90) }) }, { PolicyName: "B", PolicyDocument: identity({ Resource: long(90) }) }] }),
    path: ["Policies"],
  },
  {
    rule: "managed-arns", severity: "error", kind: "roleBundle",
    doc: 'reference-arns.md: "arn:partition:service:region:account-id:resource-type/resource-id"',
    accepted: bundle({ ManagedPolicyArns: ["arn:aws:iam::aws:policy/AWSAppRunnerReadOnlyAccess", "arn:aws:iam::123456789012:policy/team/Read"] }),
    rejected: bundle({ ManagedPolicyArns: ["AWSAppRunnerReadOnlyAccess"] }),
    path: ["ManagedPolicyArns", 0],
  },
  {
    rule: "managed-arns-count", severity: "error", kind: "roleBundle",
    doc: 'reference_iam-quotas.md: "Managed policies attached to an IAM role | 10 | 20"',
    accepted: bundle({ ManagedPolicyArns: Array.from({ length: 10 }, (_, i) => `arn:aws:iam::123456789012:policy/p${i}`) }),
    rejected: bundle({ ManagedPolicyArns: Array.from({ length: 21 }, (_, i) => `arn:aws:iam::123456789012:policy/p${i}`) }),
    path: ["ManagedPolicyArns"],
  },
  {
    rule: "bundle-property", severity: "error", kind: "roleBundle",
    doc: "CloudFormation AWS::IAM::Role properties: AssumeRolePolicyDocument, Description, ManagedPolicyArns, MaxSessionDuration, Path, PermissionsBoundary, Policies, RoleName, Tags",
    accepted: bundle({ Path: "/" }),
    rejected: bundle({ TrustPolicy: trust() }),
    path: ["TrustPolicy"],
  },
  {
    rule: "user-name", severity: "error", kind: "userBundle",
    doc: 'reference_iam-quotas.md: "Names of users, groups, roles, policies, instance profiles, and server certificates must be alphanumeric, including the following common characters: plus (+), equal (=), comma (,), period (.), at (@), underscore (_), and hyphen (-)." and "User name | 64 characters"',
    accepted: userBundle({ UserName: `alice.smith+ops@${"e".repeat(48)}` }),
    rejected: userBundle({ UserName: "alice smith" }),
    path: ["UserName"],
  },
  {
    rule: "group-name", severity: "error", kind: "groupBundle",
    doc: 'reference_iam-quotas.md: "Group name | 128 characters"',
    accepted: groupBundle({ GroupName: "g".repeat(128) }),
    rejected: groupBundle({ GroupName: "g".repeat(129) }),
    path: ["GroupName"],
  },
  {
    rule: "inline-total-size", severity: "error", kind: "userBundle",
    doc: 'reference_iam-quotas.md: "the total aggregate policy size (the sum size of all inline policies) per entity cannot exceed the following limits" (User policy size: 2,048 characters)',
    accepted: userBundle(twoInline(14)),
    rejected: userBundle(twoInline(18)),
    path: ["Policies"],
  },
  {
    rule: "inline-total-size", severity: "error", kind: "groupBundle",
    doc: 'reference_iam-quotas.md: "the total aggregate policy size (the sum size of all inline policies) per entity cannot exceed the following limits" (Group policy size: 5,120 characters)',
    accepted: groupBundle(twoInline(38)),
    rejected: groupBundle(twoInline(45)),
    path: ["Policies"],
  },
  {
    rule: "managed-arns-count", severity: "error", kind: "groupBundle",
    doc: 'reference_iam-quotas.md: "Managed policies attached to an IAM group | 10"',
    accepted: groupBundle({ ManagedPolicyArns: Array.from({ length: 10 }, (_, i) => `arn:aws:iam::123456789012:policy/p${i}`) }),
    rejected: groupBundle({ ManagedPolicyArns: Array.from({ length: 11 }, (_, i) => `arn:aws:iam::123456789012:policy/p${i}`) }),
    path: ["ManagedPolicyArns"],
  },
  {
    rule: "managed-arns-count", severity: "warning", kind: "userBundle",
    doc: 'reference_iam-quotas.md: "Managed policies attached to an IAM user | 10 | 20"',
    accepted: userBundle({ ManagedPolicyArns: Array.from({ length: 10 }, (_, i) => `arn:aws:iam::123456789012:policy/p${i}`) }),
    rejected: userBundle({ ManagedPolicyArns: Array.from({ length: 11 }, (_, i) => `arn:aws:iam::123456789012:policy/p${i}`) }),
    path: ["ManagedPolicyArns"],
  },
  {
    rule: "user-groups-count", severity: "error", kind: "userBundle",
    doc: 'reference_iam-quotas.md: "Groups an IAM user can be a member of | 10"',
    accepted: userBundle({ Groups: Array.from({ length: 10 }, (_, i) => `g${i}`) }),
    rejected: userBundle({ Groups: Array.from({ length: 11 }, (_, i) => `g${i}`) }),
    path: ["Groups"],
  },
  {
    rule: "bundle-property", severity: "error", kind: "groupBundle",
    doc: "CloudFormation AWS::IAM::Group properties: GroupName, ManagedPolicyArns, Path, Policies",
    accepted: groupBundle({ Path: "/" }),
    rejected: groupBundle({ Groups: ["developers"] }),
    path: ["Groups"],
  },
];

describe("validator rules", () => {
  for (const c of cases) {
    // The case's `doc` is the sentence the rule follows; the title names its page.
    describe(`${c.rule} (${c.kind}), after ${c.doc.split(":")[0]}`, () => {
      it("accepts the document the rule allows", () => {
        const findings = validateIamDocument(c.accepted, c.kind);
        expect(findings.filter((f) => f.rule === c.rule)).toEqual([]);
        expect(findings.filter((f) => f.severity === "error")).toEqual([]);
      });
      it(`reports the document it does not allow, as ${c.severity === "error" ? "an error" : "a warning"}`, () => {
        const findings = validateIamDocument(c.rejected, c.kind).filter((f) => f.rule === c.rule);
        expect(findings.map((f) => ({ severity: f.severity, path: f.path }))).toContainEqual({ severity: c.severity, path: [...c.path] });
      });
    });
  }
});

// Documents arp emitted without an error before issue #9 (its section "Documents IAM would
// reject, emitted without an error"): the last gate catches each.
describe("issue #9's documents IAM would reject", () => {
  const role = (statement: Json): Json => bundle({ AssumeRolePolicyDocument: { Version: "2012-10-17", Statement: [statement] } });
  it.each([
    ["tag team = \"チーム\"", "identity", condition("StringEquals", "aws:RequestTag/team", "チーム"), "character-set"],
    ["an en dash in a role description", "roleBundle", bundle({ Description: "Pulls images – for App Runner" }), "role-description"],
    ["a role name over 64 characters", "roleBundle", bundle({ RoleName: "R".repeat(70) }), "role-name"],
    ["a wildcard in a trust principal ARN", "roleBundle", role({ Effect: "Allow", Principal: { AWS: "arn:aws:iam::123456789012:role/deploy-*" }, Action: "sts:AssumeRole" }), "principal-wildcard"],
    ["`trust federated \"github\"`", "roleBundle", role({ Effect: "Allow", Principal: { Federated: "github" }, Action: "sts:AssumeRoleWithWebIdentity" }), "principal-format"],
  ] as const)("%s", (_, kind, doc, rule) => {
    expect(validateIamDocument(doc, kind).filter((f) => f.severity === "error").map((f) => f.rule)).toContain(rule);
  });

  it("a mixed trust whose only action is sts:AssumeRoleWithWebIdentity: the service can never assume the role", () => {
    const doc = role({
      Effect: "Allow",
      Principal: { Service: "tasks.apprunner.amazonaws.com", Federated: "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com" },
      Action: "sts:AssumeRoleWithWebIdentity",
    });
    const findings = validateIamDocument(doc, "roleBundle").filter((f) => f.rule === "trust-action-principal");
    expect(findings.map((f) => f.path)).toEqual([["AssumeRolePolicyDocument", "Statement", 0, "Principal", "Service"]]);
  });

  it("an inline policy of 8,213 characters is within the role's 10,240", () => {
    const resources = long(120);
    const doc = identity({ Resource: resources });
    const size = JSON.stringify(doc).replace(/\s/g, "").length;
    expect(size).toBeGreaterThan(6144);
    expect(size).toBeLessThan(10240);
    expect(validateIamDocument(bundle({ Policies: [{ PolicyName: "Big", PolicyDocument: doc }] }), "roleBundle").filter((f) => f.severity === "error")).toEqual([]);
    expect(validateIamDocument(doc, "identity").map((f) => f.rule)).toContain("policy-size");
  });
});
