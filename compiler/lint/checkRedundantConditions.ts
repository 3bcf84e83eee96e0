/**
 * ARP7051: a test of a statement that another test of the same statement implies (`K exists`
 * beside `K = "a"`, `K like "a*"` beside `K = "abc"`). Tests are ANDed, so the implied one
 * changes no decision; like a redundant statement it is worth removing, since an edit of the
 * stronger test leaves the weaker one behind looking meaningful. Implication is proved, never
 * guessed (conditionImplication.ts), for every statement the test lowered into (everyCopy.ts):
 * `K exists and (K = "a" or L = "b")` needs its `K exists` in the `L = "b"` branch. Only a test
 * every branch of its statement holds (one ANDed with the whole condition) is reported: one
 * inside an `or` cannot be removed alone.
 */
import { diagnostic } from "../../grammar/diagnostics/codes.js";
import type { IrCondition, IrStatement } from "../ir.js";
import { implies } from "./conditionImplication.js";
import { EveryCopy, sameSpan } from "./everyCopy.js";
import { sourceStatements, type LintRule } from "./lintInput.js";

/** Whether every branch holds a test at the span of `c`. */
function inEveryBranch(c: IrCondition, branches: readonly IrStatement[]): boolean {
  return branches.every((s) => s.conditions.some((d) => sameSpan(d.span, c.span)));
}

export const checkRedundantConditions: LintRule = (input, report) => {
  const verdicts = new EveryCopy<{ test: IrCondition; by: IrCondition }>();
  for (const branches of sourceStatements(input)) {
    for (const s of branches) {
      s.conditions.forEach((a, i) => {
        // A test missing from a sibling branch sits inside an `or`: removing it changes the
        // `or` (`K = "a" and (K exists or L = "b")` without `K exists` needs `L = "b"`).
        if (!inEveryBranch(a, branches)) return verdicts.add(a.span, undefined);
        // The implying test must come from another construct, and of two tests that imply each
        // other, the later is the redundant one.
        const by = s.conditions.find((b, j) => !sameSpan(a.span, b.span) && implies(b, a) && (!implies(a, b) || j < i));
        verdicts.add(a.span, by === undefined ? undefined : { test: a, by });
      });
    }
  }
  for (const { span, witness } of verdicts.holding()) {
    report(
      diagnostic("RedundantCondition", span, `this test of \`${witness.test.key}\` holds whenever another test of the statement does, so it changes no decision`, {
        related: [{ message: "implied by this test", span: witness.by.span }],
        hint: "remove it",
      }),
    );
  }
};
