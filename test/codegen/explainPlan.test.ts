/**
 * explain()'s plans (compiler/emit/typescript/snippetsExplain.ts) are kept between calls, per
 * action and per end of the resource-index walk: explanations must come out the same whether a
 * plan is made for the request or found from an earlier one, in a module of one policy set (plain
 * and compact) and of several principal sets (each with its own plans), and past the bound on
 * actions whose plans are kept.
 */
import { isDeepStrictEqual } from "node:util";
import { describe, expect, it } from "vitest";
import { generateEvaluator, generatePrincipalEvaluator } from "../../compiler/emit/typescript/index.js";
import { compilePolicySet, type EvaluationResult, type Request } from "../../runtime/index.js";
import { teamPolicy, teamRequests } from "../support/appRunnerWorkload.js";
import { loadEvaluator } from "./support.js";

type Explain = (request: Request) => EvaluationResult;

/** Explains every request twice (the second time from kept plans) and compares each with the runtime; returns how many matched a statement. */
function agreeTwice(explain: Explain, policy: ReturnType<typeof teamPolicy>, requests: readonly Request[]): number {
  const runtime = compilePolicySet([policy]);
  let decided = 0;
  for (let pass = 0; pass < 2; pass++) {
    for (const request of requests) {
      const want = runtime.evaluate(request);
      const got = explain(request);
      if (!isDeepStrictEqual(got, want)) throw new Error(`explain differs on pass ${pass}: ${JSON.stringify({ request, want, got }, null, 1)}`);
      if (pass === 0 && got.matched.length > 0) decided++;
    }
  }
  return decided;
}

describe("explain() with kept plans agrees with the runtime on the App Runner team workload", () => {
  for (const [statements, requests] of [
    [10, 400],
    [100, 400],
  ] as const) {
    const kind = statements === 100 ? " (a compact module, with plans)" : " (too few candidates per action for plans)";
    it(`${statements} statements${kind}: every request, asked twice`, async () => {
      const policy = teamPolicy(statements);
      const evaluator = loadEvaluator(await generateEvaluator([policy]));
      expect(agreeTwice((r) => evaluator.explain(r), policy, teamRequests(statements, requests))).toBeGreaterThan(0);
    }, 30_000);
  }

  it("an explanation handed out is the caller's: changing it changes no later one", async () => {
    const policy = teamPolicy(100);
    const evaluator = loadEvaluator(await generateEvaluator([policy]));
    const runtime = compilePolicySet([policy]);
    for (const request of teamRequests(100, 200)) {
      const first = evaluator.explain(request);
      (first.notApplied as unknown[]).length = 0;
      (first.matched as unknown[]).push("changed");
      expect(evaluator.explain(request)).toEqual(runtime.evaluate(request));
    }
  }, 30_000);

  it("each principal set of a module (compact: one shared engine) keeps its own plans, though their statements are numbered alike", async () => {
    const small = { ...teamPolicy(10), name: "small" };
    const large = { ...teamPolicy(200), name: "large" };
    const source = await generatePrincipalEvaluator([
      { name: "Small", kind: "policy", policies: [small] },
      { name: "Large", kind: "policy", policies: [large] },
    ]);
    const module = loadEvaluator(source) as unknown as { explain(set: string, request: Request): EvaluationResult };
    expect(source).toContain("function evaluatorOver(");
    // Interleaved, so each set's plans are made while the other's exist.
    const requests = teamRequests(200, 300);
    for (let k = 0; k < 2; k++) {
      expect(agreeTwice((r) => module.explain("Large", r), large, requests.slice(k * 150, k * 150 + 150))).toBeGreaterThan(0);
      expect(agreeTwice((r) => module.explain("Small", r), small, requests.slice(k * 150, k * 150 + 150))).toBeGreaterThan(0);
    }
  }, 30_000);

  it("past the bound on actions with kept plans (made-up names a wildcard matches), explanations stay right", async () => {
    const policy = teamPolicy(100);
    const evaluator = loadEvaluator(await generateEvaluator([policy]));
    // 600 names apprunner:Describe* and apprunner:* match: each a new set of candidates, so the table starts again twice.
    const made = teamRequests(100, 600).map((r, i) => ({ ...r, action: `apprunner:DescribeMadeUp${i}` }));
    expect(agreeTwice((r) => evaluator.explain(r), policy, made)).toBeGreaterThan(0);
  }, 30_000);
});
