/**
 * Data for `arp catalog [word]`: with no word, App Runner's actions, resource types and
 * condition keys plus the global keys; with a service prefix, that service; otherwise a
 * case-insensitive search (substring, or IAM wildcards when the word has `*` or `?`) across
 * every service. Lists are sorted and capped at {@link SEARCH_LIMIT} entries each.
 */
import { APP_RUNNER } from "./appRunner.js";
import { loadCatalog } from "./catalog.js";
import { globalConditionKeys, globalKeyByName } from "./globalKeys.js";
import { allServices, compareNames, serviceConditionKeys, serviceResourceTypes } from "./serviceData.js";
import type { CatalogAction, CatalogConditionKey, CatalogResourceType, KeyType } from "./types.js";
import { hasWildcard, wildcardMatcher } from "./wildcard.js";

/** The most entries any one list of a search result holds. */
export const SEARCH_LIMIT = 200;

export interface ServiceSummary {
  readonly prefix: string;
  readonly name: string;
}

export interface ActionSummary {
  readonly fullName: string;
  readonly accessLevel: string;
  readonly description: string;
  readonly resourceTypes: readonly { readonly name: string; readonly required: boolean }[];
  /** Keys listed for the action or for any of its resource types, sorted. */
  readonly conditionKeys: readonly string[];
}

export interface KeySummary {
  readonly name: string;
  readonly type: KeyType;
  readonly description: string;
  readonly global: boolean;
}

/** What `arp catalog` prints. */
export interface CatalogListing {
  readonly services?: readonly ServiceSummary[];
  readonly actions: readonly ActionSummary[];
  readonly resourceTypes: readonly CatalogResourceType[];
  readonly conditionKeys: readonly KeySummary[];
  /** True when some list was cut at {@link SEARCH_LIMIT}. */
  readonly truncated: boolean;
}

function summariseAction(action: CatalogAction): ActionSummary {
  const keys = new Set(action.conditionKeys);
  for (const rt of action.resourceTypes) for (const k of rt.conditionKeys) keys.add(k);
  return {
    fullName: action.fullName,
    accessLevel: action.accessLevel,
    description: action.description,
    resourceTypes: action.resourceTypes.map((r) => ({ name: r.name, required: r.required })),
    conditionKeys: [...keys].sort(compareNames),
  };
}

function summariseKey(key: CatalogConditionKey): KeySummary {
  return { name: key.name, type: key.type, description: key.description, global: key.global };
}

function sortedKeys(keys: Iterable<CatalogConditionKey>): KeySummary[] {
  return [...keys].map(summariseKey).sort((a, b) => compareNames(a.name, b.name));
}

/** One service's entries, plus every global key when `withGlobals`; listed `aws:` keys show as global. */
function listService(service: string, withGlobals: boolean): CatalogListing {
  const catalog = loadCatalog();
  const own = serviceConditionKeys(service).list;
  const keys = withGlobals
    ? [...own.filter((k) => globalKeyByName(k.name) === undefined), ...globalConditionKeys()]
    : own.map((k) => globalKeyByName(k.name) ?? k);
  return {
    services: [{ prefix: service, name: catalog.serviceName(service) ?? service }],
    actions: catalog.actions(service).map(summariseAction),
    resourceTypes: catalog.resourceTypes(service),
    conditionKeys: sortedKeys(keys),
    truncated: false,
  };
}

/** Case-insensitive: a wildcard match when `word` has `*` or `?`, otherwise a substring test. */
function matcher(word: string): (text: string) => boolean {
  if (hasWildcard(word)) return wildcardMatcher(word);
  const lower = word.toLowerCase();
  return (text) => text.toLowerCase().includes(lower);
}

/** Matches the whole `prefix:name` or just the name after the colon. */
function matchesQualified(matches: (text: string) => boolean, qualified: string): boolean {
  return matches(qualified) || matches(qualified.slice(qualified.indexOf(":") + 1));
}

function capped<T>(items: readonly T[]): { items: readonly T[]; cut: boolean } {
  return { items: items.slice(0, SEARCH_LIMIT), cut: items.length > SEARCH_LIMIT };
}

/** Keys across every service, one entry per canonical name (global entries first). */
function searchKeys(matches: (text: string) => boolean): KeySummary[] {
  const byName = new Map<string, CatalogConditionKey>();
  const add = (k: CatalogConditionKey) => {
    if (!byName.has(k.name.toLowerCase()) && matchesQualified(matches, k.name)) byName.set(k.name.toLowerCase(), k);
  };
  globalConditionKeys().forEach(add);
  for (const service of allServices()) serviceConditionKeys(service).list.forEach(add);
  return sortedKeys(byName.values());
}

function search(word: string): CatalogListing {
  const catalog = loadCatalog();
  const matches = matcher(word);
  const services = allServices()
    .map((prefix) => ({ prefix, name: catalog.serviceName(prefix) ?? prefix }))
    .filter((s) => matches(s.prefix) || matches(s.name));
  const actions = catalog.matchActions("*").filter((a) => matchesQualified(matches, a.fullName));
  const resourceTypes = allServices().flatMap((s) => serviceResourceTypes(s).list.filter((t) => matches(t.name)));
  const lists = [capped(services), capped(actions), capped(resourceTypes), capped(searchKeys(matches))] as const;
  return {
    services: lists[0].items,
    actions: lists[1].items.map(summariseAction),
    resourceTypes: lists[2].items,
    conditionKeys: lists[3].items,
    truncated: lists.some((l) => l.cut),
  };
}

/** The listing for `arp catalog [word]`; deterministic for a given iam-data version. */
export function searchCatalog(word?: string): CatalogListing {
  const text = word?.trim() ?? "";
  if (text === "") return listService(APP_RUNNER, true);
  const catalog = loadCatalog();
  if (!hasWildcard(text) && catalog.hasService(text)) return listService(text.toLowerCase(), false);
  return search(text);
}
