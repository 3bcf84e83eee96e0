/**
 * Numeric condition operators: "restrict access based on comparing a key to an integer or
 * decimal value". "Policy variables – Not supported", "Wildcards – Not supported".
 *
 * Choice: a value that is not a decimal number (policy or context) parses to NaN, so it is
 * never equal, less or greater; the negated `NumericNotEquals` therefore holds for it.
 */
import type { BehaviourOf, OperatorBehaviour } from "./types.js";

const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** Parses an integer or decimal; NaN for anything else (including empty and hex). */
export function parseDecimal(text: string): number {
  return DECIMAL.test(text) ? Number(text) : Number.NaN;
}

function numeric(compare: (value: number, expected: number) => boolean): OperatorBehaviour<number> {
  return {
    prepare: (text) => parseDecimal(text),
    matches: (value, expected) => compare(parseDecimal(value), expected),
  };
}

const equals = numeric((a, b) => a === b);

/** By the arp comparison the row reads as; `!=` shares `=`'s behaviour. */
export const numericBehaviour: BehaviourOf = (row) => {
  switch (row.arp) {
    case "<":
      return numeric((a, b) => a < b);
    case "<=":
      return numeric((a, b) => a <= b);
    case ">":
      return numeric((a, b) => a > b);
    case ">=":
      return numeric((a, b) => a >= b);
    default:
      return equals;
  }
};
