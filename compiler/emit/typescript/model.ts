/**
 * The generator's view of its input: every statement of every policy flattened into one list
 * with a global index, IAM's one-or-many values made arrays, and condition blocks made a flat
 * ordered list. Everything later in the generator reads this, never the raw documents.
 */
import type { IamPolicyDocument, IamStatement } from "../../../runtime/policyDocument.js";
import type { SourceLocation } from "../../../runtime/types.js";
import { parseOperator, type ParsedOperator } from "./operators.js";

/** One policy as the generator takes it (the shape the compiler and runtime share). */
export interface PolicySource {
  readonly name: string;
  readonly document: IamPolicyDocument;
  readonly sources?: readonly (SourceLocation | undefined)[];
}

/** One operator/key test of a statement's Condition block. */
export interface ConditionPlan {
  readonly operator: ParsedOperator;
  /** The key as written (reported in explanations). */
  readonly key: string;
  /** The key lower-cased: condition keys are case-insensitive. */
  readonly lookup: string;
  /** Policy values as IAM strings; several values are ORed (NORed when negated). */
  readonly values: readonly string[];
}

/** One statement of the input, flattened and normalised. */
export interface StatementPlan {
  /** Position in the flattened list of all statements; fixes evaluation and report order. */
  readonly global: number;
  readonly policy: string;
  readonly index: number;
  readonly sid?: string;
  readonly source?: SourceLocation;
  readonly effect: "Allow" | "Deny";
  /** Set when the statement can never apply (an Effect other than Allow or Deny): why. */
  readonly malformed?: string;
  /** Undefined when the statement names neither Action nor NotAction. */
  readonly actions?: { readonly not: boolean; readonly values: readonly string[] };
  /** Undefined when the statement names neither Resource nor NotResource. */
  readonly resources?: { readonly not: boolean; readonly values: readonly string[] };
  readonly conditions: readonly ConditionPlan[];
  /** Whether `${...}` is a policy variable here (only in the 2012-10-17 language). */
  readonly variables: boolean;
}

function many<T>(value: T | readonly T[] | undefined): readonly T[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? (value as readonly T[]) : [value as T];
}

function pick(
  positive: string | readonly string[] | undefined,
  negative: string | readonly string[] | undefined,
): { not: boolean; values: readonly string[] } | undefined {
  if (positive !== undefined) return { not: false, values: many(positive) };
  if (negative !== undefined) return { not: true, values: many(negative) };
  return undefined;
}

function conditionsOf(statement: IamStatement): ConditionPlan[] {
  const plans: ConditionPlan[] = [];
  for (const [operator, keys] of Object.entries(statement.Condition ?? {})) {
    const parsed = parseOperator(operator);
    for (const [key, raw] of Object.entries(keys)) {
      const values = many(raw).map((v) => String(v));
      plans.push({ operator: parsed, key, lookup: key.toLowerCase(), values });
    }
  }
  return plans;
}

/** Flattens the policies into statement plans, in policy order then statement order. */
export function planStatements(policies: readonly PolicySource[]): StatementPlan[] {
  const plans: StatementPlan[] = [];
  for (const policy of policies) {
    const variables = policy.document.Version === "2012-10-17";
    many(policy.document.Statement).forEach((statement, index) => {
      const source = policy.sources?.[index];
      const actions = pick(statement.Action, statement.NotAction);
      const resources = pick(statement.Resource, statement.NotResource);
      plans.push({
        global: plans.length,
        policy: policy.name,
        index,
        ...(statement.Sid !== undefined ? { sid: statement.Sid } : {}),
        ...(source !== undefined ? { source } : {}),
        effect: statement.Effect === "Deny" ? "Deny" : "Allow",
        ...(statement.Effect === "Allow" || statement.Effect === "Deny"
          ? {}
          : { malformed: `unknown Effect \`${String(statement.Effect)}\`` }),
        ...(actions !== undefined ? { actions } : {}),
        ...(resources !== undefined ? { resources } : {}),
        conditions: conditionsOf(statement),
        variables,
      });
    });
  }
  return plans;
}
