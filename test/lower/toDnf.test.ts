// The conversion to disjunctive normal form: its order and results, the documented limit
// (docs/language.md: "More than 32 statements from one `or` is `ARP3006`"; docs/diagnostics.md,
// ARP3006: "`and` over several `or`s multiplies the parts"), which is enforced before the
// exponential work is done, and a cost linear in the number of tests for long `and` chains.
import { describe, expect, it } from "vitest";
import type { CheckedCondition, ConditionTest } from "../../compiler/check/checkedCondition.js";
import { check, compile } from "../../compiler/index.js";
import { MAX_CONJUNCTIONS, toDnf } from "../../compiler/lower/toDnf.js";

const SPAN = { file: "t.arp", start: 0, end: 0 };

function leaf(key: string): CheckedCondition {
  const test: ConditionTest = { operator: "StringEquals", ifExists: false, key, values: ["v"], span: SPAN };
  return { kind: "Test", test };
}

const and = (...operands: CheckedCondition[]): CheckedCondition => ({ kind: "And", operands });
const or = (...operands: CheckedCondition[]): CheckedCondition => ({ kind: "Or", operands });
const not = (operand: CheckedCondition): CheckedCondition => ({ kind: "Not", operand, span: SPAN });

/** The DNF as `a&b` strings, or the error. */
function shape(cond: CheckedCondition): string[] | string {
  const r = toDnf(cond);
  return "error" in r ? r.error : r.dnf.map((c) => c.map((t) => `${t.operator === "StringEquals" ? "" : "!"}${t.key}`).join("&"));
}

/** Operands that count how many of them the conversion has read. */
function counted(items: readonly CheckedCondition[]): { operands: readonly CheckedCondition[]; read: () => number } {
  let read = 0;
  const operands = new Proxy(items as CheckedCondition[], {
    get(target, prop, receiver) {
      if (typeof prop === "string" && /^\d+$/.test(prop)) read = Math.max(read, Number(prop) + 1);
      return Reflect.get(target, prop, receiver) as unknown;
    },
  });
  return { operands, read: () => read };
}

describe("toDnf", () => {
  it("multiplies `or`s under `and` in the order written", () => {
    expect(shape(and(or(leaf("a"), leaf("b")), or(leaf("c"), leaf("d"))))).toEqual(["a&c", "a&d", "b&c", "b&d"]);
    expect(shape(and(leaf("a"), or(leaf("b"), leaf("c")), leaf("d")))).toEqual(["a&b&d", "a&c&d"]);
    expect(shape(not(or(leaf("a"), leaf("b"))))).toEqual(["!a&!b"]);
    expect(shape(or(and(leaf("a"), leaf("b")), leaf("c")))).toEqual(["a&b", "c"]);
  });

  it(`allows ${MAX_CONJUNCTIONS} statements from an \`or\` and reports one more`, () => {
    const keys = (n: number) => Array.from({ length: n }, (_, i) => leaf(`k${i}`));
    expect(shape(or(...keys(MAX_CONJUNCTIONS)))).toHaveLength(MAX_CONJUNCTIONS);
    expect(shape(or(...keys(MAX_CONJUNCTIONS + 1)))).toBe(`the condition expands to more than ${MAX_CONJUNCTIONS} statements`);
    // `not` over `and` is an `or` too (De Morgan).
    expect(shape(not(and(...keys(MAX_CONJUNCTIONS + 1))))).toBe(`the condition expands to more than ${MAX_CONJUNCTIONS} statements`);
    // Nested `or`s add up.
    expect(shape(or(or(...keys(20)), or(...keys(13))))).toBe(`the condition expands to more than ${MAX_CONJUNCTIONS} statements`);
  });

  it("stops at the operand that crosses the limit instead of expanding the rest", () => {
    const pairs = Array.from({ length: 1000 }, (_, i) => or(leaf(`a${i}`), leaf(`b${i}`)));
    const product = counted(pairs);
    expect("error" in toDnf({ kind: "And", operands: product.operands })).toBe(true);
    // 2^5 = 32 is allowed; the sixth pair makes 64.
    expect(product.read()).toBe(6);

    const sum = counted(Array.from({ length: 100_000 }, (_, i) => leaf(`k${i}`)));
    expect("error" in toDnf({ kind: "Or", operands: sum.operands })).toBe(true);
    expect(sum.read()).toBe(MAX_CONJUNCTIONS + 1);
  });

  it("converts a 50,000-test `and` chain into one conjunction, in order, in linear time", () => {
    const n = 50_000;
    const chain = and(...Array.from({ length: n }, (_, i) => (i % 2 === 0 ? leaf(`k${i}`) : and(leaf(`k${i}`)))));
    const started = performance.now();
    const r = toDnf(chain);
    const elapsed = performance.now() - started;
    if ("error" in r) throw new Error(r.error);
    expect(r.dnf).toHaveLength(1);
    expect(r.dnf[0]).toHaveLength(n);
    expect(r.dnf[0]!.map((t) => t.key)).toEqual(Array.from({ length: n }, (_, i) => `k${i}`));
    // The pairwise fold copied the growing conjunction once per test: minutes at this size.
    expect(elapsed).toBeLessThan(2000);
  });
});

describe("ARP3006 through the compiler", () => {
  const statement = (cond: string) => `allow apprunner:DescribeService on service/* when ${cond}\n`;
  const tags = (n: number, joiner: string) => Array.from({ length: n }, (_, i) => `tag t${i} = "v"`).join(joiner);

  it("compiles 32 statements from one `or` and rejects 33 or 40", () => {
    const ok = compile(statement(tags(32, " or ")));
    expect(ok.diagnostics).toEqual([]);
    expect(ok.policies[0]!.document.Statement).toHaveLength(32);
    for (const n of [33, 40]) {
      expect(check(statement(tags(n, " or "))).diagnostics.map((d) => d.code)).toEqual(["ARP3006"]);
    }
  });

  it("rejects `not` over a 33-test `and`", () => {
    expect(check(statement(`not (${tags(33, " and ")})`)).diagnostics.map((d) => d.code)).toEqual(["ARP3006"]);
  });
});
