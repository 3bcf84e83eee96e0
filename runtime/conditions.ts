/**
 * Compiles and evaluates `Condition` blocks. The rules, from "Conditions with multiple
 * context keys or values" and "IAM JSON policy elements: Condition operators":
 *
 * - "If your policy statement has multiple condition operators, the condition operators are
 *   evaluated using a logical AND." / "multiple context keys attached to a single condition
 *   operator … logical AND." / "multiple values for a context key … logical OR." / "If a
 *   single negated matching condition operator includes multiple values for a context key,
 *   those values are evaluated using a logical NOR."
 * - "If the key that you specify in a policy condition is not present in the request context,
 *   the values do not match and the condition is false. If the policy condition requires that
 *   the key is not matched, such as StringNotLike or ArnNotLike, and the right key is not
 *   present, the condition is true. This logic applies to all condition operators except
 *   ...IfExists and Null check."
 * - `...IfExists`: "If the key is not present, evaluate the condition element as true."
 * - `ForAllValues`: "returns true if there are no context keys in the request or if the
 *   context key value resolves to a null dataset, such as an empty string."
 * - `ForAnyValue`: "For no matching context key or if the key does not exist, the condition
 *   returns false", and likewise "if the requested context keys resolve to an empty data set
 *   (for example, an empty string)".
 * - Null values: "For condition keys that are defined by the user, such as passing tags in a
 *   request, it is possible to include an empty string. In this case, the value in the request
 *   context is *null*." So a key whose values are all `""` (or `[]`) is null, and every
 *   operator reads it as a missing key (`ContextLookup.values` returns undefined for it):
 *   `Null: "true"` holds on it, `Null: "false"` fails, a plain `StringEquals ""` fails.
 * - Decision, `ForAnyValue:…IfExists` on a missing or null key: false. The docs conflict here:
 *   the IfExists sentence above ("If the key is not present, evaluate the condition element
 *   as true") says true, while the ForAnyValue sentence ("if the key does not exist, the
 *   condition returns false") says false. AWS's reported behaviour follows ForAnyValue: an
 *   allow whose only condition is `ForAnyValue:StringEqualsIfExists` on `aws:TagKeys`
 *   implicitly denies a request without tag keys. So `IfExists` changes nothing after either
 *   set qualifier: `ForAllValues:` holds on a missing key with or without it, `ForAnyValue:`
 *   fails with or without it.
 * - Variables: "When you use a variable with no value in the condition element …
 *   `StringEquals` or `StringLike` do not match … Inverted condition operators like
 *   `StringNotEquals` or `StringNotLike` do match against a null value". A value whose
 *   variable has no value is dropped: nothing can equal it, so a positive operator loses that
 *   alternative and a negated one is satisfied by it.
 *
 * Choices where the docs are silent: a plain (unqualified) operator on a multivalued key holds
 * if any request value matches, and its negated form is the exact negation of that. Unknown
 * operators and values an operator cannot compare never get here: `validatePolicy` rejects
 * the policy, as IAM does.
 */
import type { ContextLookup } from "./context.js";
import type { OperatorImpl, ParsedOperator } from "./operators/index.js";
import type { ConditionFailure } from "./types.js";
import type { ValidCondition } from "./validatePolicy.js";
import { parseTemplate, resolveTemplate, staticTokens, type Template } from "./variables.js";

/** One policy value of a condition, prepared once when it has no variables. */
interface CompiledValue {
  readonly template: Template;
  /** The operator's parsed form of the value; undefined while it awaits substitution. */
  readonly prepared: unknown;
}

/** One (operator, key) pair of a `Condition` block. */
export interface CompiledCondition {
  /** The operator as written. */
  readonly operator: string;
  /** The key as written. */
  readonly key: string;
  readonly lowerKey: string;
  readonly parsed: ParsedOperator;
  readonly values: readonly CompiledValue[];
}

/** Compiles validated (operator, key) pairs, in document order. */
export function compileConditions(
  conditions: readonly ValidCondition[],
  variablesEnabled: boolean,
): CompiledCondition[] {
  return conditions.map(({ operator, key, parsed, values }) => {
    const substitute = variablesEnabled && parsed.impl.variables;
    const compiled = values.map((text) => compileValue(parseTemplate(text, substitute), parsed));
    return { operator, key, lowerKey: key.toLowerCase(), parsed, values: compiled };
  });
}

function compileValue(template: Template, parsed: ParsedOperator): CompiledValue {
  const tokens = staticTokens(template);
  if (tokens === undefined) return { template, prepared: undefined };
  return { template, prepared: parsed.impl.prepare(template.text, tokens) };
}

/** Evaluates one condition; undefined when it holds. */
export function evaluateCondition(
  condition: CompiledCondition,
  context: ContextLookup,
): ConditionFailure | undefined {
  const { parsed } = condition;
  const actual = context.values(condition.lowerKey);
  if (parsed.impl.family === "Null") {
    const isNull = actual === undefined ? "true" : "false";
    if (condition.values.some((v) => v.prepared === isNull)) return undefined;
    return failed(condition, context, actual);
  }
  if (actual === undefined) return holdsWhenMissing(parsed) ? undefined : failed(condition, context, actual);
  const { prepared } = resolveValues(condition, context);
  return holds(parsed, actual, prepared) ? undefined : failed(condition, context, actual);
}

/**
 * Whether a test of any operator but `Null` holds on a request without its key: the set
 * qualifier decides before `IfExists` (see the file comment).
 */
export function holdsWhenMissing({ impl, set, ifExists }: ParsedOperator): boolean {
  if (set === "all") return true;
  if (set === "any") return false;
  return ifExists || impl.negated;
}

function holds(parsed: ParsedOperator, actual: readonly string[], prepared: readonly unknown[]): boolean {
  const { impl, set } = parsed;
  // Loops rather than closures: this is the hot path of every conditional statement.
  if (set === "none") {
    for (const value of actual) if (anyMatches(impl, value, prepared)) return !impl.negated;
    return impl.negated;
  }
  const wanted = !impl.negated;
  for (const value of actual) {
    const ok = anyMatches(impl, value, prepared) === wanted;
    if (set === "any" && ok) return true;
    if (set === "all" && !ok) return false;
  }
  return set === "all";
}

/** The positive test: does the context value match any policy value (logical OR)? */
function anyMatches(impl: OperatorImpl, value: string, prepared: readonly unknown[]): boolean {
  for (const p of prepared) if (impl.matches(value, p)) return true;
  return false;
}

interface ResolvedValues {
  readonly prepared: unknown[];
  readonly expected: string[];
  readonly unresolved: string[];
}

/** Substitutes variables, dropping values whose variables have no value. */
function resolveValues(condition: CompiledCondition, context: ContextLookup): ResolvedValues {
  const result: ResolvedValues = { prepared: [], expected: [], unresolved: [] };
  const impl = condition.parsed.impl;
  for (const { template, prepared } of condition.values) {
    if (!template.hasVariables) {
      result.prepared.push(prepared);
      result.expected.push(template.text);
      continue;
    }
    const resolution = resolveTemplate(template, (name) => context.single(name));
    if (!resolution.ok) {
      result.unresolved.push(...resolution.unresolved);
      continue;
    }
    result.prepared.push(impl.prepare(resolution.text, resolution.tokens));
    result.expected.push(resolution.text);
  }
  return result;
}

/** Builds the failure record; only reached on the slow path. */
function failed(
  condition: CompiledCondition,
  context: ContextLookup,
  actual: readonly string[] | undefined,
): ConditionFailure {
  const { expected, unresolved } =
    condition.parsed.impl.family === "Null"
      ? { expected: condition.values.map((v) => v.template.text), unresolved: [] }
      : resolveValues(condition, context);
  return {
    operator: condition.operator,
    key: condition.key,
    expected,
    ...(actual === undefined ? {} : { actual }),
    ...(unresolved.length === 0 ? {} : { unresolved }),
  };
}
