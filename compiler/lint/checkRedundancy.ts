/**
 * ARP7007–ARP7009, after Access Analyzer's "Redundant statement", "Redundant action" and
 * "Redundant resource" suggestions: a value another value of the same list already covers, and
 * a statement another statement of the same principal already covers, change no decision.
 * They are worth removing because an edit to one copy leaves the other granting the old access.
 *
 * Statement B is covered by statement A (same effect) when every action of B is covered by an
 * action of A, every resource of B by a resource of A, and every condition of A is also one of
 * B's (same operator, key and values): then whenever B applies, A does. Covers are proved with
 * patternCover.ts, which may miss one but never invents one.
 */
import { diagnostic } from "../../grammar/diagnostics/codes.js";
import type { IrCondition, IrStatement } from "../ir.js";
import { identityStatements, type LintRule } from "./lintInput.js";
import { patternCovers } from "./patternCover.js";

/** Reports each value of `values` that another value covers (the later of two equal ones). */
function redundantValues(values: readonly string[], ignoreCase: boolean): { value: string; by: string }[] {
  const out: { value: string; by: string }[] = [];
  values.forEach((v, i) => {
    const by = values.find((w, j) => j !== i && patternCovers(w, v, ignoreCase) && (!patternCovers(v, w, ignoreCase) || j < i));
    if (by !== undefined) out.push({ value: v, by });
  });
  return out;
}

function sameCondition(a: IrCondition, b: IrCondition): boolean {
  if (a.operator !== b.operator || a.key.toLowerCase() !== b.key.toLowerCase() || a.values.length !== b.values.length) return false;
  const values = new Set(b.values);
  return a.values.every((v) => values.has(v));
}

/** Whether `a` applies whenever `b` does. */
function covers(a: IrStatement, b: IrStatement): boolean {
  if (a.effect !== b.effect || a.actions.not || b.actions.not) return false;
  if (a.resources === undefined || b.resources === undefined || a.resources.not || b.resources.not) return false;
  if (!b.actions.values.every((v) => a.actions.values.some((w) => patternCovers(w, v, true)))) return false;
  if (!b.resources.values.every((v) => a.resources!.values.some((w) => patternCovers(w, v, false)))) return false;
  return a.conditions.every((c) => b.conditions.some((d) => sameCondition(c, d)));
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

/** Each principal's statements, identity policies only, in the order IAM would list them. */
function statementsBySet(input: Parameters<LintRule>[0]): IrStatement[][] {
  const sets = input.principals.map((set) => set.members.flatMap((m) => m.policy.ir.statements));
  return sets.length > 0 ? sets : [[...identityStatements(input)]];
}

export const checkRedundancy: LintRule = (input, report) => {
  checkValues(input, report);
  const reported = new Set<IrStatement>();
  for (const statements of statementsBySet(input)) {
    statements.forEach((b, i) => {
      if (reported.has(b) || !input.userFiles.has(b.span.file)) return;
      // Of two statements that cover each other, the later is the redundant one.
      const a = statements.find((a, j) => j !== i && covers(a, b) && (!covers(b, a) || j < i));
      if (a === undefined) return;
      reported.add(b);
      report(
        diagnostic("RedundantStatement", b.span, "this statement grants nothing another statement of the same principal does not already grant", {
          related: [{ message: "covered by this statement", span: a.span }],
          hint: "remove it, or merge the two",
        }),
      );
    });
  }
};
