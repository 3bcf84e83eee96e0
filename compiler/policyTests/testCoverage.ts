/**
 * Test coverage, like `opa test --coverage`: which `.arp` statements some expectation's request
 * reached and applied, and which conditions it saw both hold and fail. The runtime decides every
 * outcome: a statement applied when the evaluation did not list it as not applying, and a
 * condition's outcome is the runtime's decision on that condition alone, counted only for
 * requests that reached it (the statement's action and resource matched).
 */
import type { Span } from "../../grammar/diagnostics/diagnostic.js";
import { evaluate } from "../../runtime/index.js";
import type { IamPolicyDocument, IamStatement } from "../../runtime/policyDocument.js";
import type { EvaluationResult, Request } from "../../runtime/types.js";
import type { IrCondition, IrPolicy } from "../ir.js";

/** A policy as a test evaluated it: its name in the evaluation, its document and its IR. */
export interface CoveredPolicy {
  readonly name: string;
  readonly document: IamPolicyDocument;
  readonly ir: IrPolicy;
}

/** One `.arp` statement (several IAM statements when lowering split it), and whether it applied. */
export interface StatementCoverage {
  readonly span: Span;
  readonly applied: boolean;
}

/** One `.arp` condition, and which outcomes the tests saw. */
export interface ConditionCoverage {
  readonly span: Span;
  /** The IAM operator and key, as the compiled policy writes them. */
  readonly operator: string;
  readonly key: string;
  readonly held: boolean;
  readonly failed: boolean;
}

/** Coverage of one input file. */
export interface FileCoverage {
  readonly file: string;
  readonly statements: readonly StatementCoverage[];
  readonly conditions: readonly ConditionCoverage[];
  /** Applied statements plus seen condition outcomes (each condition has two). */
  readonly covered: number;
  readonly total: number;
  /** `covered / total` as a percentage; 100 for a file with nothing to cover. */
  readonly percent: number;
}

export interface TestCoverage {
  readonly files: readonly FileCoverage[];
  readonly covered: number;
  readonly total: number;
  readonly percent: number;
}

interface StatementState {
  span: Span;
  applied: boolean;
}

interface ConditionState {
  span: Span;
  operator: string;
  key: string;
  held: boolean;
  failed: boolean;
}

function spanKey(span: Span): string {
  return `${span.file}\u0000${span.start}\u0000${span.end}`;
}

function percentOf(covered: number, total: number): number {
  return total === 0 ? 100 : Math.round((covered / total) * 1000) / 10;
}

/** Collects coverage over many evaluations, then reports it per file. */
export class CoverageRecorder {
  private readonly statements = new Map<string, StatementState>();
  private readonly conditions = new Map<string, ConditionState>();

  /** Counts the statements of `policies` that come from `files` as coverable, once each. */
  register(policies: readonly IrPolicy[], files: ReadonlySet<string>): void {
    for (const policy of policies) {
      if (policy.kind !== "identity") continue;
      for (const s of policy.statements) {
        if (!files.has(s.span.file)) continue;
        const key = spanKey(s.span);
        if (!this.statements.has(key)) this.statements.set(key, { span: s.span, applied: false });
        for (const c of s.conditions) this.conditionState(c);
      }
    }
  }

  /** Records what one evaluation of `request` against `policies` exercised. */
  record(policies: readonly CoveredPolicy[], request: Request, result: EvaluationResult): void {
    const missed = new Map<string, EvaluationResult["notApplied"][number]["reason"]>();
    for (const miss of result.notApplied) missed.set(`${miss.policy}\u0000${miss.index}`, miss.reason);
    for (const policy of policies) {
      policy.ir.statements.forEach((statement, index) => {
        const state = this.statements.get(spanKey(statement.span));
        if (state === undefined) return;
        const reason = missed.get(`${policy.name}\u0000${index}`);
        if (reason === undefined) state.applied = true;
        else if (reason.kind === "action" || reason.kind === "resource") return;
        for (const condition of statement.conditions) {
          const c = this.conditionState(condition);
          if (conditionHolds(policy.document, condition, request)) c.held = true;
          else c.failed = true;
        }
      });
    }
  }

  /** Coverage per file, files and positions in order. */
  report(): TestCoverage {
    const byFile = new Map<string, { statements: StatementCoverage[]; conditions: ConditionCoverage[] }>();
    const entry = (file: string) => {
      let e = byFile.get(file);
      if (e === undefined) byFile.set(file, (e = { statements: [], conditions: [] }));
      return e;
    };
    for (const s of this.statements.values()) entry(s.span.file).statements.push({ span: s.span, applied: s.applied });
    for (const c of this.conditions.values()) entry(c.span.file).conditions.push({ ...c });
    const files = [...byFile.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([file, e]): FileCoverage => {
        const statements = e.statements.sort((a, b) => a.span.start - b.span.start);
        const conditions = e.conditions.sort((a, b) => a.span.start - b.span.start || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
        const covered = statements.filter((s) => s.applied).length + conditions.reduce((n, c) => n + Number(c.held) + Number(c.failed), 0);
        const total = statements.length + 2 * conditions.length;
        return { file, statements, conditions, covered, total, percent: percentOf(covered, total) };
      });
    const covered = files.reduce((n, f) => n + f.covered, 0);
    const total = files.reduce((n, f) => n + f.total, 0);
    return { files, covered, total, percent: percentOf(covered, total) };
  }

  private conditionState(c: IrCondition): ConditionState {
    // One `.arp` condition may become several IAM conditions (one per statement lowering made
    // of it); its outcomes are theirs together, keyed by its span and the IAM key it tests.
    const key = `${spanKey(c.span)}\u0000${c.operator}\u0000${c.key}`;
    let state = this.conditions.get(key);
    if (state === undefined) this.conditions.set(key, (state = { span: c.span, operator: c.operator, key: c.key, held: false, failed: false }));
    return state;
  }
}

/** The runtime's decision on one condition alone: an allow of everything under just that condition. */
function conditionHolds(document: IamPolicyDocument, condition: IrCondition, request: Request): boolean {
  const probe: IamStatement = {
    Effect: "Allow",
    Action: "*",
    Resource: "*",
    Condition: { [condition.operator]: { [condition.key]: [...condition.values] } },
  };
  return evaluate([{ Version: document.Version, Statement: [probe] }], request).decision === "Allow";
}
