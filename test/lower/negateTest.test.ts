// The negation table of the lowering: each row names the IAM rule it relies on, and a property
// checks the whole compiler against the runtime evaluator: for any single-key test X and any
// request, the policy compiled from `not X` allows exactly when the one from `X` does not.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ConditionTest } from "../../compiler/check/checkedCondition.js";
import { operatorName } from "../../compiler/check/checkedCondition.js";
import { compile } from "../../compiler/index.js";
import { negateTest } from "../../compiler/lower/negateTest.js";
import { evaluate, type ContextValue, type IamPolicyDocument } from "../../runtime/index.js";

const SPAN = { file: "t.arp", start: 0, end: 0 };

function test(operator: string, values: string[], extra: Partial<ConditionTest> = {}): ConditionTest {
  return { operator, ifExists: false, key: "k", values, span: SPAN, ...extra };
}

/** The negation as `Operator key [values]` lines, one line per statement, tests joined by `&`. */
function negated(t: ConditionTest): string[] | string {
  const r = negateTest(t);
  if ("error" in r) return `error: ${r.error}`;
  return r.dnf.map((c) => c.map((x) => `${operatorName(x)} ${x.key} [${x.values.join(",")}]`).join(" & "));
}

interface Row {
  readonly rule: string;
  readonly input: ConditionTest;
  readonly output: string[];
}

const rows: readonly Row[] = [
  {
    rule: "a negated operator is true on a missing key, a positive one false: `not (K = v)` holds there",
    input: test("StringEquals", ["v"]),
    output: ["StringNotEquals k [v]"],
  },
  {
    rule: "`K != v` holds on a missing key, so its negation must not: StringEquals is false there",
    input: test("StringNotEquals", ["v"]),
    output: ["StringEquals k [v]"],
  },
  {
    rule: "several values of a negated operator are a NOR, of a positive one an OR: the two are complements",
    input: test("StringEquals", ["a", "b"]),
    output: ["StringNotEquals k [a,b]"],
  },
  {
    rule: "the same twin rule holds for like, ignoring case, ARN, IP, numeric and date equality",
    input: test("StringLike", ["a*"]),
    output: ["StringNotLike k [a*]"],
  },
  { rule: "ignoring case keeps its twin", input: test("StringEqualsIgnoreCase", ["A"]), output: ["StringNotEqualsIgnoreCase k [A]"] },
  { rule: "ArnNotLike is true on a missing key", input: test("ArnLike", ["arn:*"]), output: ["ArnNotLike k [arn:*]"] },
  { rule: "NotIpAddress is true on a missing key", input: test("IpAddress", ["10.0.0.0/8"]), output: ["NotIpAddress k [10.0.0.0/8]"] },
  { rule: "NumericNotEquals is true on a missing key", input: test("NumericEquals", ["1"]), output: ["NumericNotEquals k [1]"] },
  { rule: "DateEquals is false on a missing key", input: test("DateNotEquals", ["2027-01-01"]), output: ["DateEquals k [2027-01-01]"] },
  {
    rule: "IfExists makes a positive operator true on a missing key, so its negation must require the key (Null false)",
    input: test("StringEquals", ["v"], { ifExists: true }),
    output: ["StringNotEquals k [v] & Null k [false]"],
  },
  {
    rule: "a negated operator is already true on a missing key, so IfExists changes nothing and the positive twin suffices",
    input: test("StringNotEquals", ["v"], { ifExists: true }),
    output: ["StringEquals k [v]"],
  },
  {
    rule: "order tests are false on a missing key, so the complement gets IfExists to hold there",
    input: test("NumericLessThan", ["5"]),
    output: ["NumericGreaterThanEqualsIfExists k [5]"],
  },
  { rule: "each order test has its complement", input: test("DateGreaterThan", ["2027-01-01"]), output: ["DateLessThanEqualsIfExists k [2027-01-01]"] },
  {
    rule: "an order test with IfExists holds on a missing key, so its complement drops IfExists",
    input: test("NumericLessThanEquals", ["5"], { ifExists: true }),
    output: ["NumericGreaterThan k [5]"],
  },
  {
    rule: "the complement of an order test over several values needs all of them (AND), but IAM ORs a test's values",
    input: test("NumericLessThan", ["1", "2"]),
    output: [],
  },
  {
    rule: "Bool is false on a missing key: `not K` is BoolIfExists with the other value",
    input: test("Bool", ["true"]),
    output: ["BoolIfExists k [false]"],
  },
  { rule: "BoolIfExists holds on a missing key: its negation is plain Bool", input: test("Bool", ["false"], { ifExists: true }), output: ["Bool k [true]"] },
  { rule: "Null true and Null false are complements, whatever the key", input: test("Null", ["true"]), output: ["Null k [false]"] },
  {
    rule: "ForAnyValue is false on a missing key or empty set, ForAllValues true: `not any K = L` is `all K != L`",
    input: test("StringEquals", ["a", "b"], { quantifier: "ForAnyValue" }),
    output: ["ForAllValues:StringNotEquals k [a,b]"],
  },
  {
    rule: "`not all K = L` is `any K != L`: false on a missing key, where `all` was true",
    input: test("StringEquals", ["a"], { quantifier: "ForAllValues" }),
    output: ["ForAnyValue:StringNotEquals k [a]"],
  },
  {
    // "For no matching key or a null dataset, the condition returns false" (ForAnyValue), and
    // AWS denies a request without tag keys under ForAnyValue:StringEqualsIfExists: `if exists`
    // changes nothing under a quantifier, so the negation holds on a missing key, unguarded.
    rule: "under a quantifier IfExists changes nothing: the negation swaps the quantifier and needs no Null guard",
    input: test("StringLike", ["aws:*"], { quantifier: "ForAnyValue", ifExists: true }),
    output: ["ForAllValues:StringNotLike k [aws:*]"],
  },
  {
    rule: "`not all K = L` with IfExists is `any K != L`: ForAllValues holds on a missing key with or without IfExists",
    input: test("StringEquals", ["a"], { quantifier: "ForAllValues", ifExists: true }),
    output: ["ForAnyValue:StringNotEquals k [a]"],
  },
  {
    rule: "an order test under a quantifier swaps the quantifier and takes the complement: `not any K < 5` is `all K >= 5`",
    input: test("NumericLessThan", ["5"], { quantifier: "ForAnyValue" }),
    output: ["ForAllValues:NumericGreaterThanEquals k [5]"],
  },
];

describe("negateTest", () => {
  for (const row of rows) {
    it(row.rule, () => {
      const out = negated(row.input);
      if (row.output.length === 0) expect(out).toMatch(/^error: /);
      else expect(out).toEqual(row.output);
    });
  }

  it("reports an error at the test it cannot negate, with a hint", () => {
    const r = negateTest(test("DateLessThan", ["2026-01-01", "2027-01-01"], { span: { file: "t.arp", start: 3, end: 9 } }));
    expect(r).toMatchObject({ span: { start: 3, end: 9 }, hint: expect.stringContaining("largest") });
  });
});

// ---- the property ----------------------------------------------------------------------------

/** A key of each family, with an action that supports it so the checker stays quiet. */
interface KeyCase {
  readonly key: string;
  readonly multi: boolean;
  readonly ops: readonly string[];
  readonly policyValues: readonly string[];
  readonly requestValues: readonly string[];
  readonly ignoreCase?: boolean;
}

const STRING_OPS = ["=", "!=", "like", "not like", "in", "not in"];
const ORDER_OPS = ["=", "!=", "<", "<=", ">", ">=", "in", "not in"];

const KEYS: readonly KeyCase[] = [
  {
    key: "aws:RequestedRegion",
    multi: false,
    ops: STRING_OPS,
    ignoreCase: true,
    policyValues: ['"eu-west-1"', '"EU-WEST-1"', '"us-*"', '"eu-?est-1"', "$principal.tag.region"],
    requestValues: ["eu-west-1", "EU-West-1", "us-east-1", "eu-west-2"],
  },
  {
    key: "aws:TagKeys",
    multi: true,
    ops: STRING_OPS,
    policyValues: ['"team"', '"env"', '"aws:*"', '"Team"'],
    requestValues: ["team", "env", "aws:cloudformation:stack", "owner", "Team"],
  },
  {
    key: "apprunner:ConnectionArn",
    multi: false,
    ops: STRING_OPS,
    policyValues: [
      '"arn:aws:apprunner:us-east-1:123456789012:connection/gh/1"',
      '"arn:aws:apprunner:*:123456789012:connection/*"',
      '"arn:aws:apprunner:us-east-1:*:connection/gl/*"',
    ],
    requestValues: [
      "arn:aws:apprunner:us-east-1:123456789012:connection/gh/1",
      "arn:aws:apprunner:eu-west-1:123456789012:connection/gl/2",
      "arn:aws:apprunner:us-east-1:999999999999:connection/gl/3",
    ],
  },
  {
    key: "aws:MultiFactorAuthAge",
    multi: false,
    ops: ORDER_OPS,
    policyValues: ["0", "60", "3600", '"60"'],
    requestValues: ["0", "59", "60", "61", "3600", "86400"],
  },
  {
    key: "aws:CurrentTime",
    multi: false,
    ops: ORDER_OPS,
    policyValues: ['"2026-01-01T00:00:00Z"', '"2027-01-01T00:00:00Z"', "1798761600"],
    requestValues: ["2025-06-01T00:00:00Z", "2026-01-01T00:00:00Z", "2026-06-01T12:00:00Z", "2027-01-01T00:00:00Z", "2028-01-01T00:00:00Z"],
  },
  {
    key: "aws:SourceIp",
    multi: false,
    ops: ["=", "!=", "in", "not in"],
    policyValues: ['"10.0.0.0/8"', '"192.0.2.1"', '"2001:db8::/32"'],
    requestValues: ["10.1.2.3", "192.0.2.1", "192.0.2.2", "2001:db8::1", "2001:db9::1"],
  },
  {
    key: "aws:SecureTransport",
    multi: false,
    ops: ["="],
    policyValues: ["true", "false"],
    requestValues: ["true", "false"],
  },
];

/** A generated test in arp syntax; `set` marks a quantified (multi-valued) test. */
interface Sample {
  readonly key: KeyCase;
  readonly source: string;
}

/** What a comparison is, apart from its value: quantifier, operator and suffixes. */
interface Shape {
  readonly q: string;
  readonly op: string;
  readonly ignoreCase: boolean;
  readonly ifExists: boolean;
}

function shapeArb(k: KeyCase): fc.Arbitrary<Shape> {
  return fc.record({
    // A multi-valued key always takes `any` or `all` (ARP3003 is an error).
    q: k.multi ? fc.constantFrom("any ", "all ") : fc.constant(""),
    op: fc.constantFrom(...k.ops),
    ignoreCase: k.ignoreCase === true ? fc.boolean() : fc.constant(false),
    ifExists: fc.boolean(),
  });
}

function valueArb(k: KeyCase): fc.Arbitrary<string> {
  return fc.oneof(
    fc.constantFrom(...k.policyValues),
    fc.uniqueArray(fc.constantFrom(...k.policyValues), { minLength: 1, maxLength: 3 }).map((vs) => `[${vs.join(", ")}]`),
  );
}

function comparison(k: KeyCase, shape: Shape, value: string): string {
  const caseSuffix = shape.ignoreCase && ["=", "!=", "in", "not in"].includes(shape.op) ? " ignoring case" : "";
  return `${shape.q}${k.key} ${shape.op} ${value}${caseSuffix}${shape.ifExists ? " if exists" : ""}`;
}

function comparisonArb(k: KeyCase): fc.Arbitrary<string> {
  return fc.tuple(shapeArb(k), valueArb(k)).map(([shape, value]) => comparison(k, shape, value));
}

function testArb(k: KeyCase): fc.Arbitrary<string> {
  const special: fc.Arbitrary<string>[] = [fc.constant(`${k.key} exists`), fc.constant(`${k.key} missing`)];
  if (k.key === "aws:SecureTransport") special.push(fc.constant(k.key));
  return fc.oneof(comparisonArb(k), ...special);
}

const sampleArb: fc.Arbitrary<Sample> = fc
  .constantFrom(...KEYS)
  .chain((key) => testArb(key).map((source) => ({ key, source })));

/**
 * Request contexts: the key missing, one value, or (for a multi-valued key) an empty set or
 * several values. `""` is among them: a value of only `""` (`""`, `[""]`) is null, read as a
 * missing key by every operator ("it is possible to include an empty string. In this case, the
 * value in the request context is null", condition element page), while a `""` beside other
 * values is an ordinary value. The negation must be exact on both.
 */
function contextArb(k: KeyCase): fc.Arbitrary<Record<string, ContextValue>> {
  const values = fc.constantFrom(...k.requestValues);
  const keyValue: fc.Arbitrary<ContextValue | undefined> = k.multi
    ? fc.oneof(
      fc.constant(undefined),
      fc.constant([]),
      fc.constant([""]),
      fc.uniqueArray(values, { minLength: 1, maxLength: 3 }),
      fc.uniqueArray(values, { minLength: 1, maxLength: 2 }).map((vs) => ["", ...vs]),
    )
    : fc.oneof(fc.constant(undefined), k.ops === STRING_OPS ? fc.constantFrom("", ...k.requestValues) : values);
  // The string key's values may name `$principal.tag.region`, present or not.
  const tag = fc.option(fc.constantFrom("eu-west-1", "us-east-1"), { nil: undefined });
  return fc.record({ v: keyValue, tag }).map(({ v, tag: t }) => ({
    ...(v !== undefined ? { [k.key]: v } : {}),
    ...(t !== undefined ? { "aws:PrincipalTag/region": t } : {}),
  }));
}

const ACTION = "apprunner:CreateService";

/** The compiled document, or undefined when arp rejects the condition (reported, not guessed). */
function compileDoc(condition: string): IamPolicyDocument | undefined {
  const result = compile(`allow ${ACTION} on * when ${condition}`);
  return result.ok ? result.policies[0]!.document : undefined;
}

function allows(doc: IamPolicyDocument, context: Record<string, ContextValue>): boolean {
  return evaluate([doc], {
    principal: "arn:aws:iam::123456789012:user/alice",
    action: ACTION,
    resource: "arn:aws:apprunner:us-east-1:123456789012:service/web/1",
    context,
  }).decision === "Allow";
}

describe("not X, as compiled, holds exactly where X does not", () => {
  it("for single-key tests of every family and random requests", () => {
    let checked = 0;
    fc.assert(
      fc.property(
        sampleArb.chain((s) => fc.tuple(fc.constant(s), fc.array(contextArb(s.key), { minLength: 1, maxLength: 8 }))),
        ([sample, contexts]) => {
          const positive = compileDoc(sample.source);
          const negative = compileDoc(`not (${sample.source})`);
          // Only what IAM cannot express is refused, and then for `not` alone.
          expect(positive, sample.source).toBeDefined();
          if (negative === undefined) return;
          checked++;
          for (const context of contexts) {
            expect(allows(negative, context), `${sample.source} with ${JSON.stringify(context)}`).toBe(!allows(positive!, context));
          }
        },
      ),
      { numRuns: 600 },
    );
    expect(checked).toBeGreaterThan(300);
  });

  it("and `not not X` compiles to X", () => {
    fc.assert(
      fc.property(sampleArb, (sample) => {
        expect(compileDoc(`not not (${sample.source})`)).toEqual(compileDoc(sample.source));
      }),
      { numRuns: 200 },
    );
  });
});

describe("and/or over one key, as compiled, agree with the tests they join", () => {
  // Two tests of one key share a Condition block: merged (negated operators, IAM's NOR) or refused.
  it("`X and Y` holds where both hold, `X or Y` where either does", () => {
    // Half the pairs differ only in their values: the case where IAM's reading of values matters.
    const sameShape = (key: KeyCase): fc.Arbitrary<[string, string]> =>
      fc.tuple(shapeArb(key), valueArb(key), valueArb(key)).map(([shape, a, b]) => [comparison(key, shape, a), comparison(key, shape, b)]);
    const pairArb = fc
      .constantFrom(...KEYS)
      .chain((key) => fc.tuple(
        fc.constant(key),
        fc.oneof(fc.tuple(testArb(key), testArb(key)), sameShape(key)),
        fc.array(contextArb(key), { minLength: 1, maxLength: 6 }),
      ))
      .map(([key, [x, y], contexts]) => [key, x, y, contexts] as const);
    let merged = 0;
    fc.assert(
      fc.property(pairArb, ([, x, y, contexts]) => {
        const [dx, dy] = [compileDoc(x)!, compileDoc(y)!];
        const both = compileDoc(`(${x}) and (${y})`);
        const either = compileDoc(`(${x}) or (${y})`)!;
        if (both !== undefined) merged++;
        for (const context of contexts) {
          const [ax, ay] = [allows(dx, context), allows(dy, context)];
          if (both !== undefined) expect(allows(both, context), `${x} and ${y} with ${JSON.stringify(context)}`).toBe(ax && ay);
          expect(allows(either, context), `${x} or ${y} with ${JSON.stringify(context)}`).toBe(ax || ay);
        }
      }),
      { numRuns: 400 },
    );
    expect(merged).toBeGreaterThan(100);
  });
});

// ---- whole conditions --------------------------------------------------------------------------

type Formula =
  | { readonly kind: "test"; readonly source: string; readonly key: KeyCase }
  | { readonly kind: "not"; readonly operand: Formula }
  | { readonly kind: "and" | "or"; readonly left: Formula; readonly right: Formula };

const formulaArb: fc.Arbitrary<Formula> = fc.letrec<{ formula: Formula }>((tie) => ({
  formula: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    sampleArb.map((s): Formula => ({ kind: "test", source: s.source, key: s.key })),
    tie("formula").map((operand): Formula => ({ kind: "not", operand })),
    fc.record({ kind: fc.constantFrom("and" as const, "or" as const), left: tie("formula"), right: tie("formula") }),
  ),
})).formula;

function source(f: Formula): string {
  switch (f.kind) {
    case "test":
      return f.source;
    case "not":
      return `not (${source(f.operand)})`;
    default:
      return `(${source(f.left)}) ${f.kind} (${source(f.right)})`;
  }
}

function keysOf(f: Formula): KeyCase[] {
  if (f.kind === "test") return [f.key];
  if (f.kind === "not") return keysOf(f.operand);
  return [...keysOf(f.left), ...keysOf(f.right)];
}

/** The formula's truth from its tests, each compiled and evaluated on its own. */
function truth(f: Formula, context: Record<string, ContextValue>): boolean {
  switch (f.kind) {
    case "test":
      return allows(compileDoc(f.source)!, context);
    case "not":
      return !truth(f.operand, context);
    case "and":
      return truth(f.left, context) && truth(f.right, context);
    case "or":
      return truth(f.left, context) || truth(f.right, context);
  }
}

describe("a whole condition, as compiled, holds where its boolean formula does", () => {
  it("for random and/or/not over tests of several keys", () => {
    const withContexts = formulaArb.chain((f) => {
      const keys = [...new Set(keysOf(f))];
      const context = fc.tuple(...keys.map(contextArb)).map((parts) => Object.assign({}, ...parts) as Record<string, ContextValue>);
      return fc.tuple(fc.constant(f), fc.array(context, { minLength: 1, maxLength: 5 }));
    });
    let compiled = 0;
    fc.assert(
      fc.property(withContexts, ([f, contexts]) => {
        const doc = compileDoc(source(f));
        if (doc === undefined) return;
        compiled++;
        for (const context of contexts) {
          expect(allows(doc, context), `${source(f)} with ${JSON.stringify(context)}`).toBe(truth(f, context));
        }
      }),
      { numRuns: 300 },
    );
    expect(compiled).toBeGreaterThan(150);
  });
});
