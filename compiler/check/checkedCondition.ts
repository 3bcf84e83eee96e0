/**
 * The checked form of a `when` clause: keys resolved to IAM keys, operators chosen from the
 * key's type, values rendered as IAM strings. The boolean structure is kept as written;
 * lowering turns it into statements.
 */
import type { Span } from "../../grammar/diagnostics/diagnostic.js";

/** One IAM condition test, before `not` is pushed through it. */
export interface ConditionTest {
  /** IAM operator without prefix or suffix: `StringEquals`, `NumericLessThan`, `Null`, ... */
  readonly operator: string;
  readonly ifExists: boolean;
  readonly quantifier?: "ForAnyValue" | "ForAllValues";
  readonly key: string;
  readonly values: readonly string[];
  readonly span: Span;
}

export type CheckedCondition =
  | { readonly kind: "Test"; readonly test: ConditionTest }
  | { readonly kind: "Not"; readonly operand: CheckedCondition; readonly span: Span }
  | { readonly kind: "And"; readonly operands: readonly CheckedCondition[] }
  | { readonly kind: "Or"; readonly operands: readonly CheckedCondition[] };

/** The full operator name IAM reads, e.g. `ForAnyValue:StringLikeIfExists`. */
export function operatorName(test: Pick<ConditionTest, "operator" | "ifExists" | "quantifier">): string {
  return `${test.quantifier !== undefined ? `${test.quantifier}:` : ""}${test.operator}${test.ifExists ? "IfExists" : ""}`;
}
