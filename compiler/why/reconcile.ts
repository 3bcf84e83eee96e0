/**
 * `arp why`'s account of a denial: what the message says, what one principal's policies decide
 * with every context key the caller did not give left unknown, and how the two fit. It never
 * contradicts the message: a deny the message rules out is said not to have applied (and under
 * which condition), an allow it rules out likewise, and what the message does not say stays
 * open ("denied if aws:SecureTransport is false").
 */
import { describeResidual, type DependentStatement, type PartialResult, type StatementRef } from "../../runtime/index.js";
import type { Request } from "../../runtime/types.js";
import type { AccessDenied } from "./accessDenied.js";
import { suggestStatement } from "./suggestStatement.js";

function where(ref: StatementRef): string {
  const name = ref.sid === undefined ? `statement[${ref.index}]` : `statement \`${ref.sid}\``;
  const at = ref.source === undefined ? "" : ` (${ref.source.file}:${ref.source.line}:${ref.source.column})`;
  return `${name} in policy \`${ref.policy}\`${at}`;
}

function residualText(s: DependentStatement): string {
  return s.residual.map(describeResidual).join(" and ");
}

function messageLine(denied: AccessDenied): string {
  if (denied.reason === undefined) return "the message gives no reason: which policy denied, and how, is unknown";
  return `the message says: ${denied.reason.text}`;
}

/** The decision line, with the unknown keys it was open on. */
function decisionLine(partial: PartialResult): string {
  const open = partial.unknownKeys.length === 0 ? "" : ` (unknown context keys: ${partial.unknownKeys.join(", ")}; give them with --context)`;
  return `these policies decide: ${partial.decision}${open}`;
}

/** The lines of the account, after the principal line. */
export function reconcile(denied: AccessDenied, partial: PartialResult, request: Request, params: Readonly<Record<string, string>>): string[] {
  const lines = [messageLine(denied), decisionLine(partial)];
  const denies = partial.applied.filter((s) => s.effect === "Deny");
  const maybeDenies = partial.dependent.filter((s) => s.effect === "Deny");
  const allows = partial.applied.filter((s) => s.effect === "Allow");
  const maybeAllows = partial.dependent.filter((s) => s.effect === "Allow");
  const verdict = denied.identity;

  // Explicit denies.
  if (verdict.explicitDeny === "no") {
    if (denies.length > 0) {
      lines.push(`the message rules out an explicit deny, yet these policies deny whatever the context: ${denies.map(where).join("; ")}. The policies AWS evaluated differ from these files, or the caller does not hold them`);
    }
    for (const s of maybeDenies) lines.push(`did not apply (the message rules out an explicit deny): Deny ${where(s)}, so in AWS's request it was not the case that ${residualText(s)}`);
  } else if (verdict.explicitDeny === "yes") {
    if (denies.length > 0) lines.push(`blocked by an explicit deny, which no allow can override: ${denies.map(where).join("; ")}`);
    else if (maybeDenies.length > 0) {
      for (const s of maybeDenies) lines.push(`blocked by an explicit deny: of these policies only Deny ${where(s)} can deny it, so in AWS's request ${residualText(s)}`);
    } else {
      const arn = denied.reason?.policyArn === undefined ? "" : ` (${denied.reason.policyArn})`;
      lines.push(`the explicit deny${arn} is in none of these policies: it is in another policy the caller holds`);
    }
  } else {
    if (denies.length > 0) lines.push(`an explicit deny applies whatever the context, which no allow can override: ${denies.map(where).join("; ")}`);
    for (const s of maybeDenies) lines.push(`denied if ${residualText(s)}: Deny ${where(s)}`);
  }

  // Allows, when no explicit deny settles it.
  if (verdict.explicitDeny === "yes") {
    // An explicit deny settles it: no allow could have changed the answer.
  } else if (verdict.allowed === "yes") {
    if (allows.length === 0 && maybeAllows.length === 0) {
      lines.push(`the message says the identity-based policies allowed it, yet no statement of these allows it: the caller holds other policies too`);
    }
    for (const s of maybeAllows) lines.push(`applied (the message says an identity-based policy allowed it): Allow ${where(s)}, if it is this one, so in AWS's request ${residualText(s)}`);
    lines.push(`the message says the identity-based policies allowed it: the denial is the ${denied.reason?.policyType ?? "other policy"}'s, which arp does not see`);
  } else if (verdict.allowed === "no") {
    if (allows.length > 0) {
      lines.push(`the message says no identity-based policy allows it, yet these policies allow it whatever the context: ${allows.map(where).join("; ")}. The policies AWS evaluated differ from these files, or the caller does not hold them`);
    }
    for (const s of maybeAllows) lines.push(`did not apply (the message says nothing allowed it): Allow ${where(s)}, so in AWS's request it was not the case that ${residualText(s)}`);
    if (allows.length === 0 && denies.length > 0) {
      lines.push(`no allow would help: the deny that applies whatever the context (${denies.map(where).join("; ")}) overrides any allow`);
    } else if (allows.length === 0) lines.push(`the smallest statement that would allow it:\n  ${suggestStatement(request, params)}`);
  } else if (denies.length === 0 || verdict.explicitDeny === "no") {
    for (const s of maybeAllows) lines.push(`allowed if ${residualText(s)}: Allow ${where(s)}`);
    // A message that names the policy type that denied is answered by the last line instead.
    const namedElsewhere = denied.reason?.policyType !== undefined && denied.reason.policyType !== "identity-based policy";
    if (allows.length > 0 && denies.length === 0 && !namedElsewhere) {
      const unless = maybeDenies.length > 0 ? "; unless a deny above applied, " : ": ";
      lines.push(`these policies allow it (${allows.map(where).join("; ")})${unless}the denial comes from elsewhere (another policy the caller holds, a permissions boundary, an SCP, or a session policy)`);
    }
    if (allows.length === 0 && maybeAllows.length === 0) lines.push(`no statement allows it; the smallest statement that would:\n  ${suggestStatement(request, params)}`);
  }
  if (denied.reason !== undefined && denied.reason.policyType !== undefined && denied.reason.policyType !== "identity-based policy" && verdict.allowed !== "yes") {
    lines.push(`the denial comes from a ${denied.reason.policyType}, which arp does not model: these identity policies are not its cause`);
  }
  return lines;
}
