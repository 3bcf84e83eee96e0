/**
 * The benchmark's workloads: seeded policy sets and requests, one per size. `npm run bench`
 * times every contender on them (bench/run.ts) and measures allocation on the same ones
 * (bench/allocation.ts).
 */
import type { PolicySource } from "../compiler/emit/typescript/index.js";
import type { Request } from "../runtime/index.js";
import { teamPolicy, teamRequests } from "../test/support/appRunnerWorkload.js";
import { actionPool, policyOf, requestsFor } from "../test/support/samplePolicies.js";

/** The actions the sample workload draws from (read once from the catalog). */
export type Pool = Awaited<ReturnType<typeof actionPool>>;

export { actionPool };

/** A family of seeded policies and requests, one per size. */
export interface Workload {
  readonly name: string;
  readonly description: string;
  policy(size: number, pool: Pool): PolicySource;
  requests(policy: PolicySource, size: number, pool: Pool, count: number): Request[];
}

export const WORKLOADS: readonly Workload[] = [
  {
    name: "apprunner",
    description:
      "App-Runner-only sets repeating a 10-statement team template (test/support/appRunnerWorkload.ts); requests over all 42 App Runner actions with 8–15 context keys, some unread, some odd-case, JSON round-tripped",
    policy: (size) => teamPolicy(size),
    requests: (_policy, size, _pool, count) => teamRequests(size, count),
  },
  {
    name: "sample",
    description: "the 10-statement App Runner policy plus statements over nine other services (test/support/samplePolicies.ts)",
    policy: (size, pool) => policyOf(size, pool),
    requests: (policy, _size, pool, count) => requestsFor(policy, pool, count),
  },
];
