// `arp diff` answers "which requests does NEW decide differently from OLD", per principal. Every
// counterexample it reports must be real (the runtime decides it differently under the two
// versions), and when it reports no new access, an independent enumeration must find none.
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compile } from "../../compiler/index.js";
import { loadCatalog } from "../../compiler/catalog/index.js";
import { diffAccess, type SetDiff } from "../../compiler/diff/diffAccess.js";
import type { CompiledPrincipalSet } from "../../compiler/compileProgram.js";
import { evaluate } from "../../runtime/index.js";

const catalog = loadCatalog();

function sets(text: string): readonly CompiledPrincipalSet[] {
  const result = compile({ path: "p.arp", text });
  expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return result.principals;
}

function decision(set: CompiledPrincipalSet | undefined, r: { principal: string; action: string; resource: string; context: Record<string, string | readonly string[]> }): string {
  return set === undefined || set.policies.length === 0 ? "ImplicitDeny" : evaluate(set.policies, r).decision;
}

/** Every reported example is decided as reported by the runtime under both versions. */
function expectReal(diffs: readonly SetDiff[], before: readonly CompiledPrincipalSet[], after: readonly CompiledPrincipalSet[]): void {
  for (const d of diffs) {
    for (const change of [...d.added, ...d.removed]) {
      const e = change.example;
      expect(decision(before.find((s) => s.name === d.name), { ...e, context: { ...e.context } })).toBe(e.old);
      expect(decision(after.find((s) => s.name === d.name), { ...e, context: { ...e.context } })).toBe(e.new);
    }
  }
}

const TEAM = readFileSync("examples/team-services/team-services.arp", "utf8");

describe("arp diff", () => {
  it("finds the access a deleted deny opens, with a request that shows it", () => {
    const planted = TEAM.replace(/^\s*deny apprunner:\* on \* when not aws:SecureTransport\n/m, "");
    expect(planted).not.toBe(TEAM);
    const before = sets(TEAM);
    const after = sets(planted);
    const diffs = diffAccess(before, after, catalog);
    const team = diffs.find((d) => d.name === "TeamServices")!;
    expect(team.added.map((c) => c.actions).flat()).toEqual(expect.arrayContaining(["apprunner:UpdateService", "apprunner:CreateService", "apprunner:ListServices"]));
    expect(team.removed).toEqual([]);
    expectReal(diffs, before, after);
  });

  it("reports no change between a program and itself, and the reverse of a change as removed access", () => {
    const planted = TEAM.replace('tag keys within ["team", "env"]', 'tag keys within ["team", "env", "owner"]');
    expect(diffAccess(sets(TEAM), sets(TEAM), catalog).every((d) => d.added.length === 0 && d.removed.length === 0)).toBe(true);
    const widened = diffAccess(sets(TEAM), sets(planted), catalog).find((d) => d.name === "TeamServices")!;
    expect(widened.added.map((c) => c.actions).flat()).toEqual(["apprunner:CreateService"]);
    expect(widened.added[0]!.example.context["aws:tagkeys"]).toContain("owner");
    const narrowed = diffAccess(sets(planted), sets(TEAM), catalog).find((d) => d.name === "TeamServices")!;
    expect(narrowed.added).toEqual([]);
    expect(narrowed.removed.map((c) => c.actions).flat()).toEqual(["apprunner:CreateService"]);
  });

  it("a principal that appears is all new access; one that disappears is all removed", () => {
    const before = sets('policy A "a" {\n  allow apprunner:ListServices on *\n}\n');
    const after = sets('policy B "b" {\n  allow apprunner:ListServices on *\n}\n');
    const diffs = diffAccess(before, after, catalog);
    expect(diffs.find((d) => d.name === "A")!.removed).toHaveLength(1);
    expect(diffs.find((d) => d.name === "B")!.added).toHaveLength(1);
  });

  it("stays exhaustive when statements on different resources read many keys: each resource's product covers only the statements that may apply", () => {
    const cond = (p: string): string => ["a", "b", "c", "d", "e"].map((k) => `tag ${p}${k} = "v"`).join(" and ");
    const text = (extra: string): string => `policy P "p" {\n  allow apprunner:UpdateService on service/one/* when ${cond("x")}\n  allow apprunner:UpdateService on service/two/* when ${cond("y")}${extra}\n}\n`;
    // 3 values per key (missing, "v", a fresh one): 3^10 contexts for both statements together, 3^5 for either.
    const same = diffAccess(sets(text("")), sets(text("")), catalog);
    expect(same[0]!.exhaustive).toBe(true);
    const widened = diffAccess(sets(text("")), sets(text('\n  allow apprunner:UpdateService on service/two/* when tag ye = "w"')), catalog);
    expect(widened[0]!.exhaustive).toBe(true);
    expect(widened[0]!.added[0]!.example.context["aws:resourcetag/ye"]).toBe("w");
    expectReal(widened, sets(text("")), sets(text('\n  allow apprunner:UpdateService on service/two/* when tag ye = "w"')));
  });

  // Random pairs of small policies over a few actions, resources and keys; the enumeration below
  // is independent of diff's own domain (every App Runner action, fixed ARNs, every combination
  // of the keys' values).
  const ACTIONS = ["apprunner:DescribeService", "apprunner:DeleteService", "apprunner:Describe*", "apprunner:*", "apprunner:List*"];
  const RESOURCES = ["*", "service/*", "service/prod-*", "service/web/*"];
  const CONDITIONS = ["", ' when tag env = "prod"', ' when tag env != "prod"', " when tag env exists", ' when aws:RequestedRegion = "us-east-1"', ' when tag env like "pr*"'];
  const statement = fc.tuple(fc.constantFrom("allow", "deny"), fc.constantFrom(...ACTIONS), fc.constantFrom(...RESOURCES), fc.constantFrom(...CONDITIONS)).map(([e, a, r, c]) => `  ${e} ${a} on ${r}${c}`);
  const policy = fc.array(statement, { minLength: 1, maxLength: 3 }).map((ss) => `policy P "p" {\n${ss.join("\n")}\n}\n`);
  const ARNS = ["arn:aws:apprunner:us-east-1:123456789012:service/prod-api/1", "arn:aws:apprunner:us-east-1:123456789012:service/web/1", "arn:aws:apprunner:us-east-1:123456789012:service/other/1", "arn:aws:apprunner:us-east-1:123456789012:connection/c/1", "*"];
  const ENV = [undefined, "prod", "production", "dev", ""];
  const REGION = [undefined, "us-east-1", "eu-west-1"];
  const appRunnerActions = catalog.actions("apprunner").map((a) => `apprunner:${a.name}`);

  it("matches an independent enumeration on random policy pairs: no missed new access, no false example", () => {
    fc.assert(
      fc.property(policy, policy, (oldText, newText) => {
        const before = sets(oldText);
        const after = sets(newText);
        const diffs = diffAccess(before, after, catalog);
        expectReal(diffs, before, after);
        const claimsNone = diffs.every((d) => d.added.length === 0);
        if (!claimsNone) return;
        for (const action of appRunnerActions) for (const resource of ARNS) for (const env of ENV) for (const region of REGION) {
          const context: Record<string, string> = {};
          if (env !== undefined) context["aws:ResourceTag/env"] = env;
          if (region !== undefined) context["aws:RequestedRegion"] = region;
          const r = { principal: "arn:aws:iam::123456789012:user/alice", action, resource, context };
          if (decision(after[0], r) === "Allow") expect(decision(before[0], r), JSON.stringify(r)).toBe("Allow");
        }
      }),
      { numRuns: 60, seed: 15 },
    );
  });
});

describe("arp diff on the command line", () => {
  it("--no-new-access exits 1 with the counterexample when NEW grants more, 0 when it does not", async () => {
    const { runCli } = await import("../support/runCli.js");
    const { tempDir } = await import("../support/tempDir.js");
    const { mkdirSync, writeFileSync } = await import("node:fs");
    const { join } = await import("node:path");
    const dir = tempDir("arp-diff-");
    mkdirSync(join(dir, "old"));
    mkdirSync(join(dir, "new"));
    writeFileSync(join(dir, "old", "p.arp"), TEAM);
    writeFileSync(join(dir, "new", "p.arp"), TEAM.replace(/^\s*deny apprunner:\* on \* when not aws:SecureTransport\n/m, ""));
    const gated = await runCli(["diff", "--no-new-access", join(dir, "old"), join(dir, "new")]);
    expect(gated.code).toBe(1);
    expect(gated.stdout).toContain("policy TeamServices:");
    expect(gated.stdout).toMatch(/e\.g\. apprunner:\w+ on \S+ by arn:aws:iam::123456789012:user\/alice with .*: ExplicitDeny before, Allow now/);
    expect((await runCli(["diff", "--no-new-access", join(dir, "new"), join(dir, "old")])).code).toBe(0);
    expect((await runCli(["diff", join(dir, "old"), join(dir, "new")])).code).toBe(0);
  });
});
