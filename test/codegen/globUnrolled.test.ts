/**
 * `glob3` and `glob4` (compiler/emit/typescript/snippetsMatching.ts), the generated module's
 * unrolled globs for patterns of two and three stars, and `headEnd` with `globFrom` (a head
 * holding a policy variable), decide as the runtime's wildcard matcher
 * on random texts over a small alphabet, where heads, tails and middles often overlap.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { GLOB3, GLOB4, GLOB_FROM } from "../../compiler/emit/typescript/snippetsMatching.js";
import { compileWildcard } from "../../runtime/index.js";
import { snippetFunction } from "../runtime/snippetParser.js";

const glob3 = snippetFunction<(s: string, a: string, b: string, c: string) => boolean>(GLOB3, "glob3");
const glob4 = snippetFunction<(s: string, a: string, b: string, c: string, d: string) => boolean>(GLOB4, "glob4");
const headEnd = snippetFunction<(s: string, a: string, v: string, b: string) => number>(GLOB_FROM, "headEnd");
const globFrom = snippetFunction<(s: string, from: number, middles: readonly string[], tail: string) => boolean>(GLOB_FROM, "globFrom");

const text = fc.string({ unit: fc.constantFrom("a", "b", ":"), maxLength: 6 });
const runtime = (parts: readonly string[], s: string): boolean => compileWildcard([{ text: parts.join("*"), wild: true }]).test(s);

describe("the unrolled globs", () => {
  it("head*middle*tail matches as the runtime's wildcard", () => {
    fc.assert(
      fc.property(text, text, text, text, (s, a, b, c) => {
        expect(glob3(s, a, b, c)).toBe(runtime([a, b, c], s));
      }),
      { numRuns: 3000 },
    );
  });

  it("head*first*second*tail matches as the runtime's wildcard", () => {
    fc.assert(
      fc.property(text, text, text, text, text, (s, a, b, c, d) => {
        expect(glob4(s, a, b, c, d)).toBe(runtime([a, b, c, d], s));
      }),
      { numRuns: 3000 },
    );
  });

  it("a head holding a variable, then *middle*...*tail, matches as the runtime's wildcard on the substituted text", () => {
    fc.assert(
      fc.property(text, text, text, fc.array(text, { maxLength: 3 }), text, text, (a, v, b, middles, tail, s) => {
        expect(globFrom(s, headEnd(s, a, v, b), middles, tail)).toBe(runtime([a + v + b, ...middles, tail], s));
      }),
      { numRuns: 3000 },
    );
  });

  it("an ARN pattern's `*` ends its segment and so crosses colons", () => {
    expect(glob4("arn:aws:apprunner:us-east-1:123456789012:service/t0-web/1", "arn:aws:apprunner:", ":", ":service/t0-", "")).toBe(true);
    expect(glob4("arn:aws:apprunner:us:east-1:123456789012:service/t0-web/1", "arn:aws:apprunner:", ":", ":service/t0-", "")).toBe(true);
    expect(glob4("arn:aws:apprunner:us-east-1:123456789012:service/t1-web/1", "arn:aws:apprunner:", ":", ":service/t0-", "")).toBe(false);
    // Head and tail never overlap: `ab**ba` takes "abba" but not "aba".
    expect(glob3("abba", "ab", "", "ba")).toBe(true);
    expect(glob3("aba", "ab", "", "ba")).toBe(false);
    expect(globFrom("abba", headEnd("abba", "a", "b", ""), [], "ba")).toBe(true);
    expect(globFrom("aba", headEnd("aba", "a", "b", ""), [], "ba")).toBe(false);
    expect(globFrom("abXba", headEnd("abXba", "", "ab", ""), ["X"], "ba")).toBe(true);
    expect(globFrom("abXa", headEnd("abXa", "", "ab", ""), ["Xa"], "a")).toBe(false);
  });
});
