/**
 * The IAM condition operators, declared once. Every fact about a base operator lives in its
 * row here; the runtime's registry, the checker's comparison table, the importer's read-back
 * table, `not`'s twins and complements and the TypeScript emitter all derive from it
 * (reference_policies_elements_condition_operators.md lists the operators and their
 * "Policy variables" lines; "You can add IfExists to the end of any condition operator name
 * except the Null condition").
 */

/** The key type family an operator compares; `Null` takes any key. One spelling everywhere. */
export type OperatorFamily = "String" | "Numeric" | "Date" | "Bool" | "Binary" | "IPAddress" | "ARN" | "Null";

/** The arp comparison an operator reads as; `Null` reads as `exists`/`missing` instead. */
export type ArpComparison = "=" | "!=" | "<" | "<=" | ">" | ">=" | "like" | "not like";

/** One base operator (no set qualifier, no `IfExists`). */
export interface OperatorRow {
  readonly name: string;
  readonly family: OperatorFamily;
  /** True when the operator holds on a missing key and NORs its values (`StringNotEquals`, ...). */
  readonly negated: boolean;
  /** The operator that decides the opposite on a present key: positive ↔ negated. */
  readonly twin?: string;
  /** For order comparisons: the positive operator that holds on exactly the present values this one rejects. */
  readonly complement?: string;
  /** The arp comparison it reads as; undefined for `Null`. */
  readonly arp?: ArpComparison;
  /** Whether the comparison ignores case (`StringEqualsIgnoreCase`). */
  readonly ignoreCase: boolean;
  /** Whether `IfExists` and `ForAllValues:`/`ForAnyValue:` may be added (not for `Null`). */
  readonly qualifiers: boolean;
  /** Whether `${…}` is substituted in its values (the docs' "Policy variables" line). */
  readonly variables: boolean;
}

type Extra = Partial<Pick<OperatorRow, "twin" | "complement" | "ignoreCase">>;

function row(name: string, family: OperatorFamily, arp: ArpComparison | undefined, negated: boolean, extra: Extra = {}): OperatorRow {
  return {
    name, family, negated, ...(arp !== undefined ? { arp } : {}), ignoreCase: false, qualifiers: family !== "Null",
    // The Bool page says "Policy variables – Supported" while the variables page does not list it; we follow the operator page.
    variables: family === "String" || family === "ARN" || family === "Bool",
    ...extra,
  };
}

/** Every base operator, in the order the IAM docs list them. */
export const OPERATOR_TABLE: readonly OperatorRow[] = [
  row("StringEquals", "String", "=", false, { twin: "StringNotEquals" }),
  row("StringNotEquals", "String", "!=", true, { twin: "StringEquals" }),
  row("StringEqualsIgnoreCase", "String", "=", false, { twin: "StringNotEqualsIgnoreCase", ignoreCase: true }),
  row("StringNotEqualsIgnoreCase", "String", "!=", true, { twin: "StringEqualsIgnoreCase", ignoreCase: true }),
  row("StringLike", "String", "like", false, { twin: "StringNotLike" }),
  row("StringNotLike", "String", "not like", true, { twin: "StringLike" }),
  row("NumericEquals", "Numeric", "=", false, { twin: "NumericNotEquals" }),
  row("NumericNotEquals", "Numeric", "!=", true, { twin: "NumericEquals" }),
  row("NumericLessThan", "Numeric", "<", false, { complement: "NumericGreaterThanEquals" }),
  row("NumericLessThanEquals", "Numeric", "<=", false, { complement: "NumericGreaterThan" }),
  row("NumericGreaterThan", "Numeric", ">", false, { complement: "NumericLessThanEquals" }),
  row("NumericGreaterThanEquals", "Numeric", ">=", false, { complement: "NumericLessThan" }),
  row("DateEquals", "Date", "=", false, { twin: "DateNotEquals" }),
  row("DateNotEquals", "Date", "!=", true, { twin: "DateEquals" }),
  row("DateLessThan", "Date", "<", false, { complement: "DateGreaterThanEquals" }),
  row("DateLessThanEquals", "Date", "<=", false, { complement: "DateGreaterThan" }),
  row("DateGreaterThan", "Date", ">", false, { complement: "DateLessThanEquals" }),
  row("DateGreaterThanEquals", "Date", ">=", false, { complement: "DateLessThan" }),
  // Bool's complement is itself with the other value.
  row("Bool", "Bool", "=", false, { complement: "Bool" }),
  row("BinaryEquals", "Binary", "=", false),
  row("IpAddress", "IPAddress", "=", false, { twin: "NotIpAddress" }),
  row("NotIpAddress", "IPAddress", "!=", true, { twin: "IpAddress" }),
  row("ArnEquals", "ARN", "=", false, { twin: "ArnNotEquals" }),
  row("ArnLike", "ARN", "like", false, { twin: "ArnNotLike" }),
  row("ArnNotEquals", "ARN", "!=", true, { twin: "ArnEquals" }),
  row("ArnNotLike", "ARN", "not like", true, { twin: "ArnLike" }),
  row("Null", "Null", undefined, false),
];

const BY_NAME: ReadonlyMap<string, OperatorRow> = new Map(OPERATOR_TABLE.map((r) => [r.name, r]));

/** Whether a family's operators substitute policy variables in their values. */
export function familyTakesVariables(family: OperatorFamily): boolean {
  return OPERATOR_TABLE.some((r) => r.family === family && r.variables);
}

/** The rows of one family, in table order. */
export function operatorsOfFamily(family: OperatorFamily): OperatorRow[] {
  return OPERATOR_TABLE.filter((r) => r.family === family);
}

/** The presence test: `Null` `true` holds on a missing key, `false` on a present one. */
export const NULL_OPERATOR: OperatorRow = BY_NAME.get("Null")!;

/** The boolean test: a bare boolean key reads as `Bool` `true`. */
export const BOOL_OPERATOR: OperatorRow = BY_NAME.get("Bool")!;
