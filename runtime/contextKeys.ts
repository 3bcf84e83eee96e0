/**
 * The context keys a policy set reads, each given a slot once when the set is compiled, so a
 * request's context is read in one pass into an array by slot and a condition's look-up is an
 * index rather than a look-up in a table built per request. Keys no statement reads get no
 * slot: they are still checked (a malformed request throws whatever the policies read) but not
 * kept.
 *
 * Key names are case-insensitive ("Condition key names are not case-sensitive", IAM JSON
 * policy elements: Condition): a key's slot is found by its lower-cased name. Requests repeat
 * the same few dozen spellings (`aws:PrincipalTag/team`, ...), so each spelling's slot is
 * remembered: after its first request, a key as the request spells it costs one look-up and
 * no lower-casing (a new string for every mixed-case key).
 */

/** Bounds the remembered spellings per set: made-up keys only stop filling it. */
const SPELLINGS_LIMIT = 4096;

/** The slot of each context key a policy set reads. */
export class ContextKeys {
  /** How many slots there are: a request's values array is this long. */
  readonly size: number;
  /** Lower-cased name → slot. */
  private readonly byLowerName = new Map<string, number>();
  /** A key as some request (or policy) spelled it → slot, -1 for a key no statement reads. */
  private readonly bySpelling = new Map<string, number>();
  /** A request's values before its context is read: one `undefined` per slot. */
  private readonly blank: readonly undefined[];

  /** @param names the keys the statements read, as written (any case; repeats allowed) */
  constructor(names: Iterable<string>) {
    for (const name of names) {
      const lower = name.toLowerCase();
      let slot = this.byLowerName.get(lower);
      if (slot === undefined) {
        slot = this.byLowerName.size;
        this.byLowerName.set(lower, slot);
        this.bySpelling.set(lower, slot);
      }
      this.bySpelling.set(name, slot);
    }
    this.size = this.byLowerName.size;
    this.blank = this.size === 0 ? [] : new Array<undefined>(this.size).fill(undefined);
  }

  /** A fresh values array for one request, every slot empty. */
  emptyValues<T>(): (T | undefined)[] {
    return this.blank.slice();
  }

  /** The slot of an already lower-cased name; -1 for a key no statement reads. */
  slotOfLower(lowerName: string): number {
    return this.byLowerName.get(lowerName) ?? -1;
  }

  /** The slot of a key as a request spells it: the exact spelling first, then lower-cased. */
  slotOf(name: string): number {
    if (this.size === 0) return -1;
    const known = this.bySpelling.get(name);
    if (known !== undefined) return known;
    const slot = this.byLowerName.get(name.toLowerCase()) ?? -1;
    if (this.bySpelling.size < SPELLINGS_LIMIT) this.bySpelling.set(name, slot);
    return slot;
  }
}

/** The table of a reader that keeps no context values, only checks them (`explain`). */
export const NO_CONTEXT_KEYS: ContextKeys = new ContextKeys([]);
