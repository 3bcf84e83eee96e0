/**
 * IAM wildcards. [resource]: "An asterisk (*) represents any combination of characters and a
 * question mark (?) represents any single character." [action]: "The prefix and the action
 * name are case insensitive." [ops] StringLike: "Case-sensitive matching".
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileWildcard, matchWildcard, wildcardSteps } from "../../runtime/index.js";
import { compileFinder } from "../../runtime/wildcard.js";

/** A reference matcher by dynamic programming, obviously correct and O(n·m). */
function reference(pattern: string, value: string): boolean {
  let row = Array.from({ length: value.length + 1 }, (_, j) => j === 0);
  for (const p of pattern) {
    const next = new Array<boolean>(value.length + 1).fill(false);
    next[0] = p === "*" && row[0]!;
    for (let j = 1; j <= value.length; j++) {
      next[j] = p === "*" ? row[j]! || next[j - 1]! : row[j - 1]! && (p === "?" || p === value[j - 1]);
    }
    row = next;
  }
  return row[value.length]!;
}

describe("semantics", () => {
  const cases: [string, string, boolean][] = [
    ["*", "", true],
    ["*", "arn:aws:s3:::bucket/key", true],
    ["arn:aws:s3:::bucket/*", "arn:aws:s3:::bucket/a/b:c", true],
    ["arn:aws:s3:::bucket/*", "arn:aws:s3:::bucket", false],
    ["arn:*:s3:::*", "arn:aws-cn:s3:::b", true],
    ["a?c", "abc", true],
    ["a?c", "ac", false],
    ["a?c", "abbc", false],
    ["*a*b*", "xxaxxbxx", true],
    ["*a*b*", "xxbxxaxx", false],
    ["ab*ab", "ab", false],
    ["ab*ab", "abab", true],
    ["a**b", "ab", true],
    ["", "", true],
    ["", "a", false],
  ];
  for (const [pattern, value, want] of cases) {
    it(`\`${pattern}\` ${want ? "matches" : "does not match"} \`${value}\``, () => {
      expect(matchWildcard(pattern, value)).toBe(want);
      expect(wildcardSteps(pattern, value).matched).toBe(want);
    });
  }

  it("[action] case-insensitive mode: iam:*accesskey* matches IAM:ListAccessKeys", () => {
    expect(matchWildcard("iam:*accesskey*", "IAM:ListAccessKeys", { ignoreCase: true })).toBe(true);
  });

  it("[ops] StringLike is case-sensitive by default", () => {
    expect(matchWildcard("Home/*", "home/x")).toBe(false);
  });

  it("literal tokens keep * and ? literal (resolved variables, ${*})", () => {
    const compiled = compileWildcard([{ text: "a/", wild: true }, { text: "*?", wild: false }, { text: "*", wild: true }]);
    expect(compiled.test("a/*?tail")).toBe(true);
    expect(compiled.test("a/xy")).toBe(false);
  });

  it("agrees with a dynamic-programming reference on random patterns (fast-check)", () => {
    const alphabet = fc.constantFrom("a", "b", ":", "/");
    const patternChar = fc.constantFrom("a", "b", ":", "*", "?");
    fc.assert(
      fc.property(fc.string({ unit: patternChar, maxLength: 8 }), fc.string({ unit: alphabet, maxLength: 12 }), (p, v) => {
        expect(matchWildcard(p, v)).toBe(reference(p, v));
        expect(wildcardSteps(p, v).matched).toBe(reference(p, v));
      }),
      { numRuns: 2000 },
    );
  });

  it("agrees with the reference on long ?-segments that span several 32-bit words (fast-check)", () => {
    const segment = fc.string({ unit: fc.constantFrom("a", "b", "?", "?"), minLength: 30, maxLength: 70 });
    const value = fc.string({ unit: fc.constantFrom("a", "b"), maxLength: 160 });
    fc.assert(
      fc.property(segment, segment, value, (s1, s2, v) => {
        const pattern = `*${s1}*${s2}*`;
        expect(matchWildcard(pattern, v)).toBe(reference(pattern, v));
        expect(matchWildcard(`*${s1}*`, v)).toBe(reference(`*${s1}*`, v));
      }),
      { numRuns: 500 },
    );
  });
});

describe("linear time on adversarial patterns", () => {
  const n = 10_000;
  const as = "a".repeat(n);

  // Bound stated in wildcard.ts: at most 2 comparisons per scanned character for `?`-free
  // middle segments, plus the head and tail, so steps ≤ 2n + m (+ small constant).
  const adversarial: [string, string, string][] = [
    ["a*a*a*…*b against a^n", `${"a*".repeat(200)}b`, as],
    ["*a*a*…*a*b* (unanchored) against a^n", `*${"a*".repeat(200)}b*`, as],
    ["*aaaa…ab* (long middle, KMP worst case) against a^n", `*${"a".repeat(500)}b*`, as],
    ["a*…*a against a^n (succeeds)", `${"a*".repeat(500)}a`, as],
    ["*ab*ab*…*ac against (ab)^(n/2)", `*${"ab*".repeat(100)}ac`, "ab".repeat(n / 2)],
  ];
  for (const [label, pattern, value] of adversarial) {
    it(`${label}: at most 2n + m comparisons`, () => {
      const { steps } = wildcardSteps(pattern, value);
      expect(steps).toBeLessThanOrEqual(2 * value.length + pattern.length);
    });
  }

  // Bound stated in wildcard.ts: a middle segment with `?` is found by Shift-And, one 32-bit
  // word of state per 32 pattern characters per scanned character: O(n·⌈q/32⌉), not O(n·q).
  for (const q of [20, 100, 2000]) {
    it(`a middle segment with ? of length ${q}: at most n·⌈q/32⌉ + m word steps`, () => {
      const pattern = `*${"a".repeat(q - 2)}?b*`; // one middle segment of length q
      const { steps, matched } = wildcardSteps(pattern, as);
      expect(matched).toBe(false);
      expect(steps).toBeLessThanOrEqual(n * Math.ceil(q / 32) + pattern.length);
    });
  }

  it("a pattern needing more characters than the value has is rejected without a search", () => {
    expect(wildcardSteps(`*${"?".repeat(n + 1)}*`, as)).toEqual({ matched: false, steps: 0 });
  });

  it("adversarial matches of 10k characters complete quickly", () => {
    const started = performance.now();
    for (const [, pattern, value] of adversarial) matchWildcard(pattern, value);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe("compileFinder", () => {
  const find = (pattern: string, value: string, from: number, accept: (s: number) => boolean): number =>
    compileFinder([{ text: pattern, wild: true }])(value, from, accept);

  it("returns the leftmost occurrence the caller accepts, carrying on past rejected ones (KMP)", () => {
    expect(find("aa", "aaaa", 0, () => true)).toBe(0);
    expect(find("aa", "aaaa", 0, (s) => s >= 1)).toBe(1);
    expect(find("aa", "aaaa", 0, (s) => s === 2)).toBe(2);
    expect(find("aa", "aaaa", 0, (s) => s === 3)).toBe(-1);
    expect(find("aba", "abababa", 1, (s) => s % 4 === 0)).toBe(4);
  });

  it("does the same with `?` (Shift-And), and an empty pattern occurs everywhere", () => {
    expect(find("a?a", "abacada", 0, (s) => s > 0)).toBe(2);
    expect(find("?", "xyz", 0, (s) => s === 2)).toBe(2);
    expect(find("", "xyz", 1, (s) => s === 3)).toBe(3);
  });

  it("refuses a pattern with a star", () => {
    expect(() => compileFinder([{ text: "a*b", wild: true }])).toThrow();
  });
});
