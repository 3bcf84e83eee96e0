/**
 * Finds actions that a statement pairs only with resources they cannot act on. IAM accepts
 * such statements silently, and they grant (or deny) nothing for that action: a classic way
 * for a policy to look right and do nothing.
 */
import type { CatalogAction, CatalogResourceType } from "../catalog/index.js";
import { report, type CheckContext } from "./context.js";
import type { ResolvedAction, ResolvedActions } from "./resolveActions.js";
import type { ResolvedResource, ResolvedResources } from "./resolveResources.js";

function canActOn(action: CatalogAction, type: CatalogResourceType): boolean {
  return (
    action.service.toLowerCase() === type.service.toLowerCase() &&
    action.resourceTypes.some((rt) => rt.name.toLowerCase() === type.name.toLowerCase())
  );
}

/**
 * Resource types are looked up again with the action's service as a hint: some services act
 * on another service's ARNs (App Runner's `webacl` is a `wafv2` ARN).
 */
function fitsAny(ctx: CheckContext, action: CatalogAction, resources: readonly ResolvedResource[]): boolean {
  return resources.some(
    (r) =>
      r.types === undefined ||
      r.types.some((t) => canActOn(action, t)) ||
      ctx.catalog.resourceTypesForArn(r.arn, action.service).some((t) => canActOn(action, t)),
  );
}

export function checkResourceTypes(ctx: CheckContext, actions: ResolvedActions, resources: ResolvedResources): void {
  if (actions.except || resources.negated || !resources.complete) return;
  const specific = resources.items;
  if (specific.length === 0 || specific.some((r) => r.types === undefined)) return;
  for (const item of actions.items) checkOne(ctx, item, specific);
}

function checkOne(ctx: CheckContext, item: ResolvedAction, resources: readonly ResolvedResource[]): void {
  if (item.matches.some((a) => fitsAny(ctx, a, resources))) return;
  const shown = resources.map((r) => `\`${r.pattern.text}\``).join(", ");
  const [only] = item.matches;
  if (!item.isWildcard && only !== undefined && only.wildcardOnly) {
    report(ctx, "WildcardOnlyAction", item.pattern.span,
      `\`${only.fullName}\` supports no resource-level permissions, so it never matches ${shown}`,
      { hint: "give this action `on *`, in a statement of its own if the others need specific resources" });
    return;
  }
  const accepted = acceptedTypes(item.matches);
  report(ctx, "ResourceTypeMismatch", item.pattern.span,
    `\`${item.text}\` cannot act on ${shown}: the statement grants nothing for it`,
    accepted.length > 0 ? { hint: `it acts on ${accepted.map((t) => `\`${t}\``).join(", ")}` } : {
      hint: "these actions support only `*` as their resource" });
}

function acceptedTypes(actions: readonly CatalogAction[]): string[] {
  const names = new Set<string>();
  for (const a of actions) for (const rt of a.resourceTypes) names.add(rt.name);
  return [...names].sort().slice(0, 8);
}
