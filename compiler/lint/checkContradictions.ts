/**
 * ARP7015: conditions of one statement are ANDed, so two that cannot both hold make the
 * statement dead: a deny that never applies protects nothing, an allow that never applies
 * grants nothing. Two contradictions are recognised, both exactly: `K missing` (Null "true")
 * with a test that needs K present (Null "false", or a positive test without IfExists or a set
 * qualifier), and an equality whose every value its negated twin in the same statement excludes
 * (`K = "a"` with `K != ["a", "b"]`). Operators are read from the operator table. A statement is
 * reported only when every statement it lowered to has one (everyCopy.ts).
 */
import { diagnostic } from "../../grammar/diagnostics/codes.js";
import { OPERATOR_TABLE, type OperatorRow } from "../../runtime/operators/table.js";
import type { IrCondition, IrStatement } from "../ir.js";
import { identityStatements, type LintRule } from "./lintInput.js";
import { EveryCopy } from "./everyCopy.js";

const BY_NAME: ReadonlyMap<string, OperatorRow> = new Map(OPERATOR_TABLE.map((r) => [r.name, r]));

/** The operator's row when it has no `IfExists` and no set qualifier; undefined otherwise. */
function plainRow(operator: string): OperatorRow | undefined {
  return BY_NAME.get(operator);
}

/** Whether the test fails on a missing key: `K exists`, or a positive operator without qualifiers. */
function needsPresence(c: IrCondition): boolean {
  const row = plainRow(c.operator);
  if (row === undefined) return false;
  if (row.family === "Null") return c.values.length === 1 && c.values[0] === "false";
  return !row.negated;
}

/** Whether the test is `K missing` (Null "true"). */
function needsAbsence(c: IrCondition): boolean {
  return plainRow(c.operator)?.family === "Null" && c.values.length === 1 && c.values[0] === "true";
}

/** Whether the negated equality `not` excludes every value the equality `eq` accepts. */
function excludesAll(not: IrCondition, eq: IrCondition): boolean {
  const row = plainRow(not.operator);
  if (row === undefined || !row.negated || row.twin !== eq.operator || plainRow(eq.operator)?.arp !== "=") return false;
  const fold = (v: string): string => (row.ignoreCase ? v.toLowerCase() : v);
  const excluded = new Set(not.values.map(fold));
  return eq.values.every((v) => excluded.has(fold(v)));
}

function contradiction(s: IrStatement): IrCondition | undefined {
  for (const c of s.conditions) {
    const same = s.conditions.filter((d) => d !== c && d.key.toLowerCase() === c.key.toLowerCase());
    if (needsAbsence(c) && same.some(needsPresence)) return c;
    if (same.some((d) => excludesAll(c, d))) return c;
  }
  return undefined;
}

export const checkContradictions: LintRule = (input, report) => {
  // The statement is dead only when every statement it lowered to is: one dead branch of an
  // `or` leaves the others applying.
  const verdicts = new EveryCopy<{ statement: IrStatement; test: IrCondition }>();
  for (const s of identityStatements(input)) {
    const c = contradiction(s);
    verdicts.add(s.span, c === undefined ? undefined : { statement: s, test: c });
  }
  for (const { witness } of verdicts.holding()) {
    const { statement: s, test: c } = witness;
    report(
      diagnostic("StatementNeverApplies", c.span, `\`${c.key}\` is tested two ways that cannot both hold, so this ${s.effect === "Deny" ? "deny never applies" : "allow never grants anything"}`, {
        hint: "one of the tests is probably meant for another key",
      }),
    );
  }
};
