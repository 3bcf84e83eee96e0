// Nothing a user wrote is lost, including edits to files arp generated: the manifest records
// each output's SHA-256, and a compile that would remove or overwrite a file whose text no
// longer has that hash keeps it (a stale output) or refuses (an output written again).
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { contentHash, hashesRecordedBy } from "../../compiler/manifest.js";
import { writeOwnedDirectory } from "../../compiler/writeOutputs.js";
import { runInProcess, type CliRun } from "../fuzz/cliHarness.js";
import { tempDir } from "../support/tempDir.js";

function arp(args: string[]): Promise<CliRun> {
  return runInProcess([...args, "--no-color"]);
}

/** A project whose one policy is named `name`, compiled into `out` (JSON and evaluator). */
async function compileNamed(dir: string, name: string): Promise<{ code: number; stderr: string }> {
  writeFileSync(join(dir, "p.arp"), `policy ${name} {\n  allow apprunner:DescribeService on service/web/*\n}\n`);
  return arp(["compile", join(dir, "p.arp"), "--out", join(dir, "out"), "--target", "json,ts"]);
}

describe("outputs edited since arp wrote them", () => {
  it("records the SHA-256 of every output but the manifest itself", async () => {
    const dir = tempDir();
    expect((await compileNamed(dir, "Old")).code).toBe(0);
    const manifest = readFileSync(join(dir, "out", "arp.manifest.json"), "utf8");
    const hashes = hashesRecordedBy(manifest);
    expect([...hashes.keys()].sort()).toEqual(["evaluator.ts", "old.json"]);
    expect(hashes.get("old.json")).toBe(contentHash(readFileSync(join(dir, "out", "Old.json"), "utf8")));
  });

  it("removes an unchanged stale output, keeps an edited one and says so", async () => {
    const dir = tempDir();
    await compileNamed(dir, "Old");
    expect((await compileNamed(dir, "Mid")).code).toBe(0);
    expect(existsSync(join(dir, "out", "Old.json"))).toBe(false);
    const edited = `${readFileSync(join(dir, "out", "Mid.json"), "utf8")} `;
    writeFileSync(join(dir, "out", "Mid.json"), edited);
    const r = await compileNamed(dir, "New");
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, "out", "Mid.json"), "utf8")).toBe(edited);
    expect(existsSync(join(dir, "out", "New.json"))).toBe(true);
    expect(r.stderr).toMatch(/warning: kept Mid\.json: .*changed since/);
    // Kept files are the user's now: the next compile neither lists nor touches them.
    expect(JSON.parse(readFileSync(join(dir, "out", "arp.manifest.json"), "utf8")).files).not.toContain("Mid.json");
    expect((await compileNamed(dir, "Newer")).stderr).not.toMatch(/Mid\.json/);
    expect(readFileSync(join(dir, "out", "Mid.json"), "utf8")).toBe(edited);
  });

  it("refuses to overwrite an edited output and leaves the directory as it was", async () => {
    const dir = tempDir();
    await compileNamed(dir, "Same");
    const evaluator = join(dir, "out", "evaluator.ts");
    writeFileSync(evaluator, `${readFileSync(evaluator, "utf8")}\n// my change\n`);
    const before = readFileSync(evaluator, "utf8");
    const manifestBefore = readFileSync(join(dir, "out", "arp.manifest.json"), "utf8");
    const r = await compileNamed(dir, "Same");
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/evaluator\.ts` changed since arp wrote it .*move it away or delete it/);
    expect(readFileSync(evaluator, "utf8")).toBe(before);
    expect(readFileSync(join(dir, "out", "arp.manifest.json"), "utf8")).toBe(manifestBefore);
  });

  it("treats files of a manifest without hashes as arp's, as before hashes were recorded", () => {
    const out = join(tempDir(), "out");
    writeOwnedDirectory(out, [
      { name: "Old.json", text: "{}\n" },
      { name: "arp.manifest.json", text: `${JSON.stringify({ files: ["Old.json", "arp.manifest.json"] })}\n` },
    ]);
    writeFileSync(join(out, "Old.json"), "{ }\n");
    const report = writeOwnedDirectory(out, [{ name: "arp.manifest.json", text: `${JSON.stringify({ files: ["arp.manifest.json"] })}\n` }]);
    expect(report.removed).toEqual(["Old.json"]);
    expect(report.kept).toEqual([]);
  });
});
