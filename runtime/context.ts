/**
 * The request context as the evaluator reads it: keys matched case-insensitively ("Condition
 * key names are not case-sensitive", IAM JSON policy elements: Condition), principal keys
 * derived from the caller's ARN when absent. It reads only the values `checkRequest` filed by
 * slot from the request's own properties, never the caller's object.
 */
import type { ContextKeys } from "./contextKeys.js";
import { principalKeys } from "./principal.js";
import type { CheckedRequest, CheckedValue } from "./request.js";

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

function isEmpty(value: string): boolean {
  return value === "";
}

/** Case-insensitive view of a checked request's context. */
export class ContextLookup {
  private derived: ReadonlyMap<string, string> | undefined;

  /** @param keys the table `request` was checked with */
  constructor(
    private readonly request: CheckedRequest,
    private readonly keys: ContextKeys,
  ) {}

  /**
   * The key's values, or undefined when the key is null: absent, given as `[]`, or every value
   * `""` (a string `""` or an array of only `""`). "For condition keys that are defined by the
   * user, such as passing tags in a request, it is possible to include an empty string. In this
   * case, the value in the request context is *null*." (IAM JSON policy elements: Condition).
   * Every operator, `Null` included, reads a null key exactly as a missing one. An array that
   * mixes `""` with other values keeps its `""` elements as ordinary values. A key the caller
   * gave, even as null, hides the key IAM would derive from the principal.
   */
  values(lowerKey: string): readonly string[] | undefined {
    const own = this.own(lowerKey);
    if (own !== undefined) {
      if (typeof own === "string") return own === "" ? undefined : [own];
      return own.every(isEmpty) ? undefined : own;
    }
    const value = this.derivedValue(lowerKey);
    return value === undefined || value === "" ? undefined : [value];
  }

  /**
   * The value of a single-valued key, for policy variables; undefined when it has none: a key
   * given as an array is multivalued ("You can't use a multivalued condition key as a
   * variable"), and a null key (`""`) has no value.
   */
  single(lowerKey: string): string | undefined {
    const own = this.own(lowerKey);
    if (own !== undefined) return typeof own === "string" && own !== "" ? own : undefined;
    const value = this.derivedValue(lowerKey);
    return value === "" ? undefined : value;
  }

  /** The value the request gave the key; undefined when it gave none. */
  private own(lowerKey: string): CheckedValue | undefined {
    const slot = this.keys.slotOfLower(lowerKey);
    return slot < 0 ? undefined : this.request.context[slot];
  }

  private derivedValue(lowerKey: string): string | undefined {
    this.derived ??= derivedKeys(this.request.principal);
    return this.derived.get(lowerKey);
  }
}
