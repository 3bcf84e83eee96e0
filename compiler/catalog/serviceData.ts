/**
 * Per-service catalog data: each service's actions, resource types and condition keys,
 * converted from the raw iam-data files on first use and cached for the process.
 */
import { compileWildcard, type PatternToken } from "../../runtime/wildcard.js";
import { rawActions, rawConditionKeys, rawResourceTypes, rawServiceNames, type RawAction } from "./iamData.js";
import { toKeyType, type CatalogAction, type CatalogConditionKey, type CatalogResourceType } from "./types.js";

/** Entries of one kind for one service: sorted list plus lower-case index. */
export interface Indexed<T> {
  readonly list: readonly T[];
  readonly byName: ReadonlyMap<string, T>;
}

/** A service's condition keys, with the templated ones (`${TagKey}`, `<key>`) as matchers. */
export interface ServiceKeys extends Indexed<CatalogConditionKey> {
  readonly templated: readonly { readonly pattern: KeyMatcher; readonly key: CatalogConditionKey }[];
}

let sortedServices: readonly string[] | undefined;

/** Every service prefix, sorted. Reads only `serviceNames.json`. */
export function allServices(): readonly string[] {
  sortedServices ??= Object.keys(rawServiceNames()).sort();
  return sortedServices;
}

/** The canonical (lower-case) prefix of a known service, or undefined. */
export function knownService(prefix: string): string | undefined {
  const lower = prefix.toLowerCase();
  return Object.prototype.hasOwnProperty.call(rawServiceNames(), lower) ? lower : undefined;
}

/** Memoises `build` per service prefix. */
function cachedPerService<T>(build: (service: string) => T): (service: string) => T {
  const cache = new Map<string, T>();
  return (service) => {
    let value = cache.get(service);
    if (value === undefined) {
      value = build(service);
      cache.set(service, value);
    }
    return value;
  };
}

function indexed<T extends { readonly name: string }>(items: T[]): Indexed<T> {
  items.sort((a, b) => compareNames(a.name, b.name));
  return { list: items, byName: new Map(items.map((i) => [i.name.toLowerCase(), i])) };
}

/** Case-insensitive order with a case-sensitive tie-break, so output never depends on load order. */
export function compareNames(a: string, b: string): number {
  const la = a.toLowerCase();
  const lb = b.toLowerCase();
  if (la !== lb) return la < lb ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

function toAction(service: string, raw: RawAction): CatalogAction {
  return {
    service,
    name: raw.name,
    fullName: `${service}:${raw.name}`,
    description: raw.description,
    accessLevel: raw.accessLevel,
    resourceTypes: raw.resourceTypes.map((r) => ({ name: r.name, required: r.required, conditionKeys: r.conditionKeys })),
    conditionKeys: raw.conditionKeys,
    wildcardOnly: raw.resourceTypes.length === 0,
  };
}

/** A known service's actions (pass a lower-case prefix from {@link knownService}). */
export const serviceActions = cachedPerService((service): Indexed<CatalogAction> =>
  indexed(Object.values(rawActions(service)).map((raw) => toAction(service, raw))),
);

/** A known service's resource types. */
export const serviceResourceTypes = cachedPerService((service): Indexed<CatalogResourceType> =>
  indexed(
    Object.values(rawResourceTypes(service)).map((raw) => ({
      service,
      name: raw.key,
      arnTemplate: raw.arn,
      conditionKeys: raw.conditionKeys ?? [],
    })),
  ),
);

/** True for a key name with a placeholder: `${TagKey}` or `<key>`. */
export function isTemplatedKey(name: string): boolean {
  return /\$\{[^}]*\}|<[^>]*>/.test(name);
}

/**
 * A case-insensitive matcher for concrete instances of a templated key: each placeholder is
 * one or more characters (`?*`). The key's own text is matched literally, with the runtime's
 * linear wildcard matcher rather than a regular expression, so a long key written in a policy
 * costs linear time against every template.
 */
export function templateKeyPattern(name: string): KeyMatcher {
  const tokens: PatternToken[] = [];
  name.split(/\$\{[^}]*\}|<[^>]*>/).forEach((piece, i) => {
    if (i > 0) tokens.push({ text: "?*", wild: true });
    tokens.push({ text: piece, wild: false });
  });
  const compiled = compileWildcard(tokens, true);
  return { test: (key) => compiled.test(key.toLowerCase()) };
}

/** Tests a concrete name; see {@link templateKeyPattern}. */
export interface KeyMatcher {
  readonly test: (name: string) => boolean;
}

/** A known service's condition keys. */
export const serviceConditionKeys = cachedPerService((service): ServiceKeys => {
  const keys = Object.values(rawConditionKeys(service)).map(
    (raw): CatalogConditionKey => ({ name: raw.key, type: toKeyType(raw.type), description: raw.description, global: false }),
  );
  const base = indexed(keys);
  const templated = base.list.filter((k) => isTemplatedKey(k.name)).map((key) => ({ pattern: templateKeyPattern(key.name), key }));
  return { ...base, templated };
});
