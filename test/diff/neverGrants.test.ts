// `arp diff --never-grants "ACTION on RESOURCE"` (Access Analyzer's CheckAccessNotGranted,
// offline): each principal set fails when it allows any request the property matches, with that
// request as the counterexample; an independent enumeration checks both directions.
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compile } from "../../compiler/index.js";
import { loadCatalog } from "../../compiler/catalog/index.js";
import type { CompiledPrincipalSet } from "../../compiler/compileProgram.js";
import { checkNeverGrants, NeverGrantsSpecError, parseNeverGrants } from "../../compiler/diff/neverGrants.js";
import { evaluate } from "../../runtime/index.js";
import { runCli } from "../support/runCli.js";
import { tempDir } from "../support/tempDir.js";
import { writeFileSync } from "node:fs";

const catalog = loadCatalog();

function sets(text: string): readonly CompiledPrincipalSet[] {
  const result = compile({ path: "p.arp", text });
  expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return result.principals;
}

/** IAM wildcards: `*` any run, `?` one character. */
function globMatches(pattern: string, text: string, caseInsensitive: boolean): boolean {
  const source = `^${pattern.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".")}$`;
  return new RegExp(source, caseInsensitive ? "is" : "s").test(text);
}

describe("--never-grants specs", () => {
  it("reads ACTION on RESOURCE; a short resource is placed in the action's service's ARN", () => {
    expect(parseNeverGrants("apprunner:Delete* on service/prod-*")).toEqual({ text: "apprunner:Delete* on service/prod-*", action: "apprunner:Delete*", resource: "arn:aws:apprunner:*:*:service/prod-*" });
    expect(parseNeverGrants("iam:PassRole")).toMatchObject({ resource: "*" });
    expect(parseNeverGrants("s3:GetObject on arn:aws:s3:::b/*")).toMatchObject({ resource: "arn:aws:s3:::b/*" });
    expect(() => parseNeverGrants("DeleteService on x")).toThrow(NeverGrantsSpecError);
  });

  it("fails with an allowed request inside the property, holds when a deny or the resource keeps it out", () => {
    const spec = parseNeverGrants("apprunner:Delete* on service/prod-*");
    const [open] = sets('policy Ops "ops" {\n  allow apprunner:DeleteService on service/*\n}\n');
    const found = checkNeverGrants(open!, spec, catalog);
    expect(found.added).toHaveLength(1);
    const e = found.added[0]!.example;
    expect(e.action).toBe("apprunner:DeleteService");
    expect(e.resource).toMatch(/:service\/prod-/);
    expect(evaluate(open!.policies, { ...e, context: { ...e.context } }).decision).toBe("Allow");
    const [guarded] = sets('policy Ops "ops" {\n  allow apprunner:DeleteService on service/*\n  deny apprunner:Delete* on service/prod-*\n}\n');
    expect(checkNeverGrants(guarded!, spec, catalog).added).toEqual([]);
    const [elsewhere] = sets('policy Ops "ops" {\n  allow apprunner:DeleteService on service/dev-*\n}\n');
    expect(checkNeverGrants(elsewhere!, spec, catalog).added).toEqual([]);
  });

  const ACTIONS = ["apprunner:DescribeService", "apprunner:DeleteService", "apprunner:Describe*", "apprunner:*", "apprunner:Delete*"];
  const RESOURCES = ["*", "service/*", "service/prod-*", "service/web/*", "service/prod-api/*"];
  const CONDITIONS = ["", ' when tag env = "prod"', ' when tag env != "prod"', " when tag env exists", ' when tag env like "pr*"'];
  const SPECS = ["apprunner:Delete* on service/prod-*", "apprunner:DescribeService on *", "apprunner:* on service/web/*", "apprunner:D*Service on service/prod-api/*"];
  const statement = fc.tuple(fc.constantFrom("allow", "deny"), fc.constantFrom(...ACTIONS), fc.constantFrom(...RESOURCES), fc.constantFrom(...CONDITIONS)).map(([e, a, r, c]) => `  ${e} ${a} on ${r}${c}`);
  const policy = fc.array(statement, { minLength: 1, maxLength: 3 }).map((ss) => `policy P "p" {\n${ss.join("\n")}\n}\n`);
  const ARNS = ["arn:aws:apprunner:us-east-1:123456789012:service/prod-api/1", "arn:aws:apprunner:us-east-1:123456789012:service/prod-web/2", "arn:aws:apprunner:us-east-1:123456789012:service/web/1", "arn:aws:apprunner:us-east-1:123456789012:service/other/1", "arn:aws:apprunner:us-east-1:123456789012:connection/c/1"];
  const ENV = [undefined, "prod", "production", "dev"];
  const appRunnerActions = catalog.actions("apprunner").map((a) => `apprunner:${a.name}`);

  it("matches an independent enumeration on random policies: every counterexample real and inside the property, none missed", () => {
    fc.assert(
      fc.property(policy, fc.constantFrom(...SPECS), (text, specText) => {
        const [set] = sets(text);
        const spec = parseNeverGrants(specText);
        const result = checkNeverGrants(set!, spec, catalog);
        for (const change of result.added) {
          const e = change.example;
          expect(evaluate(set!.policies, { ...e, context: { ...e.context } }).decision).toBe("Allow");
          expect(globMatches(spec.action, e.action, true)).toBe(true);
          expect(globMatches(spec.resource, e.resource, false)).toBe(true);
        }
        if (result.added.length > 0) return;
        for (const action of appRunnerActions.filter((a) => globMatches(spec.action, a, true))) {
          for (const resource of ARNS.filter((r) => globMatches(spec.resource, r, false))) {
            for (const env of ENV) {
              const r = { principal: "arn:aws:iam::123456789012:user/alice", action, resource, context: env === undefined ? {} : { "aws:ResourceTag/env": env } };
              expect(evaluate(set!.policies, r).decision, `${specText}\n${text}\n${JSON.stringify(r)}`).not.toBe("Allow");
            }
          }
        }
      }),
      { numRuns: 60, seed: 15 },
    );
  });
});

describe("arp diff --never-grants on the command line", () => {
  it("exits 1 with the counterexample per failing principal (text and JSON), 0 when every check holds; repeatable", async () => {
    const dir = tempDir("arp-never-grants-");
    const file = join(dir, "ops.arp");
    writeFileSync(file, 'policy Ops "ops" {\n  allow apprunner:DeleteService on service/*\n}\n');
    const failing = await runCli(["diff", "--never-grants", "apprunner:Delete* on service/prod-*", "--never-grants", "apprunner:PauseService", file]);
    expect(failing.code).toBe(1);
    expect(failing.stdout).toContain("policy Ops grants apprunner:Delete* on service/prod-*:");
    expect(failing.stdout).toMatch(/e\.g\. apprunner:DeleteService on arn:aws:apprunner:[^ ]*service\/prod-/);
    expect(failing.stdout).toContain("1 of 2 checks hold, exhaustive");
    const json = await runCli(["diff", "--format", "json", "--never-grants", "apprunner:Delete* on service/prod-*", file]);
    const [result] = JSON.parse(json.stdout) as { name: string; holds: boolean; violations: { example: { action: string } }[] }[];
    expect(result).toMatchObject({ name: "Ops", holds: false });
    expect(result!.violations[0]!.example.action).toBe("apprunner:DeleteService");
    const holding = await runCli(["diff", "--never-grants", "apprunner:Delete* on service/prod-*", "examples"]);
    expect(holding.code).toBe(0);
    expect(holding.stdout).toMatch(/(\d+) of \1 checks hold/);
    const twoPaths = await runCli(["diff", "--never-grants", "apprunner:Delete*", file, file]);
    expect(twoPaths.code).toBe(2);
  });
});
