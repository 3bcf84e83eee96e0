/**
 * `<Role>.role.json`: the properties of CloudFormation's `AWS::IAM::Role` that arp writes
 * (`RoleName`, `Description`, `AssumeRolePolicyDocument`, `ManagedPolicyArns`,
 * `Policies[{PolicyName, PolicyDocument}]`), with IAM's rules for each.
 */
import { codePoint } from "./characters.js";
import type { Findings, JsonPath } from "./findings.js";
import { describe, entries, isObject, own, shown, type JsonObject } from "./json.js";
import {
  DESCRIPTION_CHAR,
  DESCRIPTION_MAX,
  MANAGED_ATTACHMENTS_DEFAULT,
  MANAGED_ATTACHMENTS_MAX,
  POLICY_NAME,
  ROLE_INLINE_TOTAL_MAX,
  ROLE_NAME,
  policySize,
} from "./quotas.js";

const QUOTAS = "reference_iam-quotas.md";
/** What arp writes, and the other `AWS::IAM::Role` properties a bundle may carry. */
const PROPERTIES = new Set(["RoleName", "Description", "AssumeRolePolicyDocument", "ManagedPolicyArns", "Policies", "Path", "MaxSessionDuration", "PermissionsBoundary", "Tags"]);
const MANAGED_ARN = /^arn:[a-z-]+:iam::(aws|\d{12}):policy\/[\w+=,.@/-]+$/;

/** A policy document inside the bundle, for the caller to validate as its kind. */
export interface BundleDocument {
  readonly kind: "trust" | "inline";
  readonly document: unknown;
  readonly path: JsonPath;
}

/** Checks the bundle's own properties; returns the documents it holds. */
export function checkRoleBundle(bundle: unknown, findings: Findings): BundleDocument[] {
  if (!isObject(bundle)) {
    findings.error("bundle-format", [], `a role bundle is a JSON object of AWS::IAM::Role properties, not ${describe(bundle)}`);
    return [];
  }
  for (const [key] of entries(bundle)) {
    if (!PROPERTIES.has(key)) findings.error("bundle-property", [key], `${shown(key)} is not a property of AWS::IAM::Role`);
  }
  checkRoleName(own(bundle, "RoleName"), findings);
  checkDescription(own(bundle, "Description"), findings);
  checkManagedArns(own(bundle, "ManagedPolicyArns"), findings);
  const out: BundleDocument[] = [];
  const trust = own(bundle, "AssumeRolePolicyDocument");
  if (trust === undefined) findings.error("bundle-trust-missing", [], "a role needs `AssumeRolePolicyDocument`, its trust policy");
  else out.push({ kind: "trust", document: trust, path: ["AssumeRolePolicyDocument"] });
  out.push(...inlinePolicies(bundle, findings));
  return out;
}

function checkRoleName(name: unknown, findings: Findings): void {
  if (name === undefined) return;
  if (typeof name !== "string") findings.error("role-name", ["RoleName"], `\`RoleName\` is a string, not ${describe(name)}`);
  else if (!ROLE_NAME.test(name)) {
    findings.error("role-name", ["RoleName"], `${shown(name)} is not a role name: 1-64 letters, digits and \`+=,.@_-\` ("Role name | 64 characters")`, QUOTAS);
  }
}

function checkDescription(text: unknown, findings: Findings): void {
  if (text === undefined) return;
  if (typeof text !== "string") {
    findings.error("role-description", ["Description"], `\`Description\` is a string, not ${describe(text)}`);
    return;
  }
  const bad = [...text].find((c) => !DESCRIPTION_CHAR.test(c));
  if (text.length > DESCRIPTION_MAX) findings.error("role-description", ["Description"], `the description is ${text.length} characters; IAM allows ${DESCRIPTION_MAX}`);
  if (bad !== undefined) findings.error("role-description", ["Description"], `${codePoint(bad)} is not allowed in a role description (tab, line breaks, U+0020-U+007E, U+00A1-U+00FF)`);
}

function checkManagedArns(value: unknown, findings: Findings): void {
  if (value === undefined) return;
  if (!Array.isArray(value)) {
    findings.error("managed-arns", ["ManagedPolicyArns"], `\`ManagedPolicyArns\` is an array of policy ARNs, not ${describe(value)}`);
    return;
  }
  const seen = new Set<string>();
  value.forEach((arn: unknown, i) => {
    if (typeof arn !== "string" || !MANAGED_ARN.test(arn)) {
      findings.error("managed-arns", ["ManagedPolicyArns", i], `${typeof arn === "string" ? shown(arn) : describe(arn)} is not a managed policy ARN (\`arn:aws:iam::aws:policy/NAME\` or \`arn:aws:iam::ACCOUNT:policy/NAME\`)`, "reference-arns.md");
    } else if (seen.has(arn)) findings.warning("managed-arns-duplicate", ["ManagedPolicyArns", i], `${shown(arn)} is attached twice`);
    else seen.add(arn);
  });
  if (value.length > MANAGED_ATTACHMENTS_MAX) {
    findings.error("managed-arns-count", ["ManagedPolicyArns"], `${value.length} managed policies: IAM attaches at most ${MANAGED_ATTACHMENTS_MAX} to a role ("Managed policies attached to an IAM role | 10 | 20")`, QUOTAS);
  } else if (value.length > MANAGED_ATTACHMENTS_DEFAULT) {
    findings.warning("managed-arns-count", ["ManagedPolicyArns"], `${value.length} managed policies: IAM's default quota is ${MANAGED_ATTACHMENTS_DEFAULT} per role (${MANAGED_ATTACHMENTS_MAX} on request)`, QUOTAS);
  }
}

function inlinePolicies(bundle: JsonObject, findings: Findings): BundleDocument[] {
  const value = own(bundle, "Policies");
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    findings.error("inline-policies", ["Policies"], `\`Policies\` is an array of \`{ PolicyName, PolicyDocument }\`, not ${describe(value)}`);
    return [];
  }
  const out: BundleDocument[] = [];
  const names = new Map<string, number>();
  let total = 0;
  value.forEach((item: unknown, i) => {
    if (!isObject(item)) {
      findings.error("inline-policies", ["Policies", i], `an inline policy is \`{ PolicyName, PolicyDocument }\`, not ${describe(item)}`);
      return;
    }
    for (const [key] of entries(item)) {
      if (key !== "PolicyName" && key !== "PolicyDocument") findings.error("inline-policies", ["Policies", i, key], `${shown(key)} is not a property of an inline policy`);
    }
    const name = own(item, "PolicyName");
    if (typeof name !== "string" || !POLICY_NAME.test(name)) {
      findings.error("policy-name", ["Policies", i, "PolicyName"], `${typeof name === "string" ? shown(name) : describe(name)} is not a policy name: 1-128 letters, digits and \`+=,.@_-\` ("Policy name | 128 characters")`, QUOTAS);
    } else {
      const prior = names.get(name.toLowerCase());
      if (prior !== undefined) {
        findings.error("policy-name-unique", ["Policies", i, "PolicyName"], `inline policy ${i} has the name of inline policy ${prior}: "Policy names for inline policies must be unique to the user, group, or role they are embedded in"`, QUOTAS);
      } else names.set(name.toLowerCase(), i);
    }
    const document = own(item, "PolicyDocument");
    if (document === undefined) findings.error("inline-policies", ["Policies", i], "an inline policy needs `PolicyDocument`");
    else {
      total += policySize(document);
      out.push({ kind: "inline", document, path: ["Policies", i, "PolicyDocument"] });
    }
  });
  if (total > ROLE_INLINE_TOTAL_MAX) {
    findings.error("inline-total-size", ["Policies"], `the inline policies total ${total} characters without whitespace; IAM allows ${ROLE_INLINE_TOTAL_MAX} per role ("the total aggregate policy size (the sum size of all inline policies) per entity cannot exceed the following limits")`, QUOTAS);
  }
  return out;
}
