// `arp diff` is exact over the classes of values the policies draw: string and ARN patterns that
// overlap, case-insensitive equality, IPv4 and IPv6 ranges, numbers and dates, multi-valued keys.
// Random pairs of IAM JSON policies over those tests are compared with a brute-force
// enumeration over a richer domain built here, independently of compiler/diff: every
// counterexample diff reports is decided differently by the runtime, and when diff says there is
// no new (or removed) access and calls itself exhaustive, the enumeration finds none.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadCatalog } from "../../compiler/catalog/index.js";
import type { CompiledPrincipalSet } from "../../compiler/compileProgram.js";
import { diffAccess } from "../../compiler/diff/diffAccess.js";
import { jsonPrincipalSets } from "../../compiler/diff/jsonPrincipalSets.js";
import { addressClasses, dateClasses, numberClasses } from "../../compiler/diff/orderedClasses.js";
import { stringTokens } from "../../compiler/diff/patternTokens.js";
import { stringClasses } from "../../compiler/diff/stringClasses.js";
import { evaluate } from "../../runtime/index.js";
import type { ContextValue } from "../../runtime/types.js";

const catalog = loadCatalog();
const PRINCIPAL = "arn:aws:iam::123456789012:user/alice";

/** What a test of each key compares with, and the values the enumeration tries for it. */
interface KeySpace {
  readonly key: string;
  readonly tests: readonly (readonly [string, readonly string[]])[];
  readonly values: readonly (ContextValue | undefined)[];
}

const words = (letters: string, max: number): string[] => {
  const out = [""];
  for (let n = 1, layer = [""]; n <= max; n++) {
    layer = layer.flatMap((w) => [...letters].map((c) => w + c));
    out.push(...layer);
  }
  return out;
};

const KEYS: readonly KeySpace[] = [
  {
    key: "aws:ResourceTag/env",
    tests: [
      ["StringEquals", ["ab"]],
      ["StringLike", ["a*"]],
      ["StringLike", ["*b"]],
      ["StringNotLike", ["a?"]],
      ["StringEqualsIgnoreCase", ["AB"]],
      ["StringNotEqualsIgnoreCase", ["ba"]],
      ["StringLike", ["a*", "b"]],
    ],
    values: [undefined, ...words("abA", 2), "abb", "aab", "AB", "aB", "Ba"],
  },
  {
    key: "aws:MultiFactorAuthAge",
    tests: [
      ["NumericLessThan", ["10"]],
      ["NumericGreaterThanEquals", ["5"]],
      ["NumericGreaterThan", ["5"]],
      ["NumericEquals", ["7.5"]],
      ["NumericNotEquals", ["10"]],
    ],
    values: [undefined, "abc", "-1", "0", "4.5", "5", "5.25", "7", "7.5", "7.75", "9.5", "10", "10.5", "12"],
  },
  {
    key: "aws:SourceIp",
    tests: [
      ["IpAddress", ["10.0.0.0/24"]],
      ["IpAddress", ["10.0.0.128/25"]],
      ["NotIpAddress", ["10.0.0.0/23"]],
      ["IpAddress", ["2001:db8::/32"]],
    ],
    values: [undefined, "x", "9.255.255.255", "10.0.0.0", "10.0.0.1", "10.0.0.127", "10.0.0.128", "10.0.0.255", "10.0.1.0", "10.0.1.255", "10.0.2.0", "2001:db8::1", "2001:db9::", "2001:db7:ffff::"],
  },
  {
    key: "aws:CurrentTime",
    tests: [
      ["DateLessThan", ["2021-01-01T00:00:00Z"]],
      ["DateGreaterThanEquals", ["2020-01-01T00:00:00Z"]],
      ["DateEquals", ["2020-06-01T00:00:00Z"]],
    ],
    values: [undefined, "x", "2019-12-31T23:59:59Z", "2020-01-01T00:00:00Z", "2020-03-01T00:00:00Z", "2020-06-01T00:00:00Z", "2020-12-31T23:59:59Z", "2021-01-01T00:00:00Z", "2022-01-01T00:00:00Z"],
  },
  {
    key: "aws:TagKeys",
    tests: [
      ["ForAnyValue:StringEquals", ["env"]],
      ["ForAllValues:StringLike", ["t*", "env"]],
      ["ForAnyValue:StringLike", ["*m"]],
      ["ForAllValues:StringEquals", ["team"]],
    ],
    values: [undefined, "env", ...[0, 1, 2, 3, 4, 5, 6, 7].map((mask) => ["env", "team", "x"].filter((_v, i) => (mask & (1 << i)) !== 0))],
  },
];

const ACTION_PATTERNS = ["apprunner:DescribeService", "apprunner:Delete*", "apprunner:*", "apprunner:D*"];
const ACTIONS = ["apprunner:DescribeService", "apprunner:DeleteService", "apprunner:ListServices"];
const RESOURCE_PATTERNS = ["*", "arn:aws:apprunner:*:*:service/*", "arn:aws:apprunner:*:*:service/a*", "arn:aws:apprunner:*:*:service/*b", "arn:aws:apprunner:us-east-1:*:service/a?"];
const RESOURCES = ["*", "arn:aws:apprunner:us-east-1:123456789012:connection/c/1", ...words("ab", 3).flatMap((w) => [`arn:aws:apprunner:us-east-1:123456789012:service/${w}`, `arn:aws:apprunner:eu-west-1:123456789012:service/${w}`])];

/** A test: a key (by index) and one of its tests. */
const test = fc.integer({ min: 0, max: KEYS.length - 1 }).chain((k) => fc.tuple(fc.constant(k), fc.integer({ min: 0, max: KEYS[k]!.tests.length - 1 })));
const statement = fc.record({
  effect: fc.constantFrom("Allow", "Deny"),
  action: fc.constantFrom(...ACTION_PATTERNS),
  resource: fc.constantFrom(...RESOURCE_PATTERNS),
  tests: fc.array(test, { maxLength: 2 }),
});

/** At most two keys across a pair, so that the enumeration stays small. */
const pair = fc
  .tuple(fc.array(statement, { minLength: 1, maxLength: 3 }), fc.array(statement, { minLength: 1, maxLength: 3 }))
  .filter(([a, b]) => new Set([...a, ...b].flatMap((s) => s.tests.map(([k]) => k))).size <= 2);

type Statement = typeof statement extends fc.Arbitrary<infer T> ? T : never;

function document(statements: readonly Statement[]): string {
  return JSON.stringify({
    Version: "2012-10-17",
    Statement: statements.map((s) => {
      const condition: Record<string, Record<string, readonly string[]>> = {};
      for (const [k, t] of s.tests) {
        const [operator, values] = KEYS[k]!.tests[t]!;
        // Two tests of one operator on one key would collide in JSON: keep the first.
        (condition[operator] ??= {})[KEYS[k]!.key] ??= values;
      }
      return { Effect: s.effect, Action: s.action, Resource: s.resource, ...(s.tests.length > 0 ? { Condition: condition } : {}) };
    }),
  });
}

function setOf(statements: readonly Statement[]): CompiledPrincipalSet {
  const read = jsonPrincipalSets([{ path: "P.json", text: document(statements) }]);
  expect(read.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return read.sets[0]!;
}

function decide(set: CompiledPrincipalSet, action: string, resource: string, context: Record<string, ContextValue>): string {
  return evaluate(set.policies, { principal: PRINCIPAL, action, resource, context }).decision;
}

/** Every context over the keys the statements test, from each key's enumeration values. */
function* contexts(keys: readonly KeySpace[]): Generator<Record<string, ContextValue>> {
  if (keys.length === 0) {
    yield {};
    return;
  }
  const [first, ...rest] = keys;
  for (const tail of contexts(rest)) {
    for (const v of first!.values) yield v === undefined ? tail : { ...tail, [first!.key.toLowerCase()]: v };
  }
}

describe("arp diff is exact over the classes of values the policies draw", () => {
  it("on random policy pairs: every counterexample is real, and an exhaustive 'no change' hides none from enumeration", () => {
    let exhaustive = 0;
    fc.assert(
      fc.property(pair, ([oldStatements, newStatements]) => {
        const before = setOf(oldStatements);
        const after = setOf(newStatements);
        const [diff] = diffAccess([before], [after], catalog);
        for (const change of [...diff!.added, ...diff!.removed]) {
          const e = change.example;
          expect(decide(before, e.action, e.resource, { ...e.context })).toBe(e.old);
          expect(decide(after, e.action, e.resource, { ...e.context })).toBe(e.new);
        }
        if (!diff!.exhaustive) return;
        exhaustive++;
        const keys = KEYS.filter((_k, i) => [...oldStatements, ...newStatements].some((s) => s.tests.some(([k]) => k === i)));
        let gained: string | undefined;
        let lost: string | undefined;
        for (const context of contexts(keys)) {
          for (const action of ACTIONS) {
            for (const resource of RESOURCES) {
              const was = decide(before, action, resource, context);
              const is = decide(after, action, resource, context);
              if (is === "Allow" && was !== "Allow") gained ??= JSON.stringify({ action, resource, context });
              if (was === "Allow" && is !== "Allow") lost ??= JSON.stringify({ action, resource, context });
            }
          }
        }
        if (diff!.added.length === 0) expect(gained, "new access diff did not report").toBeUndefined();
        if (diff!.removed.length === 0) expect(lost, "removed access diff did not report").toBeUndefined();
      }),
      { numRuns: 30, seed: 1515 },
    );
    // The property is about exhaustive answers: most of these small pairs must get one.
    expect(exhaustive).toBeGreaterThan(22);
  });
});

describe("when a bound is hit", () => {
  const policy = (condition: object) => JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "apprunner:ListServices", Resource: "*", Condition: condition }] });

  it("the report says not exhaustive, in text and in JSON", async () => {
    // Seven classes of a multi-valued key: more sets than are tried in full.
    const many = policy({ "ForAnyValue:StringEquals": { "aws:TagKeys": ["a", "b", "c", "d", "e", "f"] } });
    const few = policy({ "ForAnyValue:StringEquals": { "aws:TagKeys": ["a", "b"] } });
    const read = (text: string) => jsonPrincipalSets([{ path: "P.json", text }]).sets;
    expect(diffAccess(read(few), read(few), catalog)[0]!.exhaustive).toBe(true);
    expect(diffAccess(read(many), read(many), catalog)[0]!.exhaustive).toBe(false);
    // Tests of two families on one key.
    const mixed = policy({ StringEquals: { "aws:ResourceTag/n": "5" }, NumericLessThan: { "aws:ResourceTag/n": "10" } });
    expect(diffAccess(read(mixed), read(mixed), catalog)[0]!.exhaustive).toBe(false);

    const { runCli } = await import("../support/runCli.js");
    const { tempDir } = await import("../support/tempDir.js");
    const { writeFileSync } = await import("node:fs");
    const { join } = await import("node:path");
    const dir = tempDir("arp-diff-bound-");
    writeFileSync(join(dir, "P.json"), many);
    const text = await runCli(["diff", join(dir, "P.json"), join(dir, "P.json")]);
    expect(text.stdout).toContain("not exhaustive");
    const json = await runCli(["diff", "--format", "json", join(dir, "P.json"), join(dir, "P.json")]);
    expect(JSON.stringify(JSON.parse(json.stdout))).toContain('"exhaustive":false');
  });
});

describe("the classes of one key's values", () => {
  const classes = (...patterns: [string, boolean, boolean][]) =>
    stringClasses(patterns.map(([text, like, ignoreCase]) => ({ tokens: stringTokens(text, like, () => "v"), ignoreCase })));

  it("overlapping `like` patterns: both, either one, neither", () => {
    const { members, exhaustive } = classes(["a*", true, false], ["*b", true, false]);
    expect(exhaustive).toBe(true);
    expect(members).toHaveLength(4);
    expect(members.some((m) => m.startsWith("a") && m.endsWith("b"))).toBe(true);
  });

  it("case-insensitive equality: the exact text, another casing of it, anything else", () => {
    const { members } = classes(["ab", false, true], ["ab", false, false]);
    // "ab" matches both; "AB" (or "aB", "Ab") only the case-insensitive one; anything else neither.
    expect(members).toHaveLength(3);
    expect(members.some((m) => m !== "ab" && m.toLowerCase() === "ab")).toBe(true);
  });

  it("numbers and dates: each bound, between two, below and above, and one that does not parse", () => {
    const numbers = numberClasses(["5", "10"]).map(Number);
    expect(numbers.filter((n) => n > 5 && n < 10)).toHaveLength(1);
    expect(numbers.filter((n) => n < 5)).toHaveLength(1);
    expect(numbers.filter((n) => n > 10)).toHaveLength(1);
    expect(numbers.filter((n) => Number.isNaN(n))).toHaveLength(1);
    const dates = dateClasses(["2020-01-01T00:00:00Z", "2021-01-01T00:00:00Z"]).map((d) => Date.parse(d));
    expect(dates.filter((t) => t > Date.UTC(2020, 0, 1) && t < Date.UTC(2021, 0, 1))).toHaveLength(1);
  });

  it("address ranges: inside and outside each, at the boundaries, IPv4 and IPv6 apart", () => {
    const addresses = addressClasses(["10.0.0.0/24", "2001:db8::/32"]);
    expect(addresses).toEqual(expect.arrayContaining(["0.0.0.0", "10.0.0.0", "10.0.0.255", "10.0.1.0", "0:0:0:0:0:0:0:0", "2001:db8:0:0:0:0:0:0", "2001:db8:ffff:ffff:ffff:ffff:ffff:ffff", "2001:db9:0:0:0:0:0:0"]));
  });
});
