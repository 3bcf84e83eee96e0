/**
 * Resolves what a condition tests to an IAM key known to the catalog, and warns when no action
 * of the statement supports that key (the condition could never hold for them).
 */
import type { KeyRef } from "../../grammar/ast.js";
import { modernResourceTagKey, type CatalogAction, type KeyType } from "../catalog/index.js";
import { checkCharacters } from "./checkCharacters.js";
import { didYouMean, report, type CheckContext } from "./context.js";
import { suppressedSince } from "./resolveActions.js";

export interface ResolvedKey {
  readonly name: string;
  readonly type: KeyType;
}

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

/**
 * What a test does on a request without its key: a negated operator, `if exists`, `all` and
 * `missing` hold there; every other test fails.
 */
export type OnMissingKey = "holds" | "fails";

/**
 * The key a reference names, checked against the catalog. `onMissing` says what the test does
 * without the key, which is what it always does when no action of the statement sends it
 * (ARP2007).
 */
export function resolveKey(
  ctx: CheckContext,
  ref: KeyRef,
  actions: readonly CatalogAction[],
  onMissing: OnMissingKey = "fails",
): ResolvedKey | undefined {
  let name = keyText(ref);
  if (!checkCharacters(ctx, name, ref.span, "the condition key")) return undefined;
  const rewritten = ref.form === "raw" ? modernResourceTagKey(name) : undefined;
  if (rewritten !== undefined) {
    const before = ctx.diagnostics.length;
    report(ctx, "DeprecatedKeyAlias", ref.span,
      `\`${name}\` is the legacy spelling of \`${rewritten}\`, the only key the Service Authorization Reference lists for App Runner resources: arp compiles it to \`${rewritten}\` unless \`// arp-ignore ARP2011\` keeps it as written`,
      { hint: `write \`tag ${name.slice(name.indexOf("/") + 1)}\` or \`${rewritten}\`` });
    // Suppressed: the author keeps the spelling App Runner's guide names, as written. An App
    // Runner request carries the resource's tags under it too; it is read as the string a
    // tag is, and no catalog entry says which actions send it.
    if (suppressedSince(ctx, before)) return { name, type: "String" };
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
    const outcome = onMissing === "holds"
      ? "the test always holds, as it does on a request without the key"
      : "the condition can never hold";
    report(ctx, "KeyNeverApplies", ref.span,
      `no action of this statement supports \`${name}\` (${shown}): ${outcome}`,
      { hint: `list the keys an action supports with \`arp catalog ${(actions[0] as CatalogAction).fullName}\`` });
  }
  return { name, type: key.type };
}
