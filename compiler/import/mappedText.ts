/**
 * Generated arp text that remembers where each piece came from in the JSON, so that a problem
 * the compiler finds in the generated `.arp` is reported at the JSON that caused it.
 */
import type { Span } from "../../grammar/diagnostics/diagnostic.js";

/** `[start, end)` of the generated text came from `origin` in the JSON. */
export interface Segment {
  readonly start: number;
  readonly end: number;
  readonly origin: Span;
  /** True when the text is the JSON string's content character for character (quotes aside). */
  readonly aligned?: boolean;
}

/**
 * An immutable piece of generated text with its segments (offsets relative to the piece). A
 * concatenation keeps its pieces and lays out their segments only when asked: an import builds
 * text pieces inside pieces, and the segments are needed only to place a diagnostic, so copying
 * every segment at every level of nesting was most of the cost of assembling the text.
 */
export class MappedText {
  /** Every segment, laid out once asked for. */
  #all: readonly Segment[] | undefined;

  constructor(
    readonly text: string,
    /** Segments of the text as a whole, before those of `parts`. */
    private readonly own: readonly Segment[] = [],
    /** Pieces whose segments follow `own`, each at its offset in `text`. */
    private readonly parts: readonly (readonly [number, MappedText])[] = [],
  ) {
    if (parts.length === 0) this.#all = own;
  }

  get length(): number {
    return this.text.length;
  }

  /** Every segment, outer ones before the ones of the pieces inside them. */
  get segments(): readonly Segment[] {
    if (this.#all === undefined) {
      const out: Segment[] = [];
      this.collect(0, out);
      this.#all = out;
    }
    return this.#all;
  }

  private collect(offset: number, out: Segment[]): void {
    for (const s of this.#all ?? this.own) out.push(offset === 0 ? s : { ...s, start: s.start + offset, end: s.end + offset });
    if (this.#all === undefined) for (const [at, piece] of this.parts) piece.collect(offset + at, out);
  }

  /** The same text, as a whole attributed to `origin` (inner segments stay more precise). */
  from(origin: Span): MappedText {
    return new MappedText(this.text, [{ start: 0, end: this.text.length, origin }], [[0, this]]);
  }
}

export type Piece = MappedText | string;

/** Text attributed to `origin`. */
export function mapped(text: string, origin: Span): MappedText {
  return new MappedText(text, [{ start: 0, end: text.length, origin }]);
}

/**
 * The text of a JSON string written as is (`origin` spans the string with its quotes), so that
 * a diagnostic about part of it points at that part of the JSON.
 */
export function verbatim(text: string, origin: Span): MappedText {
  const aligned = origin.end - origin.start === text.length + 2;
  return new MappedText(text, [{ start: 0, end: text.length, origin, ...(aligned ? { aligned } : {}) }]);
}

/** Concatenates pieces, shifting their segments. */
export function concat(...pieces: readonly Piece[]): MappedText {
  return concatAll(pieces);
}

/**
 * Concatenates a list of pieces of any length. Spreading a list into {@link concat} passes
 * each piece as an argument, which overflows the stack for a policy of 100,000 statements.
 */
export function concatAll(pieces: readonly Piece[]): MappedText {
  let text = "";
  const parts: [number, MappedText][] = [];
  for (const p of pieces) {
    if (typeof p === "string") {
      text += p;
      continue;
    }
    parts.push([text.length, p]);
    text += p.text;
  }
  return new MappedText(text, [], parts);
}

/** Joins pieces with a separator. */
export function join(pieces: readonly Piece[], separator: string): MappedText {
  const out: Piece[] = [];
  pieces.forEach((p, i) => {
    if (i > 0) out.push(separator);
    out.push(p);
  });
  return concatAll(out);
}

/**
 * The JSON origin of generated text at `[start, end)`: the smallest segment that contains the
 * start (and, among those, the end), so that a value's own span wins over its statement's.
 */
export function originOf(segments: readonly Segment[], start: number, end: number): Span | undefined {
  let best: Segment | undefined;
  for (const s of segments) {
    const contains = s.start <= start && (start < s.end || (start === s.end && s.start === s.end));
    if (!contains) continue;
    const better =
      best === undefined ||
      (s.end >= end && best.end < end) ||
      ((s.end >= end) === (best.end >= end) && s.end - s.start < best.end - best.start);
    if (better) best = s;
  }
  if (best === undefined || best.aligned !== true) return best?.origin;
  const from = best.origin.start + 1 + (start - best.start);
  const to = best.origin.start + 1 + (Math.min(end, best.end) - best.start);
  return { file: best.origin.file, start: from, end: Math.max(from, to) };
}
