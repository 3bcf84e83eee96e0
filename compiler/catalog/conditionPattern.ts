/**
 * `conditionPatterns.json` lists key instances as regular-expression sources such as
 * `iam:ResourceTag/.+?` or `codebuild:secondarySources/.+?.location`. A condition key written
 * in a policy is matched against them, so they are translated to the runtime's linear
 * wildcard matcher instead of being compiled as regular expressions: the time to check a key
 * stays linear in its length whatever the data holds.
 */
import { compileWildcard, type PatternToken } from "../../runtime/wildcard.js";

const cache = new Map<string, ((key: string) => boolean) | undefined>();

/**
 * A case-insensitive, anchored matcher equivalent to `new RegExp("^" + source + "$", "i")`
 * for the sources the data uses: `.+?` and `.+` (one or more characters), `.` (exactly one)
 * and literal text. Undefined for a source using any other regular-expression syntax, which
 * then matches nothing (a test keeps every source in the installed data translatable).
 */
export function conditionPatternMatcher(source: string): ((key: string) => boolean) | undefined {
  if (!cache.has(source)) cache.set(source, build(source));
  return cache.get(source);
}

function build(source: string): ((key: string) => boolean) | undefined {
  const tokens = patternTokensOf(source);
  if (tokens === undefined) return undefined;
  const compiled = compileWildcard(tokens, true);
  return (key) => compiled.test(key.toLowerCase());
}

/** The source as wildcard tokens, or undefined when it uses syntax beyond `.`, `.+`, `.+?`. */
export function patternTokensOf(source: string): PatternToken[] | undefined {
  const tokens: PatternToken[] = [];
  for (let i = 0; i < source.length; i++) {
    const ch = source.charAt(i);
    if (ch === ".") {
      // `.+?` and `.+` differ only in laziness, which cannot change whether an anchored match exists.
      const run = source.startsWith(".+?", i) ? 3 : source.startsWith(".+", i) ? 2 : 1;
      tokens.push({ text: run === 1 ? "?" : "?*", wild: true });
      i += run - 1;
    } else if ("\\^$|()[]{}*+?".includes(ch)) return undefined;
    else tokens.push({ text: ch, wild: false });
  }
  return tokens;
}
