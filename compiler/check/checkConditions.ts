/**
 * Checks a `when` clause against the catalog: keys exist and apply to the statement's
 * actions, comparisons fit each key's type, values are well-formed. Produces the checked
 * condition tree, or undefined when anything failed (all problems reported).
 */
import type { Comparison, Condition, ExistsTest, TruthyTest } from "../../grammar/ast.js";
import { assertNever } from "../../grammar/ast.js";
import type { CatalogAction } from "../catalog/index.js";
import type { CheckedCondition, ConditionTest } from "./checkedCondition.js";
import { checkValues } from "./checkValues.js";
import { report, type CheckContext } from "./context.js";
import { familyOf, iamOperator, operatorsFor } from "./operatorsForType.js";
import { resolveKey } from "./resolveKey.js";

export function checkCondition(
  ctx: CheckContext,
  cond: Condition,
  actions: readonly CatalogAction[],
): CheckedCondition | undefined {
  switch (cond.kind) {
    case "And":
    case "Or": {
      const operands = cond.operands.map((c) => checkCondition(ctx, c, actions));
      if (operands.some((o) => o === undefined)) return undefined;
      return { kind: cond.kind, operands: operands as CheckedCondition[] };
    }
    case "Not": {
      const operand = checkCondition(ctx, cond.operand, actions);
      return operand === undefined ? undefined : { kind: "Not", operand, span: cond.span };
    }
    case "Compare":
      return wrap(checkComparison(ctx, cond, actions));
    case "Exists":
      return wrap(checkExists(ctx, cond, actions));
    case "Truthy":
      return wrap(checkTruthy(ctx, cond, actions));
    default:
      return assertNever(cond, "condition");
  }
}

function wrap(test: ConditionTest | undefined): CheckedCondition | undefined {
  return test === undefined ? undefined : { kind: "Test", test };
}

function checkComparison(ctx: CheckContext, c: Comparison, actions: readonly CatalogAction[]): ConditionTest | undefined {
  const key = resolveKey(ctx, c.key, actions);
  if (key === undefined) return undefined;
  const { family, multi } = familyOf(key.type);
  const operator = iamOperator(family, c.operator, c.ignoreCase);
  if (operator === undefined) {
    const what = c.ignoreCase && iamOperator(family, c.operator, false) !== undefined
      ? `\`ignoring case\` with \`${c.operator}\``
      : `\`${c.operator}\``;
    report(ctx, "OperatorTypeMismatch", c.operatorSpan, `${what} does not apply to \`${key.name}\`, a ${family} key`, {
      hint: `${family} keys take ${operatorsFor(family).join(", ")}${family === "String" ? " (and `ignoring case` with `=`, `!=`, `in`, `not in`)" : ""}`,
    });
    return undefined;
  }
  checkQuantifier(ctx, c, key.name, multi);
  const values = checkValues(ctx, c.value, family, key.name);
  if (values === undefined) return undefined;
  if (operator.startsWith("StringEquals") && values.some(hasBareWildcard)) {
    report(ctx, "WildcardInEquality", c.value.span, "`*` and `?` are matched literally by `=`", {
      hint: "use `like` to match a pattern",
    });
  }
  return {
    operator,
    ifExists: c.ifExists,
    ...(c.quantifier !== undefined ? { quantifier: c.quantifier === "any" ? "ForAnyValue" : "ForAllValues" } : {}),
    key: key.name,
    values,
    span: c.span,
  };
}

function hasBareWildcard(value: string): boolean {
  return /[*?]/.test(value.replace(/\$\{[^}]*\}/g, ""));
}

function checkQuantifier(ctx: CheckContext, c: Comparison, keyName: string, multi: boolean): void {
  if (c.quantifier !== undefined && !multi) {
    report(ctx, "QuantifierOnSingleValuedKey", c.span,
      `\`${keyName}\` carries a single value; \`${c.quantifier}\` makes the test pass when the key is missing or behave unexpectedly`,
      { hint: `drop \`${c.quantifier}\`` });
  } else if (c.quantifier === undefined && multi) {
    report(ctx, "MultiValuedKeyNeedsQuantifier", c.span,
      `\`${keyName}\` can carry several values: say whether \`any\` or \`all\` of them must match`,
      { hint: `write \`any ${keyName} ...\` (ForAnyValue) or \`all ${keyName} ...\` (ForAllValues)` });
  }
}

function checkExists(ctx: CheckContext, e: ExistsTest, actions: readonly CatalogAction[]): ConditionTest | undefined {
  const key = resolveKey(ctx, e.key, actions);
  if (key === undefined) return undefined;
  return { operator: "Null", ifExists: false, key: key.name, values: [e.missing ? "true" : "false"], span: e.span };
}

function checkTruthy(ctx: CheckContext, t: TruthyTest, actions: readonly CatalogAction[]): ConditionTest | undefined {
  const key = resolveKey(ctx, t.key, actions);
  if (key === undefined) return undefined;
  const { family } = familyOf(key.type);
  if (family !== "Bool") {
    report(ctx, "OperatorTypeMismatch", t.span, `\`${key.name}\` is a ${family} key, not a boolean: compare it with a value`, {
      hint: `for example \`${key.name} = "..."\`, or \`${key.name} exists\``,
    });
    return undefined;
  }
  return { operator: "Bool", ifExists: false, key: key.name, values: ["true"], span: t.span };
}
