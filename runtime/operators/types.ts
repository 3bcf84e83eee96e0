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

export type OperatorFamily = "String" | "Numeric" | "Date" | "Bool" | "Binary" | "IpAddress" | "Arn" | "Null";

export interface OperatorImpl<Prepared = unknown> {
  /** Base name without `IfExists` or a set qualifier, e.g. `StringNotLike`. */
  readonly name: string;
  readonly family: OperatorFamily;
  readonly negated: boolean;
  /** Whether `${…}` is substituted in this operator's values (the docs' "Policy variables" line). */
  readonly variables: boolean;
  /** Parses a policy value; `tokens` keep which characters are wildcards. */
  prepare(text: string, tokens: readonly PatternToken[]): Prepared;
  /** The positive test of one context value against one prepared policy value. */
  matches(contextValue: string, prepared: Prepared): boolean;
}

/** The positive behaviour shared by an operator and its negated twin. */
export type OperatorBehaviour<Prepared> = Omit<OperatorImpl<Prepared>, "name" | "negated">;

/** Builds the registry entry for one operator name from a shared behaviour. */
export function operator<Prepared>(
  name: string,
  negated: boolean,
  behaviour: OperatorBehaviour<Prepared>,
): OperatorImpl {
  return { ...behaviour, name, negated } as OperatorImpl;
}
