/**
 * Whether one condition test implies another (whenever the first holds, so does the second),
 * proved from their text: ARP7051 calls the implied test redundant, and a statement whose tests
 * each follow from another statement's applies whenever that one does (statementCover.ts).
 * Strings compare by pattern cover, numbers and dates by their bounds (`K < 3` implies `K < 5`).
 * Only plain tests imply (no `IfExists`; a set qualifier only as `ForAnyValue` of a positive
 * operator); the implied test may have `IfExists`, which only widens it. Values with policy
 * variables never count.
 */
import { parseIamDate } from "../../runtime/dates.js";
import { parseDecimal } from "../../runtime/operators/numeric.js";
import { OPERATOR_TABLE, type OperatorRow } from "../../runtime/operators/table.js";
import type { IrCondition } from "../ir.js";
import { patternCovers } from "./patternCover.js";

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

/**
 * Whether every number `x` with `x (b) v` also has `x (a) w`, for the order comparisons and
 * equality (numbers and dates alike, already parsed; NaN proves nothing).
 */
function boundImplies(a: string | undefined, w: number, b: string | undefined, v: number): boolean {
  if (Number.isNaN(w) || Number.isNaN(v)) return false;
  const below = b === "<" || b === "<=" || b === "=";
  const above = b === ">" || b === ">=" || b === "=";
  switch (a) {
    case "<":
      return below && (b === "<" ? v <= w : v < w);
    case "<=":
      return below && v <= w;
    case ">":
      return above && (b === ">" ? v >= w : v > w);
    case ">=":
      return above && v >= w;
    case "=":
      return b === "=" && v === w;
    default:
      return false;
  }
}

/** The same test: operator, key (case-insensitive, as IAM compares keys) and values. */
export function sameCondition(a: IrCondition, b: IrCondition): boolean {
  if (a.operator !== b.operator || a.key.toLowerCase() !== b.key.toLowerCase() || a.values.length !== b.values.length) return false;
  const values = new Set(b.values);
  return a.values.every((v) => values.has(v));
}

/** Whether `b` holding makes `a` hold. */
export function implies(b: IrCondition, a: IrCondition): boolean {
  if (a.key.toLowerCase() !== b.key.toLowerCase()) return false;
  if (sameCondition(a, b)) return true;
  // `IfExists` only widens a test (it also holds on a missing key): what implies the plain test implies it.
  if (a.operator.endsWith("IfExists") && BY_NAME.has(a.operator.slice(0, -"IfExists".length))) return implies(b, { ...a, operator: a.operator.slice(0, -"IfExists".length) });
  const ra = BY_NAME.get(a.operator);
  if (ra === undefined) return false;
  if (ra.family === "Null") return a.values.length === 1 && a.values[0] === "false" && needsPresence(b);
  const rb = BY_NAME.get(b.operator);
  if (rb === undefined || ra.family !== rb.family || ra.negated || rb.negated) return false;
  const parse = ra.family === "Numeric" ? parseDecimal : ra.family === "Date" ? parseIamDate : undefined;
  if (parse !== undefined) return b.values.every((v) => a.values.some((w) => boundImplies(ra.arp, parse(w), rb.arp, parse(v))));
  if (ra.family !== "String") return false;
  return b.values.every((v) => a.values.some((w) => valueImplies(ra, w, rb, v)));
}

