/**
 * `not` over one IAM condition test, exactly. IAM has no general negation, and its operators
 * differ on a missing key: positive operators (StringEquals, NumericLessThan, Bool, ...) are
 * false, negated ones (StringNotEquals, NotIpAddress, ArnNotLike, ...) are true, and
 * `...IfExists` makes a positive operator true. Each rule below keeps that behaviour, so
 * `not X` holds on exactly the requests where `X` does not.
 */
import type { ConditionTest } from "../check/checkedCondition.js";

/** A disjunction of conjunctions of tests. */
export type Dnf = ConditionTest[][];

export type Negation = { readonly dnf: Dnf } | { readonly error: string };

/** Operators whose result is true when the key is missing, paired with their positive twin. */
const NEGATED_TWIN: Readonly<Record<string, string>> = {
  StringNotEquals: "StringEquals",
  StringNotEqualsIgnoreCase: "StringEqualsIgnoreCase",
  StringNotLike: "StringLike",
  ArnNotEquals: "ArnEquals",
  ArnNotLike: "ArnLike",
  NotIpAddress: "IpAddress",
  NumericNotEquals: "NumericEquals",
  DateNotEquals: "DateEquals",
};

const POSITIVE_TWIN: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(NEGATED_TWIN).map(([neg, pos]) => [pos, neg]),
);

/** Order comparisons whose complement is another positive comparison. */
const COMPLEMENT: Readonly<Record<string, string>> = {
  NumericLessThan: "NumericGreaterThanEquals",
  NumericLessThanEquals: "NumericGreaterThan",
  NumericGreaterThan: "NumericLessThanEquals",
  NumericGreaterThanEquals: "NumericLessThan",
  DateLessThan: "DateGreaterThanEquals",
  DateLessThanEquals: "DateGreaterThan",
  DateGreaterThan: "DateLessThanEquals",
  DateGreaterThanEquals: "DateLessThan",
};

function keyPresent(t: ConditionTest): ConditionTest {
  return { operator: "Null", ifExists: false, key: t.key, values: ["false"], span: t.span };
}

export function negateTest(t: ConditionTest): Negation {
  if (t.quantifier !== undefined) return negateQuantified(t);
  if (t.operator === "Null") return single({ ...t, values: [t.values[0] === "true" ? "false" : "true"] });
  const positive = NEGATED_TWIN[t.operator];
  // A negated operator already holds when the key is missing, so its negation needs the key.
  if (positive !== undefined) return single({ ...t, operator: positive, ifExists: false });
  const negated = POSITIVE_TWIN[t.operator];
  if (negated !== undefined) {
    const flipped: ConditionTest = { ...t, operator: negated, ifExists: false };
    return t.ifExists ? { dnf: [[flipped, keyPresent(t)]] } : single(flipped);
  }
  return negateByComplement(t);
}

function single(t: ConditionTest): Negation {
  return { dnf: [[t]] };
}

/** Order comparisons and Bool: the complement, made true on a missing key when `t` was false there. */
function negateByComplement(t: ConditionTest): Negation {
  const complement = t.operator === "Bool" ? "Bool" : COMPLEMENT[t.operator];
  if (complement === undefined) return { error: `arp cannot negate \`${t.operator}\`` };
  if (t.values.length !== 1) {
    return {
      error: `\`not\` over \`${t.operator}\` with several values needs one \`${complement}\` test per value on \`${t.key}\`, and IAM allows only one per statement`,
    };
  }
  const values = t.operator === "Bool" ? [t.values[0] === "true" ? "false" : "true"] : t.values;
  return single({ ...t, operator: complement, values, ifExists: !t.ifExists });
}

/**
 * `not any K = L` is `all K != L`, and `not all K = L` is `any K != L`; both agree with the
 * original on a missing key and on an empty set (ForAllValues is true there, ForAnyValue false).
 */
function negateQuantified(t: ConditionTest): Negation {
  if (t.ifExists) return { error: `arp cannot negate \`${t.quantifier}:${t.operator}IfExists\`` };
  const twin = NEGATED_TWIN[t.operator] ?? POSITIVE_TWIN[t.operator];
  if (twin === undefined) {
    return { error: `arp cannot negate \`${t.quantifier}:${t.operator}\`: IAM has no operator for its complement over a set` };
  }
  const quantifier = t.quantifier === "ForAnyValue" ? "ForAllValues" : "ForAnyValue";
  return single({ ...t, operator: twin, quantifier });
}
