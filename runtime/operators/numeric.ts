/**
 * Numeric condition operators: "restrict access based on comparing a key to an integer or
 * decimal value". "Policy variables – Not supported", "Wildcards – Not supported".
 *
 * Choice: a value that is not a decimal number (policy or context) parses to NaN, so it is
 * never equal, less or greater; the negated `NumericNotEquals` therefore holds for it.
 */
import { operator, type OperatorBehaviour, type OperatorImpl } from "./types.js";

const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** Parses an integer or decimal; NaN for anything else (including empty and hex). */
export function parseDecimal(text: string): number {
  return DECIMAL.test(text) ? Number(text) : Number.NaN;
}

function numeric(compare: (value: number, expected: number) => boolean): OperatorBehaviour<number> {
  return {
    family: "Numeric",
    variables: false,
    prepare: (text) => parseDecimal(text),
    matches: (value, expected) => compare(parseDecimal(value), expected),
  };
}

const equals = numeric((a, b) => a === b);

export const numericOperators: readonly OperatorImpl[] = [
  operator("NumericEquals", false, equals),
  operator("NumericNotEquals", true, equals),
  operator(
    "NumericLessThan",
    false,
    numeric((a, b) => a < b),
  ),
  operator(
    "NumericLessThanEquals",
    false,
    numeric((a, b) => a <= b),
  ),
  operator(
    "NumericGreaterThan",
    false,
    numeric((a, b) => a > b),
  ),
  operator(
    "NumericGreaterThanEquals",
    false,
    numeric((a, b) => a >= b),
  ),
];
