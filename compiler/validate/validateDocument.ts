/**
 * `validateIamDocument`: the last gate. It checks a JSON value against IAM's policy grammar and
 * quotas as the IAM User Guide states them, independently of how arp built or read the value
 * (it shares no code with the emitter, the importer or the runtime; it reads the catalog only
 * as data: key types, multi-valued keys, service names).
 */
import { checkCharacters } from "./characters.js";
import { checkPolicyElements, type PolicyKind } from "./elements.js";
import { Findings, type IamDocumentKind, type IamFinding, type JsonPath } from "./findings.js";
import { MANAGED_POLICY_MAX, ROLE_INLINE_TOTAL_MAX, TRUST_POLICY_DEFAULT, TRUST_POLICY_MAX, policySize } from "./quotas.js";
import { checkRoleBundle } from "./roleBundle.js";
import { checkGroupBundle, checkUserBundle } from "./identityBundle.js";
import type { BundleDocument } from "./bundleParts.js";

const QUOTAS = "reference_iam-quotas.md";

/** The bundle kinds: each checks its own properties and hands back the policies it holds. */
const BUNDLES = { roleBundle: checkRoleBundle, userBundle: checkUserBundle, groupBundle: checkGroupBundle } as const;

/**
 * Validates `doc` (a parsed JSON value) as a document of `kind`:
 * - `identity`: a customer managed policy (6,144 characters);
 * - `inline`: one inline policy of a role (10,240 characters, the role's total);
 * - `trust`: a role trust policy (2,048 by default, 4,096 at most);
 * - `roleBundle`: `<Role>.role.json`, the AWS::IAM::Role properties with its trust and inline policies;
 * - `userBundle`: `<User>.user.json`, the AWS::IAM::User properties with its inline policies
 *   (2,048 characters together) and groups;
 * - `groupBundle`: `<Group>.group.json`, the AWS::IAM::Group properties with its inline policies
 *   (5,120 characters together).
 * @returns every finding, errors (IAM rejects the document) and warnings (IAM accepts it, but
 *   Access Analyzer reports it or it cannot mean what it seems to), in document order per rule.
 */
export function validateIamDocument(doc: unknown, kind: IamDocumentKind): IamFinding[] {
  const findings = new Findings();
  const bundle = BUNDLES[kind as keyof typeof BUNDLES] as ((doc: unknown, findings: Findings) => BundleDocument[]) | undefined;
  if (bundle !== undefined) {
    for (const part of bundle(doc, findings)) checkPolicy(part.document, part.kind, part.path, findings, false);
  } else checkPolicy(doc, kind as PolicyKind, [], findings, true);
  return findings.list;
}

function checkPolicy(doc: unknown, kind: PolicyKind, path: JsonPath, findings: Findings, alone: boolean): void {
  checkCharacters(doc, path, findings);
  checkPolicyElements(doc, kind, path, findings);
  checkSize(doc, kind, path, findings, alone);
}

function checkSize(doc: unknown, kind: PolicyKind, path: JsonPath, findings: Findings, alone: boolean): void {
  const size = policySize(doc);
  const measured = `${size} characters without whitespace`;
  if (kind === "identity" && size > MANAGED_POLICY_MAX) {
    findings.error("policy-size", path, `a managed policy of ${measured}; IAM allows ${MANAGED_POLICY_MAX}`, QUOTAS);
  } else if (kind === "inline" && alone && size > ROLE_INLINE_TOTAL_MAX) {
    // In a bundle the role's total is checked instead (one policy over it is over the total too).
    // Alone, the document may be meant as a managed or as an inline policy: the larger bound.
    findings.error("policy-size", path, `a policy of ${measured}; IAM accepts none this large (a managed policy holds at most ${MANAGED_POLICY_MAX}, a role's inline policies together ${ROLE_INLINE_TOTAL_MAX})`, QUOTAS);
  } else if (kind === "trust" && size > TRUST_POLICY_MAX) {
    findings.error("policy-size", path, `a trust policy of ${measured}; IAM allows ${TRUST_POLICY_MAX} at most ("Role trust policy length | 2048 characters | 4096 characters")`, QUOTAS);
  } else if (kind === "trust" && size > TRUST_POLICY_DEFAULT) {
    findings.warning("trust-size-default", path, `a trust policy of ${measured}; IAM's default quota is ${TRUST_POLICY_DEFAULT} (${TRUST_POLICY_MAX} on request)`, QUOTAS);
  }
}
