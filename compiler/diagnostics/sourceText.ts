/**
 * Offsets → 1-based line and column, computed only when something is shown to a user.
 * Columns count UTF-16 code units (as spans do), so they agree with editors' LSP positions.
 * A line ends at `\n`, `\r\n` or a lone `\r`.
 */
import type { Span } from "../../grammar/diagnostics/diagnostic.js";

/** A 1-based line and column. */
export interface Position {
  readonly line: number;
  readonly column: number;
}

/** Where a span starts, in the form the runtime's decision explanations use. */
export interface Location extends Position {
  readonly file: string;
}

/** The start offset of each line of one text, for offset ↔ line/column lookups. */
export class LineMap {
  /** `lineStarts[i]` is the offset where line `i + 1` begins. */
  private readonly lineStarts: number[] = [0];

  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 13 /* \r */ && text.charCodeAt(i + 1) === 10 /* \n */) continue;
      if (c === 10 || c === 13) this.lineStarts.push(i + 1);
    }
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** The position of `offset`, clamped to the text. */
  position(offset: number): Position {
    const at = Math.max(0, Math.min(Number.isFinite(offset) ? offset : 0, this.text.length));
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid]! <= at) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: at - this.lineStarts[low]! + 1 };
  }

  /** The offset where 1-based `line` starts (clamped to the existing lines). */
  lineStart(line: number): number {
    return this.lineStarts[Math.max(0, Math.min(line - 1, this.lineStarts.length - 1))]!;
  }

  /** The offset just before `line`'s line break (or the end of the text). */
  lineEnd(line: number): number {
    if (line >= this.lineStarts.length) return this.text.length;
    let end = this.lineStarts[line]! - 1;
    if (end > 0 && this.text[end] === "\n" && this.text[end - 1] === "\r") end--;
    return Math.max(end, this.lineStart(line));
  }

  /** The text of 1-based `line`, without its line break. */
  lineText(line: number): string {
    return this.text.slice(this.lineStart(line), this.lineEnd(line));
  }
}

let cached: LineMap | undefined;

/** The line map of `text`, reusing the last one built: callers usually ask about one file in a row. */
export function lineMapOf(text: string): LineMap {
  if (cached === undefined || cached.text !== text) cached = new LineMap(text);
  return cached;
}

/** Where `span` starts in `text` (the text of `span.file`). */
export function locate(text: string, span: Span): Location {
  return { file: span.file, ...lineMapOf(text).position(span.start) };
}
