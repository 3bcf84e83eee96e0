/**
 * ARP7051: a test of a statement that another test of the same statement implies (`K exists`
 * beside `K = "a"`, `K like "a*"` beside `K = "abc"`). Tests are ANDed, so the implied one
 * changes no decision; like a redundant statement it is worth removing, since an edit of the
 * stronger test leaves the weaker one behind looking meaningful. Implication is proved, never
 * guessed: only plain tests (no `IfExists`; a set qualifier only on the implying side, as
 * `ForAnyValue` of a positive operator), and values with policy variables never count.
 */
import { diagnostic } from "../../grammar/diagnostics/codes.js";
import { OPERATOR_TABLE, type OperatorRow } from "../../runtime/operators/table.js";
import type { IrCondition } from "../ir.js";
import { identityStatements, type LintRule } from "./lintInput.js";
import { patternCovers } from "./patternCover.js";
import { sameCondition } from "./statementCover.js";

const BY_NAME: ReadonlyMap<string, OperatorRow> = new Map(OPERATOR_TABLE.map((r) => [r.name, r]));

/** Whether `c` fails on a missing key: a plain positive test, or `ForAnyValue` of one. */
function needsPresence(c: IrCondition): boolean {
  const row = BY_NAME.get(c.operator.replace(/^ForAnyValue:/, ""));
  if (row === undefined) return false;
  if (row.family === "Null") return !c.operator.startsWith("ForAnyValue:") && c.values.length === 1 && c.values[0] === "false";
  return !row.negated;
}

/** Case folding trusted only on ASCII text, where every reading of "ignore case" agrees. */
const ASCII = /^[\x20-\x7e]*$/;

/** Whether every string the single value `v` of the plain String test `b` accepts, `w` of `a` accepts. */
function valueImplies(a: OperatorRow, w: string, b: OperatorRow, v: string): boolean {
  if (w.includes("${") || v.includes("${")) return false;
  const literal = b.arp === "=" && !b.ignoreCase;
  switch (`${a.arp}${a.ignoreCase ? "/i" : ""}`) {
    case "=":
      return literal ? v === w : b.arp === "like" && !/[*?]/.test(v) && v === w;
    case "=/i": {
      const plain = b.arp === "=" || (b.arp === "like" && !/[*?]/.test(v));
      return plain && ASCII.test(v) && ASCII.test(w) && v.toLowerCase() === w.toLowerCase();
    }
    case "like":
      // A literal's `*` and `?` read as wildcards cover more than the literal: still a proof.
      return (literal || b.arp === "like") && patternCovers(w, v, false);
    default:
      return false;
  }
}

/** Whether `b` holding makes `a` hold (both of one key, of one statement). */
function implies(b: IrCondition, a: IrCondition): boolean {
  if (sameCondition(a, b)) return true;
  const ra = BY_NAME.get(a.operator);
  if (ra === undefined) return false;
  if (ra.family === "Null") return a.values.length === 1 && a.values[0] === "false" && needsPresence(b);
  const rb = BY_NAME.get(b.operator);
  if (rb === undefined || ra.family !== "String" || rb.family !== "String" || ra.negated || rb.negated) return false;
  return b.values.every((v) => a.values.some((w) => valueImplies(ra, w, rb, v)));
}

export const checkRedundantConditions: LintRule = (input, report) => {
  for (const s of identityStatements(input)) {
    s.conditions.forEach((a, i) => {
      // Of two tests that imply each other, the later is the redundant one.
      const b = s.conditions.find((b, j) => j !== i && b.key.toLowerCase() === a.key.toLowerCase() && implies(b, a) && (!implies(a, b) || j < i));
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
