/**
 * iam-simulate as a benchmark contender (test/support/iamSimulateDecider.ts maps requests and
 * results). It re-reads the policy document on every decision: about 3,400 decisions/s at 10
 * statements, 730/s at 100 and 70/s at 1,000 on the bench machine, warm. The bench checks
 * every request it decides against the runtime before timing it (one full pass), so it decides
 * the first 300 requests of each workload only (a few seconds at 1,000 statements); its timed
 * rounds are bounded in time like every contender's (bench/measure.ts).
 */
import { loadIamSimulate } from "../../test/support/iamSimulateDecider.js";
import type { Contender } from "../contenders.js";

export const iamSimulate: Contender = {
  name: "iam-simulate",
  requests: 300,
  load: async (policy) => loadIamSimulate(policy),
};
