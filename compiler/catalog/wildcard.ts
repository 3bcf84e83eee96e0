import { compileWildcard } from "../../runtime/wildcard.js";

/**
 * IAM wildcard matching. Action names and condition-key names match case-insensitively with
 * `*` (any run) and `?` (one character); ARN patterns are compared with ARN templates by asking
 * whether any concrete ARN matches both ({@link patternsIntersect}).
 */

/** True when `text` contains an IAM wildcard character. */
export function hasWildcard(text: string): boolean {
  return /[*?]/.test(text);
}

/**
 * A case-insensitive test of a name against an IAM wildcard pattern (`*` any run, `?` one
 * character), with the runtime's linear matcher: no regular expression is built from the
 * pattern, so a pattern such as `**********Z` costs O(name + pattern) per name, not the
 * exponential backtracking of `^.*.*.*…Z$`.
 */
export function wildcardMatcher(pattern: string): (name: string) => boolean {
  const compiled = compileWildcard([{ text: pattern, wild: true }], true);
  return (name) => compiled.test(name.toLowerCase());
}

/**
 * Replaces each `${...}` in `text` (up to the first `}` after it, as the regular expression
 * `/\$\{[^}]*\}/g` would) with `replacement`, in one pass: a run of `${` with no closing
 * `}` does not make the scan quadratic.
 */
export function replaceVariables(text: string, replacement: string): string {
  let out = "";
  let from = 0;
  for (;;) {
    const open = text.indexOf("${", from);
    const close = open < 0 ? -1 : text.indexOf("}", open + 2);
    if (close < 0) return out + text.slice(from);
    out += text.slice(from, open) + replacement;
    from = close + 1;
  }
}

/** The characters one token can stand for: any, exactly one, or any but one separator. */
type CharSet = { readonly kind: "any" } | { readonly kind: "is"; readonly ch: string } | { readonly kind: "not"; readonly ch: string };

/** One character (`one`) or a run of zero or more characters (`run`), each from `set`. */
export interface Token {
  readonly kind: "one" | "run";
  readonly set: CharSet;
}

const ANY: CharSet = { kind: "any" };
const IAM_ESCAPES: ReadonlyMap<string, string> = new Map([["${*}", "*"], ["${?}", "?"], ["${$}", "$"]]);

/**
 * Tokenises a policy's ARN pattern: `*` and `?` are wildcards, `${*}` `${?}` `${$}` are
 * escaped literals, and any other `${...}` policy variable may stand for any run.
 */
export function patternTokens(text: string): Token[] {
  const tokens: Token[] = [];
  const variableAt = variableScanner(text);
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    const variable = ch === "$" ? variableAt(i) : undefined;
    if (variable !== undefined) {
      const escaped = IAM_ESCAPES.get(variable);
      tokens.push(escaped !== undefined ? literal(escaped) : { kind: "run", set: ANY });
      i += variable.length - 1;
    } else if (ch === "*") tokens.push({ kind: "run", set: ANY });
    else if (ch === "?") tokens.push({ kind: "one", set: ANY });
    else tokens.push(literal(ch));
  }
  return tokens;
}

/**
 * Tokenises an ARN template from the reference: `${Name}` is one or more characters, never
 * the `/` or `:` that follows it (so `service/${ServiceName}/${ServiceId}` needs both parts);
 * a template's own `*` is any run. A variable at the very end excludes `atEnd` when given.
 */
export function templateTokens(text: string, atEnd = ""): Token[] {
  const tokens: Token[] = [];
  const variableAt = variableScanner(text);
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    const variable = ch === "$" ? variableAt(i) : undefined;
    if (variable !== undefined) {
      const next = i + variable.length === text.length ? atEnd : text.charAt(i + variable.length);
      const set: CharSet = next === "/" || next === ":" ? { kind: "not", ch: next } : ANY;
      tokens.push({ kind: "one", set }, { kind: "run", set });
      i += variable.length - 1;
    } else if (ch === "*") tokens.push({ kind: "run", set: ANY });
    else tokens.push(literal(ch));
  }
  return tokens;
}

function literal(ch: string): Token {
  return { kind: "one", set: { kind: "is", ch } };
}

/** The `${...}` starting at `i`, or undefined when there is none. */
export function variableAt(text: string, i: number): string | undefined {
  return variableScanner(text)(i);
}

/**
 * {@link variableAt} for a left-to-right scan of one text: once no `}` follows some position,
 * later calls answer without searching again, so scanning `${${${…` stays linear.
 */
export function variableScanner(text: string): (i: number) => string | undefined {
  let noCloseFrom = text.length + 1;
  return (i) => {
    if (!text.startsWith("${", i) || i + 2 >= noCloseFrom) return undefined;
    const end = text.indexOf("}", i + 2);
    if (end < 0) {
      noCloseFrom = i + 2;
      return undefined;
    }
    return text.slice(i, end + 1);
  };
}

function overlap(a: CharSet, b: CharSet): boolean {
  if (a.kind === "any" || b.kind === "any") return true;
  if (a.kind === "is" && b.kind === "is") return a.ch === b.ch;
  if (a.kind === "is" && b.kind === "not") return a.ch !== b.ch;
  if (a.kind === "not" && b.kind === "is") return a.ch !== b.ch;
  return true;
}

/**
 * True when some string matches both token sequences (case-sensitive, as ARNs are). A
 * reachability search over position pairs in the product of the two automata: O(|a|·|b|).
 */
export function patternsIntersect(a: readonly Token[], b: readonly Token[]): boolean {
  const width = b.length + 1;
  const seen = new Uint8Array((a.length + 1) * width);
  const stack: number[] = [0];
  seen[0] = 1;
  const visit = (i: number, j: number) => {
    const id = i * width + j;
    if (seen[id] === 0) {
      seen[id] = 1;
      stack.push(id);
    }
  };
  while (stack.length > 0) {
    const id = stack.pop() as number;
    const i = Math.floor(id / width);
    const j = id % width;
    if (i === a.length && j === b.length) return true;
    const ta = a[i];
    const tb = b[j];
    if (ta?.kind === "run") visit(i + 1, j);
    if (tb?.kind === "run") visit(i, j + 1);
    if (ta === undefined || tb === undefined || !overlap(ta.set, tb.set)) continue;
    if (ta.kind === "one" && tb.kind === "one") visit(i + 1, j + 1);
    else if (ta.kind === "run" && tb.kind === "one") visit(i, j + 1);
    else if (ta.kind === "one" && tb.kind === "run") visit(i + 1, j);
  }
  return false;
}
