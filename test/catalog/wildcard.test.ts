import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadCatalog, splitArn, wildcardRegExp } from "../../compiler/catalog/index.js";
import { patternTokens, patternsIntersect } from "../../compiler/catalog/wildcard.js";

const literalTokens = (text: string) => patternTokens(text.replace(/[*?$]/g, "_"));

describe("wildcardRegExp", () => {
  it("implements * and ? case-insensitively and escapes everything else", () => {
    expect(wildcardRegExp("Describe*").test("describeservice")).toBe(true);
    expect(wildcardRegExp("a?c").test("abc")).toBe(true);
    expect(wildcardRegExp("a?c").test("ac")).toBe(false);
    expect(wildcardRegExp("a.c").test("abc")).toBe(false);
    expect(wildcardRegExp("a(b)").test("a(b)")).toBe(true);
  });
});

describe("patternsIntersect", () => {
  it("agrees with regex matching when one side is a concrete string", () => {
    const alphabet = fc.constantFrom("a", "b", "/", ":", "*", "?");
    fc.assert(
      fc.property(fc.string({ unit: alphabet, maxLength: 8 }), fc.string({ unit: fc.constantFrom("a", "b", "/", ":"), maxLength: 8 }), (pattern, text) => {
        expect(patternsIntersect(patternTokens(pattern), literalTokens(text))).toBe(wildcardRegExp(pattern).test(text));
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
