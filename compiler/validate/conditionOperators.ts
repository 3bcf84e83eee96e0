/**
 * Condition operator names, from reference_policies_elements_condition_operators.md: the
 * String, Numeric, Date, Boolean, Binary, IP address and ARN operators and `Null`, each
 * optionally prefixed `ForAnyValue:` / `ForAllValues:` (reference_policies_multi-value-conditions.md)
 * and suffixed `IfExists`: "You can add IfExists to the end of any condition operator name
 * except the Null condition".
 */

import { OPERATOR_TABLE, type OperatorFamily } from "../../runtime/operators/index.js";

export type { OperatorFamily } from "../../runtime/operators/index.js";

/** Base operator name → the key type family it compares, from the operator table. */
const FAMILIES: ReadonlyMap<string, OperatorFamily> = new Map(OPERATOR_TABLE.map((r) => [r.name, r.family]));

export interface ParsedOperator {
  readonly base: string;
  readonly family: OperatorFamily;
  readonly quantifier?: "ForAnyValue" | "ForAllValues";
  readonly ifExists: boolean;
}

/** Every base operator name, in the documentation's order. */
export function baseOperators(): readonly string[] {
  return [...FAMILIES.keys()];
}

/** Reads an operator exactly as IAM spells it; undefined for a name IAM does not have. */
export function parseOperator(written: string): ParsedOperator | undefined {
  let rest = written;
  let quantifier: ParsedOperator["quantifier"];
  for (const q of ["ForAnyValue", "ForAllValues"] as const) {
    if (rest.startsWith(`${q}:`)) {
      quantifier = q;
      rest = rest.slice(q.length + 1);
      break;
    }
  }
  let family = FAMILIES.get(rest);
  let ifExists = false;
  if (family === undefined && rest.endsWith("IfExists")) {
    family = FAMILIES.get(rest.slice(0, -"IfExists".length));
    ifExists = true;
    rest = rest.slice(0, -"IfExists".length);
  }
  if (family === undefined) return undefined;
  return { base: rest, family, ...(quantifier !== undefined ? { quantifier } : {}), ifExists };
}

/** The documented spelling with the same letters in another case, e.g. `stringequals` → `StringEquals`. */
export function spellingOf(written: string): string | undefined {
  const lower = written.toLowerCase();
  for (const q of ["", "ForAnyValue:", "ForAllValues:"]) {
    for (const b of FAMILIES.keys()) {
      for (const s of ["", "IfExists"]) {
        if (`${q}${b}${s}`.toLowerCase() === lower) return `${q}${b}${s}`;
      }
    }
  }
  return undefined;
}

/** True for the negated operators, which hold when no value matches. */
export function isNegated(base: string): boolean {
  return /Not/.test(base);
}
