/**
 * `<Role>.role.json`: the properties of CloudFormation's `AWS::IAM::Role` that arp writes
 * (`RoleName`, `Description`, `AssumeRolePolicyDocument`, `ManagedPolicyArns`,
 * `Policies[{PolicyName, PolicyDocument}]`), with IAM's rules for each.
 */
import { codePoint } from "./characters.js";
import type { Findings } from "./findings.js";
import { describe, entries, isObject, own, shown } from "./json.js";
import { checkManagedArns, inlinePolicies, type BundleDocument, type Entity } from "./bundleParts.js";
import { DESCRIPTION_CHAR, DESCRIPTION_MAX, MANAGED_ATTACHMENTS_DEFAULT, MANAGED_ATTACHMENTS_MAX, ROLE_INLINE_TOTAL_MAX, ROLE_NAME } from "./quotas.js";

const QUOTAS = "reference_iam-quotas.md";
/** What arp writes, and the other `AWS::IAM::Role` properties a bundle may carry. */
const PROPERTIES = new Set(["RoleName", "Description", "AssumeRolePolicyDocument", "ManagedPolicyArns", "Policies", "Path", "MaxSessionDuration", "PermissionsBoundary", "Tags"]);
const ROLE: Entity = {
  what: "role",
  inlineTotalMax: ROLE_INLINE_TOTAL_MAX,
  managedDefault: MANAGED_ATTACHMENTS_DEFAULT,
  managedMax: MANAGED_ATTACHMENTS_MAX,
  managedQuota: "Managed policies attached to an IAM role | 10 | 20",
};

export type { BundleDocument };

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
  checkManagedArns(own(bundle, "ManagedPolicyArns"), ROLE, findings);
  const out: BundleDocument[] = [];
  const trust = own(bundle, "AssumeRolePolicyDocument");
  if (trust === undefined) findings.error("bundle-trust-missing", [], "a role needs `AssumeRolePolicyDocument`, its trust policy");
  else out.push({ kind: "trust", document: trust, path: ["AssumeRolePolicyDocument"] });
  out.push(...inlinePolicies(bundle, ROLE, findings));
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

