/**
 * Policy variables, per "IAM policy elements: Variables and tags"
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html):
 *
 * - "Variables are marked using a `$` prefix followed by a pair of curly braces (`{ }`) that
 *   include the variable name of the value from the request."
 * - "Key names are case-insensitive." and "You can use any single-valued condition key as a
 *   variable. You can't use a multivalued condition key as a variable." — an array-valued
 *   context key therefore does not resolve.
 * - "To add a default value to a variable, surround the default value with single quotes
 *   (`' '`), and separate the variable text and the default value with a comma and space".
 * - `${*}`, `${?}` and `${$}` stand for a literal `*`, `?` and `$`.
 * - "Variables were introduced in version `2012-10-17`. … variables like `${aws:username}`
 *   are treated as literal strings in the policy" under earlier versions.
 *
 * Choices where the docs are silent: a resolved value is data, so a `*` or `?` inside it is
 * matched literally (it cannot widen a pattern); a default value is policy text, so its
 * wildcards stay wildcards; malformed syntax (`${`, `${x, y}`) is kept as literal text;
 * `""` is no value (a null key, see context.ts). In a Resource, variables are substituted only
 * after the fifth colon (resourcePattern.ts).
 */
import type { PatternToken } from "./wildcard.js";

/** A reference to a request-context key inside a policy string. */
export interface VariableRef {
  /** The key as written, e.g. `aws:PrincipalTag/team`. */
  readonly name: string;
  readonly lowerName: string;
  /** The default after `, '…'`, if any. */
  readonly fallback?: string;
}

/** A policy string split into text, escapes and variables. */
export interface Template {
  readonly source: string;
  /** The text with escapes applied, when there are no variables; else the source. */
  readonly text: string;
  readonly parts: readonly (PatternToken | VariableRef)[];
  readonly hasVariables: boolean;
}

/** Looks up a single-valued context key by lower-cased name; undefined when it has no value. */
export type VariableLookup = (lowerName: string) => string | undefined;

/** A template after substitution, or the variables that had no value. */
export type Resolution =
  | { readonly ok: true; readonly text: string; readonly tokens: readonly PatternToken[] }
  | { readonly ok: false; readonly unresolved: readonly string[] };

/** A Map, not an object: `${constructor}` or `${__proto__}` must not find `Object.prototype`'s. */
const ESCAPES: ReadonlyMap<string, string> = new Map([
  ["*", "*"],
  ["?", "?"],
  ["$", "$"],
]);

/** Parses `${…}` references; with `enabled` false (policy Version 2008-10-17) all is text. */
export function parseTemplate(source: string, enabled = true): Template {
  if (!enabled || !source.includes("${")) {
    return { source, text: source, parts: [{ text: source, wild: true }], hasVariables: false };
  }
  const parts: (PatternToken | VariableRef)[] = [];
  let literal = "";
  let i = 0;
  while (i < source.length) {
    const open = source.indexOf("${", i);
    if (open < 0) {
      literal += source.slice(i);
      break;
    }
    const parsed = parseReference(source, open + 2);
    if (parsed === undefined) {
      literal += source.slice(i, open + 2);
      i = open + 2;
      continue;
    }
    literal += source.slice(i, open);
    if (literal !== "") parts.push({ text: literal, wild: true });
    literal = "";
    parts.push(parsed.part);
    i = parsed.end;
  }
  if (literal !== "") parts.push({ text: literal, wild: true });
  const hasVariables = parts.some(isVariable);
  const text = hasVariables ? source : (parts as PatternToken[]).map((t) => t.text).join("");
  return { source, text, parts, hasVariables };
}

/** Substitutes every variable, or lists those with no value and no default. */
export function resolveTemplate(template: Template, lookup: VariableLookup): Resolution {
  const fixed = staticTokens(template);
  if (fixed !== undefined) return { ok: true, text: template.text, tokens: fixed };
  const tokens: PatternToken[] = [];
  const unresolved: string[] = [];
  for (const part of template.parts) {
    if (!isVariable(part)) {
      tokens.push(part);
      continue;
    }
    const value = lookup(part.lowerName);
    if (value !== undefined) tokens.push({ text: value, wild: false });
    else if (part.fallback !== undefined) tokens.push({ text: part.fallback, wild: true });
    else unresolved.push(part.name);
  }
  if (unresolved.length > 0) return { ok: false, unresolved };
  return { ok: true, text: tokens.map((t) => t.text).join(""), tokens };
}

/** The tokens of a template without variables; undefined when it has some. */
export function staticTokens(template: Template): readonly PatternToken[] | undefined {
  return template.hasVariables ? undefined : (template.parts as readonly PatternToken[]);
}

/** Renders a variable as a policy author would write it, for messages. */
export function formatVariable(name: string): string {
  return "${" + name + "}";
}

function isVariable(part: PatternToken | VariableRef): part is VariableRef {
  return Object.hasOwn(part, "name");
}

/** Parses what follows `${`: `name}`, `name, 'default'}` or an escape. */
function parseReference(
  source: string,
  start: number,
): { part: PatternToken | VariableRef; end: number } | undefined {
  let j = start;
  while (j < source.length && source[j] !== "}" && source[j] !== ",") j++;
  if (j >= source.length) return undefined;
  const name = source.slice(start, j).trim();
  if (name === "") return undefined;
  if (source[j] === "}") {
    const escaped = ESCAPES.get(name);
    if (escaped !== undefined) return { part: { text: escaped, wild: false }, end: j + 1 };
    return { part: { name, lowerName: name.toLowerCase() }, end: j + 1 };
  }
  const open = skipSpaces(source, j + 1);
  if (source[open] !== "'") return undefined;
  const close = source.indexOf("'", open + 1);
  if (close < 0) return undefined;
  const end = skipSpaces(source, close + 1);
  if (source[end] !== "}") return undefined;
  const fallback = source.slice(open + 1, close);
  return { part: { name, lowerName: name.toLowerCase(), fallback }, end: end + 1 };
}

function skipSpaces(source: string, i: number): number {
  while (source[i] === " ") i++;
  return i;
}
