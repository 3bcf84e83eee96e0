/**
 * The generated evaluator decides (and explains) exactly as the runtime interpreter, on random
 * policy sets and random requests: 125 sets × 80 requests = 10,000 decisions per run, each
 * module generated and loaded once (that, not deciding, is what costs time; more requests per
 * set are nearly free). `npm run fuzz` runs the same property at any size.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { generateEvaluator, type PolicySource } from "../../compiler/emit/typescript/index.js";
import { policySetArb } from "./arbitraries.js";
import { runDifferential } from "./differential.js";
import { typeCheck } from "./support.js";

describe("generated evaluator vs runtime interpreter", () => {
  // 10,000 decisions in five runs of 2,000, each with a seed of its own, so that no single test
  // runs long on a loaded machine (a minute-long test trips vitest's worker RPC timeout).
  for (const seed of [1, 2, 3, 4, 5]) {
    it(`agree on 2,000 random decisions, explanations included (seed ${seed})`, async () => {
      const report = await runDifferential({ sets: 25, requestsPerSet: 80, compareExplanations: true, shrink: true, seed: 20261200 + seed });
      expect(report.cases).toBe(2_000);
    }, 60_000);
  }

  it("random policy sets generate modules that type-check under --strict", async () => {
    const sets = fc.sample(policySetArb, { numRuns: 8, seed: 20261125 }) as PolicySource[][];
    const files: Record<string, string> = {};
    for (const [i, set] of sets.entries()) files[`/virtual/evaluator${i}.ts`] = await generateEvaluator(set);
    expect(typeCheck(files)).toEqual([]);
  }, 60_000);
});
