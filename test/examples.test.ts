// Every example and the stdlib compile cleanly (no errors, no warnings) and pass their own tests.
import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { compileFiles } from "../compiler/index.js";
import { loadSources } from "../compiler/driver/loadSources.js";
import { runPolicyTests } from "../compiler/policyTests/runPolicyTests.js";

const dirs = [
  ...readdirSync("examples", { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => `examples/${d.name}`),
  "stdlib",
];

describe("examples and stdlib", () => {
  it("there are at least 8 example scenarios", () => expect(dirs.length - 1).toBeGreaterThanOrEqual(8));
  for (const dir of dirs) {
    it(`${dir} compiles without diagnostics`, () => {
      const result = compileFiles([dir]);
      expect(result.diagnostics.map((d) => `${d.code} ${d.message}`)).toEqual([]);
      expect(result.policies.length + result.roles.length).toBeGreaterThan(0);
    });
    it(`${dir} passes its tests`, () => {
      const result = runPolicyTests(loadSources([dir]).sources);
      expect(result.diagnostics.map((d) => `${d.code} ${d.message}`)).toEqual([]);
      expect(result.outcomes.length).toBeGreaterThan(0);
      expect(result.outcomes.filter((o) => !o.passed)).toEqual([]);
    });
  }
});
