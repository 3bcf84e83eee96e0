/**
 * IAM's patterns as the tokens stringClasses.ts explores, read as the runtime matches them:
 * condition values of the String operators (`like` with wildcards, `=` literal), of the ARN
 * operators (six colon-delimited parts, wildcards inside the first five staying there), and
 * Resource patterns (a wildcard in the first five parts stays there unless it is a `*` ending
 * its part; runtime/resourcePattern.ts). Policy variables take the one value the request domain
 * gives them (`variableValue`); `${*}`, `${?}` and `${$}` are the literal characters.
 */
import type { PatternToken } from "./stringClasses.js";

/** Splits text into literal characters and wildcards, substituting variables with `valueOf`. */
function lex(text: string, wildcards: boolean, valueOf: ((key: string) => string) | undefined): { ch: string; wild: boolean }[] {
  const out: { ch: string; wild: boolean }[] = [];
  for (let i = 0; i < text.length; i++) {
    const close = valueOf !== undefined && text.startsWith("${", i) ? text.indexOf("}", i + 2) : -1;
    if (close >= 0) {
      const inner = text.slice(i + 2, close);
      const value = inner === "*" || inner === "?" || inner === "$" ? inner : valueOf!(inner);
      for (const ch of value) out.push({ ch, wild: false });
      i = close;
      continue;
    }
    const ch = text[i]!;
    out.push({ ch, wild: wildcards && (ch === "*" || ch === "?") });
  }
  return out;
}

function token(c: { ch: string; wild: boolean }, open: boolean): PatternToken {
  if (!c.wild) return { kind: "char", ch: c.ch };
  return c.ch === "*" ? { kind: "run", open } : { kind: "one", open };
}

/** A String operator's value: `like` reads wildcards, the others match the text itself. */
export function stringTokens(value: string, like: boolean, valueOf: (key: string) => string): PatternToken[] {
  return lex(value, like, valueOf).map((c) => token(c, true));
}

/** An ARN operator's value: wildcards inside one of the first five parts, unless it is the pattern's last part. */
export function arnTokens(value: string, valueOf: (key: string) => string): PatternToken[] {
  const chars = lex(value, true, valueOf);
  const colons = chars.filter((c) => c.ch === ":").length;
  const parts = Math.min(colons, 5) + 1;
  let part = 0;
  return chars.map((c) => {
    if (c.ch === ":" && !c.wild && part < 5) {
      part++;
      return { kind: "char", ch: ":" };
    }
    return token(c, part >= 5 || part === parts - 1);
  });
}

/** A Resource pattern: variables only after the fifth colon; a `*` ending one of the first five parts runs past colons. */
export function resourceTokens(pattern: string, valueOf: (key: string) => string): PatternToken[] {
  let colons = 0;
  let cut = pattern.length;
  for (let i = 0; i < pattern.length; i++) {
    if (pattern[i] === ":" && ++colons === 5) {
      cut = i + 1;
      break;
    }
  }
  const prefix = lex(pattern.slice(0, cut), true, undefined);
  const rest = lex(pattern.slice(cut), true, valueOf);
  const out: PatternToken[] = prefix.map((c, i) => {
    if (!c.wild) return { kind: "char", ch: c.ch };
    // A `*` followed only by `*`s up to the part's end (a colon or the pattern's end) may cross colons.
    let j = i;
    while (prefix[j]?.ch === "*" && prefix[j]!.wild) j++;
    const trailing = c.ch === "*" && (j === prefix.length || (prefix[j]!.ch === ":" && !prefix[j]!.wild));
    return token(c, trailing);
  });
  return [...out, ...rest.map((c) => token(c, true))];
}
