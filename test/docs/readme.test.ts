// The README's language tour is real arp: it compiles without errors, its tests pass, and it
// is in the formatter's layout.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { compile, format, runPolicyTests } from "../../compiler/index.js";

const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
const tour = /```\n(param account[\s\S]*?)```/.exec(readme)?.[1] ?? "";

describe("README language tour", () => {
  it("is present", () => expect(tour).toContain("policy TeamServices"));
  it("compiles without errors", () => {
    const result = compile({ path: "tour.arp", text: tour });
    expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(result.policies.map((p) => p.name)).toEqual(["TeamServices"]);
    expect(result.roles.map((r) => r.name)).toEqual(["DeployerRole"]);
  });
  it("passes its tests", () => {
    const result = runPolicyTests([{ path: "tour.arp", text: tour }]);
    expect(result.outcomes.length).toBe(2);
    expect(result.ok).toBe(true);
  });
  it("is formatted", async () => expect(await format(tour)).toBe(tour));
});
