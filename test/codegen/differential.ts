/**
 * The differential property: for a random policy set, the generated evaluator and the runtime
 * interpreter agree on every random request. The module is generated and loaded once per
 * policy set, then asked many requests, so a run checks sets × requests decisions. Both the
 * vitest suite and `npm run fuzz` run this property; they differ only in how many cases.
 */
import { isDeepStrictEqual } from "node:util";
import fc from "fast-check";
import { generateEvaluator } from "../../compiler/emit/typescript/index.js";
import { evaluate } from "../../runtime/index.js";
import type { PolicyInput, Request } from "../../runtime/index.js";
import { policySetArb, requestArb } from "./arbitraries.js";
import { loadEvaluator, typeCheck } from "./support.js";

/** How large a differential run is. */
export interface DifferentialOptions {
  /** Random policy sets; each gets its own generated module. */
  readonly sets: number;
  /** Random requests asked of each set. */
  readonly requestsPerSet: number;
  readonly seed?: number;
  /** Compare whole explanations (matched, notApplied, overridden), not only decisions. */
  readonly compareExplanations?: boolean;
  /** Shrink a failing case to a small counterexample (slower to fail, easier to read). */
  readonly shrink?: boolean;
  /** Also type-check every n-th generated module under --strict (about a second each). */
  readonly typeCheckEvery?: number;
}

/** What a differential run checked. */
export interface DifferentialReport {
  /** Decisions compared. */
  readonly cases: number;
  readonly milliseconds: number;
}

/** The policy inputs as the generator takes them (the property only makes named policies). */
function named(set: readonly PolicyInput[]) {
  return set.map((p) => {
    if (!("document" in p)) throw new Error("differential: unnamed policy");
    return p;
  });
}

/** A mismatch, described for the failure message. */
function mismatch(set: readonly PolicyInput[], request: Request, want: unknown, got: unknown): string {
  return JSON.stringify({ policies: set, request, want, got }, null, 1);
}

/**
 * Runs the property; throws (with fast-check's shrunk counterexample) on the first request
 * where the generated module and the runtime disagree.
 */
export async function runDifferential(options: DifferentialOptions): Promise<DifferentialReport> {
  let cases = 0;
  let sets = 0;
  const started = performance.now();
  const requests = fc.array(requestArb, { minLength: options.requestsPerSet, maxLength: options.requestsPerSet });
  await fc.assert(
    fc.asyncProperty(policySetArb, requests, async (set, batch) => {
      const source = await generateEvaluator(named(set));
      sets++;
      if (options.typeCheckEvery !== undefined && sets % options.typeCheckEvery === 0) {
        const problems = typeCheck({ "/virtual/evaluator.ts": source });
        if (problems.length > 0) throw new Error(`generated module does not type-check:\n${problems.join("\n")}\n${JSON.stringify(set)}`);
      }
      const evaluator = loadEvaluator(source);
      for (const request of batch) {
        cases++;
        const want = evaluate(set, request);
        const decision = evaluator.authorize(request);
        if (decision !== want.decision) throw new Error(`authorize differs:\n${mismatch(set, request, want.decision, decision)}`);
        const got = evaluator.explain(request);
        const same = options.compareExplanations === true ? isDeepStrictEqual(got, want) : got.decision === want.decision;
        if (!same) throw new Error(`explain differs:\n${mismatch(set, request, want, got)}`);
      }
    }),
    { numRuns: options.sets, ...(options.seed !== undefined ? { seed: options.seed } : {}), endOnFailure: options.shrink !== true },
  );
  return { cases, milliseconds: performance.now() - started };
}
