/**
 * Random App Runner policies (appRunnerPolicies.ts), which IAM accepts, all import, and the
 * runtime decides the input and the compiled import alike on sampled requests (≥ 10,000 per
 * run in all).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { format } from "../../compiler/format/index.js";
import { importPolicy } from "../../compiler/import/index.js";
import { appRunnerPolicy } from "./appRunnerPolicies.js";
import { assertSameDecisions, compileImport } from "./support.js";
import { scaled } from "../support/fuzzScale.js";

// Importing a policy, not deciding a request, is what costs time: fewer policies, more requests each.
const POLICIES = scaled(40);
const REQUESTS_PER_POLICY = Math.max(250, Math.ceil(10_000 / POLICIES));

describe("random App Runner policies", () => {
  it("all import, and decide as the input does", async () => {
    const refused = new Map<string, number>();
    let imported = 0;
    let requests = 0;
    await fc.assert(
      fc.asyncProperty(appRunnerPolicy, async (doc) => {
        const result = await importPolicy(JSON.stringify(doc, null, 2), { file: "random.json" });
        if (result.arp === undefined) {
          for (const d of result.diagnostics.filter((x) => x.severity === "error")) refused.set(`${d.code} ${d.message}`, (refused.get(`${d.code} ${d.message}`) ?? 0) + 1);
          return;
        }
        imported++;
        // The `// arp-ignore` lines stay where they cover what they suppress once formatted.
        expect(await format(result.arp), "the import is formatted").toBe(result.arp);
        const compiled = compileImport(result.arp, "policy");
        expect(compiled).toEqual(result.document);
        assertSameDecisions(doc, compiled, REQUESTS_PER_POLICY);
        requests += REQUESTS_PER_POLICY;
      }),
      { numRuns: POLICIES, seed: 14 },
    );
    expect([...refused]).toEqual([]);
    expect(imported).toBe(POLICIES);
    expect(requests).toBeGreaterThanOrEqual(10_000);
  });
});
