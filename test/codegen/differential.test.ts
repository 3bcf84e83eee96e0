/**
 * The generated evaluator decides (and explains) exactly as the runtime interpreter, on random
 * policy sets and random requests: 24 sets × 420 requests = 10,080 decisions per run (in 8 tests), each
 * module generated and loaded once (that, not deciding, is what costs time; more requests per
 * set are nearly free). `npm run fuzz` runs the same property at any size, and
 * `ARP_FUZZ_SCALE` (test/support/fuzzScale.ts) runs more seeds here.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { generateEvaluator, type PolicySource } from "../../compiler/emit/typescript/index.js";
import { policySetArb } from "./arbitraries.js";
import { runDifferential } from "./differential.js";
import { typeCheck } from "./support.js";
import { scaled } from "../support/fuzzScale.js";

describe("generated evaluator vs runtime interpreter", () => {
  // 10,080 decisions in 8 runs of 1,260 (3 sets each), each with a seed of its own, so that no
  // single test runs long on a loaded machine (generating a module, not deciding, is the cost).
  for (let seed = 1; seed <= scaled(8); seed++) {
    it(`agree on 1,260 random decisions, explanations included (seed ${seed})`, async () => {
      const report = await runDifferential({ sets: 3, requestsPerSet: 420, compareExplanations: true, shrink: true, seed: 20261200 + seed });
      expect(report.cases).toBe(1260);
    }, 60_000);
  }

  it("random policy sets generate modules that type-check under --strict", async () => {
    const sets = fc.sample(policySetArb, { numRuns: scaled(3), seed: 20261125 }) as PolicySource[][];
    const files: Record<string, string> = {};
    for (const [i, set] of sets.entries()) files[`/virtual/evaluator${i}.ts`] = await generateEvaluator(set);
    expect(typeCheck(files)).toEqual([]);
  }, 60_000);
});
