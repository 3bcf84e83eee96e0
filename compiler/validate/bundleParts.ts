/**
 * The properties that role, user and group bundles share: `ManagedPolicyArns` and
 * `Policies[{PolicyName, PolicyDocument}]`, checked with the quotas of the entity that holds
 * them (reference_iam-quotas.md).
 */
import type { Findings, JsonPath } from "./findings.js";
import { describe, entries, isObject, own, shown, type JsonObject } from "./json.js";
import { POLICY_NAME, policySize } from "./quotas.js";

const QUOTAS = "reference_iam-quotas.md";
const MANAGED_ARN = /^arn:[a-z-]+:iam::(aws|\d{12}):policy\/[\w+=,.@/-]+$/;

/** A policy document inside a bundle, for the caller to validate as its kind. */
export interface BundleDocument {
  readonly kind: "trust" | "inline";
  readonly document: unknown;
  readonly path: JsonPath;
}

/** The IAM entity a bundle describes, with its quotas. */
export interface Entity {
  readonly what: "role" | "user" | "group";
  /** All inline policies together, whitespace not counted. */
  readonly inlineTotalMax: number;
  /** Managed policies attached: the default quota, and the most IAM allows on request. */
  readonly managedDefault: number;
  readonly managedMax: number;
  /** The row of the quota table the managed-policy limits come from. */
  readonly managedQuota: string;
}

export function checkManagedArns(value: unknown, entity: Entity, findings: Findings): void {
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
  if (value.length > entity.managedMax) {
    findings.error("managed-arns-count", ["ManagedPolicyArns"], `${value.length} managed policies: IAM attaches at most ${entity.managedMax} to a ${entity.what} ("${entity.managedQuota}")`, QUOTAS);
  } else if (value.length > entity.managedDefault) {
    findings.warning("managed-arns-count", ["ManagedPolicyArns"], `${value.length} managed policies: IAM's default quota is ${entity.managedDefault} per ${entity.what} (${entity.managedMax} on request)`, QUOTAS);
  }
}

/** Checks `Policies`; returns the inline documents it holds. */
export function inlinePolicies(bundle: JsonObject, entity: Entity, findings: Findings): BundleDocument[] {
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
  if (total > entity.inlineTotalMax) {
    findings.error("inline-total-size", ["Policies"], `the inline policies total ${total} characters without whitespace; IAM allows ${entity.inlineTotalMax} per ${entity.what} ("the total aggregate policy size (the sum size of all inline policies) per entity cannot exceed the following limits")`, QUOTAS);
  }
  return out;
}
