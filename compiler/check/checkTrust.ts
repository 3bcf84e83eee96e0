/**
 * Checks one `trust` of a role and lowers it to trust-policy statements: who may assume the
 * role (`Principal`), with which STS action, under which conditions. A role's trust policy is
 * the one resource-based policy App Runner users write: App Runner itself assumes the access
 * role (`build.apprunner.amazonaws.com`) and the instance role (`tasks.apprunner.amazonaws.com`),
 * and people outside the account reach App Runner through a role they are trusted to assume.
 */
import type { PrincipalRef, TrustDecl } from "../../grammar/ast.js";
import type { IamPrincipal } from "../../runtime/policyDocument.js";
import type { IrStatement } from "../ir.js";
import { lowerStatement } from "../lower/lowerStatement.js";
import type { CatalogAction } from "../catalog/index.js";
import { checkCondition } from "./checkConditions.js";
import { didYouMean, report, type CheckContext } from "./context.js";
import { warnIfOpenTrust } from "./openTrust.js";
import { resolveParts } from "./resolveTemplate.js";

type PrincipalField = "AWS" | "Service" | "Federated";


export function checkTrust(ctx: CheckContext, trust: TrustDecl): IrStatement[] {
  const before = ctx.diagnostics.length;
  const principal = principalOf(ctx, trust.principals);
  const actions = trustActions(ctx, trust);
  const condition =
    trust.condition === undefined ? undefined : checkCondition(ctx, trust.condition, actions.map((a) => a.action));
  if (principal !== undefined) warnIfOpenTrust(ctx, trust, principal, condition);
  if (ctx.diagnostics.slice(before).some((d) => d.severity === "error") || principal === undefined) return [];
  const lowered = lowerStatement(ctx, {
    source: { kind: "Statement", effect: "allow", effectSpan: trust.span, actions: { kind: "Actions", except: false, items: [], span: trust.span }, span: trust.span },
    effect: "Allow",
    actions: { except: false, items: actions.map((a) => ({ pattern: a.pattern, text: a.text, isWildcard: false, matches: [a.action] })), complete: true },
    resources: { negated: false, items: [], complete: true },
    ...(condition !== undefined ? { condition } : {}),
  });
  // Trust policies name no resource: the role they are attached to is the resource.
  return lowered.map(({ resources: _dropped, ...s }) => ({ ...s, principal }));
}

interface TrustAction {
  readonly pattern: NonNullable<TrustDecl["actions"]>[number];
  readonly text: string;
  readonly action: CatalogAction;
}

function defaultAction(trust: TrustDecl): string {
  const federated = trust.principals.filter((p) => p.principalKind === "federated");
  if (federated.length === 0) return "sts:AssumeRole";
  const saml = federated.some((p) => p.value?.parts.some((part) => part.kind === "Text" && part.text.includes("saml-provider")));
  return saml ? "sts:AssumeRoleWithSAML" : "sts:AssumeRoleWithWebIdentity";
}

function trustActions(ctx: CheckContext, trust: TrustDecl): TrustAction[] {
  const patterns = trust.actions ?? [];
  if (patterns.length === 0) {
    const text = defaultAction(trust);
    const action = ctx.catalog.action(text);
    const pattern = { kind: "Pattern" as const, text, parts: [{ kind: "Text" as const, text, span: trust.span }], span: trust.span };
    return action === undefined ? [] : [{ pattern, text, action }];
  }
  const out: TrustAction[] = [];
  for (const pattern of patterns) {
    const action = ctx.catalog.action(pattern.text);
    if (action === undefined || action.service.toLowerCase() !== "sts") {
      // Only an `sts:` suggestion helps; any other would name an action a trust cannot allow.
      const suggestion = ctx.catalog.suggestAction(pattern.text);
      report(ctx, "InvalidTrust", pattern.span, `a trust allows an \`sts:\` action such as \`sts:AssumeRole\`, not \`${pattern.text}\``,
        suggestion?.toLowerCase().startsWith("sts:") === true ? didYouMean(suggestion)
          : { hint: "trusts allow `sts:AssumeRole`, `sts:AssumeRoleWithWebIdentity`, `sts:AssumeRoleWithSAML` or `sts:TagSession`" });
      continue;
    }
    out.push({ pattern, text: pattern.text, action });
  }
  return out;
}

function principalOf(ctx: CheckContext, refs: readonly PrincipalRef[]): IamPrincipal | undefined {
  if (refs.some((r) => r.principalKind === "anyone")) return "*";
  const fields = new Map<PrincipalField, string[]>();
  let ok = true;
  for (const ref of refs) {
    const entry = principalEntry(ctx, ref);
    if (entry === undefined) {
      ok = false;
      continue;
    }
    const list = fields.get(entry.field) ?? [];
    if (!list.includes(entry.value)) list.push(entry.value);
    fields.set(entry.field, list);
  }
  if (!ok || fields.size === 0) return undefined;
  const out: Partial<Record<PrincipalField, string | string[]>> = {};
  for (const field of ["AWS", "Service", "Federated"] as const) {
    const values = fields.get(field);
    if (values !== undefined) out[field] = values.length === 1 ? (values[0] as string) : values;
  }
  return out;
}

function principalEntry(ctx: CheckContext, ref: PrincipalRef): { field: PrincipalField; value: string } | undefined {
  const resolved = ref.value === undefined ? undefined : resolveParts(ctx, ref.value.parts);
  if (resolved === undefined) return undefined;
  const value = resolved.text;
  const partition = ctx.params.get("partition")?.value ?? "aws";
  switch (ref.principalKind) {
    case "service":
      if (!/^[a-z0-9.-]+\.amazonaws\.com(\.cn)?$/.test(value)) {
        return invalid(ctx, ref, `\`${value}\` is not an AWS service principal such as \`build.apprunner.amazonaws.com\``);
      }
      return { field: "Service", value };
    case "account":
      if (value === "*") return { field: "AWS", value };
      if (!/^\d{12}$/.test(value)) return invalid(ctx, ref, `\`${value}\` is not a 12-digit AWS account id`);
      return { field: "AWS", value: `arn:${partition}:iam::${value}:root` };
    case "arn":
      if (!/^arn:[^:]+:(iam|sts)::(\d{12}|\*)?:/.test(value)) {
        return invalid(ctx, ref, `\`${value}\` is not an IAM or STS principal ARN (a role, user, account root or assumed-role session)`);
      }
      return { field: "AWS", value };
    case "federated":
      return { field: "Federated", value };
    case "anyone":
      return { field: "AWS", value: "*" };
  }
}

function invalid(ctx: CheckContext, ref: PrincipalRef, message: string): undefined {
  report(ctx, "InvalidTrust", ref.value?.span ?? ref.span, message);
  return undefined;
}
