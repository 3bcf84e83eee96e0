/**
 * The IAM condition operators as the TypeScript emitter needs them: each base operator's
 * family, whether it is negated, and how one request value is compared with one policy value,
 * all read from the operator table (runtime/operators/table.ts).
 */
import { familyTakesVariables, OPERATOR_TABLE, type OperatorFamily, type OperatorRow } from "../../../runtime/operators/index.js";

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
  readonly family: OperatorFamily;
  readonly comparison: Comparison;
  /** Negated operators are true when no policy value matches (NOR) and when the key is missing. */
  readonly negated: boolean;
}

/** The positive comparison of each arp comparison: a negated operator NORs its twin's test. */
const BY_ARP: Readonly<Record<NonNullable<OperatorRow["arp"]>, Comparison>> = {
  "=": "equals",
  "!=": "equals",
  like: "like",
  "not like": "like",
  "<": "lessThan",
  "<=": "lessThanEquals",
  ">": "greaterThan",
  ">=": "greaterThanEquals",
};

/** ARN operators compare component-wise whether `Equals` or `Like`; IP operators test ranges. */
function comparisonOf(row: OperatorRow): Comparison {
  if (row.arp === undefined) return "null";
  if (row.family === "ARN") return "arnLike";
  if (row.family === "IPAddress") return "inRange";
  if (row.ignoreCase) return "equalsIgnoreCase";
  return BY_ARP[row.arp];
}

const TABLE: readonly (OperatorRow & { readonly info: OperatorInfo })[] = OPERATOR_TABLE.map((row) => ({
  ...row,
  info: { family: row.family, comparison: comparisonOf(row), negated: row.negated },
}));

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

const BY_LOWER_NAME: ReadonlyMap<string, (typeof TABLE)[number]> = new Map(
  TABLE.map((row) => [row.name.toLowerCase(), row]),
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
  const row = BY_LOWER_NAME.get(ifExists ? name.slice(0, -"ifexists".length) : name);
  const info = row === undefined || (!row.qualifiers && (ifExists || qualifier !== undefined)) ? undefined : row.info;
  return { written, qualifier, ifExists, info };
}

/** Families whose policy values take policy variables, as the operator table declares them. */
export function allowsVariables(family: OperatorFamily): boolean {
  return familyTakesVariables(family);
}
