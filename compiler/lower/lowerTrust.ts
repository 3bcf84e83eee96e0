/**
 * Lowers a checked `trust` to trust-policy statements. Principals that assume the role by
 * different STS operations get separate statements, each with its own action: a web identity
 * "session principal … results from using the AWS STS `AssumeRoleWithWebIdentity` operation",
 * a SAML session from `AssumeRoleWithSAML`, and AWS principals and services call `AssumeRole`
 * (IAM User Guide, reference_policies_elements_principal). One statement allowing only
 * `sts:AssumeRoleWithWebIdentity` to both a service and a provider would shut the service out.
 * The trust's condition applies to each of its statements, split at its `or`s as any
 * statement's is. A `deny trust` lowers the same way to `Deny` statements: a deny that applies
 * if any branch holds is the same as one deny per branch.
 */
import type { CheckedStatement } from "../check/checkStatement.js";
import type { CheckedPrincipal, CheckedTrust } from "../check/checkTrust.js";
import type { CheckContext } from "../check/context.js";
import { warnIfOpenTrust } from "../check/openTrust.js";
import { DEFAULT_TRUST_ACTION, type PrincipalField } from "../check/trustPrincipal.js";
import type { IrStatement } from "../ir.js";
import type { IamPrincipal } from "../../runtime/policyDocument.js";
import { lowerStatement } from "./lowerStatement.js";
import { warnUnreachablePrincipals } from "./unreachableTrust.js";

/** Principals allowed the same actions: they share one `Principal` element. */
export interface TrustGrant {
  readonly principal: IamPrincipal;
  readonly actions: readonly string[];
}

/**
 * The trust's statements, in source order of their principals; also warns about open trusts
 * and about principals the condition shuts out.
 */
export function lowerTrust(ctx: CheckContext, trust: CheckedTrust): IrStatement[] {
  const branches = conditionBranches(ctx, trust);
  const statements = trustGrants(trust).flatMap((grant) =>
    branches.map((b): IrStatement => ({
      ...b,
      principal: grant.principal,
      actions: { not: false, values: grant.actions },
    })));
  // A `deny trust` lets nobody in, so it opens nothing and shuts out no one by mistake.
  if (trust.source.effect === "deny") return statements;
  warnIfOpenTrust(ctx, trust.source, statements);
  warnUnreachablePrincipals(ctx, statements);
  return statements;
}

/**
 * The principals grouped by the actions they are allowed: every principal shares the actions
 * written after `to`; otherwise each gets its own way's action.
 */
export function trustGrants(trust: CheckedTrust): TrustGrant[] {
  const groups = new Map<string, { actions: readonly string[]; principals: CheckedPrincipal[] }>();
  for (const p of trust.principals) {
    const actions = trust.actions ?? [DEFAULT_TRUST_ACTION[p.way]];
    const key = actions.join("\u0000");
    const group = groups.get(key) ?? { actions, principals: [] };
    group.principals.push(p);
    groups.set(key, group);
  }
  return [...groups.values()].map((g) => ({ principal: principalElement(g.principals), actions: g.actions }));
}

/**
 * The `Principal` element for principals sharing a statement. `anyone` is `"*"`, which IAM
 * reads as `{ "AWS": "*" }` ("For anonymous users, the following elements are equivalent");
 * beside a service or a provider it stays `"AWS": "*"` so that they are still named.
 */
function principalElement(principals: readonly CheckedPrincipal[]): IamPrincipal {
  const anyone = principals.some((p) => p.source.principalKind === "anyone");
  if (anyone && principals.every((p) => p.field === "AWS")) return "*";
  const out: Partial<Record<PrincipalField, string | string[]>> = {};
  for (const field of ["AWS", "Service", "Federated"] as const) {
    const values = anyone && field === "AWS" ? ["*"] : [...new Set(principals.filter((p) => p.field === field).map((p) => p.value))];
    if (values.length > 0) out[field] = values.length === 1 ? (values[0] as string) : values;
  }
  return out;
}

/**
 * The trust's condition as IAM statements without principal or action, one per branch of its
 * `or`s, lowered once so that a condition IAM cannot express is reported once.
 */
function conditionBranches(ctx: CheckContext, trust: CheckedTrust): Omit<IrStatement, "resources">[] {
  const span = trust.source.span;
  // The statement lowering reads only the effect, the condition and the source's spans; a trust
  // has no action or resource list of its own to give it.
  const stmt: CheckedStatement = {
    source: {
      kind: "Statement", effect: trust.source.effect, effectSpan: span, actions: { kind: "Actions", except: false, items: [], span }, span,
      ...(trust.source.condition !== undefined ? { condition: trust.source.condition } : {}),
    },
    effect: trust.source.effect === "deny" ? "Deny" : "Allow",
    actions: { except: false, items: [], complete: true },
    resources: { negated: false, items: [], complete: true },
    ...(trust.condition !== undefined ? { condition: trust.condition } : {}),
  };
  // Trust policies name no resource: the role they are attached to is the resource.
  return lowerStatement(ctx, stmt).map(({ resources: _dropped, ...s }) => s);
}
