// `arp compile` in-process: a name that would escape --out is an error and nothing is written;
// stale outputs are removed and said; an interrupted earlier compile is recovered and said.
import { mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runInProcess, type CliRun } from "../fuzz/cliHarness.js";
import { tempDir } from "../support/tempDir.js";

function arp(args: string[]): Promise<CliRun> {
  return runInProcess([...args, "--no-color"]);
}

const TRUST = 'trust service "build.apprunner.amazonaws.com"';

describe("arp compile", () => {
  it("writes nothing for a role name that would leave --out", async () => {
    const root = tempDir("arp-cli-");
    const src = join(root, "src");
    mkdirSync(src);
    writeFileSync(join(src, "r.arp"), `role "../../escaped-role" { ${TRUST} }\n`);
    const r = await arp(["compile", src, "--out", join(root, "build", "sub")]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("ARP4010");
    expect(readdirSync(root)).toEqual(["src"]);
  });

  it("removes stale outputs and recovers from an interrupted compile, saying so", async () => {
    const root = tempDir("arp-cli-");
    const file = join(root, "p.arp");
    const out = join(root, "out");
    writeFileSync(file, "policy Old { allow apprunner:ListServices on * }\n");
    expect((await arp(["compile", file, "--out", out])).code).toBe(0);
    writeFileSync(file, "policy New { allow apprunner:ListServices on * }\n");
    mkdirSync(join(root, ".out.arp-new-0000000000000000")); // what a crash while staging leaves
    const r = await arp(["compile", file, "--out", out]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/earlier compile was interrupted: removed the unfinished outputs/);
    expect(r.stderr).toMatch(/removed what an earlier compile wrote and this one did not: Old\.json/);
    expect(readdirSync(root).sort()).toEqual(["out", "p.arp"]);
    expect(readdirSync(out).sort()).toEqual(["New.json", "arp.manifest.json"]);
  });

  it("reports ARP9003 and keeps a file it did not write at an output name", async () => {
    const root = tempDir("arp-cli-");
    const file = join(root, "p.arp");
    const out = join(root, "out");
    mkdirSync(out);
    writeFileSync(join(out, "P.json"), "mine\n");
    writeFileSync(file, "policy P { allow apprunner:ListServices on * }\n");
    const r = await arp(["compile", file, "--out", out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("ARP9003");
    expect(readdirSync(out)).toEqual(["P.json"]);
  });
});
