/**
 * Canonical spelling of strings and names. Strings are re-escaped from their decoded parts
 * (`\\`, `\"`, `\n`, `\t`, and `\$` before `{`), interpolations are written `${name}` or
 * `${name, 'default'}`. A name (policy, parameter, tag key, ...) is written bare when it lexes
 * as exactly one word or keyword (every keyword is also a name: `param account`), and quoted
 * otherwise; a tag named `keys` is always quoted, since `tag keys` is the tag-keys key.
 */
import { arpLexer, keywords, Word } from "../../grammar/tokens.js";
import type { Interpolation, StringLiteral, TemplatePart } from "../../grammar/ast.js";

/** Escapes decoded string text; `$` is escaped only where it would open an interpolation. */
export function escapeText(text: string): string {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === "\\") out += "\\\\";
    else if (c === '"') out += '\\"';
    else if (c === "\n") out += "\\n";
    else if (c === "\t") out += "\\t";
    else if (c === "$" && text[i + 1] === "{") out += "\\$";
    else out += c;
  }
  return out;
}

/** `${name}` or `${name, 'default'}` (double quotes when the default holds a `'`). */
export function interpolationText(part: Interpolation): string {
  if (part.defaultValue === undefined) return `\${${part.name}}`;
  const quote = part.defaultValue.includes("'") ? '"' : "'";
  return `\${${part.name}, ${quote}${part.defaultValue}${quote}}`;
}

function partText(part: TemplatePart): string {
  return part.kind === "Text" ? escapeText(part.text) : interpolationText(part);
}

/** The canonical source of a string literal, quotes included. */
export function stringText(literal: StringLiteral): string {
  return `"${literal.parts.map(partText).join("")}"`;
}

const bareNames = new Map<string, boolean>();
const nameTokens = new Set([Word, ...keywords]);

/** True when `name` reads back as the same name written without quotes. */
export function isBareName(name: string): boolean {
  let bare = bareNames.get(name);
  if (bare === undefined) {
    const lexed = arpLexer.tokenize(name);
    const [token] = lexed.tokens;
    bare =
      !name.includes("${") &&
      lexed.errors.length === 0 &&
      lexed.tokens.length === 1 &&
      Object.keys(lexed.groups).every((g) => (lexed.groups[g] ?? []).length === 0) &&
      nameTokens.has(token!.tokenType) &&
      token!.image === name;
    if (bareNames.size > 10_000) bareNames.clear();
    bareNames.set(name, bare);
  }
  return bare;
}

/** A name bare when it can be, else as a string (escapes, and `\$` before `{`). */
export function nameText(name: string): string {
  return isBareName(name) ? name : `"${escapeText(name)}"`;
}

/** A tag key after `tag`, `request tag` or `principal tag`. */
export function tagNameText(name: string): string {
  return name === "keys" ? '"keys"' : nameText(name);
}
