/**
 * Splits string literals and word patterns into text and `${...}` interpolations, decoding a
 * string's escapes on the way. Every part's span points into the source, so the checker can
 * underline exactly the interpolation it rejects.
 */
import type { IToken } from "chevrotain";
import { tokenMatcher } from "./chevrotain.js";
import { diagnostic } from "./diagnostics/codes.js";
import type { Identifier, Interpolation, Pattern, StringLiteral, TemplatePart } from "./ast.js";
import { type BuildContext, emptySpan, isReal, makeSpan, tokenSpan } from "./buildContext.js";
import { isClosedString } from "./lexPatterns.js";
import { StringLiteral as StringToken } from "./tokens.js";

const ESCAPES: ReadonlyMap<string, string> = new Map([['"', '"'], ["\\", "\\"], ["n", "\n"], ["t", "\t"], ["$", "$"]]);

/** Accumulates parts, merging adjacent text so `a\tb` is one TextPart. */
class PartsBuilder {
  readonly parts: TemplatePart[] = [];
  private text = "";
  private textStart = -1;

  constructor(private readonly ctx: BuildContext) {}

  addText(text: string, start: number): void {
    if (this.textStart < 0) this.textStart = start;
    this.text += text;
  }

  /** Ends the pending text part at source offset `end`. */
  flush(end: number): void {
    if (this.textStart < 0) return;
    this.parts.push({ kind: "Text", text: this.text, span: makeSpan(this.ctx, this.textStart, end) });
    this.text = "";
    this.textStart = -1;
  }
}

/**
 * Splits `source` (the text between a string's quotes, or a whole word) that starts at offset
 * `base`. Escapes are decoded only in strings.
 */
function splitTemplate(ctx: BuildContext, source: string, base: number, decodeEscapes: boolean): TemplatePart[] {
  const out = new PartsBuilder(ctx);
  // Once a `${` has no `}` after it, neither has any later one: they are text, reported once,
  // and the rest of the source is not searched again (which made `"${${${…"` quadratic).
  let unclosed = false;
  let i = 0;
  while (i < source.length) {
    const c = source[i]!;
    if (decodeEscapes && c === "\\" && i + 1 < source.length) {
      out.addText(decodeEscape(ctx, source[i + 1]!, base + i), base + i);
      i += 2;
    } else if (c === "$" && source[i + 1] === "{" && unclosed) {
      out.addText("${", base + i);
      i += 2;
    } else if (c === "$" && source[i + 1] === "{") {
      const close = source.indexOf("}", i + 2);
      if (close < 0) {
        unclosed = true;
        ctx.diagnostics.push(
          diagnostic("MalformedInterpolation", makeSpan(ctx, base + i, base + i + 2), "`${` is not closed with `}`", {
            hint: "write `${name}` or `${name, 'default'}`, or `\\$` for a literal `$` in a string",
          }),
        );
        out.addText("${", base + i);
        i += 2;
      } else {
        out.flush(base + i);
        out.parts.push(interpolation(ctx, source.slice(i + 2, close), base + i, base + close + 1));
        i = close + 1;
      }
    } else {
      out.addText(c, base + i);
      i += 1;
    }
  }
  out.flush(base + source.length);
  return out.parts;
}

function decodeEscape(ctx: BuildContext, escaped: string, at: number): string {
  const decoded = ESCAPES.get(escaped);
  if (decoded !== undefined) return decoded;
  ctx.diagnostics.push(
    diagnostic("InvalidEscape", makeSpan(ctx, at, at + 2), `unknown escape \`\\${escaped}\` in a string`, {
      hint: "the escapes are `\\\"`, `\\\\`, `\\n`, `\\t` and `\\$`",
    }),
  );
  return escaped;
}

/** `${name}` or `${name, 'default'}` / `${name, "default"}`; `inner` is between the braces. */
function interpolation(ctx: BuildContext, inner: string, start: number, end: number): Interpolation {
  const span = makeSpan(ctx, start, end);
  const comma = inner.indexOf(",");
  const name = (comma < 0 ? inner : inner.slice(0, comma)).trim();
  if (name === "") {
    ctx.diagnostics.push(
      diagnostic("MalformedInterpolation", span, "empty interpolation `${}`", {
        hint: "write a parameter or variable name inside, e.g. `${aws:username}`",
      }),
    );
  }
  if (comma < 0) return { kind: "Interpolation", name, span };
  const quoted = /^(?:'([^']*)'|"([^"]*)")$/.exec(inner.slice(comma + 1).trim());
  if (quoted === null) {
    ctx.diagnostics.push(
      diagnostic("MalformedInterpolation", span, "the default after `,` in `${...}` must be a quoted string", {
        hint: `write \`\${${name || "name"}, 'default'}\``,
      }),
    );
    return { kind: "Interpolation", name, span };
  }
  return { kind: "Interpolation", name, defaultValue: quoted[1] ?? quoted[2] ?? "", span };
}

/** True for a string token (also a single-quoted one, already reported by `parse`). */
export function isStringToken(token: IToken): boolean {
  return tokenMatcher(token, StringToken);
}

/** The string node for a StringLiteral token; a missing token gives an empty string at `fallback`. */
export function stringLiteral(ctx: BuildContext, token: IToken | undefined, fallback: number): StringLiteral {
  const span = tokenSpan(ctx, token, fallback);
  if (!isReal(token)) return { kind: "String", parts: [], span };
  const content = isClosedString(token.image) ? token.image.slice(1, -1) : token.image.slice(1);
  return { kind: "String", parts: splitTemplate(ctx, content, token.startOffset + 1, true), span };
}

/** The pattern node for a Word token (or a missing one at `fallback`). */
export function wordPattern(ctx: BuildContext, token: IToken | undefined, fallback: number): Pattern {
  if (!isReal(token)) return { kind: "Pattern", text: "", parts: [], span: emptySpan(ctx, fallback) };
  const parts = splitTemplate(ctx, token.image, token.startOffset, false);
  return { kind: "Pattern", text: token.image, parts, span: tokenSpan(ctx, token, fallback) };
}

/** A string's text with escapes decoded and interpolations left as written (for names). */
export function plainText(ctx: BuildContext, literal: StringLiteral): string {
  return literal.parts.map((p) => (p.kind === "Text" ? p.text : ctx.text.slice(p.span.start, p.span.end))).join("");
}

/**
 * The text of a NAME token: a word or keyword as written, a string's decoded content. Strings
 * are decoded here, not by the caller, so their escape diagnostics are reported once.
 */
export function nameText(ctx: BuildContext, token: IToken | undefined): string {
  if (!isReal(token)) return "";
  if (isStringToken(token)) return plainText(ctx, stringLiteral(ctx, token, token.startOffset));
  return token.image;
}

/** An identifier from a NAME token; a missing name is `""` at `fallback`. */
export function identifier(ctx: BuildContext, token: IToken | undefined, fallback: number): Identifier {
  return { kind: "Identifier", name: nameText(ctx, token), span: tokenSpan(ctx, token, fallback) };
}

/**
 * A target (`target := WORD | STRING`) as a pattern. For a string, `text` is the source between
 * the quotes (the span still covers them, so a formatter can tell it was quoted) and `parts`
 * are decoded.
 */
export function targetPattern(ctx: BuildContext, token: IToken | undefined, fallback: number): Pattern {
  if (!isReal(token) || !isStringToken(token)) return wordPattern(ctx, token, fallback);
  const literal = stringLiteral(ctx, token, fallback);
  const end = isClosedString(token.image) ? -1 : undefined;
  return { kind: "Pattern", text: token.image.slice(1, end), parts: literal.parts, span: literal.span };
}
