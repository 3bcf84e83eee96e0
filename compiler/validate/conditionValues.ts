/**
 * Whether a condition value is of the type its operator compares. IAM accepts any text; Access
 * Analyzer reports a mismatch ("Type mismatch Boolean", "Type mismatch date", "Type mismatch IP
 * range", "Type mismatch number", "Type mismatch string"), and such a value never matches.
 * The shapes are the runtime's (runtime/valueShapes.ts): a value is reported exactly when the
 * evaluator's operator cannot read it.
 */
import { fitsFamily } from "../../runtime/valueShapes.js";
import type { OperatorFamily } from "./conditionOperators.js";

/** What each family's values look like, for messages. */
const EXPECTED: Readonly<Partial<Record<OperatorFamily, string>>> = {
  Numeric: "a number",
  Date: "an ISO 8601 date such as `2027-01-01T00:00:00Z`",
  Bool: "`true` or `false`",
  IPAddress: "an IP address or CIDR range such as `203.0.113.0/24`",
  Binary: "base64",
  Null: "`true` or `false`",
};

/** What a value of `family` looks like, for messages; undefined when `text` is one. */
export function valueTypeProblem(family: OperatorFamily, text: string): string | undefined {
  return fitsFamily(family, text) ? undefined : EXPECTED[family];
}
