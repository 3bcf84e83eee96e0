/** Small builders shared by the runtime tests. */
import { evaluate } from "../../runtime/index.js";
import type {
  ContextValue,
  Decision,
  EvaluationResult,
  IamConditionBlock,
  IamPolicyDocument,
  IamStatement,
  Request,
} from "../../runtime/index.js";

export const MARY = "arn:aws:iam::123456789012:user/marymajor";

/** A 2012-10-17 policy document. */
export function policy(...statements: IamStatement[]): IamPolicyDocument {
  return { Version: "2012-10-17", Statement: statements };
}

/** A request with defaults for what the test does not care about. */
export function request(fields: Partial<Request> = {}): Request {
  return { principal: MARY, action: "apprunner:DescribeService", resource: "*", ...fields };
}

/** Evaluates statements of one fresh policy. */
export function run(statements: IamStatement[], fields: Partial<Request> = {}): EvaluationResult {
  return evaluate([policy(...statements)], request(fields));
}

/** The decision of one fresh policy. */
export function decide(statements: IamStatement[], fields: Partial<Request> = {}): Decision {
  return run(statements, fields).decision;
}

/** Whether a single condition holds, via an Allow-everything statement carrying it. */
export function conditionHolds(
  condition: IamConditionBlock,
  context: Record<string, ContextValue>,
  fields: Partial<Request> = {},
): boolean {
  const statement: IamStatement = { Effect: "Allow", Action: "*", Resource: "*", Condition: condition };
  return decide([statement], { ...fields, context }) === "Allow";
}

/** One row of an operator table. */
export interface OperatorCase {
  /** What the row shows, with the doc sentence it follows. */
  readonly note: string;
  readonly operator: string;
  readonly key: string;
  readonly policyValues: string | readonly string[];
  /** The request context; the key is missing unless listed here. */
  readonly context: Record<string, ContextValue>;
  readonly want: boolean;
}

/** Runs one operator-table row. */
export function holdsFor(row: OperatorCase): boolean {
  const values = typeof row.policyValues === "string" ? row.policyValues : [...row.policyValues];
  return conditionHolds({ [row.operator]: { [row.key]: values } }, row.context);
}
