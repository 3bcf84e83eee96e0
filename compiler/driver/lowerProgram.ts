/**
 * Stage 6, lower: every checked statement becomes IAM statements (compiler/lower), once, so
 * a statement shared by several policies is lowered (and any lowering error reported) once.
 */
import type { Statement } from "../../grammar/ast.js";
import type { IrStatement } from "../ir.js";
import { lowerStatement } from "../lower/lowerStatement.js";
import type { CheckedProgram } from "./checkProgram.js";

/** Each statement's IR; a statement with errors lowers to nothing. */
export type LoweredProgram = ReadonlyMap<Statement, readonly IrStatement[]>;

export function lowerProgram(checked: CheckedProgram): LoweredProgram {
  const lowered = new Map<Statement, readonly IrStatement[]>();
  for (const [stmt, { ctx, checked: c }] of checked.statements) lowered.set(stmt, c === undefined ? [] : lowerStatement(ctx, c));
  return lowered;
}
