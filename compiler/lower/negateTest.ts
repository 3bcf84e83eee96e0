/**
 * `not` over one IAM condition test, exactly. IAM has no general negation, and its operators
 * differ on a missing key, which includes a *null* key (absent, `[]`, or only `""`: "it is
 * possible to include an empty string. In this case, the value in the request context is
 * null", condition element page); every operator reads a null key as a missing one. There:
 * `Null` true holds and `Null` false fails; positive operators (StringEquals, NumericLessThan,
 * Bool, ...) fail; negated ones (StringNotEquals, NotIpAddress, ArnNotLike, ...) hold;
 * `...IfExists` holds; `ForAllValues:` holds and `ForAnyValue:` fails. On a present key a
 * negated operator holds exactly when its positive twin fails. Each rule below keeps both
 * readings, so `not X` holds on exactly the requests where `X` does not.
 */
import type { ConditionTest } from "../check/checkedCondition.js";
import type { Span } from "../../grammar/diagnostics/diagnostic.js";
import { BOOL_OPERATOR, NULL_OPERATOR, OPERATOR_TABLE } from "../../runtime/operators/index.js";

/** A disjunction of conjunctions of tests. */
export type Dnf = ConditionTest[][];

/** Why a test cannot be negated, where, and what to write instead. */
export interface NegationError {
  readonly error: string;
  readonly span: Span;
  readonly hint?: string;
}

export type Negation = { readonly dnf: Dnf } | NegationError;

/** Negated operators (true when the key is missing) → their positive twin, from the operator table. */
const NEGATED_TWIN: ReadonlyMap<string, string> = new Map(
  OPERATOR_TABLE.filter((r) => r.negated && r.twin !== undefined).map((r) => [r.name, r.twin!]),
);

const POSITIVE_TWIN: ReadonlyMap<string, string> = new Map([...NEGATED_TWIN].map(([neg, pos]) => [pos, neg]));

/** Order comparisons (and `Bool`) whose complement is another positive comparison. */
const COMPLEMENT: ReadonlyMap<string, string> = new Map(
  OPERATOR_TABLE.flatMap((r) => (r.complement !== undefined ? [[r.name, r.complement] as const] : [])),
);

function keyPresent(t: ConditionTest): ConditionTest {
  return { operator: NULL_OPERATOR.name, ifExists: false, key: t.key, values: ["false"], span: t.span };
}

export function negateTest(t: ConditionTest): Negation {
  if (t.quantifier !== undefined) return negateQuantified(t);
  if (t.operator === NULL_OPERATOR.name) return single({ ...t, values: [t.values[0] === "true" ? "false" : "true"] });
  const positive = NEGATED_TWIN.get(t.operator);
  // A negated operator already holds when the key is missing, so its negation needs the key.
  if (positive !== undefined) return single({ ...t, operator: positive, ifExists: false });
  const negated = POSITIVE_TWIN.get(t.operator);
  if (negated !== undefined) return requireKeyIfExists(t, { ...t, operator: negated, ifExists: false });
  const complement = complementOf(t);
  if ("error" in complement) return complement;
  // The original fails on a missing key (or holds there, with IfExists): the complement does the opposite.
  return single({ ...complement.test, ifExists: !t.ifExists });
}

function single(t: ConditionTest): Negation {
  return { dnf: [[t]] };
}

/**
 * `X if exists` holds on a missing key, so `not (X if exists)` must fail there: the negation
 * of `X` (which, for a positive `X`, holds on a missing key) and the key is present.
 */
function requireKeyIfExists(original: ConditionTest, negated: ConditionTest): Negation {
  return original.ifExists ? { dnf: [[negated, keyPresent(original)]] } : single(negated);
}

/** Order comparisons and Bool: the test that holds on exactly the present values `t` rejects. */
function complementOf(t: ConditionTest): { readonly test: ConditionTest } | NegationError {
  const complement = COMPLEMENT.get(t.operator);
  if (complement === undefined) return { error: `arp cannot negate \`${t.operator}\``, span: t.span };
  if (t.values.length !== 1) {
    return {
      error: `IAM cannot express \`not\` over \`${t.operator}\` with several values of \`${t.key}\`: the negation needs every value to fail, and IAM reads several values as "any of them"`,
      span: t.span,
      hint: t.operator === BOOL_OPERATOR.name
        ? "a boolean key is `true` or `false`: compare it with one value"
        : "compare with one value: the largest for `<` and `<=`, the smallest for `>` and `>=`",
    };
  }
  const values = t.operator === BOOL_OPERATOR.name ? [t.values[0] === "true" ? "false" : "true"] : t.values;
  return { test: { ...t, operator: complement, values } };
}

/**
 * `not any K = L` is `all K != L`, and `not all K = L` is `any K != L`. On a missing or null key
 * `ForAnyValue` is false and `ForAllValues` true ("For no matching key or a null dataset, the
 * condition returns false"; ForAllValues "also returns true if there are no keys in the
 * request, or if the key values resolve to a null data set"), so the swapped test is already
 * the complement there and needs no `Null` guard: one would make `not any K ...` fail on a
 * request without `K`, where `any K ...` fails too. `if exists` changes nothing under a
 * quantifier (the checker drops it), so it changes nothing in the negation either. Present
 * values: "no value matches" is "every value fails", and "not every value matches" is "some
 * value fails". Order tests swap the quantifier the same way: `not any K < 5` is `all K >= 5`.
 */
function negateQuantified(t: ConditionTest): Negation {
  const quantifier = t.quantifier === "ForAnyValue" ? "ForAllValues" : "ForAnyValue";
  const twin = NEGATED_TWIN.get(t.operator) ?? POSITIVE_TWIN.get(t.operator);
  if (twin !== undefined) return single({ ...t, operator: twin, quantifier, ifExists: false });
  const complement = complementOf(t);
  if ("error" in complement) return complement;
  return single({ ...complement.test, quantifier, ifExists: false });
}
