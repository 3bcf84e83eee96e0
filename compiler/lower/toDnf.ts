/**
 * Puts a checked condition into disjunctive normal form. IAM ANDs the tests of one statement
 * and ORs statements of the same effect, so each conjunction becomes one statement; this is
 * sound for `allow` (a union of grants) and for `deny` (a union of denials).
 */
import { assertNever } from "../../grammar/ast.js";
import type { CheckedCondition } from "../check/checkedCondition.js";
import type { Span } from "../diagnostics/diagnostic.js";
import { negateTest, type Dnf } from "./negateTest.js";

/** A failure names the test it is about, when there is one, and may say what to write instead. */
export type DnfResult =
  | { readonly dnf: Dnf }
  | { readonly error: string; readonly tooMany?: boolean; readonly span?: Span; readonly hint?: string };

/** More statements than this from one arp statement is almost surely a mistake. */
export const MAX_CONJUNCTIONS = 32;

export function toDnf(cond: CheckedCondition): DnfResult {
  return convert(cond, false);
}

function convert(cond: CheckedCondition, negated: boolean): DnfResult {
  switch (cond.kind) {
    case "Test":
      return negated ? negateTest(cond.test) : { dnf: [[cond.test]] };
    case "Not":
      return convert(cond.operand, !negated);
    case "And":
    case "Or": {
      // De Morgan: under negation AND becomes OR and OR becomes AND.
      const conjunctive = (cond.kind === "And") !== negated;
      const parts: Dnf[] = [];
      for (const operand of cond.operands) {
        const r = convert(operand, negated);
        if ("error" in r) return r;
        parts.push(r.dnf);
      }
      return conjunctive ? product(parts) : { dnf: parts.flat() };
    }
    default:
      return assertNever(cond, "condition");
  }
}

function product(parts: readonly Dnf[]): DnfResult {
  let acc: Dnf = [[]];
  for (const part of parts) {
    const next: Dnf = [];
    for (const left of acc) for (const right of part) next.push([...left, ...right]);
    if (next.length > MAX_CONJUNCTIONS) {
      return { error: `the condition expands to more than ${MAX_CONJUNCTIONS} statements`, tooMany: true };
    }
    acc = next;
  }
  return { dnf: acc };
}
