/**
 * Puts a checked condition into disjunctive normal form. IAM ANDs the tests of one statement
 * and ORs statements of the same effect, so each conjunction becomes one statement; this is
 * sound for `allow` (a union of grants) and for `deny` (a union of denials).
 */
import { assertNever } from "../../grammar/ast.js";
import type { CheckedCondition, ConditionTest } from "../check/checkedCondition.js";
import type { Span } from "../../grammar/diagnostics/diagnostic.js";
import { negateTest, type Dnf } from "./negateTest.js";

/** A failure names the test it is about, when there is one, and may say what to write instead. */
export type DnfResult =
  | { readonly dnf: Dnf }
  | { readonly error: string; readonly tooMany?: boolean; readonly span?: Span; readonly hint?: string };

/**
 * More statements than this from one arp statement is almost surely a mistake. The bound
 * applies to every expansion, `or` as well as `and` over `or`s, and is checked while the
 * conversion runs, before any conjunction is built, so no condition costs more than
 * O(tests × MAX_CONJUNCTIONS) to convert.
 */
export const MAX_CONJUNCTIONS = 32;

const TOO_MANY: DnfResult = { error: `the condition expands to more than ${MAX_CONJUNCTIONS} statements`, tooMany: true };

export function toDnf(cond: CheckedCondition): DnfResult {
  return convert(cond, false);
}

function convert(cond: CheckedCondition, negated: boolean): DnfResult {
  switch (cond.kind) {
    case "Test":
      return negated ? limited(negateTest(cond.test)) : { dnf: [[cond.test]] };
    case "Not":
      return convert(cond.operand, !negated);
    case "And":
    case "Or": {
      // De Morgan: under negation AND becomes OR and OR becomes AND.
      const conjunctive = (cond.kind === "And") !== negated;
      const parts: Dnf[] = [];
      let count = conjunctive ? 1 : 0;
      for (const operand of cond.operands) {
        const r = convert(operand, negated);
        if ("error" in r) return r;
        parts.push(r.dnf);
        // Stop at the first operand that takes the expansion over the limit.
        count = conjunctive ? count * r.dnf.length : count + r.dnf.length;
        if (count > MAX_CONJUNCTIONS) return TOO_MANY;
      }
      return { dnf: conjunctive ? product(parts, count) : parts.flat() };
    }
    default:
      return assertNever(cond, "condition");
  }
}

function limited(result: DnfResult): DnfResult {
  return "dnf" in result && result.dnf.length > MAX_CONJUNCTIONS ? TOO_MANY : result;
}

/**
 * Every way of picking one conjunction from each part, concatenated. `count` (the product of
 * the parts' lengths, at most {@link MAX_CONJUNCTIONS}) is known in advance, so each output
 * conjunction is built once: O(count × tests), where folding pairwise would copy the growing
 * conjunction once per part and make a long `and` chain quadratic.
 */
function product(parts: readonly Dnf[], count: number): Dnf {
  const out: Dnf = [];
  for (let index = 0; index < count; index++) {
    const conjunction: ConditionTest[] = [];
    // Mixed-radix digits of `index`, last part fastest, as the pairwise fold ordered them.
    let rest = index;
    const picks: number[] = new Array<number>(parts.length);
    for (let p = parts.length - 1; p >= 0; p--) {
      const n = parts[p]!.length;
      picks[p] = rest % n;
      rest = Math.floor(rest / n);
    }
    for (let p = 0; p < parts.length; p++) for (const test of parts[p]![picks[p]!]!) conjunction.push(test);
    out.push(conjunction);
  }
  return out;
}
