/**
 * The generated evaluator decides and explains as the runtime interpreter on the App Runner
 * team workload, at 10 and 100 statements (a CI-sized sample; `npm run fuzz -- --only team`
 * runs 1,000 statements).
 */
import { describe, expect, it } from "vitest";
import { runTeamDifferential } from "./teamDifferential.js";

describe("generated evaluator vs runtime interpreter on the App Runner team workload", () => {
  for (const [statements, requests] of [
    [10, 1000],
    [100, 300],
  ] as const) {
    it(`agree on ${requests} requests to the ${statements}-statement policy, explanations included`, async () => {
      const report = await runTeamDifferential(statements, requests);
      expect(report.cases).toBe(requests);
      // The sample exercises every kind of decision, not only the implicit deny.
      expect(report.allows).toBeGreaterThan(0);
      expect(report.denies).toBeGreaterThan(0);
    }, 30_000);
  }
});
