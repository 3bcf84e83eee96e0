/**
 * Resolves a statement's action patterns against the catalog: every name must exist, every
 * wildcard must match something. The text is kept as written for the output.
 */
import type { ActionClause, Pattern } from "../../grammar/ast.js";
import type { CatalogAction } from "../catalog/index.js";
import { didYouMean, report, type CheckContext } from "./context.js";

/** One action pattern with the catalog actions it stands for. */
export interface ResolvedAction {
  readonly pattern: Pattern;
  readonly text: string;
  readonly isWildcard: boolean;
  readonly matches: readonly CatalogAction[];
}

export interface ResolvedActions {
  readonly except: boolean;
  /** Patterns that resolved; unresolved ones were reported and dropped. */
  readonly items: readonly ResolvedAction[];
  /** False when any pattern failed, so later passes can stay quiet about this statement. */
  readonly complete: boolean;
}

export function resolveActions(ctx: CheckContext, clause: ActionClause): ResolvedActions {
  const items: ResolvedAction[] = [];
  let complete = true;
  for (const pattern of clause.items) {
    const before = ctx.diagnostics.length;
    const r = resolveAction(ctx, pattern);
    if (r !== undefined) items.push(r);
    else {
      complete = false;
      // An `// arp-ignore` comment suppressed what was reported (driver/suppressions.ts): the
      // action is kept as written, unchecked, rather than dropped from the output.
      if (suppressedSince(ctx, before)) items.push({ pattern, text: pattern.text, isWildcard: /[*?]/.test(pattern.text), matches: [] });
    }
  }
  return { except: clause.except, items, complete };
}

/** True when something was reported since `before` and all of it was suppressed. */
export function suppressedSince(ctx: CheckContext, before: number): boolean {
  const found = ctx.diagnostics.slice(before);
  return found.length > 0 && found.every((d) => d.severity === "info");
}

/** One action pattern, checked against the catalog; undefined after reporting what is wrong. */
export function resolveAction(ctx: CheckContext, pattern: Pattern): ResolvedAction | undefined {
  if (pattern.parts.some((p) => p.kind === "Interpolation")) {
    report(ctx, "UnknownAction", pattern.span, `an action cannot contain a variable: \`${pattern.text}\``);
    return undefined;
  }
  const text = pattern.text;
  const isWildcard = /[*?]/.test(text);
  if (text === "*") return { pattern, text, isWildcard, matches: ctx.catalog.matchActions("*") };
  const colon = text.indexOf(":");
  if (colon <= 0 || colon === text.length - 1) {
    report(ctx, "UnknownAction", pattern.span, `\`${text}\` is not an action: write \`service:Action\``, {
      hint: "for example `apprunner:DescribeService` or `apprunner:Describe*`",
    });
    return undefined;
  }
  const service = text.slice(0, colon);
  if (/[*?]/.test(service)) {
    // IAM rejects the whole document: "Action vendors ... must not contain wildcards".
    report(ctx, "UnknownService", spanOfPrefix(pattern, colon), `a service prefix cannot contain wildcards: \`${service}\``, {
      hint: "IAM rejects such a policy; write `*` for every action, or name each service, e.g. `apprunner:*`",
    });
    return undefined;
  }
  if (!ctx.catalog.hasService(service)) {
    report(ctx, "UnknownService", spanOfPrefix(pattern, colon), `unknown service \`${service}\``, {
      ...didYouMean(ctx.catalog.suggestService(service)),
    });
    return undefined;
  }
  if (isWildcard) {
    const matches = ctx.catalog.matchActions(text);
    if (matches.length === 0) {
      report(ctx, "WildcardMatchesNothing", pattern.span, `\`${text}\` matches no action of \`${service}\``, {
        hint: `list \`${service}\`'s actions with \`arp catalog ${service}:*\``,
      });
      return undefined;
    }
    return { pattern, text, isWildcard, matches };
  }
  const action = ctx.catalog.action(text);
  if (action === undefined) {
    report(ctx, "UnknownAction", pattern.span, `\`${service}\` has no action \`${text.slice(colon + 1)}\``, {
      ...didYouMean(ctx.catalog.suggestAction(text)),
    });
    return undefined;
  }
  return { pattern, text, isWildcard, matches: [action] };
}

function spanOfPrefix(pattern: Pattern, length: number) {
  return { ...pattern.span, end: pattern.span.start + length };
}

/** Every catalog action a statement's action clause can stand for (empty for `except`). */
export function statementActions(actions: ResolvedActions): readonly CatalogAction[] {
  if (actions.except) return [];
  const seen = new Map<string, CatalogAction>();
  for (const item of actions.items) for (const a of item.matches) seen.set(a.fullName, a);
  return [...seen.values()];
}
