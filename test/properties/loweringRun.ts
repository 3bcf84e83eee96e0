/**
 * Runs the lowering property over many seeded cases: what was compared, what arp refused, and
 * each class of failure once, shrunk, with how often it occurred. Shared by
 * loweringMeaning.test.ts and `npm run fuzz -- --lowering N`.
 */
import fc from "fast-check";
import { conditionArb } from "./conditionArbitrary.js";
import type { Cond } from "./conditionModel.js";
import { checkCase, describeFailure, failureClass, shrink, type Failure } from "./loweringCheck.js";
import type { DomainRequest } from "./requestDomain.js";

export interface LoweringReport {
  readonly cases: number;
  /** Cases arp compiled and the property decided. */
  readonly compiled: number;
  /** Cases arp refused, by diagnostic code. */
  readonly refused: Readonly<Record<string, number>>;
  /** Requests decided, each under both the allow and the deny policy. */
  readonly requests: number;
  /** Each class of failure with its count and one shrunk example. */
  readonly classes: readonly { readonly name: string; readonly count: number; readonly example: Failure }[];
  readonly milliseconds: number;
}

export interface LoweringOptions {
  readonly cases: number;
  readonly seed: number;
  /** Shrink at most this many failures (one per new class); others are counted only. */
  readonly shrinkLimit?: number;
  /** Narrows the conditions and requests compared, to look past a known class of failure. */
  readonly only?: { readonly condition?: (cond: Cond) => boolean; readonly request?: (request: DomainRequest) => boolean };
}

export function runLowering(options: LoweringOptions): LoweringReport {
  const started = Date.now();
  const conditions = fc.sample(conditionArb, { numRuns: options.cases, seed: options.seed });
  const refused: Record<string, number> = {};
  const classes = new Map<string, { name: string; count: number; example: Failure }>();
  const byFirstShape = new Map<string, string>();
  let compiled = 0;
  let requests = 0;
  let shrunk = 0;
  const record = (failure: Failure): void => {
    // A failure's raw class is cheap to compute; shrink only the first of each raw class.
    const raw = failureClass(failure);
    let name = byFirstShape.get(raw);
    if (name === undefined) {
      const small = shrunk++ < (options.shrinkLimit ?? 50) ? shrink(failure) : failure;
      name = failureClass(small);
      byFirstShape.set(raw, name);
      if (!classes.has(name)) classes.set(name, { name, count: 0, example: small });
    }
    classes.get(name)!.count++;
  };
  for (const cond of conditions) {
    if (options.only?.condition?.(cond) === false) continue;
    const outcome = checkCase(cond, 1, options.only?.request);
    if (outcome.kind === "refused") refused[outcome.code] = (refused[outcome.code] ?? 0) + 1;
    else if (outcome.kind === "failed") record(outcome.failure);
    else {
      compiled++;
      requests += outcome.requests;
      outcome.failures.forEach(record);
    }
  }
  return { cases: options.cases, compiled, refused, requests, classes: [...classes.values()], milliseconds: Date.now() - started };
}

/** A report as text: figures, then each failure class with its example. */
export function describeReport(report: LoweringReport): string {
  const refusedTotal = Object.values(report.refused).reduce((a, b) => a + b, 0);
  const lines = [
    `${report.cases} conditions: ${report.compiled} compiled, ${refusedTotal} refused (${JSON.stringify(report.refused)}), ` +
      `${report.requests} requests decided under allow and deny in ${(report.milliseconds / 1000).toFixed(1)} s`,
  ];
  for (const c of [...report.classes].sort((a, b) => b.count - a.count)) {
    lines.push("", `== ${c.count} × ${c.name}`, describeFailure(c.example));
  }
  return lines.join("\n");
}
