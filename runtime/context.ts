/**
 * The request context as the evaluator reads it: keys matched case-insensitively ("Condition
 * key names are not case-sensitive", IAM JSON policy elements: Condition), principal keys
 * derived from the caller's ARN when absent. It reads only the table `checkRequest` built
 * from the request's own properties, never the caller's object.
 */
import { principalKeys } from "./principal.js";
import type { CheckedRequest } from "./request.js";

/** Principal-derived keys by principal ARN; principals repeat across requests. */
const derivedByPrincipal = new Map<string, ReadonlyMap<string, string>>();
const DERIVED_CACHE_LIMIT = 1024;

function derivedKeys(principal: string): ReadonlyMap<string, string> {
  let keys = derivedByPrincipal.get(principal);
  if (keys === undefined) {
    keys = principalKeys(principal);
    if (derivedByPrincipal.size >= DERIVED_CACHE_LIMIT) derivedByPrincipal.clear();
    derivedByPrincipal.set(principal, keys);
  }
  return keys;
}

/** Case-insensitive view of a checked request's context. */
export class ContextLookup {
  private derived: ReadonlyMap<string, string> | undefined;

  constructor(private readonly request: CheckedRequest) {}

  /**
   * The key's values, or undefined when the key is absent. An empty array counts as absent
   * (and hides a key derived from the principal): it carries no value to compare, and `Null`
   * calls such a key null.
   */
  values(lowerKey: string): readonly string[] | undefined {
    const own = this.request.context.get(lowerKey);
    if (own !== undefined) return typeof own === "string" ? [own] : own.length === 0 ? undefined : own;
    const value = this.derivedValue(lowerKey);
    return value === undefined ? undefined : [value];
  }

  /**
   * The value of a single-valued key, for policy variables; undefined otherwise. A key given
   * as an array is multivalued ("You can't use a multivalued condition key as a variable").
   */
  single(lowerKey: string): string | undefined {
    const own = this.request.context.get(lowerKey);
    if (own !== undefined) return typeof own === "string" ? own : undefined;
    return this.derivedValue(lowerKey);
  }

  private derivedValue(lowerKey: string): string | undefined {
    this.derived ??= derivedKeys(this.request.principal);
    return this.derived.get(lowerKey);
  }
}
