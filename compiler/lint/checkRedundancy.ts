/**
 * ARP7007–ARP7009, after Access Analyzer's "Redundant statement", "Redundant action" and
 * "Redundant resource" suggestions: a value another value of the same list already covers, and
 * a statement another statement of the same principal already covers, change no decision.
 * They are worth removing because an edit to one copy leaves the other granting the old access.
 *
 * Statement B is covered by statement A when they have the same effect and A applies whenever B
 * does (statementCover.ts), which is proved, never guessed, for every statement B lowered to in
 * every principal set that holds it (everyCopy.ts).
 */
import { diagnostic } from "../../grammar/diagnostics/codes.js";
import type { IrStatement } from "../ir.js";
import { identityStatements, statementsBySet, type LintRule } from "./lintInput.js";
import { patternCovers } from "./patternCover.js";
import { appliesWhenever } from "./statementCover.js";
import { EveryCopy, sameSpan } from "./everyCopy.js";

/** Reports each value of `values` that another value covers (the later of two equal ones). */
function redundantValues(values: readonly string[], ignoreCase: boolean): { value: string; by: string }[] {
  const out: { value: string; by: string }[] = [];
  values.forEach((v, i) => {
    const by = values.find((w, j) => j !== i && patternCovers(w, v, ignoreCase) && (!patternCovers(v, w, ignoreCase) || j < i));
    if (by !== undefined) out.push({ value: v, by });
  });
  return out;
}

/** Whether `a` applies whenever `b` does, with the same effect. */
function covers(a: IrStatement, b: IrStatement): boolean {
  return a.effect === b.effect && appliesWhenever(a, b);
}

function checkValues(input: Parameters<LintRule>[0], report: Parameters<LintRule>[1]): void {
  for (const s of identityStatements(input)) {
    for (const { value, by } of redundantValues(s.actions.values, true)) {
      report(diagnostic("RedundantAction", s.span, `\`${value}\` is already covered by \`${by}\` in this statement`, { hint: `remove \`${value}\`` }));
    }
    for (const { value, by } of redundantValues(s.resources?.values ?? [], false)) {
      report(diagnostic("RedundantResource", s.span, `\`${value}\` is already covered by \`${by}\` in this statement`, { hint: `remove \`${value}\`` }));
    }
  }
}

export const checkRedundancy: LintRule = (input, report) => {
  checkValues(input, report);
  const verdicts = new EveryCopy<IrStatement>();
  for (const statements of statementsBySet(input)) {
    statements.forEach((b, i) => {
      if (!input.userFiles.has(b.span.file)) return;
      // The cover must come from another construct (not a sibling `or` branch of b's own), and of
      // two statements that cover each other, the later is the redundant one.
      const a = statements.find((a, j) => !sameSpan(a.span, b.span) && covers(a, b) && (!covers(b, a) || j < i));
      verdicts.add(b.span, a);
    });
  }
  for (const { span, witness } of verdicts.holding()) {
    report(
      diagnostic("RedundantStatement", span, "this statement grants nothing another statement of the same principal does not already grant", {
        related: [{ message: "covered by this statement", span: witness.span }],
        hint: "remove it, or merge the two",
      }),
    );
  }
};
