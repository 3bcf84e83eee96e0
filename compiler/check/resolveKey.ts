/**
 * Resolves what a condition tests to an IAM key known to the catalog, and warns when no action
 * of the statement supports that key (the condition could never hold for them).
 */
import type { KeyRef } from "../../grammar/ast.js";
import type { CatalogAction, KeyType } from "../catalog/index.js";
import { checkCharacters } from "./checkCharacters.js";
import { didYouMean, report, type CheckContext } from "./context.js";
import { suppressedSince } from "./resolveActions.js";

export interface ResolvedKey {
  readonly name: string;
  readonly type: KeyType;
}

/** `apprunner:ResourceTag/K`, the App Runner spelling of `aws:ResourceTag/K` the catalog no longer lists. */
export const LEGACY_RESOURCE_TAG = /^apprunner:ResourceTag\//i;

/** The IAM key a key reference names: `tag team` → `aws:ResourceTag/team`. */
export function keyText(ref: KeyRef): string {
  switch (ref.form) {
    case "raw":
      return ref.name;
    case "resourceTag":
      return `aws:ResourceTag/${ref.name}`;
    case "requestTag":
      return `aws:RequestTag/${ref.name}`;
    case "principalTag":
      return `aws:PrincipalTag/${ref.name}`;
    case "tagKeys":
      return "aws:TagKeys";
  }
}

export function resolveKey(
  ctx: CheckContext,
  ref: KeyRef,
  actions: readonly CatalogAction[],
): ResolvedKey | undefined {
  let name = keyText(ref);
  if (!checkCharacters(ctx, name, ref.span, "the condition key")) return undefined;
  if (ref.form === "raw" && LEGACY_RESOURCE_TAG.test(name)) {
    const rewritten = name.replace(LEGACY_RESOURCE_TAG, "aws:ResourceTag/");
    report(ctx, "DeprecatedKeyAlias", ref.span,
      `\`${name}\` is compiled to \`${rewritten}\`: the Service Authorization Reference lists only the \`aws:\` key for App Runner resources`,
      { hint: `write \`tag ${name.slice(name.indexOf("/") + 1)}\` or \`${rewritten}\`` });
    name = rewritten;
  }
  const key = ctx.catalog.conditionKey(name);
  if (key === undefined) {
    const before = ctx.diagnostics.length;
    report(ctx, "UnknownConditionKey", ref.span, `unknown condition key \`${name}\``, {
      ...didYouMean(ctx.catalog.suggestConditionKey(name)),
    });
    // Suppressed by an `// arp-ignore` comment: the key is kept as written and read as a
    // string, as IAM's String operators read any key.
    return suppressedSince(ctx, before) ? { name, type: "String" } : undefined;
  }
  if (actions.length > 0 && !actions.some((a) => ctx.catalog.keyAppliesToAction(name, a))) {
    const shown = actions.slice(0, 3).map((a) => `\`${a.fullName}\``).join(", ") + (actions.length > 3 ? ", ..." : "");
    report(ctx, "KeyNeverApplies", ref.span,
      `no action of this statement supports \`${name}\` (${shown}): the condition can never hold`,
      { hint: `list the keys an action supports with \`arp catalog ${(actions[0] as CatalogAction).fullName}\`` });
  }
  return { name, type: key.type };
}
