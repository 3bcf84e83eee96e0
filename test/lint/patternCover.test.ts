// patternCovers proves that one IAM wildcard pattern covers another. Lint calls an action,
// resource or statement redundant on its word, so a wrong "covers" would tell a user to delete
// access they need: checked here against brute-force enumeration.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { patternCovers } from "../../compiler/lint/patternCover.js";

/** A reference matcher: `*` any run, `?` one character, by regular expression (fine at this size). */
function matches(pattern: string, s: string): boolean {
  const source = pattern.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".");
  return new RegExp(`^${source}$`, "s").test(s);
}

function strings(alphabet: string, maxLength: number): string[] {
  const out = [""];
  for (let n = 1, layer = [""]; n <= maxLength; n++) {
    layer = layer.flatMap((s) => [...alphabet].map((c) => s + c));
    out.push(...layer);
  }
  return out;
}

const ALL = strings("ab", 7);
const pattern = fc.array(fc.constantFrom("a", "b", "*", "?"), { maxLength: 5 }).map((cs) => cs.join(""));

describe("patternCovers", () => {
  it("never claims a cover that a string disproves (all strings over {a,b} up to 7)", () => {
    fc.assert(
      fc.property(pattern, pattern, (wide, narrow) => {
        if (!patternCovers(wide, narrow, false)) return;
        for (const s of ALL) if (matches(narrow, s)) expect(matches(wide, s), `${wide} ⊇ ${narrow} fails on "${s}"`).toBe(true);
      }),
      { numRuns: 3000, seed: 7001 },
    );
  });

  it("finds the covers lint relies on", () => {
    expect(patternCovers("apprunner:Describe*", "apprunner:DescribeService", true)).toBe(true);
    expect(patternCovers("APPRUNNER:describe*", "apprunner:DescribeService", true)).toBe(true);
    expect(patternCovers("arn:aws:apprunner:*:*:service/*", "arn:aws:apprunner:*:*:service/web/*", false)).toBe(true);
    expect(patternCovers("*", "anything?*", false)).toBe(true);
    expect(patternCovers("a?c", "abc", false)).toBe(true);
  });

  it("refuses what is not a cover", () => {
    expect(patternCovers("apprunner:DescribeService", "apprunner:Describe*", true)).toBe(false);
    // A `?` stands for exactly one character; the narrower `*` may stand for none or several.
    expect(patternCovers("a?", "a*", false)).toBe(false);
    // ARNs compare with case: `Service/` is not `service/`.
    expect(patternCovers("arn:aws:apprunner:*:*:Service/*", "arn:aws:apprunner:*:*:service/web", false)).toBe(false);
    // `${aws:username}` is compared as text, not as a wildcard.
    expect(patternCovers("role/${aws:username}", "role/alice", false)).toBe(false);
  });
});
