/**
 * The IAM condition operators as data: each base operator's family, whether it is negated, and
 * how one request value is compared with one policy value. The condition emitter reads this
 * table; adding an operator is one row.
 */

/** The operator families of the IAM condition operators page. */
export type Family = "string" | "numeric" | "date" | "bool" | "binary" | "ip" | "arn" | "null";

/** How one request value is tested against one policy value. */
export type Comparison =
  | "equals"
  | "equalsIgnoreCase"
  | "like"
  | "lessThan"
  | "lessThanEquals"
  | "greaterThan"
  | "greaterThanEquals"
  | "inRange"
  | "arnLike"
  | "null";

/** What a base operator does. */
export interface OperatorInfo {
  readonly family: Family;
  readonly comparison: Comparison;
  /** Negated operators are true when no policy value matches (NOR) and when the key is missing. */
  readonly negated: boolean;
}

function op(family: Family, comparison: Comparison, negated = false): OperatorInfo {
  return { family, comparison, negated };
}

const OPERATORS: Readonly<Record<string, OperatorInfo>> = {
  StringEquals: op("string", "equals"),
  StringNotEquals: op("string", "equals", true),
  StringEqualsIgnoreCase: op("string", "equalsIgnoreCase"),
  StringNotEqualsIgnoreCase: op("string", "equalsIgnoreCase", true),
  StringLike: op("string", "like"),
  StringNotLike: op("string", "like", true),
  NumericEquals: op("numeric", "equals"),
  NumericNotEquals: op("numeric", "equals", true),
  NumericLessThan: op("numeric", "lessThan"),
  NumericLessThanEquals: op("numeric", "lessThanEquals"),
  NumericGreaterThan: op("numeric", "greaterThan"),
  NumericGreaterThanEquals: op("numeric", "greaterThanEquals"),
  DateEquals: op("date", "equals"),
  DateNotEquals: op("date", "equals", true),
  DateLessThan: op("date", "lessThan"),
  DateLessThanEquals: op("date", "lessThanEquals"),
  DateGreaterThan: op("date", "greaterThan"),
  DateGreaterThanEquals: op("date", "greaterThanEquals"),
  Bool: op("bool", "equals"),
  BinaryEquals: op("binary", "equals"),
  IpAddress: op("ip", "inRange"),
  NotIpAddress: op("ip", "inRange", true),
  ArnEquals: op("arn", "arnLike"),
  ArnLike: op("arn", "arnLike"),
  ArnNotEquals: op("arn", "arnLike", true),
  ArnNotLike: op("arn", "arnLike", true),
  Null: op("null", "null"),
};

/** A set qualifier, or undefined for a plain operator. */
export type SetQualifier = "ForAllValues" | "ForAnyValue" | undefined;

/** A condition operator as written, taken apart. */
export interface ParsedOperator {
  /** As written in the policy, e.g. `ForAnyValue:StringLikeIfExists`. */
  readonly written: string;
  readonly qualifier: SetQualifier;
  readonly ifExists: boolean;
  /** Undefined for an operator IAM does not define: the statement then never applies. */
  readonly info: OperatorInfo | undefined;
}

const BY_LOWER_NAME: ReadonlyMap<string, OperatorInfo> = new Map(
  Object.entries(OPERATORS).map(([name, info]) => [name.toLowerCase(), info]),
);

const QUALIFIERS: readonly [string, Exclude<SetQualifier, undefined>][] = [
  ["forallvalues:", "ForAllValues"],
  ["foranyvalue:", "ForAnyValue"],
];

/**
 * Takes an operator name apart as runtime/operators/index.ts does: names and qualifiers are
 * matched case-insensitively, and `Null` takes neither `IfExists` nor a set qualifier.
 */
export function parseOperator(written: string): ParsedOperator {
  let name = written.toLowerCase();
  let qualifier: SetQualifier;
  for (const [prefix, q] of QUALIFIERS) {
    if (name.startsWith(prefix)) {
      qualifier = q;
      name = name.slice(prefix.length);
      break;
    }
  }
  const ifExists = name.endsWith("ifexists");
  let info = BY_LOWER_NAME.get(ifExists ? name.slice(0, -"ifexists".length) : name);
  if (info?.family === "null" && (ifExists || qualifier !== undefined)) info = undefined;
  return { written, qualifier, ifExists, info };
}

/**
 * Families whose policy values take policy variables: string and ARN operators, and Bool, whose
 * operator page says "Policy variables – Supported" (the runtime follows that page).
 */
export function allowsVariables(family: Family): boolean {
  return family === "string" || family === "arn" || family === "bool";
}
