/**
 * Which IAM operator each arp comparison becomes, by the condition key's type. A missing entry
 * means the comparison does not fit the type; the checker reports it.
 */
import type { CompareOperator } from "../../grammar/ast.js";
import { OPERATOR_TABLE, type ArpComparison, type OperatorFamily } from "../../runtime/operators/index.js";

/** The base (non-array) type families of condition keys: the operator families but `Null`. */
export type KeyFamily = Exclude<OperatorFamily, "Null">;

const KEY_FAMILIES: readonly KeyFamily[] = ["String", "ARN", "Numeric", "Date", "Bool", "IPAddress", "Binary"];

/** `in`/`not in` test a list of values with the operator of `=`/`!=`. */
const LIST_OF: Partial<Record<ArpComparison, CompareOperator>> = { "=": "in", "!=": "not in" };

/** The order hints list comparisons in. */
const HINT_ORDER: readonly CompareOperator[] = ["=", "!=", "like", "not like", "<", "<=", ">", ">=", "in", "not in"];

/** Per family, each arp comparison → the IAM operator that does not ignore case, derived from the operator table. */
const TABLE: Readonly<Record<KeyFamily, Partial<Record<CompareOperator, string>>>> = Object.fromEntries(
  KEY_FAMILIES.map((family) => [family, comparisonsOf(family)]),
) as Record<KeyFamily, Partial<Record<CompareOperator, string>>>;

function comparisonsOf(family: KeyFamily): Partial<Record<CompareOperator, string>> {
  const found = new Map<CompareOperator, string>();
  for (const row of OPERATOR_TABLE) {
    if (row.family !== family || row.arp === undefined || row.ignoreCase || found.has(row.arp)) continue;
    found.set(row.arp, row.name);
    const list = LIST_OF[row.arp];
    if (list !== undefined) found.set(list, row.name);
  }
  return Object.fromEntries(HINT_ORDER.filter((op) => found.has(op)).map((op) => [op, found.get(op)]));
}

/** The same comparison ignoring case: `StringEquals` → `StringEqualsIgnoreCase`. */
const IGNORING_CASE: ReadonlyMap<string, string> = new Map(
  OPERATOR_TABLE.filter((r) => r.ignoreCase).map((r) => [TABLE[r.family as KeyFamily][r.arp!]!, r.name]),
);

/** The IAM operator for `op` on a key of `family`, or undefined when it does not fit. */
export function iamOperator(family: KeyFamily, op: CompareOperator, ignoreCase: boolean): string | undefined {
  const base = TABLE[family][op];
  if (base === undefined || !ignoreCase) return base;
  return IGNORING_CASE.get(base);
}

const FAMILY_NAMES: Readonly<Record<KeyFamily, string>> = {
  String: "string",
  ARN: "ARN",
  Numeric: "numeric",
  Date: "date",
  Bool: "boolean",
  IPAddress: "IP address",
  Binary: "binary",
};

/** The family as messages name it: `numeric`, `IP address`, ... */
export function familyName(family: KeyFamily): string {
  return FAMILY_NAMES[family];
}

/** `a numeric key`, `an ARN key`: messages read as sentences. */
export function aKeyOf(family: KeyFamily): string {
  const name = FAMILY_NAMES[family];
  return `${/^[AEIOU]/i.test(name) ? "an" : "a"} ${name} key`;
}

/** The comparisons a family supports, for error hints. */
export function operatorsFor(family: KeyFamily): string[] {
  return Object.keys(TABLE[family]).map((o) => `\`${o}\``);
}

/** Splits a catalog type such as `ArrayOfString` into its family and multi-valuedness. */
export function familyOf(type: string): { family: KeyFamily; multi: boolean } {
  const multi = type.startsWith("ArrayOf");
  const base = multi ? type.slice("ArrayOf".length) : type;
  const family = KEY_FAMILIES.find((f) => f === base);
  return { family: family ?? "String", multi };
}
