/**
 * Checks one `trust` of a role: who may assume the role, with which STS actions, under which
 * conditions. A role's trust policy is the one resource-based policy App Runner users write:
 * App Runner itself assumes the access role (`build.apprunner.amazonaws.com`) and the instance
 * role (`tasks.apprunner.amazonaws.com`), and people outside the account reach App Runner
 * through a role they are trusted to assume. `lower/lowerTrust` turns the checked form into
 * trust-policy statements.
 */
import type { PrincipalRef, TrustDecl } from "../../grammar/ast.js";
import type { CatalogAction } from "../catalog/index.js";
import type { CheckedCondition } from "./checkedCondition.js";
import { checkCondition } from "./checkConditions.js";
import { didYouMean, report, type CheckContext } from "./context.js";
import { placeholderIn, resolveParts } from "./resolveTemplate.js";
import { classifyPrincipal, DEFAULT_TRUST_ACTION, isProblem, type TrustPrincipal } from "./trustPrincipal.js";

/** One principal of a trust, as IAM reads it. */
export interface CheckedPrincipal extends TrustPrincipal {
  readonly source: PrincipalRef;
}

/** A `trust` whose principals, actions and condition all checked. */
export interface CheckedTrust {
  readonly source: TrustDecl;
  readonly principals: readonly CheckedPrincipal[];
  /**
   * The actions written after `to`, allowed to every principal of the trust. Absent when the
   * trust names none: each principal then gets its own way's action (`DEFAULT_TRUST_ACTION`).
   */
  readonly actions?: readonly string[];
  readonly condition?: CheckedCondition;
}

/** Checks a trust, reporting every problem; undefined when any of them is an error. */
export function checkTrust(ctx: CheckContext, trust: TrustDecl): CheckedTrust | undefined {
  const before = ctx.diagnostics.length;
  const principals = checkPrincipals(ctx, trust.principals);
  const written = trust.actions === undefined || trust.actions.length === 0 ? undefined : explicitActions(ctx, trust);
  const explicit = written?.actions;
  const actions = explicit ?? defaultActions(ctx, principals);
  // Judged only when every `to` action checked: a rejected one is reported already. A deny
  // locks nobody out: it only takes away.
  if (explicit !== undefined && written?.complete === true && trust.effect === "allow") checkLockedOut(ctx, principals, explicit);
  const condition =
    trust.condition === undefined ? undefined : checkCondition(ctx, trust.condition, actions.map((a) => a.action));
  if (ctx.diagnostics.slice(before).some((d) => d.severity === "error") || principals.length === 0) return undefined;
  return {
    source: trust,
    principals,
    ...(explicit !== undefined ? { actions: unique(explicit.map((a) => a.text)) } : {}),
    ...(condition !== undefined ? { condition } : {}),
  };
}

interface TrustAction {
  readonly text: string;
  readonly action: CatalogAction;
}

/** The actions the principals use by default: what the condition's keys are checked against. */
function defaultActions(ctx: CheckContext, principals: readonly CheckedPrincipal[]): TrustAction[] {
  const texts = unique(principals.map((p) => DEFAULT_TRUST_ACTION[p.way]));
  return texts.flatMap((text) => {
    const action = ctx.catalog.action(text);
    return action === undefined ? [] : [{ text, action }];
  });
}

/**
 * The catalog actions of the `to` list, a wildcard giving each action it matches; `complete`
 * unless some entry was rejected (and reported).
 */
function explicitActions(ctx: CheckContext, trust: TrustDecl): { actions: TrustAction[]; complete: boolean } {
  const out: TrustAction[] = [];
  let complete = true;
  for (const pattern of trust.actions ?? []) {
    const wildcard = stsWildcard(ctx, pattern.text);
    if (wildcard !== undefined) {
      out.push(...wildcard.map((action) => ({ text: pattern.text, action })));
      continue;
    }
    const action = ctx.catalog.action(pattern.text);
    if (action === undefined || action.service.toLowerCase() !== "sts") {
      complete = false;
      // Only an `sts:` suggestion helps; any other would name an action a trust cannot allow.
      const suggestion = ctx.catalog.suggestAction(pattern.text);
      const what = /[*?]/.test(pattern.text) && /^sts:/i.test(pattern.text) ? `\`${pattern.text}\`, which matches no \`sts:\` action` : `\`${pattern.text}\``;
      report(ctx, "InvalidTrust", pattern.span, `a trust ${trust.effect === "deny" ? "denies" : "allows"} an \`sts:\` action such as \`sts:AssumeRole\`, not ${what}`,
        suggestion?.toLowerCase().startsWith("sts:") === true ? didYouMean(suggestion)
          : { hint: "trusts allow `sts:AssumeRole`, `sts:AssumeRoleWithWebIdentity`, `sts:AssumeRoleWithSAML` or `sts:TagSession`" });
      continue;
    }
    out.push({ text: pattern.text, action });
  }
  return { actions: out, complete };
}

/**
 * The `sts:` actions a wildcard such as `sts:*` or `sts:AssumeRole*` matches; undefined for a
 * name without wildcards, for another service and for a pattern that matches no action. The
 * `Action` element is the same in a trust policy as in any other: "You can use a wildcard (*) to
 * give access to all the actions the specific AWS product offers" and "You can also use
 * wildcards (*) as part of the action name" (reference_policies_elements_action), with no
 * exception for trust policies there or in the policy grammar.
 */
function stsWildcard(ctx: CheckContext, text: string): CatalogAction[] | undefined {
  if (!/[*?]/.test(text) || !/^sts:/i.test(text)) return undefined;
  const matches = ctx.catalog.matchActions(text);
  return matches.length === 0 ? undefined : [...matches];
}

/**
 * A principal whose own way of assuming a role is not among the `to` actions can never assume
 * it: a service calls `AssumeRole`, so `trust service "..." to sts:AssumeRoleWithWebIdentity`
 * locks it out. IAM accepts such a policy (Access Analyzer reports "mismatched action for
 * principal"), so this is a warning.
 */
function checkLockedOut(ctx: CheckContext, principals: readonly CheckedPrincipal[], actions: readonly TrustAction[]): void {
  const allowed = new Set(actions.map((a) => a.action.fullName.toLowerCase()));
  for (const p of principals) {
    // `anyone` is every principal of every way: it needs no particular action.
    if (p.source.principalKind === "anyone") continue;
    const needed = DEFAULT_TRUST_ACTION[p.way];
    if (allowed.has(needed.toLowerCase())) continue;
    report(ctx, "InvalidTrust", p.source.span, `this principal assumes a role with \`${needed}\`, which the trust does not allow: it can never assume the role`, {
      hint: `add \`${needed}\` after \`to\`, or trust this principal in a \`trust\` of its own`,
      severity: "warning",
    });
  }
}

/** The principals that checked; every one that did not is reported. */
function checkPrincipals(ctx: CheckContext, refs: readonly PrincipalRef[]): CheckedPrincipal[] {
  const partition = ctx.params.get("partition")?.value ?? "aws";
  const out: CheckedPrincipal[] = [];
  for (const ref of refs) {
    const value = ref.principalKind === "anyone" ? "*" : principalText(ctx, ref);
    if (value === undefined) continue;
    const r = classifyPrincipal(ref.principalKind, value, partition);
    if (isProblem(r)) {
      report(ctx, "InvalidTrust", ref.value?.span ?? ref.span, r.message, r.hint === undefined ? {} : { hint: r.hint });
      continue;
    }
    out.push({ ...r, source: ref });
  }
  return out;
}

/**
 * A principal's text with parameters filled in. "You can use policy variables in the
 * `Resource` element and in string comparisons in the `Condition` element"
 * (reference_policies_variables): in a `Principal`, `${aws:username}` would be literal text.
 */
function principalText(ctx: CheckContext, ref: PrincipalRef): string | undefined {
  const placeholder = ref.value === undefined ? undefined : placeholderIn(ctx, ref.value.parts);
  if (placeholder !== undefined && ref.value !== undefined) {
    report(ctx, "ParameterWithoutValue", ref.value.span,
      `parameter \`${placeholder.name}\` has no value, and its stand-in \`${placeholder.value}\` ${ref.principalKind === "account" ? "would trust every AWS account" : "makes a principal IAM rejects (a principal is named in full)"}`, {
        hint: `set it: \`--set ${placeholder.name}=VALUE\`, or give it a default: \`param ${placeholder.name} = "..."\``,
      });
    return undefined;
  }
  const resolved = ref.value === undefined ? undefined : resolveParts(ctx, ref.value.parts);
  if (resolved === undefined || ref.value === undefined) return undefined;
  if (resolved.dynamic) {
    report(ctx, "InvalidTrust", ref.value.span, "IAM does not substitute policy variables in a principal", {
      hint: "name the principal in full, or test `aws:PrincipalArn` in `when`",
    });
    return undefined;
  }
  return resolved.text;
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}
