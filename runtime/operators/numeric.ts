/**
 * Numeric condition operators: "restrict access based on comparing a key to an integer or
 * decimal value". "Policy variables – Not supported", "Wildcards – Not supported".
 *
 * Choice: a value that is not a decimal number (policy or context) parses to NaN, so it is
 * never equal, less or greater; the negated `NumericNotEquals` therefore holds for it.
 */
import { orderedBehaviour, type BehaviourOf } from "./types.js";

const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** Parses an integer or decimal; NaN for anything else (including empty and hex). */
export function parseDecimal(text: string): number {
  return DECIMAL.test(text) ? Number(text) : Number.NaN;
}

/** By the arp comparison the row reads as. */
export const numericBehaviour: BehaviourOf = orderedBehaviour(parseDecimal);
