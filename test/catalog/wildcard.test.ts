import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadCatalog, splitArn, wildcardMatcher } from "../../compiler/catalog/index.js";
import { patternTokens, patternsIntersect } from "../../compiler/catalog/wildcard.js";

const literalTokens = (text: string) => patternTokens(text.replace(/[*?$]/g, "_"));

/** A reference implementation for tiny inputs only: backtracking is harmless at length 8. */
function oracle(pattern: string): RegExp {
  const source = [...pattern].map((ch) => (ch === "*" ? "[\\s\\S]*" : ch === "?" ? "[\\s\\S]" : ch.replace(/[\\^$.|+()[\]{}]/g, "\\$&"))).join("");
  return new RegExp(`^${source}$`, "i");
}

describe("wildcardMatcher", () => {
  it("implements * and ? case-insensitively and escapes everything else", () => {
    expect(wildcardMatcher("Describe*")("describeservice")).toBe(true);
    expect(wildcardMatcher("describe*")("DescribeService")).toBe(true);
    expect(wildcardMatcher("a?c")("abc")).toBe(true);
    expect(wildcardMatcher("a?c")("ac")).toBe(false);
    expect(wildcardMatcher("a.c")("abc")).toBe(false);
    expect(wildcardMatcher("a(b)")("a(b)")).toBe(true);
  });

  it("agrees with a regular-expression reference on small inputs", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom("a", "B", "*", "?", "."), maxLength: 8 }), fc.string({ unit: fc.constantFrom("a", "b", "."), maxLength: 8 }), (pattern, text) => {
        expect(wildcardMatcher(pattern)(text)).toBe(oracle(pattern).test(text));
      }),
      { numRuns: 2000 },
    );
  });
});

describe("patternsIntersect", () => {
  it("agrees with regex matching when one side is a concrete string", () => {
    const alphabet = fc.constantFrom("a", "b", "/", ":", "*", "?");
    fc.assert(
      fc.property(fc.string({ unit: alphabet, maxLength: 8 }), fc.string({ unit: fc.constantFrom("a", "b", "/", ":"), maxLength: 8 }), (pattern, text) => {
        expect(patternsIntersect(patternTokens(pattern), literalTokens(text))).toBe(oracle(pattern).test(text));
      }),
      { numRuns: 2000 },
    );
  });

  it("is symmetric", () => {
    const unit = fc.constantFrom("a", "b", "*", "?");
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 6 }), fc.string({ unit, maxLength: 6 }), (a, b) => {
        expect(patternsIntersect(patternTokens(a), patternTokens(b))).toBe(patternsIntersect(patternTokens(b), patternTokens(a)));
      }),
      { numRuns: 2000 },
    );
  });

  it("finds overlaps between two wildcard patterns", () => {
    expect(patternsIntersect(patternTokens("a*c"), patternTokens("*b*"))).toBe(true);
    expect(patternsIntersect(patternTokens("a*"), patternTokens("b*"))).toBe(false);
    expect(patternsIntersect(patternTokens("??"), patternTokens("a*b*c"))).toBe(false);
    expect(patternsIntersect(patternTokens("${*}"), patternTokens("*"))).toBe(true);
    expect(patternsIntersect(patternTokens("${*}"), patternTokens("a"))).toBe(false);
  });
});

describe("splitArn", () => {
  it("keeps colons inside policy variables and in the resource part", () => {
    expect(splitArn("arn:aws:s3:::b/${aws:username}/*")).toEqual({ partition: "aws", service: "s3", region: "", account: "", resource: "b/${aws:username}/*" });
    expect(splitArn("arn:aws:logs:us-east-1:1:log-group:g:log-stream:s")?.resource).toBe("log-group:g:log-stream:s");
    expect(splitArn("arn:aws:apprunner:us-east-1")).toBeUndefined();
    expect(splitArn("urn:aws:s3:::b")).toBeUndefined();
  });
});

describe("every resource type's template", () => {
  const catalog = loadCatalog();
  const instantiate = (template: string) => template.replace(/\$\{([^}]*)\}/g, (_, name: string) => (name === "Partition" ? "aws" : `x${name.length}`));

  it("denotes its own type when its variables are filled in", () => {
    const misses: string[] = [];
    for (const service of catalog.serviceKeys()) {
      for (const type of catalog.resourceTypes(service)) {
        const arn = instantiate(type.arnTemplate.split(/,\s*(?=arn:)/)[0] ?? "");
        if (!catalog.resourceTypesForArn(arn, service).includes(type)) misses.push(`${service}:${type.name} ${arn}`);
      }
    }
    expect(misses).toEqual([]);
  });
});
