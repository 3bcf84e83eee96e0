/**
 * Which IAM operator each arp comparison becomes, by the condition key's type. A missing entry
 * means the comparison does not fit the type; the checker reports it.
 */
import type { CompareOperator } from "../../grammar/ast.js";

/** The base (non-array) type families of condition keys. */
export type KeyFamily = "String" | "ARN" | "Numeric" | "Date" | "Bool" | "IPAddress" | "Binary";

const ORDERED = {
  "=": "Equals",
  "!=": "NotEquals",
  "<": "LessThan",
  "<=": "LessThanEquals",
  ">": "GreaterThan",
  ">=": "GreaterThanEquals",
  in: "Equals",
  "not in": "NotEquals",
} as const;

const TABLE: Readonly<Record<KeyFamily, Partial<Record<CompareOperator, string>>>> = {
  String: { "=": "StringEquals", "!=": "StringNotEquals", like: "StringLike", "not like": "StringNotLike", in: "StringEquals", "not in": "StringNotEquals" },
  ARN: { "=": "ArnEquals", "!=": "ArnNotEquals", like: "ArnLike", "not like": "ArnNotLike", in: "ArnEquals", "not in": "ArnNotEquals" },
  Numeric: prefixed("Numeric"),
  Date: prefixed("Date"),
  Bool: { "=": "Bool" },
  IPAddress: { "=": "IpAddress", in: "IpAddress", "!=": "NotIpAddress", "not in": "NotIpAddress" },
  Binary: { "=": "BinaryEquals", in: "BinaryEquals" },
};

function prefixed(family: string): Partial<Record<CompareOperator, string>> {
  const out: Partial<Record<CompareOperator, string>> = {};
  for (const [op, suffix] of Object.entries(ORDERED)) out[op as CompareOperator] = family + suffix;
  return out;
}

/** The IAM operator for `op` on a key of `family`, or undefined when it does not fit. */
export function iamOperator(family: KeyFamily, op: CompareOperator, ignoreCase: boolean): string | undefined {
  const base = TABLE[family][op];
  if (base === undefined || !ignoreCase) return base;
  if (base === "StringEquals") return "StringEqualsIgnoreCase";
  if (base === "StringNotEquals") return "StringNotEqualsIgnoreCase";
  return undefined;
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
  const family = (["String", "ARN", "Numeric", "Date", "Bool", "IPAddress", "Binary"] as const).find((f) => f === base);
  return { family: family ?? "String", multi };
}
