/**
 * Shared state and span helpers of the CST → AST builder. After error recovery a CST node may
 * lack children its type promises, and tokens inserted by recovery have no offsets (`NaN`), so
 * every access goes through `first` and every span through `tokenSpan` / `nodeSpan`, which fall
 * back to an empty span at a known-good offset. That keeps every span within the text.
 */
import type { CstNode, IToken } from "chevrotain";
import type { Diagnostic, Span } from "./diagnostics/diagnostic.js";

/** What the builder threads through: where spans point, and where diagnostics go. */
export interface BuildContext {
  readonly file: string;
  readonly text: string;
  readonly diagnostics: Diagnostic[];
}

/** The first element of a CST child list, which recovery may have left absent or empty. */
export function first<T>(items: readonly T[] | undefined): T | undefined {
  return items === undefined ? undefined : items[0];
}

/** True when the token exists in the source (not missing, not inserted by recovery). */
export function isReal(token: IToken | undefined): token is IToken {
  return token !== undefined && !token.isInsertedInRecovery && Number.isFinite(token.startOffset);
}

/** A span clamped to the text, so no consumer ever sees one outside it. */
export function makeSpan(ctx: BuildContext, start: number, end: number): Span {
  const s = Math.max(0, Math.min(start, ctx.text.length));
  const e = Math.max(s, Math.min(end, ctx.text.length));
  return { file: ctx.file, start: s, end: e };
}

/** An empty span at `offset`: where a missing piece would have been. */
export function emptySpan(ctx: BuildContext, offset: number): Span {
  return makeSpan(ctx, offset, offset);
}

/** The token's span, or an empty span at `fallback` for a missing or inserted token. */
export function tokenSpan(ctx: BuildContext, token: IToken | undefined, fallback: number): Span {
  if (!isReal(token)) return emptySpan(ctx, fallback);
  return makeSpan(ctx, token.startOffset, token.startOffset + token.image.length);
}

/** The span of everything a CST node consumed, or an empty span at `fallback`. */
export function nodeSpan(ctx: BuildContext, node: CstNode | undefined, fallback: number): Span {
  const loc = node?.location;
  if (loc === undefined || !Number.isFinite(loc.startOffset) || !Number.isFinite(loc.endOffset ?? NaN)) {
    return emptySpan(ctx, fallback);
  }
  return makeSpan(ctx, loc.startOffset, (loc.endOffset ?? loc.startOffset) + 1);
}

/** The smallest span covering both. */
export function joinSpans(a: Span, b: Span): Span {
  return { file: a.file, start: Math.min(a.start, b.start), end: Math.max(a.end, b.end) };
}
