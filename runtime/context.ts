/**
 * The request context as the evaluator reads it: keys matched case-insensitively ("Condition
 * key names are not case-sensitive", IAM JSON policy elements: Condition), principal keys
 * derived from the caller's ARN when absent, built lazily because most statements are
 * decided by their Action alone.
 */
import { principalKeys } from "./principal.js";
import type { Request } from "./types.js";

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

interface Entry {
  readonly values: readonly string[];
  /** True for a key given as an array: such a key cannot be used as a policy variable. */
  readonly multivalued: boolean;
}

/** Case-insensitive, lazily built view of a request's context. */
export class ContextLookup {
  private entries: ReadonlyMap<string, Entry> | undefined;
  private derived: ReadonlyMap<string, string> | undefined;

  constructor(private readonly request: Request) {}

  /**
   * The key's values, or undefined when the key is absent. An empty array counts as absent:
   * it carries no value to compare, and `Null` calls such a key null.
   */
  values(lowerKey: string): readonly string[] | undefined {
    const entry = this.entry(lowerKey);
    return entry === undefined || entry.values.length === 0 ? undefined : entry.values;
  }

  /** The value of a single-valued key, for policy variables; undefined otherwise. */
  single(lowerKey: string): string | undefined {
    const entry = this.entry(lowerKey);
    return entry === undefined || entry.multivalued ? undefined : entry.values[0];
  }

  /** The request's own entry, else one derived from the principal ARN. */
  private entry(lowerKey: string): Entry | undefined {
    const own = this.table().get(lowerKey);
    if (own !== undefined) return own;
    this.derived ??= derivedKeys(this.request.principal);
    const value = this.derived.get(lowerKey);
    return value === undefined ? undefined : { values: [value], multivalued: false };
  }

  private table(): ReadonlyMap<string, Entry> {
    if (this.entries !== undefined) return this.entries;
    // Rebuilt per request (not cached by object): a caller may reuse and mutate a context.
    const entries = new Map<string, Entry>();
    for (const [key, value] of Object.entries(this.request.context ?? {})) {
      const multivalued = typeof value !== "string";
      entries.set(key.toLowerCase(), { values: multivalued ? value : [value], multivalued });
    }
    this.entries = entries;
    return entries;
  }
}
