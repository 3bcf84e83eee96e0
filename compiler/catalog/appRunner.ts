/**
 * App Runner as a first-class service: its resource types straight from the catalog, and the
 * resource shorthands (`service/*`, `connection/my-conn/*`) that expand to full ARNs.
 */
import { closestName } from "./suggest.js";
import { loadCatalog } from "./catalog.js";
import { splitArn } from "./arn.js";
import type { CatalogResourceType } from "./types.js";

/** App Runner's service prefix. */
export const APP_RUNNER = "apprunner";

/** App Runner's resource types, sorted by name, with their ARN templates. */
export function appRunnerResourceTypes(): readonly CatalogResourceType[] {
  return loadCatalog().resourceTypes(APP_RUNNER);
}

/** Values for the template's `${Partition}`, `${Region}` and `${Account}`. */
export interface ShorthandParams {
  readonly partition: string;
  readonly region: string;
  readonly account: string;
}

/** A shorthand that names a resource type App Runner does not have. */
export interface UnknownShorthandType {
  readonly error: "unknownType";
  readonly typeName: string;
  readonly suggestion?: string;
}

/** An expanded shorthand. */
export interface ExpandedShorthand {
  readonly arn: string;
  readonly resourceType: CatalogResourceType;
}

/**
 * How a resource type is written as shorthand: the first literal path segment of its ARN's
 * resource part (`service` in `service/${ServiceName}/${ServiceId}`, `webacl` in
 * `${Scope}/webacl/${Name}/${Id}`), and the template text that precedes that segment.
 */
interface ShorthandForm {
  readonly word: string;
  readonly prefix: string;
  readonly resourceType: CatalogResourceType;
}

function shorthandForm(resourceType: CatalogResourceType): ShorthandForm | undefined {
  const resource = splitArn(resourceType.arnTemplate)?.resource;
  if (resource === undefined) return undefined;
  const segments = resource.split("/");
  const index = segments.findIndex((s) => /^[A-Za-z][\w-]*$/.test(s));
  const word = segments[index];
  if (index < 0 || word === undefined) return undefined;
  const before = resourceType.arnTemplate.slice(0, resourceType.arnTemplate.length - resource.length);
  return { word, prefix: before + segments.slice(0, index).map((s) => `${s}/`).join(""), resourceType };
}

let forms: ReadonlyMap<string, ShorthandForm> | undefined;

/** Shorthand forms by word, derived once from the catalog. */
function shorthandForms(): ReadonlyMap<string, ShorthandForm> {
  forms ??= new Map(
    appRunnerResourceTypes().flatMap((t) => {
      const form = shorthandForm(t);
      return form === undefined ? [] : [[form.word, form] as const];
    }),
  );
  return forms;
}

/** The words that start App Runner shorthands, sorted: `autoscalingconfiguration`, `connection`, ... */
export function shorthandWords(): readonly string[] {
  return [...shorthandForms().keys()].sort();
}

/** Fills the template prefix: partition, region and account from `params`, any other variable `*`. */
function fillPrefix(prefix: string, params: ShorthandParams): string {
  const values: Readonly<Record<string, string>> = {
    Partition: params.partition,
    Region: params.region,
    Account: params.account,
  };
  return prefix.replace(/\$\{([^}]*)\}/g, (_, name: string) => values[name] ?? "*");
}

/**
 * Expands an App Runner shorthand, `<type>/<rest>`, to a full ARN:
 * `service/*` → `arn:aws:apprunner:*:*:service/*` with partition `aws`, region and account `*`.
 * A resource type whose ARN belongs to another service expands to that service's ARN, with
 * any other template variable before the type word left as `*`: `webacl/my-acl/id` becomes
 * a `wafv2` ARN whose scope segment is `*`.
 * The type word is case-sensitive, as ARNs are. Returns undefined when `text` is not
 * shorthand-shaped (`*`, `arn:...`, no `/` after a leading word); the rest is not validated
 * here (use {@link Catalog.resourceTypesForArn}).
 */
export function expandShorthand(
  text: string,
  params: ShorthandParams,
): ExpandedShorthand | UnknownShorthandType | undefined {
  const match = /^([A-Za-z][\w-]*)\/(.*)$/s.exec(text);
  if (match === null || text.startsWith("arn:")) return undefined;
  const [, word = "", rest = ""] = match;
  const form = shorthandForms().get(word);
  if (form === undefined) {
    const suggestion = closestName(word, shorthandWords());
    return { error: "unknownType", typeName: word, ...(suggestion !== undefined ? { suggestion } : {}) };
  }
  return { arn: `${fillPrefix(form.prefix, params)}${word}/${rest}`, resourceType: form.resourceType };
}
