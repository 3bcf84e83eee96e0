/**
 * What an AccessDenied message says, and what it leaves open. AWS's messages take these shapes
 * (App Runner's troubleshooting page prints the first; IAM's "Troubleshoot access denied error
 * messages" lists the reasons):
 *
 *   User: ARN is not authorized to perform: ACTION on resource: RESOURCE
 *   ... because no <policy type> allows the ACTION action
 *   ... with an explicit deny in a(n) <policy type>[: POLICY-ARN]
 *
 * where the policy type is an identity-based policy, a resource-based policy, a service control
 * policy, a resource control policy, a permissions boundary, a session policy or a VPC endpoint
 * policy. AWS evaluates explicit denies in every policy first, then SCPs, resource-based
 * policies, identity-based policies, permissions boundaries and session policies, in that
 * order (reference_policies_evaluation-logic.md), and a message names the step that denied.
 * So "because no permissions boundary allows" means the identity-based policies did allow;
 * "because no identity-based policy allows" means they did not, and no policy denied
 * explicitly; and a message without a reason says nothing: all of it is unknown.
 */
import { parseDenial } from "../../runtime/index.js";
import type { Tristate } from "../../runtime/index.js";

export type PolicyType =
  | "identity-based policy"
  | "resource-based policy"
  | "service control policy"
  | "resource control policy"
  | "permissions boundary"
  | "session policy"
  | "VPC endpoint policy";

const POLICY_TYPES: readonly PolicyType[] = [
  "identity-based policy",
  "resource-based policy",
  "service control policy",
  "resource control policy",
  "permissions boundary",
  "session policy",
  "VPC endpoint policy",
];

/** The message's reason, when it gives one. */
export interface DenialReason {
  readonly kind: "implicit" | "explicit";
  /** Undefined when the message names a policy type arp does not know. */
  readonly policyType?: PolicyType;
  /** The denying policy's ARN, when an explicit-deny message names it. */
  readonly policyArn?: string;
  /** The reason as the message words it. */
  readonly text: string;
}

/** What the message implies about the principal's identity-based policies. */
export interface IdentityVerdict {
  /** Whether an identity-based Allow applied. "depends" means the message does not say. */
  readonly allowed: Tristate;
  /** Whether an identity-based Deny applied. "depends" means the message does not say. */
  readonly explicitDeny: Tristate;
}

export interface AccessDenied {
  readonly principal: string;
  readonly action: string;
  /** `*` when the message names no resource; possibly a bare name, not an ARN. */
  readonly resource: string;
  readonly reason?: DenialReason;
  readonly identity: IdentityVerdict;
}

const REASON = /(?:because no (.+?) allows the \S+ action|with an explicit deny in an? (.+?)(?::\s*(arn:\S+?))?)\.?\s*$/;

function policyTypeOf(text: string): PolicyType | undefined {
  const lower = text.toLowerCase();
  return POLICY_TYPES.find((t) => lower === t.toLowerCase() || lower === `${t.toLowerCase()}s`);
}

/** The identity-based verdict each reason implies (see the module comment for the order). */
function verdictOf(reason: DenialReason | undefined): IdentityVerdict {
  const unknown: IdentityVerdict = { allowed: "depends", explicitDeny: "depends" };
  if (reason === undefined || reason.policyType === undefined) return unknown;
  if (reason.kind === "explicit") return reason.policyType === "identity-based policy" ? { allowed: "depends", explicitDeny: "yes" } : unknown;
  switch (reason.policyType) {
    case "identity-based policy":
      return { allowed: "no", explicitDeny: "no" };
    // Checked after the identity-based policies allowed: they did.
    case "permissions boundary":
    case "session policy":
      return { allowed: "yes", explicitDeny: "no" };
    // Implicit denies of other types come after the explicit-deny step: nothing denied.
    default:
      return { allowed: "depends", explicitDeny: "no" };
  }
}

/** Reads an AccessDenied message; undefined when the text is not one. */
export function parseAccessDenied(message: string): AccessDenied | undefined {
  const denial = parseDenial(message);
  if (denial === undefined) return undefined;
  const line = message.split(/\r?\n/).find((l) => l.includes(" is not authorized to perform: ")) ?? "";
  const m = REASON.exec(line);
  let reason: DenialReason | undefined;
  if (m !== null) {
    const typeText = (m[1] ?? m[2] ?? "").trim();
    const policyType = policyTypeOf(typeText);
    reason = {
      kind: m[1] !== undefined ? "implicit" : "explicit",
      ...(policyType === undefined ? {} : { policyType }),
      ...(m[3] === undefined ? {} : { policyArn: m[3] }),
      text: m[0].trim().replace(/\.$/, ""),
    };
  }
  return { principal: denial.principal, action: denial.action, resource: denial.resource, ...(reason === undefined ? {} : { reason }), identity: verdictOf(reason) };
}
