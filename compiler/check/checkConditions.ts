/**
 * Checks a `when` clause against the catalog: keys exist and apply to the statement's
 * actions, comparisons fit each key's type, values are well-formed. Produces the checked
 * condition tree, or undefined when anything failed (all problems reported).
 */
import { BOOL_OPERATOR, NULL_OPERATOR } from "../../runtime/operators/index.js";
import type { Comparison, Condition, ExistsTest, TruthyTest } from "../../grammar/ast.js";
import { assertNever } from "../../grammar/ast.js";
import { replaceVariables, type CatalogAction } from "../catalog/index.js";
import type { CheckedCondition, ConditionTest } from "./checkedCondition.js";
import type { Span } from "../../grammar/diagnostics/diagnostic.js";
import { checkValues } from "./checkValues.js";
import { warnEmptyValues } from "./emptyValue.js";
import { report, type CheckContext } from "./context.js";
import { aKeyOf, familyName, familyOf, iamOperator, operatorsFor, type KeyFamily } from "./operatorsForType.js";
import { resolveKey, type OnMissingKey } from "./resolveKey.js";

/**
 * `negated` says the condition stands under an odd number of `not`s, which lowering pushes
 * into the tests: it flips what a test does on a request without its key (ARP2007's wording).
 */
export function checkCondition(
  ctx: CheckContext,
  cond: Condition,
  actions: readonly CatalogAction[],
  negated = false,
): CheckedCondition | undefined {
  switch (cond.kind) {
    case "And":
    case "Or": {
      const operands = cond.operands.map((c) => checkCondition(ctx, c, actions, negated));
      if (operands.some((o) => o === undefined)) return undefined;
      return { kind: cond.kind, operands: operands as CheckedCondition[] };
    }
    case "Not": {
      const operand = checkCondition(ctx, cond.operand, actions, !negated);
      return operand === undefined ? undefined : { kind: "Not", operand, span: cond.span };
    }
    case "Compare":
      return wrap(checkComparison(ctx, cond, actions, negated));
    case "Exists":
      return wrap(checkExists(ctx, cond, actions, negated));
    case "Truthy":
      return wrap(checkTruthy(ctx, cond, actions, negated));
    default:
      return assertNever(cond, "condition");
  }
}

function wrap(test: ConditionTest | undefined): CheckedCondition | undefined {
  return test === undefined ? undefined : { kind: "Test", test };
}

/** What a test does without its key, under `negated` `not`s: see {@link OnMissingKey}. */
function onMissing(holds: boolean, negated: boolean): OnMissingKey {
  return holds !== negated ? "holds" : "fails";
}

/** Negated comparisons (`!=`, `not in`, `not like`): IAM's negated operators hold without the key. */
const NEGATED_COMPARISONS: ReadonlySet<string> = new Set(["!=", "not in", "not like"]);

/** A comparison holds without its key under `all`, `if exists` or a negated operator; `any` fails. */
function comparisonHoldsOnMissing(c: Comparison): boolean {
  if (c.quantifier !== undefined) return c.quantifier === "all";
  return c.ifExists || NEGATED_COMPARISONS.has(c.operator);
}

function checkComparison(ctx: CheckContext, c: Comparison, actions: readonly CatalogAction[], negated: boolean): ConditionTest | undefined {
  const key = resolveKey(ctx, c.key, actions, onMissing(comparisonHoldsOnMissing(c), negated));
  if (key === undefined) return undefined;
  const { family, multi } = familyOf(key.type);
  const operator = iamOperator(family, c.operator, c.ignoreCase);
  if (operator === undefined) {
    reportOperatorMismatch(ctx, c, key.name, family);
    return undefined;
  }
  checkQuantifier(ctx, c, key.name, multi);
  const values = checkValues(ctx, c.value, family, key.name);
  if (values === undefined) return undefined;
  warnEmptyValues(ctx, c, key.name, values);
  // ArnEquals matches wildcards like ArnLike; the string equality operators do not.
  if (/^String(Not)?Equals/.test(operator) && values.some(hasBareWildcard)) {
    const like = c.operator === "!=" || c.operator === "not in" ? "not like" : "like";
    report(ctx, "WildcardInEquality", c.value.span, `\`*\` and \`?\` are matched literally by \`${c.operator}\``, {
      hint: `use \`${like}\` to match a pattern${c.ignoreCase ? " (it cannot ignore case)" : ""}`,
    });
  }
  return {
    operator,
    // `if exists` changes nothing after a quantifier (S5), so IAM never sees it there.
    ifExists: c.ifExists && c.quantifier === undefined,
    ...(c.quantifier !== undefined ? { quantifier: c.quantifier === "any" ? "ForAnyValue" : "ForAllValues" } : {}),
    key: key.name,
    values,
    span: c.span,
  };
}

function reportOperatorMismatch(ctx: CheckContext, c: Comparison, keyName: string, family: KeyFamily): void {
  if (c.ignoreCase && iamOperator(family, c.operator, false) !== undefined) {
    report(ctx, "OperatorTypeMismatch", c.operatorSpan,
      `\`ignoring case\` does not apply to \`${c.operator}\` on \`${keyName}\`, ${aKeyOf(family)}`,
      { hint: "`ignoring case` applies to `=`, `!=`, `in` and `not in` on string keys; drop it" });
    return;
  }
  report(ctx, "OperatorTypeMismatch", c.operatorSpan, `\`${c.operator}\` does not apply to \`${keyName}\`, ${aKeyOf(family)}`, {
    hint: `${familyName(family)} keys take ${operatorsFor(family).join(", ")}`,
  });
}

/** Whether a value holds `*` or `?` outside a policy variable (`${*}` is a literal star). */
export function hasBareWildcard(value: string): boolean {
  return /[*?]/.test(replaceVariables(value, ""));
}

function checkQuantifier(ctx: CheckContext, c: Comparison, keyName: string, multi: boolean): void {
  if (c.quantifier !== undefined && c.ifExists) warnIfExistsAfterQuantifier(ctx, c, keyName);
  if (c.quantifier !== undefined && !multi) {
    // ForAllValues holds on a missing key: in an allow, that grants more than the test says.
    const effect = c.quantifier === "all"
      ? "`all` makes the test hold also when the key is missing"
      : "`any` is for keys with several values (and makes the test fail when the key is missing)";
    report(ctx, "QuantifierOnSingleValuedKey", c.span, `\`${keyName}\` carries a single value: ${effect}`,
      { hint: `drop \`${c.quantifier}\`` });
  } else if (c.quantifier === undefined && multi) {
    reportNeedsQuantifier(ctx, c.span, keyName, `\`any ${keyName} ...\` (ForAnyValue) or \`all ${keyName} ...\` (ForAllValues)`);
  }
}

/**
 * "Multivalued context keys require a condition set operator" (multi-value conditions page):
 * without one, IAM's reading of a set depends on the operator (a plain negated operator holds
 * only when no value matches, so `not K` and `K` can both hold on `["true", "false"]`).
 */
function reportNeedsQuantifier(ctx: CheckContext, span: Span, keyName: string, write: string): void {
  report(ctx, "MultiValuedKeyNeedsQuantifier", span,
    `\`${keyName}\` can carry several values: say whether \`any\` or \`all\` of them must match`,
    { hint: `write ${write}` });
}

/**
 * "For no matching key or a null dataset, the condition returns false" (ForAnyValue) and
 * ForAllValues "also returns true if there are no keys in the request" (multi-value conditions
 * page): a quantifier already decides the missing key, and AWS's reported behaviour keeps
 * `ForAnyValue:...IfExists` false there, so `if exists` after `any`/`all` changes nothing.
 */
function warnIfExistsAfterQuantifier(ctx: CheckContext, c: Comparison, keyName: string): void {
  const outcome = c.quantifier === "any" ? "fails" : "holds";
  report(ctx, "IfExistsAfterQuantifier", c.ifExistsSpan ?? c.span,
    `\`if exists\` changes nothing after \`${c.quantifier}\`: \`${c.quantifier} ${keyName} ...\` already ${outcome} when the key is missing`,
    { hint: c.quantifier === "any"
      ? `drop \`if exists\`; to let a request without \`${keyName}\` through, write \`(${keyName} missing or any ${keyName} ...)\``
      : "drop `if exists`" });
}

function checkExists(ctx: CheckContext, e: ExistsTest, actions: readonly CatalogAction[], negated: boolean): ConditionTest | undefined {
  const key = resolveKey(ctx, e.key, actions, onMissing(e.missing, negated));
  if (key === undefined) return undefined;
  return { operator: NULL_OPERATOR.name, ifExists: false, key: key.name, values: [e.missing ? "true" : "false"], span: e.span };
}

function checkTruthy(ctx: CheckContext, t: TruthyTest, actions: readonly CatalogAction[], negated: boolean): ConditionTest | undefined {
  const key = resolveKey(ctx, t.key, actions, onMissing(false, negated));
  if (key === undefined) return undefined;
  const { family, multi } = familyOf(key.type);
  if (family !== "Bool") {
    report(ctx, "OperatorTypeMismatch", t.span, `\`${key.name}\` is ${aKeyOf(family)}, not a boolean: compare it with a value`, {
      hint: `for example \`${key.name} = "..."\`, or \`${key.name} exists\``,
    });
    return undefined;
  }
  if (multi) {
    reportNeedsQuantifier(ctx, t.span, key.name, `\`any ${key.name} = true\` (ForAnyValue) or \`all ${key.name} = true\` (ForAllValues)`);
    return undefined;
  }
  return { operator: BOOL_OPERATOR.name, ifExists: false, key: key.name, values: ["true"], span: t.span };
}
