/**
 * Finds actions that a statement pairs only with resources they cannot act on. IAM accepts
 * such statements silently, and they grant (or deny) nothing for that action: a classic way
 * for a policy to look right and do nothing.
 */
import type { CatalogAction, CatalogResourceType } from "../catalog/index.js";
import { report, type CheckContext } from "./context.js";
import type { ResolvedAction, ResolvedActions } from "./resolveActions.js";
import type { ResolvedResource, ResolvedResources } from "./resolveResources.js";

/** Whether an action can act on at least one of a statement's resources. */
type Fits = (action: CatalogAction) => boolean;

/**
 * An action fits when one of the resources denotes a type of the action's own service that
 * the action lists. A resource's types are looked up again with the action's service as a
 * hint, since some services act on another service's ARNs (App Runner's `webacl` is a
 * `wafv2` ARN). The type names are gathered once per service, so a statement costs
 * O(services × resources + actions): asking per action and resource made `ec2:*` (hundreds
 * of actions) on a list of a thousand resources take minutes.
 */
function fitter(ctx: CheckContext, resources: readonly ResolvedResource[]): Fits {
  if (resources.some((r) => r.types === undefined)) return () => true;
  const namesByService = new Map<string, ReadonlySet<string>>();
  const namesFor = (service: string): ReadonlySet<string> => {
    const lower = service.toLowerCase();
    let names = namesByService.get(lower);
    if (names === undefined) {
      const found = new Set<string>();
      const add = (t: CatalogResourceType) => {
        if (t.service.toLowerCase() === lower) found.add(t.name.toLowerCase());
      };
      for (const r of resources) {
        r.types?.forEach(add);
        ctx.catalog.resourceTypesForArn(r.arn, service).forEach(add);
      }
      names = found;
      namesByService.set(lower, names);
    }
    return names;
  };
  return (action) => {
    const names = namesFor(action.service);
    return names.size > 0 && action.resourceTypes.some((rt) => names.has(rt.name.toLowerCase()));
  };
}

export function checkResourceTypes(ctx: CheckContext, actions: ResolvedActions, resources: ResolvedResources): void {
  if (actions.except || resources.negated || !resources.complete) return;
  const specific = resources.items;
  if (specific.length === 0) return;
  let mismatch = false;
  if (specific.every((r) => r.types !== undefined)) {
    const fits = fitter(ctx, specific);
    for (const item of actions.items) if (!checkOne(ctx, fits, item, specific)) mismatch = true;
  }
  // A mismatch already says which resources are wrong; a foreign one on top would repeat it.
  // An unknown action kept as written may belong to any service, so no resource is foreign.
  const unchecked = actions.items.some((item) => item.matches.length === 0);
  if (!mismatch && !unchecked) for (const r of specific) checkForeignResource(ctx, actions, r);
}

/** Reports an action no resource fits; returns whether the action fits one. */
function checkOne(ctx: CheckContext, fits: Fits, item: ResolvedAction, resources: readonly ResolvedResource[]): boolean {
  // An action the catalog does not know (kept as written, its own diagnostic suppressed) acts
  // on resources nobody can name: one warning about it is enough.
  if (item.matches.length === 0 || item.matches.some(fits)) return true;
  const shown = resources.map((r) => `\`${r.pattern.text}\``).join(", ");
  const [only] = item.matches;
  if (!item.isWildcard && only !== undefined && only.wildcardOnly) {
    report(ctx, "WildcardOnlyAction", item.pattern.span,
      `\`${only.fullName}\` supports no resource-level permissions, so it never matches ${shown}`,
      { hint: "give this action `on *`, in a statement of its own if the others need specific resources" });
    return false;
  }
  const accepted = acceptedTypes(item.matches);
  report(ctx, "ResourceTypeMismatch", item.pattern.span,
    `\`${item.text}\` cannot act on ${shown}: the statement grants nothing for it`,
    accepted.length > 0 ? { hint: `it acts on ${accepted.map((t) => `\`${t}\``).join(", ")}` } : {
      hint: "these actions support only `*` as their resource" });
  return false;
}

/**
 * A resource of a service none of the statement's actions belongs to, beside resources that
 * do fit: IAM accepts it and it matches nothing, so it usually belongs in another statement.
 * Actions that act on another service's ARNs (App Runner's `webacl`) are not foreign.
 */
function checkForeignResource(ctx: CheckContext, actions: ResolvedActions, r: ResolvedResource): void {
  if (r.types === undefined || r.types.length === 0) return;
  const all = actions.items.flatMap((item) => item.matches);
  const services = new Set(all.map((a) => a.service.toLowerCase()));
  const service = (r.types[0] as CatalogResourceType).service;
  if (r.types.some((t) => services.has(t.service.toLowerCase()))) return;
  if (all.some(fitter(ctx, [r]))) return;
  report(ctx, "ServiceNotInArn", r.pattern.span,
    `\`${r.pattern.text}\` belongs to \`${service}\`, but no action of this statement does: it matches nothing here`,
    { hint: `move it to a statement with \`${service}:\` actions, or remove it` });
}

function acceptedTypes(actions: readonly CatalogAction[]): string[] {
  const names = new Set<string>();
  for (const a of actions) for (const rt of a.resourceTypes) names.add(rt.name);
  return [...names].sort().slice(0, 8);
}
