/**
 * The `Condition` block: `{ operator: { key: value | [values] } }`
 * (reference_policies_grammar.md). IAM refuses an operator it does not have, `IfExists` on
 * `Null`, and a key without a service prefix; the rest (key types, set operators on
 * multi-valued keys, value formats) is accepted by IAM and reported as warnings.
 */
import { familyTakesVariables } from "../../runtime/operators/index.js";
import { loadCatalog, modernResourceTagKey, type KeyType } from "../catalog/index.js";
import { parseOperator, spellingOf, type OperatorFamily, type ParsedOperator } from "./conditionOperators.js";
import { valueTypeProblem } from "./conditionValues.js";
import type { Findings, JsonPath } from "./findings.js";
import { describe, entries, isObject, oneOrMany, shown } from "./json.js";
import { isSubstituted, variableProblem, variableUses } from "./variables.js";

const OPERATORS_DOC = "reference_policies_elements_condition_operators.md";
const ANALYZER_DOC = "access-analyzer-reference-policy-checks.md";
const MULTI_DOC = "reference_policies_multi-value-conditions.md";
/** `prefix:name`; the name may hold spaces (a tag key such as `aws:ResourceTag/cost center`). */
const KEY = /^[^:\s]+:.+$/;

/** Whether the policy is Version 2012-10-17, where IAM substitutes policy variables. */
export interface ConditionContext {
  readonly findings: Findings;
  readonly variablesEnabled: boolean;
}

/** Checks a statement's `Condition` value. */
export function checkCondition(value: unknown, path: JsonPath, ctx: ConditionContext): void {
  if (!isObject(value)) {
    ctx.findings.error("condition-format", path, `\`Condition\` is an object of condition operators, not ${describe(value)}`, "reference_policies_grammar.md");
    return;
  }
  const operators = entries(value);
  if (operators.length === 0) ctx.findings.warning("condition-empty", path, "this `Condition` is empty (Access Analyzer: Empty object condition)", ANALYZER_DOC);
  for (const [name, block] of operators) checkOperatorBlock(name, block, [...path, name], ctx);
}

function checkOperatorBlock(name: string, block: unknown, path: JsonPath, ctx: ConditionContext): void {
  const { findings } = ctx;
  const operator = parseOperator(name);
  if (operator === undefined) {
    const spelled = spellingOf(name);
    findings.error("condition-operator", path, spelled !== undefined
      ? `IAM spells this operator \`${spelled}\`, not ${shown(name)}`
      : `${shown(name)} is not an IAM condition operator`, OPERATORS_DOC);
    return;
  }
  if (operator.family === "Null" && operator.ifExists) {
    findings.error("null-if-exists", path, "`Null` takes no `IfExists`: \"You can add IfExists to the end of any condition operator name except the Null condition\"", OPERATORS_DOC);
  }
  if (operator.family === "Null" && operator.quantifier !== undefined) {
    findings.warning("null-with-qualifier", path, `\`${operator.quantifier}:Null\` always gives ${operator.quantifier === "ForAllValues" ? "true" : "false"} (Access Analyzer: Null with qualifier)`, ANALYZER_DOC);
  }
  if (!isObject(block)) {
    findings.error("condition-format", path, `the keys of ${shown(name)} are an object of condition keys and values, not ${describe(block)}`, "reference_policies_grammar.md");
    return;
  }
  const seen = new Map<string, string>();
  for (const [key, values] of entries(block)) {
    const at = [...path, key];
    const prior = seen.get(key.toLowerCase());
    if (prior !== undefined) {
      findings.warning("duplicate-key-case", at, `${shown(key)} and ${shown(prior)} are the same key: condition key names ignore case (Access Analyzer: Duplicate keys with different case)`, ANALYZER_DOC);
    }
    seen.set(key.toLowerCase(), key);
    checkKeyTest(operator, key, values, at, ctx);
  }
}

function checkKeyTest(operator: ParsedOperator, key: string, value: unknown, path: JsonPath, ctx: ConditionContext): void {
  const { findings } = ctx;
  if (!KEY.test(key)) {
    findings.error("condition-key-format", path, `${shown(key)} is not a condition key: keys are \`prefix:name\`, such as \`aws:ResourceTag/team\` (Access Analyzer: Invalid condition key format)`, ANALYZER_DOC);
    return;
  }
  checkKeyType(operator, key, path, findings);
  const { items, array } = oneOrMany(value);
  if (array && items.length === 0) {
    findings.warning("condition-value-empty", path, `${shown(key)} has no values (Access Analyzer: Empty array condition)`, ANALYZER_DOC);
  }
  items.forEach((item, i) => {
    const at = array ? [...path, i] : path;
    if (typeof item !== "string" && typeof item !== "number" && typeof item !== "boolean") {
      findings.error("condition-value-type", at, `a condition value is a string, a number or a boolean, not ${describe(item)}`, "reference_policies_grammar.md");
      return;
    }
    checkValue(operator, String(item), at, ctx);
  });
}

function checkValue(operator: ParsedOperator, text: string, path: JsonPath, ctx: ConditionContext): void {
  const { findings } = ctx;
  const uses = ctx.variablesEnabled ? variableUses(text) : [];
  for (const use of uses) {
    const problem = variableProblem(use);
    if (problem !== undefined) findings.warning("variable-syntax", path, problem, ANALYZER_DOC);
  }
  const substituted = uses.some(isSubstituted);
  if (substituted && !familyTakesVariables(operator.family)) {
    findings.warning("variable-for-operator", path, `${shown(text)}: policy variables work only with String and ARN operators, not \`${operator.base}\``, "reference_policies_variables.md");
    return;
  }
  if (substituted) return;
  const expected = valueTypeProblem(operator.family, text);
  if (expected !== undefined) {
    findings.warning("value-type", path, `${shown(text)} is not ${expected}, so \`${operator.base}\` never matches it (Access Analyzer: Type mismatch)`, ANALYZER_DOC);
  }
  const literal = text.replace(/\$\{[*?$]\}/g, "");
  if ((operator.family === "String" || operator.family === "ARN") && !operator.base.includes("Like") && /[*?]/.test(literal)) {
    findings.warning("wildcard-without-like", path, `${shown(text)}: \`${operator.base}\` compares \`*\` and \`?\` literally; wildcards need a \`Like\` operator (Access Analyzer: Wildcard without like operator)`, ANALYZER_DOC);
  }
}

/** The families of operators a key type can be compared with. */
function familiesFor(type: KeyType): readonly OperatorFamily[] {
  const single = type.replace(/^ArrayOf/, "");
  switch (single) {
    case "String":
      return ["String"];
    case "ARN":
      // reference_policies_elements_condition_operators.md lists ARN keys with both the ARN
      // and the String operators in its examples (aws:SourceArn with ArnLike or StringLike).
      return ["ARN", "String"];
    default:
      return [single as OperatorFamily];
  }
}

function checkKeyType(operator: ParsedOperator, key: string, path: JsonPath, findings: Findings): void {
  // A legacy `apprunner:ResourceTag/K` is what App Runner's requests carry beside the `aws:` key.
  const legacy = modernResourceTagKey(key);
  const entry = loadCatalog().conditionKey(legacy ?? key);
  if (entry === undefined) {
    findings.warning("condition-key-unknown", path, `${shown(key)} is not a condition key the catalog knows; no request carries it, so the test sees it missing`, ANALYZER_DOC);
    return;
  }
  const multiValued = entry.type.startsWith("ArrayOf");
  if (operator.family !== "Null") {
    const types = [entry.type, ...(entry.alternateTypes ?? [])];
    if (!types.some((t) => familiesFor(t).includes(operator.family))) {
      findings.warning("operator-key-type", path, `${shown(key)} is ${entry.type}: \`${operator.base}\` compares ${operator.family} values (Access Analyzer: Type mismatch)`, ANALYZER_DOC);
    }
    if (multiValued && operator.quantifier === undefined) {
      findings.warning("missing-qualifier", path, `${shown(key)} is multi-valued (${entry.type}): "Multivalued condition keys require a set operator" — use \`ForAnyValue:\` or \`ForAllValues:\` (Access Analyzer reports this as the error Missing qualifier; IAM accepts it)`, MULTI_DOC);
    }
  }
  if (!multiValued && operator.quantifier !== undefined) {
    findings.warning("set-operator-single-valued", path, `${shown(key)} is single-valued: "Do not use set operators with single-valued condition keys"${operator.quantifier === "ForAllValues" ? " (Access Analyzer: ForAllValues with single valued key, overly permissive)" : ""}`, MULTI_DOC);
  }
}
