/**
 * A String operator on an ARN key (`StringLike` on `aws:SourceArn`), which IAM accepts and arp
 * cannot write: arp chooses the operator from the key's type, so an ARN key takes the ARN
 * operators. This reads such a test as the ARN operator that decides alike on every value.
 *
 * How the two differ (runtime/operators/arn.ts, the IAM condition operators page): an ARN
 * operator splits the value and the pattern at their first five colons and matches each of the
 * six components on its own, so a `*` or `?` before the fifth colon never matches a colon;
 * `StringLike` matches the whole text, so there they may. Case is matched alike (both are
 * case-sensitive), and a missing key is read alike. So:
 *
 * - `StringEquals` is `ArnEquals`, which reads `*` and `?` as wildcards: they are written `${*}`
 *   and `${?}` (under Version 2012-10-17; before it, such a value cannot be said).
 * - `StringLike` with a pattern whose wildcards all follow its fifth colon (or its last, with
 *   fewer) is `ArnLike`.
 * - Otherwise `StringLike` is `ArnLike` of a list: the pattern once for each way its wildcards
 *   before the fifth colon can cover colons of the value (a `*` several, a `?` one), each such
 *   colon written out. A value matches the string pattern exactly when it matches one of them
 *   component by component: every colon before the value's fifth is then a colon of the
 *   pattern, and each wildcard covers colon-free text or lies in the last component, where
 *   wildcards match colons too.
 *
 * - A pattern with fewer than five colons (`arn:aws:*`, which IAM accepts) is no ARN pattern arp
 *   can write; its wildcards then cover the colons it lacks, wherever they are, and only the
 *   patterns with five are kept (`arn:aws:*:*:*:*`). An ARN key's value is an ARN, with five
 *   colons or more, and such a value matches the string pattern exactly when it matches one of
 *   those: of its colons, the ones the pattern does not write are covered by its wildcards.
 *   With no such pattern (`arn:aws:?`) the pattern is left as written, and refused.
 *
 * The negated operators (`StringNotEquals`, `StringNotLike`) hold exactly when their positive
 * twin does not, over the same list, and `IfExists` and `ForAnyValue:`/`ForAllValues:` apply
 * value by value, so they carry over unchanged.
 */
import type { BaseOperator } from "./iamOperators.js";
import { BASE_OPERATORS } from "./iamOperators.js";

/** Colons an ARN operator splits at: the first five. */
const SPLITS = 5;

type Token = { readonly kind: "text"; readonly text: string } | { readonly kind: "star" } | { readonly kind: "one" };

/** The ARN operator with the same arp comparison as the String operator `base`, if there is one. */
export function arnTwin(base: BaseOperator): BaseOperator | undefined {
  if (base.family !== "String" || base.arp.kind !== "compare" || base.arp.ignoreCase) return undefined;
  const { operator } = base.arp;
  return BASE_OPERATORS.find((b) => b.family === "ARN" && b.arp.kind === "compare" && b.arp.operator === operator);
}

/**
 * Splits IAM text into literal text and wildcards; a `${...}` policy variable (when `variables`)
 * is literal text, as both operators substitute it before matching.
 */
function tokens(text: string, variables: boolean): Token[] {
  const out: Token[] = [];
  let literal = "";
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (variables && c === "$" && text[i + 1] === "{") {
      const end = text.indexOf("}", i);
      if (end > 0) {
        literal += text.slice(i, end + 1);
        i = end;
        continue;
      }
    }
    if (c === "*" || c === "?") {
      if (literal !== "") out.push({ kind: "text", text: literal });
      literal = "";
      out.push({ kind: c === "*" ? "star" : "one" });
    } else literal += c;
  }
  if (literal !== "") out.push({ kind: "text", text: literal });
  return out;
}

/** Colons of the literal text outside `${...}` (a variable's own colon, `${aws:username}`, is not the value's). */
function colonsIn(text: string, variables: boolean): number {
  return (variables ? text.replace(/\$\{[^}]*\}/g, "") : text).split(":").length - 1;
}

/** True when `text` has a `*` or `?` that an ARN operator reads as a wildcard and string equality does not. */
export function hasWildcard(text: string, variables: boolean): boolean {
  return tokens(text, variables).some((t) => t.kind !== "text");
}

/**
 * `text` with each `*` and `?` written as the policy variable that stands for it literally
 * (`${*}`, `${?}`), which is how an ARN operator compares them as string equality does.
 */
export function literalWildcards(text: string): string {
  return tokens(text, true).map((t) => (t.kind === "text" ? t.text : t.kind === "star" ? "${*}" : "${?}")).join("");
}

/**
 * The ARN patterns whose `ArnLike` list decides as `StringLike` of `pattern` does (see the module
 * comment), in a stable order, the pattern itself first when it has five colons.
 */
export function arnPatternsForStringLike(pattern: string, variables: boolean): string[] {
  const toks = tokens(pattern, variables);
  const out: string[] = [];
  const short = colonsIn(pattern, variables) < SPLITS;
  const splitsAfter = (i: number): boolean =>
    toks.slice(i + 1).some((t) => t.kind === "text" && (colonsIn(t.text, variables) > 0 || (variables && t.text.includes("${"))));
  const walk = (i: number, colonsBefore: number, text: string): void => {
    if (i === toks.length) {
      if (!short || colonsBefore >= SPLITS) out.push(text);
      return;
    }
    const t = toks[i] as Token;
    if (t.kind === "text") {
      walk(i + 1, colonsBefore + colonsIn(t.text, variables), text + t.text);
      return;
    }
    const wildcard = t.kind === "star" ? "*" : "?";
    // At or after the fifth colon, or after the last colon (a variable's value may bring one),
    // the wildcard is in the last component, which matches colons; in a short pattern no
    // component is the last until five colons are written.
    const room = splitsAfter(i) || short ? Math.max(0, SPLITS - colonsBefore) : 0;
    walk(i + 1, colonsBefore, text + wildcard);
    if (t.kind === "one") {
      if (room > 0) walk(i + 1, colonsBefore + 1, `${text}:`);
      return;
    }
    for (let covered = 1; covered <= room; covered++) {
      walk(i + 1, colonsBefore + covered, text + Array.from({ length: covered + 1 }, () => "*").join(":"));
    }
  };
  walk(0, 0, "");
  return out.length === 0 ? [pattern] : [...new Set(out)];
}
