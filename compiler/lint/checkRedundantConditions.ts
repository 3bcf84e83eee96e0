/**
 * ARP7051: a test of a statement that another test of the same statement implies (`K exists`
 * beside `K = "a"`, `K like "a*"` beside `K = "abc"`). Tests are ANDed, so the implied one
 * changes no decision; like a redundant statement it is worth removing, since an edit of the
 * stronger test leaves the weaker one behind looking meaningful. Implication is proved, never
 * guessed (conditionImplication.ts).
 */
import { diagnostic } from "../../grammar/diagnostics/codes.js";
import { implies } from "./conditionImplication.js";
import { identityStatements, type LintRule } from "./lintInput.js";

export const checkRedundantConditions: LintRule = (input, report) => {
  for (const s of identityStatements(input)) {
    s.conditions.forEach((a, i) => {
      // Of two tests that imply each other, the later is the redundant one.
      const b = s.conditions.find((b, j) => j !== i && implies(b, a) && (!implies(a, b) || j < i));
      if (b === undefined) return;
      report(
        diagnostic("RedundantCondition", a.span, `this test of \`${a.key}\` holds whenever another test of the statement does, so it changes no decision`, {
          related: [{ message: "implied by this test", span: b.span }],
          hint: "remove it",
        }),
      );
    });
  }
};
