/**
 * What `arp lint` reads: the documents the compiler built from the user's files (their IR, with
 * the `.arp` span of every statement and condition), the inputs' roles and principal sets.
 * Lint runs on IAM's model, after lowering, so what it flags is what IAM will evaluate.
 */
import type { IrCondition, IrStatement } from "../ir.js";
import type { BuiltDocument } from "../driver/validateDocuments.js";
import type { BuiltRole } from "../driver/compileRole.js";
import type { PrincipalSet } from "../driver/principalSets.js";
import type { Diagnostic } from "../../grammar/diagnostics/diagnostic.js";
import { spanKey } from "./everyCopy.js";
import { patternCovers } from "./patternCover.js";

export interface LintInput {
  /** Every document built from the user's files (identity, inline and trust policies). */
  readonly documents: readonly BuiltDocument[];
  /** The inputs' roles. */
  readonly roles: readonly BuiltRole[];
  /** The inputs' principal sets: whose statements are evaluated together. */
  readonly principals: readonly PrincipalSet[];
  /** The user's files (inputs and imports): findings are reported only inside them. */
  readonly userFiles: ReadonlySet<string>;
}

/** A lint rule: reads the input, reports findings. */
export type LintRule = (input: LintInput, report: (d: Diagnostic) => void) => void;

/** The identity statements (standalone and inline policies) of the user's files. */
export function identityStatements(input: LintInput): readonly IrStatement[] {
  return input.documents.filter((d) => d.kind !== "trust").flatMap((d) => d.policy.ir.statements);
}

/**
 * The identity statements of each document grouped by the `.arp` statement they lowered from:
 * one group per statement, holding one statement per branch of its `or`s.
 */
export function sourceStatements(input: LintInput): IrStatement[][] {
  const groups: IrStatement[][] = [];
  for (const d of input.documents) {
    if (d.kind === "trust") continue;
    const bySpan = new Map<string, IrStatement[]>();
    for (const s of d.policy.ir.statements) {
      const key = spanKey(s.span);
      const group = bySpan.get(key);
      if (group === undefined) bySpan.set(key, [s]);
      else group.push(s);
    }
    groups.push(...bySpan.values());
  }
  return groups;
}

/** Whether the statement's Action/NotAction names `action` (a concrete action name). */
export function namesAction(s: IrStatement, action: string): boolean {
  const hit = s.actions.values.some((p) => patternCovers(p, action, true));
  return hit !== s.actions.not;
}

/** The conditions of `s` on `key` (keys compare case-insensitively, as IAM does). */
export function conditionsOn(s: IrStatement, key: string): readonly IrCondition[] {
  const lower = key.toLowerCase();
  return s.conditions.filter((c) => c.key.toLowerCase() === lower);
}

/** Each principal's statements, identity policies only, in the order IAM would list them. */
export function statementsBySet(input: LintInput): IrStatement[][] {
  const sets = input.principals.map((set) => set.members.flatMap((m) => m.policy.ir.statements));
  return sets.length > 0 ? sets : [[...identityStatements(input)]];
}
