/**
 * The differential check on the App Runner team workload (test/support/appRunnerWorkload.ts):
 * policy sets where dozens of statements share each action and differ only in resource
 * prefixes and condition values, asked requests with 8–15 context keys (unread and odd-case
 * keys among them, JSON round-tripped). The random property (differential.ts) rarely builds
 * such sets, and they are what the resource index and the context slots are for. The vitest
 * suite runs a CI-sized sample; `npm run fuzz` runs it at 1,000 statements.
 */
import { isDeepStrictEqual } from "node:util";
import { generateEvaluator } from "../../compiler/emit/typescript/index.js";
import { compilePolicySet } from "../../runtime/index.js";
import { teamPolicy, teamRequests } from "../support/appRunnerWorkload.js";
import { loadEvaluator } from "./support.js";

/** What a team-workload run checked. */
export interface TeamDifferentialReport {
  readonly cases: number;
  readonly allows: number;
  readonly denies: number;
}

/**
 * Generates the evaluator of the `statements`-statement team policy and compares its
 * `authorize` and whole `explain` with the runtime on `requests` seeded requests; throws on
 * the first difference.
 */
export async function runTeamDifferential(statements: number, requests: number): Promise<TeamDifferentialReport> {
  const policy = teamPolicy(statements);
  const evaluator = loadEvaluator(await generateEvaluator([policy]));
  const runtime = compilePolicySet([policy]);
  let allows = 0;
  let denies = 0;
  for (const request of teamRequests(statements, requests)) {
    const want = runtime.evaluate(request);
    const decision = evaluator.authorize(request);
    if (decision !== want.decision) throw new Error(`authorize differs (${statements} statements): ${JSON.stringify({ request, want: want.decision, got: decision })}`);
    const got = evaluator.explain(request);
    if (!isDeepStrictEqual(got, want)) throw new Error(`explain differs (${statements} statements): ${JSON.stringify({ request, want, got }, null, 1)}`);
    if (decision === "Allow") allows++;
    if (decision === "ExplicitDeny") denies++;
  }
  return { cases: requests, allows, denies };
}
