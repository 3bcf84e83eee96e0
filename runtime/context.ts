/**
 * The request context as the evaluator reads it: keys matched case-insensitively ("Condition
 * key names are not case-sensitive", IAM JSON policy elements: Condition), principal keys
 * derived from the caller's ARN when absent, built lazily because most statements are
 * decided by their Action alone.
 */
import { principalKeys } from "./principal.js";
import type { Request } from "./types.js";

interface Entry {
  readonly values: readonly string[];
  /** True for a key given as an array: such a key cannot be used as a policy variable. */
  readonly multivalued: boolean;
}

/** Case-insensitive, lazily built view of a request's context. */
export class ContextLookup {
  private entries: Map<string, Entry> | undefined;

  constructor(private readonly request: Request) {}

  /**
   * The key's values, or undefined when the key is absent. An empty array counts as absent:
   * it carries no value to compare, and `Null` calls such a key null.
   */
  values(lowerKey: string): readonly string[] | undefined {
    const entry = this.table().get(lowerKey);
    return entry === undefined || entry.values.length === 0 ? undefined : entry.values;
  }

  /** The value of a single-valued key, for policy variables; undefined otherwise. */
  single(lowerKey: string): string | undefined {
    const entry = this.table().get(lowerKey);
    return entry === undefined || entry.multivalued ? undefined : entry.values[0];
  }

  private table(): Map<string, Entry> {
    if (this.entries !== undefined) return this.entries;
    const entries = new Map<string, Entry>();
    for (const [key, value] of Object.entries(this.request.context ?? {})) {
      const multivalued = typeof value !== "string";
      entries.set(key.toLowerCase(), { values: multivalued ? value : [value], multivalued });
    }
    for (const [key, value] of principalKeys(this.request.principal)) {
      if (!entries.has(key)) entries.set(key, { values: [value], multivalued: false });
    }
    this.entries = entries;
    return entries;
  }
}
