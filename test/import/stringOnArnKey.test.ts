/**
 * A String operator on an ARN key imports as the ARN operator that decides alike, with ARP6008.
 * IAM condition operators page: the ARN operators do "Case-sensitive matching of the ARN. Each
 * of the six colon-delimited components of the ARN is checked separately", and "the first
 * asterisk matches only `us-east-2`" in its example, while `StringLike`'s `*` matches any text,
 * colons too. So `StringLike` becomes `ArnLike` of the pattern and of the pattern with each
 * way its wildcards before the fifth colon can cover colons written out.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { arnPatternsForStringLike } from "../../compiler/import/stringOperatorOnArn.js";
import { importPolicy } from "../../compiler/import/index.js";
import { evaluate, type IamPolicyDocument } from "../../runtime/index.js";
import { assertSameDecisions, compileImport } from "./support.js";

const PATTERNS = [
  "arn:aws:apprunner:*:*:service/*", "arn:aws:iam::*:role/deploy-*", "arn:aws:iam::123456789012:role/*",
  "arn:aws:s?:::b*", "arn:*:s3:::bucket/*", "arn:aws:iam::${aws:PrincipalAccount}:role/*",
];
const OPERATORS = ["StringLike", "StringNotLike", "StringLikeIfExists", "StringNotLikeIfExists"];

function conditionOf(d: IamPolicyDocument): unknown {
  return [d.Statement].flat()[0]?.Condition;
}

function doc(operator: string, key: string, values: string | string[]): IamPolicyDocument {
  return { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "iam:PassRole", Resource: "*", Condition: { [operator]: { [key]: values } } }] } as IamPolicyDocument;
}

/** Text made of the pattern's pieces and colons, so wildcards get to cover colons. */
const valueFor = (pattern: string): fc.Arbitrary<string> =>
  fc.array(fc.constantFrom("", ":", "a:b", "x", "service", "us-east-2:123", "123456789012", "::"), { minLength: 1, maxLength: 6 })
    .map((fillers) => { let i = 0; return pattern.replace(/\$\{[^}]*\}/g, "123456789012").replace(/[*?]/g, () => fillers[i++ % fillers.length] || "q"); });

describe("a String operator on an ARN key", () => {
  it("adds a pattern per way the wildcards before the fifth colon cover colons", () => {
    expect(arnPatternsForStringLike("arn:aws:iam::123456789012:role/*", true)).toEqual(["arn:aws:iam::123456789012:role/*"]);
    expect(arnPatternsForStringLike("arn:aws:iam::*:role/deploy-*", true)).toEqual(["arn:aws:iam::*:role/deploy-*", "arn:aws:iam::*:*:role/deploy-*"]);
    expect(arnPatternsForStringLike("arn:aws:s?:::b", true)).toEqual(["arn:aws:s?:::b", "arn:aws:s::::b"]);
    // A variable is literal text; its own colon (`aws:username`) is not the value's.
    expect(arnPatternsForStringLike("arn:aws:iam::${aws:PrincipalAccount}:role/*", true)).toEqual(["arn:aws:iam::${aws:PrincipalAccount}:role/*"]);
  });

  for (const operator of OPERATORS) {
    it(`${operator} imports as its ARN twin with ARP6008 and decides alike`, async () => {
      for (const pattern of PATTERNS) {
        const input = doc(operator, "aws:SourceArn", pattern);
        const json = JSON.stringify(input, null, 2);
        const result = await importPolicy(json, { file: "p.json" });
        expect(result.diagnostics.map((d) => [d.code, d.severity, json.slice(d.span.start, d.span.end)])).toEqual([["ARP6008", "warning", `"${operator}"`]]);
        const compiled = compileImport(result.arp!, "policy");
        expect(Object.keys(conditionOf(compiled) as object)).toEqual([operator.replace("String", "Arn")]);
        fc.assert(fc.property(fc.option(valueFor(pattern), { freq: 6 }), (value) => {
          const request = { principal: "arn:aws:iam::123456789012:user/alice", action: "iam:PassRole", resource: "*", context: { "aws:PrincipalAccount": "123456789012", ...(value === null ? {} : { "aws:SourceArn": value }) } };
          expect(evaluate([compiled], request).decision, JSON.stringify(request)).toBe(evaluate([input], request).decision);
        }), { numRuns: 200, seed: 6008 });
        assertSameDecisions(input, compiled, 100);
      }
    });
  }

  it("a pattern with fewer than five colons, which IAM accepts, is written out to the six parts of an ARN and decides alike on ARNs", async () => {
    expect(arnPatternsForStringLike("arn:aws:*", true)).toEqual(["arn:aws:*:*:*:*"]);
    expect(arnPatternsForStringLike("arn:aws:iam::*", true)).toEqual(["arn:aws:iam::*:*"]);
    expect(arnPatternsForStringLike("arn:*:role/x", true)).toEqual(["arn:*:*:*:*:role/x", "arn:*:*:*:*:*:role/x"]);
    // No wildcard covers a colon it lacks: left as written, and refused as no ARN.
    expect(arnPatternsForStringLike("arn:aws:?", true)).toEqual(["arn:aws:?"]);
    for (const operator of OPERATORS) {
      for (const pattern of ["arn:aws:*", "arn:aws:iam::*", "arn:*:role/deploy-*"]) {
        const input = doc(operator, "aws:PrincipalArn", pattern);
        const json = JSON.stringify(input, null, 2);
        const result = await importPolicy(json, { file: "p.json" });
        expect(result.diagnostics.map((d) => [d.code, d.severity])).toEqual([["ARP6008", "warning"]]);
        expect(result.diagnostics[0]!.message).toMatch(/^`aws:PrincipalArn` is an ARN key.*, which decides alike on every ARN$/);
        const compiled = compileImport(result.arp!, "policy");
        // Every value of an ARN key is an ARN: five colons or more.
        const arn = fc.tuple(fc.constantFrom("arn"), fc.constantFrom("aws", "aws-cn"), fc.constantFrom("iam", "s3", ""), fc.constantFrom("", "us-east-1"),
          fc.constantFrom("", "123456789012"), fc.constantFrom("role/deploy-a", "role/x", "user/a:b", "root")).map((parts) => parts.join(":"));
        fc.assert(fc.property(fc.option(arn, { freq: 6 }), (value) => {
          const request = { principal: "arn:aws:iam::123456789012:user/alice", action: "iam:PassRole", resource: "*", context: value === null ? {} : { "aws:PrincipalArn": value } };
          expect(evaluate([compiled], request).decision, JSON.stringify(request)).toBe(evaluate([input], request).decision);
        }), { numRuns: 200, seed: 6008 });
      }
    }
  });

  it("StringEquals is ArnEquals, a literal wildcard written `${*}`; ignoring case, or `*` before Version 2012-10-17, it is refused", async () => {
    const plain = await importPolicy(JSON.stringify(doc("StringNotEquals", "aws:PrincipalArn", ["arn:aws:iam::123456789012:role/a", "arn:aws:iam::123456789012:role/b"])), { file: "p.json" });
    expect(plain.diagnostics.map((d) => d.code)).toEqual(["ARP6008"]);
    expect(conditionOf(compileImport(plain.arp!, "policy"))).toEqual({ ArnNotEquals: { "aws:PrincipalArn": ["arn:aws:iam::123456789012:role/a", "arn:aws:iam::123456789012:role/b"] } });
    // A literal `*` is `${*}` to an ARN operator ("${*}" stands for `*`: IAM policy variables page).
    const star = doc("StringEquals", "aws:PrincipalArn", "arn:aws:iam::123456789012:role/*");
    const literal = await importPolicy(JSON.stringify(star), { file: "p.json" });
    const compiled = compileImport(literal.arp!, "policy");
    expect(conditionOf(compiled)).toEqual({ ArnEquals: { "aws:PrincipalArn": "arn:aws:iam::123456789012:role/${*}" } });
    for (const value of ["arn:aws:iam::123456789012:role/*", "arn:aws:iam::123456789012:role/a"]) {
      const request = { principal: "arn:aws:iam::123456789012:user/alice", action: "iam:PassRole", resource: "*", context: { "aws:PrincipalArn": value } };
      expect(evaluate([compiled], request).decision).toBe(evaluate([star], request).decision);
    }
    const refusals: [string, string, string | undefined][] = [
      ["StringEqualsIgnoreCase", "arn:aws:iam::123456789012:role/a", "2012-10-17"],
      ["StringEquals", "arn:aws:iam::123456789012:role/*", undefined],
    ];
    for (const [operator, value, version] of refusals) {
      const { Version: _v, ...rest } = doc(operator, "aws:PrincipalArn", value);
      const refused = await importPolicy(JSON.stringify(version === undefined ? rest : { ...rest, Version: version }), { file: "p.json" });
      expect(refused.arp).toBeUndefined();
      expect(refused.diagnostics.filter((d) => d.severity === "error").map((d) => d.code)).toEqual(["ARP6004"]);
    }
  });
});
