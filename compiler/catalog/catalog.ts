/**
 * The catalog: a synchronous view of the AWS Service Authorization Reference. Loading it reads
 * only iam-data's `package.json`; each service's files are read the first time a question
 * needs them, and only questions about every service (`*:Get*`) read every service.
 */
import { compilePattern, patternMatchesTemplate, splitArn } from "./arn.js";
import { findConditionKey } from "./conditionKeys.js";
import { isActionSpecificGlobalKey } from "./globalKeys.js";
import { iamDataPackage, rawServiceNames } from "./iamData.js";
import { allServices, knownService, serviceActions, serviceResourceTypes } from "./serviceData.js";
import { suggestAction, suggestConditionKey, suggestResourceType, suggestService } from "./suggest.js";
import type { Catalog, CatalogAction, CatalogConditionKey, CatalogResourceType } from "./types.js";
import { hasWildcard, replaceVariables, wildcardMatcher } from "./wildcard.js";

/** Services whose prefix matches a wildcard (or a policy variable, which may be anything). */
function servicesMatching(pattern: string): readonly string[] {
  if (!hasWildcard(pattern) && !pattern.includes("${")) {
    const known = knownService(pattern);
    return known === undefined ? [] : [known];
  }
  const matches = wildcardMatcher(replaceVariables(pattern, "*"));
  return allServices().filter(matches);
}

let everyAction: readonly CatalogAction[] | undefined;

/** Every action of every service, sorted by service then name; read once. */
function allActions(): readonly CatalogAction[] {
  everyAction ??= allServices().flatMap((s) => serviceActions(s).list);
  return everyAction;
}

function matchActions(pattern: string): readonly CatalogAction[] {
  if (pattern === "*") return allActions();
  const colon = pattern.indexOf(":");
  if (colon < 0) return [];
  const services = servicesMatching(pattern.slice(0, colon));
  const namePattern = pattern.slice(colon + 1);
  if (namePattern === "*") return services.flatMap((s) => serviceActions(s).list);
  const matches = wildcardMatcher(namePattern);
  return services.flatMap((s) => serviceActions(s).list.filter((a) => matches(a.name)));
}

function action(fullName: string): CatalogAction | undefined {
  const colon = fullName.indexOf(":");
  const service = colon > 0 ? knownService(fullName.slice(0, colon)) : undefined;
  if (service === undefined) return undefined;
  return serviceActions(service).byName.get(fullName.slice(colon + 1).toLowerCase());
}

function resourceType(service: string, name: string): CatalogResourceType | undefined {
  const known = knownService(service);
  return known === undefined ? undefined : serviceResourceTypes(known).byName.get(name.toLowerCase());
}

/**
 * Answers of {@link resourceTypesForArn}, by service and pattern. A program names the same few
 * resources in many statements (and the checker asks about each resource more than once), and
 * each answer matches the pattern against every resource type of its services. Bounded, so a
 * long-running API user with ever-new ARNs keeps a small cache.
 */
const typesForArn = new Map<string, readonly CatalogResourceType[]>();
const TYPES_FOR_ARN_LIMIT = 10_000;

function resourceTypesForArn(arnPattern: string, service?: string): readonly CatalogResourceType[] {
  const key = `${service ?? "\u0000"}\u0000${arnPattern}`;
  let types = typesForArn.get(key);
  if (types === undefined) {
    if (typesForArn.size >= TYPES_FOR_ARN_LIMIT) typesForArn.clear();
    types = Object.freeze(matchResourceTypes(arnPattern, service));
    typesForArn.set(key, types);
  }
  return types;
}

function matchResourceTypes(arnPattern: string, service?: string): CatalogResourceType[] {
  const pattern = compilePattern(arnPattern);
  if (pattern === undefined) return [];
  const services = service !== undefined ? servicesMatching(service) : servicesMatching(splitArn(arnPattern)?.service ?? "");
  return services.flatMap((s) => serviceResourceTypes(s).list.filter((t) => patternMatchesTemplate(pattern, t.arnTemplate)));
}

/** The condition keys listed for an action, its resource types, and those types' definitions. */
function keysListedFor(action: CatalogAction): Set<string> {
  const listed = new Set(action.conditionKeys.map((k) => k.toLowerCase()));
  for (const rt of action.resourceTypes) {
    for (const k of rt.conditionKeys) listed.add(k.toLowerCase());
    for (const k of resourceType(action.service, rt.name)?.conditionKeys ?? []) listed.add(k.toLowerCase());
  }
  return listed;
}

const listedKeys = new WeakMap<CatalogAction, Set<string>>();

function keyAppliesToAction(key: string, action: CatalogAction): boolean {
  const entry: CatalogConditionKey | undefined = findConditionKey(key);
  if (entry === undefined) return false;
  let listed = listedKeys.get(action);
  if (listed === undefined) {
    listed = keysListedFor(action);
    listedKeys.set(action, listed);
  }
  if (listed.has(entry.name.toLowerCase())) return true;
  if (entry.appliesTo?.some((a) => a.toLowerCase() === action.fullName.toLowerCase())) return true;
  return entry.global && !isActionSpecificGlobalKey(entry.name);
}

function createCatalog(): Catalog {
  const pkg = iamDataPackage();
  return {
    version: pkg.version,
    updatedAt: pkg.updatedAt,
    serviceKeys: allServices,
    hasService: (prefix) => knownService(prefix) !== undefined,
    serviceName: (prefix) => {
      const known = knownService(prefix);
      return known === undefined ? undefined : rawServiceNames()[known];
    },
    action,
    actions: (service) => {
      const known = knownService(service);
      return known === undefined ? [] : serviceActions(known).list;
    },
    matchActions,
    resourceTypes: (service) => {
      const known = knownService(service);
      return known === undefined ? [] : serviceResourceTypes(known).list;
    },
    resourceType,
    resourceTypesForArn,
    conditionKey: findConditionKey,
    keyAppliesToAction,
    suggestService,
    suggestAction,
    suggestConditionKey,
    suggestResourceType,
  };
}

let singleton: Catalog | undefined;

/** The catalog, created on first call and shared afterwards. Cheap: it reads no service data. */
export function loadCatalog(): Catalog {
  singleton ??= createCatalog();
  return singleton;
}
