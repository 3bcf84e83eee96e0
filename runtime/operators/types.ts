/**
 * The shape every condition operator implements. Operators are data: a name, a family, whether
 * it is negated, whether policy variables are substituted in its values, and two functions —
 * `prepare` parses a policy value once, `matches` tests one context value against it.
 *
 * A negated operator (`StringNotEquals`, `NotIpAddress`, …) shares `prepare`/`matches` with
 * its positive twin; the condition evaluator negates. That follows "If a single negated
 * matching condition operator includes multiple values for a context key, those values are
 * evaluated using a logical NOR." (Conditions with multiple context keys or values.)
 */
import type { PatternToken } from "../wildcard.js";
import type { OperatorRow } from "./table.js";

export type { OperatorFamily } from "./table.js";

/** A row of the operator table (name, family, negated, variables, ...) with its behaviour. */
export interface OperatorImpl<Prepared = unknown> extends OperatorRow {
  /** Parses a policy value; `tokens` keep which characters are wildcards. */
  prepare(text: string, tokens: readonly PatternToken[]): Prepared;
  /** The positive test of one context value against one prepared policy value. */
  matches(contextValue: string, prepared: Prepared): boolean;
}

/** The positive behaviour shared by an operator and its negated twin. */
export type OperatorBehaviour<Prepared> = Pick<OperatorImpl<Prepared>, "prepare" | "matches">;

/** Picks a family's behaviour for one row of the operator table. */
export type BehaviourOf = (row: OperatorRow) => OperatorBehaviour<unknown>;

/**
 * The behaviour of a family compared as numbers (Numeric, Date): `parse` reads policy and
 * context values alike, and the row's arp comparison picks the order test; `!=` shares `=`'s.
 */
export function orderedBehaviour(parse: (text: string) => number): BehaviourOf {
  const by = (compare: (value: number, expected: number) => boolean): OperatorBehaviour<number> => ({
    prepare: (text) => parse(text),
    matches: (value, expected) => compare(parse(value), expected),
  });
  const equals = by((a, b) => a === b);
  const less = by((a, b) => a < b);
  const lessOrEqual = by((a, b) => a <= b);
  const greater = by((a, b) => a > b);
  const greaterOrEqual = by((a, b) => a >= b);
  return (row) => {
    switch (row.arp) {
      case "<":
        return less;
      case "<=":
        return lessOrEqual;
      case ">":
        return greater;
      case ">=":
        return greaterOrEqual;
      default:
        return equals;
    }
  };
}
