/**
 * Whether one IAM wildcard pattern covers another: every string the narrower pattern matches,
 * the wider one matches too. Lint uses it to call an action, a resource or a whole statement
 * redundant, so it must never say "covers" wrongly; it may miss a cover (then lint stays quiet).
 *
 * The test reads the narrower pattern as a string of tokens: a literal character, `?` (any one
 * character) or `*` (any run). The wider pattern's `*` may take any run of those tokens, its `?`
 * one literal or `?` token (never a `*`, which may stand for zero or several characters), and
 * its literal characters only the same literal. A match found this way is a proof of cover.
 * Policy variables (`${...}`) are compared as literal text in both.
 */

/** One token of a pattern: a literal character, or `?`/`*`. */
type Token = { readonly kind: "char"; readonly ch: string } | { readonly kind: "one" } | { readonly kind: "run" };

function tokens(pattern: string, ignoreCase: boolean): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < pattern.length) {
    const c = pattern[i]!;
    if (c === "$" && pattern[i + 1] === "{") {
      const close = pattern.indexOf("}", i + 2);
      const end = close < 0 ? pattern.length : close + 1;
      for (const ch of pattern.slice(i, end)) out.push({ kind: "char", ch });
      i = end;
      continue;
    }
    if (c === "*") {
      if (out[out.length - 1]?.kind !== "run") out.push({ kind: "run" });
    } else if (c === "?") out.push({ kind: "one" });
    else out.push({ kind: "char", ch: ignoreCase ? c.toLowerCase() : c });
    i++;
  }
  return out;
}

/**
 * True when `wide` matches every string `narrow` matches. Case-insensitive for action names
 * (`ignoreCase`), exact for ARNs. O(|wide| x |narrow|).
 */
export function patternCovers(wide: string, narrow: string, ignoreCase: boolean): boolean {
  const w = tokens(wide, ignoreCase);
  const n = tokens(narrow, ignoreCase);
  // reach[j]: the first i tokens of `wide` can cover the first j tokens of `narrow`.
  let reach = new Uint8Array(n.length + 1);
  reach[0] = 1;
  for (const t of w) {
    const next = new Uint8Array(n.length + 1);
    if (t.kind === "run") {
      let any = 0;
      for (let j = 0; j <= n.length; j++) {
        any |= reach[j]!;
        next[j] = any;
      }
    } else {
      for (let j = 1; j <= n.length; j++) {
        if (reach[j - 1] !== 1) continue;
        const u = n[j - 1]!;
        if (t.kind === "one" ? u.kind !== "run" : u.kind === "char" && u.ch === t.ch) next[j] = 1;
      }
    }
    reach = next;
  }
  return reach[n.length] === 1;
}
