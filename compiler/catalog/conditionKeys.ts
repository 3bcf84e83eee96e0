/**
 * Resolves a condition key as written in a policy to its catalog entry: global keys first,
 * then the keys of the service its prefix names (or, for prefixes such as `saml` and
 * `accounts.google.com`, the services iam-data files them under), then templated keys.
 */
import { findGlobalKey } from "./globalKeys.js";
import { rawConditionPatterns, rawUnassociatedConditions } from "./iamData.js";
import { knownService, serviceConditionKeys, templateKeyPattern } from "./serviceData.js";
import type { CatalogConditionKey } from "./types.js";
import { conditionPatternMatcher } from "./conditionPattern.js";

/** The services whose data defines keys with this prefix. */
export function servicesForKeyPrefix(prefix: string): readonly string[] {
  const service = knownService(prefix);
  if (service !== undefined) return [service];
  const lower = prefix.toLowerCase();
  const unassociated = rawUnassociatedConditions();
  for (const [name, services] of Object.entries(unassociated)) {
    if (name.toLowerCase() === lower || templateKeyPattern(name).test(prefix)) return services;
  }
  return [];
}

/** Splits `prefix:rest` at the first colon; undefined without one. */
export function splitKey(key: string): { prefix: string; rest: string } | undefined {
  const colon = key.indexOf(":");
  if (colon <= 0 || colon === key.length - 1) return undefined;
  return { prefix: key.slice(0, colon), rest: key.slice(colon + 1) };
}

/** Instances listed in `conditionPatterns.json` (e.g. `iam:ResourceTag/.+?`). */
function byConditionPattern(service: string, prefix: string, key: string): CatalogConditionKey | undefined {
  const all = rawConditionPatterns();
  const lower = prefix.toLowerCase();
  // The prefix is policy text: `constructor:x` must not find Object.prototype.constructor.
  if (!Object.hasOwn(all, lower)) return undefined;
  for (const [source, template] of Object.entries(all[lower]!)) {
    if (conditionPatternMatcher(source)?.(key) === true) {
      const entry = serviceConditionKeys(service).byName.get(template.toLowerCase());
      if (entry !== undefined) return entry;
    }
  }
  return undefined;
}

/** The first key of `service` that matches exactly, by pattern, or as a template instance. */
function findInService(service: string, prefix: string, key: string): CatalogConditionKey | undefined {
  const keys = serviceConditionKeys(service);
  return (
    keys.byName.get(key.toLowerCase()) ??
    byConditionPattern(service, prefix, key) ??
    keys.templated.find((t) => t.pattern.test(key))?.key
  );
}

/**
 * The claims IAM makes available from any OpenID Connect provider, as `<provider-url>:<claim>`
 * (IAM User Guide, "Available keys for AWS web identity federation"): the data lists some
 * providers' keys but not every provider's, and GitHub Actions' `token.actions.githubusercontent.com:sub`
 * is among the missing. `amr` is multi-valued.
 */
const OIDC_CLAIMS: ReadonlyMap<string, CatalogConditionKey["type"]> = new Map([
  ["aud", "String"],
  ["sub", "String"],
  ["azp", "String"],
  ["oaud", "String"],
  ["amr", "ArrayOfString"],
]);

function oidcClaimKey(prefix: string, rest: string): CatalogConditionKey | undefined {
  const type = OIDC_CLAIMS.get(rest.toLowerCase());
  if (type === undefined || !/^[a-z0-9-]+(\.[a-z0-9-]+)+(\/[\w./-]*)?$/i.test(prefix)) return undefined;
  return {
    name: `${prefix}:${rest}`,
    type,
    description: `the \`${rest}\` claim of a web identity token from the OpenID Connect provider \`${prefix}\``,
    global: false,
    appliesTo: ["sts:AssumeRoleWithWebIdentity"],
  };
}

/** Case-insensitive look-up of any condition key; see {@link Catalog.conditionKey}. */
export function findConditionKey(key: string): CatalogConditionKey | undefined {
  const global = findGlobalKey(key);
  if (global !== undefined) return global;
  const parts = splitKey(key);
  if (parts === undefined || parts.prefix.toLowerCase() === "aws") return undefined;
  for (const service of servicesForKeyPrefix(parts.prefix)) {
    const found = findInService(service, parts.prefix, key);
    if (found !== undefined) return found;
  }
  return oidcClaimKey(parts.prefix, parts.rest);
}
