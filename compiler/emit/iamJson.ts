/**
 * Emits IAM JSON from the IR the way AWS prints policies: keys in a fixed order, a single
 * value as a string and several as an array. Same IR, byte-identical text.
 */
import type { IamConditionBlock, IamPolicyDocument, IamStatement, OneOrMany } from "../../runtime/policyDocument.js";
import type { IrPolicy, IrStatement } from "../ir.js";

function oneOrMany(values: readonly string[]): OneOrMany<string> {
  return values.length === 1 ? (values[0] as string) : [...values];
}

function conditionBlock(stmt: IrStatement): IamConditionBlock | undefined {
  if (stmt.conditions.length === 0) return undefined;
  const block: IamConditionBlock = {};
  for (const c of stmt.conditions) {
    const byKey = (block[c.operator] ??= {});
    byKey[c.key] = oneOrMany(c.values);
  }
  return block;
}

/** Builds one statement with keys in IAM's customary order. */
export function emitStatement(stmt: IrStatement): IamStatement {
  const out: IamStatement = { ...(stmt.sid !== undefined ? { Sid: stmt.sid } : {}), Effect: stmt.effect };
  if (stmt.principal !== undefined) out.Principal = stmt.principal;
  out[stmt.actions.not ? "NotAction" : "Action"] = oneOrMany(stmt.actions.values);
  if (stmt.resources !== undefined) out[stmt.resources.not ? "NotResource" : "Resource"] = oneOrMany(stmt.resources.values);
  const condition = conditionBlock(stmt);
  if (condition !== undefined) out.Condition = condition;
  return out;
}

export function emitDocument(policy: IrPolicy): IamPolicyDocument {
  return { Version: "2012-10-17", Statement: policy.statements.map(emitStatement) };
}

/** The file text: two-space indentation and a final newline. */
export function formatDocument(doc: IamPolicyDocument): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/** IAM's size measure: the policy's JSON with every whitespace character removed. */
export function policySize(doc: IamPolicyDocument): number {
  return JSON.stringify(doc).replace(/\s/g, "").length;
}
