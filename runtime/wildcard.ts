/**
 * IAM wildcard matching: `*` matches any run of characters (including `:` and `/`), `?`
 * exactly one UTF-16 code unit. Used for `Action`, `Resource`, `StringLike` and each ARN
 * component of `ArnLike`.
 *
 * No regular expressions and no backtracking. A pattern `H*M1*M2*…*T` is split at its stars
 * into a head `H` (anchored at the start), a tail `T` (anchored at the end) and middle
 * segments, each found at its leftmost position after the previous one. Leftmost is always
 * safe: it leaves the most text for the segments that follow.
 *
 * Bound, for a value of length n and a pattern of length m:
 * - O(n + m) when no middle segment contains `?`: middle segments are found with
 *   Knuth–Morris–Pratt, each search starts where the previous match ended, so the scanned
 *   regions are disjoint and KMP makes at most 2 comparisons per scanned character;
 * - O(n·⌈q/32⌉ + m) otherwise, where q is the length of the longest middle segment
 *   containing `?`: KMP's failure table is unsound with a one-character wildcard, so such a
 *   segment is found with the bit-parallel Shift-And algorithm (Baeza-Yates–Gonnet), one
 *   32-bit word of state per 32 pattern characters, again over disjoint regions of the value.
 *   (A naive search was O(n·q): a 1 MB value took 47 s.)
 * The head and tail cost O(|H| + |T|). There is no exponential or O(n·m) blowup on patterns
 * such as `a*a*a*…*b` or `*????…?x*`.
 */

/**
 * One piece of a pattern. `wild` text comes from policy source, where `*` and `?` are
 * wildcards; other text (a resolved policy variable, or `${*}`) is matched literally.
 */
export interface PatternToken {
  readonly text: string;
  readonly wild: boolean;
}

/** A compiled pattern. */
export interface Wildcard {
  /** The pattern as written (for messages). */
  readonly source: string;
  readonly ignoreCase: boolean;
  /**
   * Tests a value. With `ignoreCase` the value must already be lower-cased: the engine
   * lower-cases an action once per request, not once per statement.
   */
  readonly test: (normalizedValue: string) => boolean;
}

/** A run of literal characters and `?` between two stars. */
interface Segment {
  readonly text: string;
  /** `any[i] === 1` when position i is `?`; null when the segment has no `?`. */
  readonly any: Uint8Array | null;
  /** KMP failure table, for `?`-free segments only. */
  readonly fail: Int32Array | null;
  /** Shift-And masks, for segments with `?` only. */
  readonly shiftAnd: ShiftAnd | null;
}

/**
 * Shift-And tables: bit i of a character's mask is set when pattern position i is that
 * character or `?`; positions are packed 32 to a word.
 */
interface ShiftAnd {
  readonly words: number;
  /** Masks of ASCII characters by code (most ARNs and keys are ASCII): no map lookup. */
  readonly ascii: readonly Uint32Array[];
  readonly masks: ReadonlyMap<number, Uint32Array>;
  /** The mask of a character the segment does not name: only its `?` positions. */
  readonly other: Uint32Array;
}

interface Parts {
  /** The fewest characters a matching value has: every segment's length. */
  readonly minLength: number;
  readonly head: Segment;
  /** Undefined when the pattern has no star: then `head` must match the whole value. */
  readonly tail: Segment | undefined;
  readonly middles: readonly Segment[];
}

/** Counts character comparisons; only the complexity tests pass one. */
interface Meter {
  steps: number;
}

/** Matches `value` against an IAM wildcard pattern (all of `pattern` is policy text). */
export function matchWildcard(
  pattern: string,
  value: string,
  options: { readonly ignoreCase?: boolean } = {},
): boolean {
  const ignoreCase = options.ignoreCase === true;
  const compiled = compileWildcard([{ text: pattern, wild: true }], ignoreCase);
  return compiled.test(ignoreCase ? value.toLowerCase() : value);
}

/** Compiles a pattern once, choosing a fast path for the common shapes. */
export function compileWildcard(tokens: readonly PatternToken[], ignoreCase = false): Wildcard {
  const source = tokens.map((t) => t.text).join("");
  const parts = splitAtStars(tokens, ignoreCase);
  return { source, ignoreCase, test: fastPath(parts) ?? ((v) => matchParts(parts, v, undefined)) };
}

/**
 * Runs the general algorithm and returns the number of character comparisons it made, so
 * tests can check the bound stated above without timing anything.
 */
export function wildcardSteps(pattern: string, value: string): { matched: boolean; steps: number } {
  const meter: Meter = { steps: 0 };
  const matched = matchParts(splitAtStars([{ text: pattern, wild: true }], false), value, meter);
  return { matched, steps: meter.steps };
}

function splitAtStars(tokens: readonly PatternToken[], ignoreCase: boolean): Parts {
  const segments: { text: string; any: number[] }[] = [{ text: "", any: [] }];
  for (const token of tokens) {
    const text = ignoreCase ? token.text.toLowerCase() : token.text;
    for (const ch of text) {
      const current = segments[segments.length - 1]!;
      if (token.wild && ch === "*") segments.push({ text: "", any: [] });
      else if (token.wild && ch === "?") {
        current.any.push(current.text.length);
        current.text += "?";
      } else current.text += ch;
    }
  }
  const built = segments.map((s) => buildSegment(s.text, s.any));
  const minLength = built.reduce((sum, s) => sum + s.text.length, 0);
  if (built.length === 1) return { minLength, head: built[0]!, tail: undefined, middles: [] };
  return {
    minLength,
    head: built[0]!,
    tail: built[built.length - 1]!,
    // Consecutive stars leave empty middles, which match anywhere: drop them.
    middles: built.slice(1, -1).filter((s) => s.text.length > 0),
  };
}

function buildSegment(text: string, anyPositions: readonly number[]): Segment {
  if (anyPositions.length === 0) return { text, any: null, fail: failureTable(text), shiftAnd: null };
  const any = new Uint8Array(text.length);
  for (const i of anyPositions) any[i] = 1;
  return { text, any, fail: null, shiftAnd: shiftAndTables(text, any) };
}

function shiftAndTables(text: string, any: Uint8Array): ShiftAnd {
  const words = Math.ceil(text.length / 32);
  const other = new Uint32Array(words);
  for (let i = 0; i < text.length; i++) if (any[i] === 1) other[i >>> 5]! |= 1 << (i & 31);
  const masks = new Map<number, Uint32Array>();
  for (let i = 0; i < text.length; i++) {
    if (any[i] === 1) continue;
    const c = text.charCodeAt(i);
    let mask = masks.get(c);
    if (mask === undefined) masks.set(c, (mask = other.slice()));
    mask[i >>> 5]! |= 1 << (i & 31);
  }
  const ascii = Array.from({ length: 128 }, (_, c) => masks.get(c) ?? other);
  return { words, ascii, masks, other };
}

/** KMP: fail[i] is the length of the longest proper border of text[0..i]. */
function failureTable(text: string): Int32Array {
  const fail = new Int32Array(text.length);
  let k = 0;
  for (let i = 1; i < text.length; i++) {
    while (k > 0 && text.charCodeAt(i) !== text.charCodeAt(k)) k = fail[k - 1]!;
    if (text.charCodeAt(i) === text.charCodeAt(k)) k++;
    fail[i] = k;
  }
  return fail;
}

/** Exact, everything, prefix and suffix patterns cover most policies; skip the general loop. */
function fastPath(parts: Parts): ((v: string) => boolean) | undefined {
  const { head, tail, middles } = parts;
  if (head.any !== null || (tail !== undefined && tail.any !== null) || middles.length > 0) {
    return undefined;
  }
  const h = head.text;
  if (tail === undefined) return (v) => v === h;
  const t = tail.text;
  if (h === "" && t === "") return () => true;
  if (t === "") return (v) => v.startsWith(h);
  if (h === "") return (v) => v.endsWith(t);
  return (v) => v.length >= h.length + t.length && v.startsWith(h) && v.endsWith(t);
}

function matchParts(parts: Parts, value: string, meter: Meter | undefined): boolean {
  const { head, tail, middles } = parts;
  if (tail === undefined) {
    return value.length === head.text.length && matchAt(head, value, 0, meter);
  }
  // A value shorter than the pattern's literal characters cannot match: no search at all.
  if (value.length < parts.minLength) return false;
  const limit = value.length - tail.text.length;
  if (!matchAt(head, value, 0, meter) || !matchAt(tail, value, limit, meter)) return false;
  let pos = head.text.length;
  for (const segment of middles) {
    const start = findFrom(segment, value, pos, limit, meter);
    if (start < 0) return false;
    pos = start + segment.text.length;
  }
  return true;
}

function matchAt(segment: Segment, value: string, pos: number, meter: Meter | undefined): boolean {
  const { text, any } = segment;
  for (let i = 0; i < text.length; i++) {
    if (meter !== undefined) meter.steps++;
    if (any !== null && any[i] === 1) continue;
    if (value.charCodeAt(pos + i) !== text.charCodeAt(i)) return false;
  }
  return true;
}

/** Leftmost start s ≥ from with s + |segment| ≤ limit, or -1. */
function findFrom(
  segment: Segment,
  value: string,
  from: number,
  limit: number,
  meter: Meter | undefined,
): number {
  const m = segment.text.length;
  if (segment.fail === null) return shiftAndFind(segment.shiftAnd!, m, value, from, limit, meter);
  const { text, fail } = segment;
  let k = 0;
  for (let i = from; i < limit; i++) {
    const c = value.charCodeAt(i);
    while (k > 0 && c !== text.charCodeAt(k)) {
      if (meter !== undefined) meter.steps++;
      k = fail[k - 1]!;
    }
    if (meter !== undefined) meter.steps++;
    if (c === text.charCodeAt(k)) k++;
    if (k === m) return i - m + 1;
  }
  return -1;
}

/**
 * Shift-And: the leftmost start s ≥ from with s + m ≤ limit that `accept` takes (any, without
 * it), or -1; ⌈m/32⌉ word steps per character.
 */
function shiftAndFind(
  tables: ShiftAnd,
  m: number,
  value: string,
  from: number,
  limit: number,
  meter: Meter | undefined,
  accept?: (start: number) => boolean,
): number {
  const { words, ascii, masks, other } = tables;
  const lastWord = (m - 1) >>> 5;
  const lastBit = 1 << ((m - 1) & 31);
  const state = new Uint32Array(words);
  for (let i = from; i < limit; i++) {
    const c = value.charCodeAt(i);
    const mask = c < 128 ? ascii[c]! : (masks.get(c) ?? other);
    // state = ((state << 1) | 1) & mask, across words, carrying each word's top bit up.
    let carry = 1;
    for (let w = 0; w < words; w++) {
      const word = state[w]!;
      state[w] = ((word << 1) | carry) & mask[w]!;
      carry = word >>> 31;
    }
    if (meter !== undefined) meter.steps += words;
    if ((state[lastWord]! & lastBit) !== 0 && (accept === undefined || accept(i - m + 1))) return i - m + 1;
  }
  return -1;
}

/** Finds where a star-free pattern occurs in a value; see `compileFinder`. */
export type Finder = (value: string, from: number, accept: (start: number) => boolean) => number;

/**
 * Compiles a star-free pattern (literal text and `?`) into a finder: the leftmost start s ≥
 * `from` of an occurrence for which `accept(s)` holds, or -1. One left-to-right pass whatever
 * `accept` rejects (KMP, or Shift-And when the text has `?`): the automaton carries on past a
 * rejected occurrence instead of starting again, so the cost stays O(n) or O(n·⌈m/32⌉).
 */
export function compileFinder(tokens: readonly PatternToken[]): Finder {
  const parts = splitAtStars(tokens, false);
  if (parts.tail !== undefined) throw new Error("compileFinder: the pattern has a star");
  const segment = parts.head;
  const m = segment.text.length;
  if (m === 0) {
    return (value, from, accept) => {
      for (let s = from; s <= value.length; s++) if (accept(s)) return s;
      return -1;
    };
  }
  if (segment.fail !== null) return (value, from, accept) => kmpAll(segment, value, from, accept);
  return (value, from, accept) => shiftAndFind(segment.shiftAnd!, m, value, from, value.length, undefined, accept);
}

function kmpAll(segment: Segment, value: string, from: number, accept: (start: number) => boolean): number {
  const { text, fail } = segment;
  const m = text.length;
  let k = 0;
  for (let i = from; i < value.length; i++) {
    const c = value.charCodeAt(i);
    while (k > 0 && c !== text.charCodeAt(k)) k = fail![k - 1]!;
    if (c === text.charCodeAt(k)) k++;
    if (k === m) {
      if (accept(i - m + 1)) return i - m + 1;
      k = fail![m - 1]!;
    }
  }
  return -1;
}
