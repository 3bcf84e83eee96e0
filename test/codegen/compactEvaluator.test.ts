/**
 * Large policy sets get a compact evaluator (compiler/emit/typescript/statementShapes.ts):
 * statements alike but for their values share one factory. The compact module must decide and
 * explain exactly as the runtime interpreter, type-check strictly, stay deterministic, and be
 * much smaller than the plain one. `compactLimit: 0` makes small sets compact, so the tests
 * stay short.
 */
import { isDeepStrictEqual } from "node:util";
import { describe, expect, it } from "vitest";
import { generateEvaluator, generatePrincipalEvaluator } from "../../compiler/emit/typescript/index.js";
import { compilePolicySet } from "../../runtime/index.js";
import type { Request } from "../../runtime/index.js";
import { teamPolicy, teamRequests } from "../support/appRunnerWorkload.js";
import { loadEvaluator, typeCheck } from "./support.js";

const COMPACT = { compactLimit: 0 } as const;
const PLAIN = { compactLimit: Number.POSITIVE_INFINITY, prettierLimit: 0 } as const;

describe("compact evaluators", () => {
  it("decide and explain as the runtime on the 100-statement team workload", async () => {
    const policy = teamPolicy(100);
    const evaluator = loadEvaluator(await generateEvaluator([policy], COMPACT));
    const runtime = compilePolicySet([policy]);
    let decided = 0;
    for (const request of teamRequests(100, 300)) {
      const want = runtime.evaluate(request);
      expect(evaluator.authorize(request)).toBe(want.decision);
      if (!isDeepStrictEqual(evaluator.explain(request), want)) expect(evaluator.explain(request)).toEqual(want);
      if (want.decision !== "ImplicitDeny") decided++;
    }
    expect(decided).toBeGreaterThan(0);
  }, 20_000);

  it("share one factory among statements alike, and are a fraction of the plain module's size", async () => {
    const policy = teamPolicy(100);
    const compact = await generateEvaluator([policy], COMPACT);
    const plain = await generateEvaluator([policy], PLAIN);
    // Ten team templates repeated ten times: each template's statements share a factory.
    expect(compact).toMatch(/\nfunction shape0\(/);
    expect(compact).not.toMatch(/\nfunction statement1\d\(/);
    expect(compact.length).toBeLessThan(plain.length * 0.6);
  }, 20_000);

  it("pass a value a statement writes twice once: no two parameters of a factory agree in every statement", async () => {
    const compact = await generateEvaluator([teamPolicy(100)], COMPACT);
    const calls = new Map<string, string[][]>();
    for (const m of compact.matchAll(/\b(shape\d+)\(((?:"(?:[^"\\]|\\.)*"(?:, )?)+)\)/g)) {
      const args = [...m[2]!.matchAll(/"(?:[^"\\]|\\.)*"/g)].map((a) => a[0]);
      calls.set(m[1]!, [...(calls.get(m[1]!) ?? []), args]);
    }
    expect(calls.size).toBeGreaterThan(3);
    for (const [factory, members] of calls) {
      const columns = members[0]!.map((_, i) => members.map((args) => args[i]).join("\u0000"));
      expect(new Set(columns).size, factory).toBe(columns.length);
    }
    // The resource patterns' literals are each passed once: the glob and the cut-ARN test share them.
    expect(compact).toMatch(/shape1\(":service\/t0-"\)/);
  }, 20_000);

  it("type-check under --strict and are byte-identical for the same input", async () => {
    const policy = teamPolicy(30);
    const compact = await generateEvaluator([policy], COMPACT);
    expect(await generateEvaluator([structuredClone(policy)], COMPACT)).toBe(compact);
    expect(typeCheck({ "/virtual/evaluator.ts": compact })).toEqual([]);
  }, 20_000);

  it("serve a module of principal sets alike: it type-checks and each set decides as its own policies", async () => {
    const a = teamPolicy(20);
    const b = { ...teamPolicy(30), name: "other" };
    const source = await generatePrincipalEvaluator(
      [
        { name: "TeamA", kind: "role", policies: [a] },
        { name: "TeamB", kind: "policy", policies: [b] },
      ],
      COMPACT,
    );
    expect(source).toMatch(/\n\s*function shape\d+\(/);
    expect(typeCheck({ "/virtual/evaluator.ts": source })).toEqual([]);
    const module = loadEvaluator(source) as unknown as {
      authorize(set: string, request: Request): string;
      explain(set: string, request: Request): unknown;
    };
    const runtimeA = compilePolicySet([a]);
    const runtimeB = compilePolicySet([b]);
    for (const request of teamRequests(30, 100)) {
      expect(module.authorize("TeamA", request)).toBe(runtimeA.evaluate(request).decision);
      expect(module.authorize("TeamB", request)).toBe(runtimeB.evaluate(request).decision);
      const want = runtimeB.evaluate(request);
      if (!isDeepStrictEqual(module.explain("TeamB", request), want)) expect(module.explain("TeamB", request)).toEqual(want);
    }
  }, 20_000);
});
