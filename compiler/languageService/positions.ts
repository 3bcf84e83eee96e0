/**
 * Positions as editors count them: zero-based lines and UTF-16 characters, which are also
 * JavaScript string offsets, so a span's offsets convert without re-encoding.
 */

/** A zero-based line and UTF-16 character, as the Language Server Protocol counts them. */
export interface Position {
  readonly line: number;
  readonly character: number;
}

/** A half-open range of positions. */
export interface Range {
  readonly start: Position;
  readonly end: Position;
}

/** The offsets at which each line of `text` starts (after `\n`, `\r\n` or a lone `\r`). */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 && text.charCodeAt(i + 1) === 10) continue;
    if (c === 10 || c === 13) starts.push(i + 1);
  }
  return starts;
}

/** The position of `offset` in `text`; offsets past the end clamp to it. */
export function positionAt(text: string, offset: number, starts: readonly number[] = lineStarts(text)): Position {
  const clamped = Math.max(0, Math.min(offset, text.length));
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((starts[mid] as number) <= clamped) low = mid;
    else high = mid - 1;
  }
  return { line: low, character: clamped - (starts[low] as number) };
}

/** The offset of `position` in `text`; a character past its line's end clamps to the line's end. */
export function offsetAt(text: string, position: Position, starts: readonly number[] = lineStarts(text)): number {
  if (position.line >= starts.length) return text.length;
  const start = starts[Math.max(0, position.line)] as number;
  const next = position.line + 1 < starts.length ? (starts[position.line + 1] as number) : text.length;
  let lineEnd = next;
  while (lineEnd > start && (text[lineEnd - 1] === "\n" || text[lineEnd - 1] === "\r")) lineEnd--;
  return Math.min(start + Math.max(0, position.character), lineEnd);
}

/** The range `[start, end)` of `text`. */
export function rangeOf(text: string, start: number, end: number, starts: readonly number[] = lineStarts(text)): Range {
  return { start: positionAt(text, start, starts), end: positionAt(text, end, starts) };
}
