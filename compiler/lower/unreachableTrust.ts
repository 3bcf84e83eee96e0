/**
 * Finds principals of a trust that can never assume the role: every statement naming them
 * requires a condition key that none of their actions carries. A trust's condition holds for
 * each of its statements, so in `trust service "tasks.apprunner.amazonaws.com", federated
 * "…oidc-provider/token.actions.githubusercontent.com" when token.actions.githubusercontent.com:sub
 * like "repo:acme/*"` the service's `sts:AssumeRole` statement tests a token claim that only
 * `sts:AssumeRoleWithWebIdentity` requests carry. IAM accepts such a statement; it just never
 * applies, which is the kind of silent shut-out a trust must not have.
 */
import type { CheckContext } from "../check/context.js";
import { report } from "../check/context.js";
import type { IrCondition, IrStatement } from "../ir.js";
import { NULL_OPERATOR, parseOperator } from "../../runtime/operators/index.js";
import type { IamPrincipal } from "../../runtime/policyDocument.js";


/**
 * A test that fails when its key is missing: `Null` false; a plain positive operator; any
 * `ForAnyValue` one ("ForAnyValue … returns false" on a missing key, as arp decides it). Not
 * `IfExists`, `ForAllValues` or a plain negated operator, which hold.
 */
function needsKey(c: IrCondition): boolean {
  const parsed = parseOperator(c.operator);
  if (parsed === undefined || parsed.ifExists || parsed.set === "all") return false;
  if (parsed.impl.name === NULL_OPERATOR.name) return c.values.every((v) => v === "false");
  // Plain negated operators hold on a missing key (S2).
  return parsed.set === "any" || !parsed.impl.negated;
}

function principalNames(principal: IamPrincipal | undefined): string {
  if (principal === undefined || principal === "*") return "`anyone`";
  return Object.values(principal).flat().map((v) => `\`${v}\``).join(", ");
}

/**
 * Reports, once per group of principals (statements sharing a `Principal` and actions), a
 * group whose every statement needs a key its actions never send.
 */
export function warnUnreachablePrincipals(ctx: CheckContext, statements: readonly IrStatement[]): void {
  const groups = new Map<string, IrStatement[]>();
  for (const s of statements) {
    const key = JSON.stringify([s.principal, s.actions.values]);
    groups.set(key, [...(groups.get(key) ?? []), s]);
  }
  for (const group of groups.values()) {
    const first = group[0] as IrStatement;
    const actions = first.actions.values.flatMap((a) => ctx.catalog.action(a) ?? []);
    if (actions.length === 0) continue;
    const carried = (key: string): boolean => actions.some((a) => ctx.catalog.keyAppliesToAction(key, a));
    const blockers = group.map((s) => s.conditions.find((c) => needsKey(c) && !carried(c.key)));
    if (blockers.some((b) => b === undefined)) continue;
    const blocker = blockers[0] as IrCondition;
    const shown = first.actions.values.map((a) => `\`${a}\``).join(", ");
    report(ctx, "KeyNeverApplies", blocker.span,
      `${principalNames(first.principal)} can never assume the role: every branch of the condition tests \`${blocker.key}\`, which ${shown} never carries`,
      { hint: "give these principals a `trust` of their own, with the conditions that apply to them" });
  }
}
