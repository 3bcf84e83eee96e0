/**
 * The condition-operator registry: operator name → implementation, as data. An operator as
 * written in a policy is `[ForAllValues:|ForAnyValue:]Base[IfExists]`; `parseOperator` splits
 * it. Choices where the docs are silent: names are matched case-insensitively, and `Null`
 * takes neither `IfExists` ("You can add `IfExists` to the end of any condition operator name
 * except the `Null` condition") nor a set qualifier — those spellings are unknown operators.
 */
import { arnBehaviour } from "./arn.js";
import { binaryBehaviour } from "./binary.js";
import { boolBehaviour } from "./bool.js";
import { dateBehaviour } from "./date.js";
import { ipBehaviour } from "./ip.js";
import { nullBehaviour } from "./null.js";
import { numericBehaviour } from "./numeric.js";
import { stringBehaviour } from "./string.js";
import { OPERATOR_TABLE, type OperatorFamily } from "./table.js";
import type { BehaviourOf, OperatorImpl } from "./types.js";

export type { OperatorFamily, OperatorImpl } from "./types.js";
export type { ArpComparison, OperatorRow } from "./table.js";
export { OPERATOR_TABLE, familyTakesVariables, operatorsOfFamily, NULL_OPERATOR, BOOL_OPERATOR } from "./table.js";

const BEHAVIOURS: Readonly<Record<OperatorFamily, BehaviourOf>> = {
  String: stringBehaviour,
  Numeric: numericBehaviour,
  Date: dateBehaviour,
  Bool: boolBehaviour,
  Binary: binaryBehaviour,
  IPAddress: ipBehaviour,
  ARN: arnBehaviour,
  Null: nullBehaviour,
};

/** Every base operator, in the order the IAM docs list them: a table row with its behaviour. */
export const OPERATORS: readonly OperatorImpl[] = OPERATOR_TABLE.map(
  (row) => ({ ...row, ...BEHAVIOURS[row.family](row) }) as OperatorImpl,
);

const BY_NAME: ReadonlyMap<string, OperatorImpl> = new Map(
  OPERATORS.map((op) => [op.name.toLowerCase(), op]),
);

/** How a multivalued context key is quantified: plain, `ForAllValues:` or `ForAnyValue:`. */
export type SetQualifier = "none" | "all" | "any";

/** A policy's operator name, understood. */
export interface ParsedOperator {
  readonly impl: OperatorImpl;
  readonly set: SetQualifier;
  readonly ifExists: boolean;
}

const QUALIFIERS: readonly [string, SetQualifier][] = [
  ["forallvalues:", "all"],
  ["foranyvalue:", "any"],
];

/** Parses an operator as written; undefined when it is not an IAM condition operator. */
export function parseOperator(written: string): ParsedOperator | undefined {
  let name = written.toLowerCase();
  let set: SetQualifier = "none";
  for (const [prefix, qualifier] of QUALIFIERS) {
    if (name.startsWith(prefix)) {
      set = qualifier;
      name = name.slice(prefix.length);
      break;
    }
  }
  const ifExists = name.endsWith("ifexists");
  const impl = BY_NAME.get(ifExists ? name.slice(0, -"ifexists".length) : name);
  if (impl === undefined) return undefined;
  if (!impl.qualifiers && (ifExists || set !== "none")) return undefined;
  return { impl, set, ifExists };
}
