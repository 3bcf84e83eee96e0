/**
 * `arp fmt`: rewrites only files that change, atomically; `--check` lists them and exits 1; a
 * file with syntax errors is reported with the compiler's diagnostics and never rewritten. The
 * examples and the stdlib are kept formatted.
 */
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { formatFiles } from "../../compiler/cli/fmtCommand.js";
import { tempDir } from "../support/tempDir.js";

const ROOT = new URL("../../", import.meta.url).pathname;
const BIN = join(ROOT, "bin/arp.js");

function arp(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const UGLY = "policy P {\nallow   apprunner:ListServices on *\n}\n";
const PRETTY = "policy P {\n  allow apprunner:ListServices on *\n}\n";
const BROKEN = "policy P {\n  allow apprunner:ListServices on * when\n}\n";

function project(files: Record<string, string>): string {
  const dir = tempDir("arp-fmt-");
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

describe("arp fmt", () => {
  it("--check lists the files that would change, changes nothing and exits 1", () => {
    const dir = project({ "ugly.arp": UGLY, "pretty.arp": PRETTY });
    const r = arp(["fmt", "--check"], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("ugly.arp\n");
    expect(r.stderr).toContain("1 file is not formatted");
    expect(readFileSync(join(dir, "ugly.arp"), "utf8")).toBe(UGLY);
  });

  it("--check exits 0 when every file is formatted", () => {
    const dir = project({ "pretty.arp": PRETTY });
    expect(arp(["fmt", "--check", "."], dir)).toEqual({ code: 0, stdout: "", stderr: "" });
  });

  it("rewrites the files that change, in place, and leaves no temporary file", () => {
    const dir = project({ "ugly.arp": UGLY, "pretty.arp": PRETTY });
    const r = arp(["fmt", "ugly.arp", "pretty.arp"], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("ugly.arp\n");
    expect(readFileSync(join(dir, "ugly.arp"), "utf8")).toBe(PRETTY);
    expect(readFileSync(join(dir, "pretty.arp"), "utf8")).toBe(PRETTY);
    expect(readdirSync(dir).sort()).toEqual(["pretty.arp", "ugly.arp"]);
    expect(arp(["fmt", "--check"], dir).code).toBe(0);
  });

  it("reports a file with syntax errors with its diagnostics, never rewrites it, and formats the others", () => {
    const dir = project({ "broken.arp": BROKEN, "ugly.arp": UGLY });
    const r = arp(["fmt"], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("broken.arp:3:1 - error ARP1002");
    expect(r.stderr).toContain("3 | }");
    expect(readFileSync(join(dir, "broken.arp"), "utf8")).toBe(BROKEN);
    expect(readFileSync(join(dir, "ugly.arp"), "utf8")).toBe(PRETTY);
  });

  it("reports a path that does not exist", () => {
    const dir = project({});
    const r = arp(["fmt", "missing.arp"], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("ARP");
  });
});

describe("the repository's own .arp files", () => {
  it("examples and stdlib are formatted (`arp fmt --check examples stdlib`)", async () => {
    const cwd = process.cwd();
    process.chdir(ROOT);
    try {
      const outcome = await formatFiles(["examples", "stdlib"], true);
      expect(outcome.diagnostics).toEqual([]);
      expect(outcome.changed).toEqual([]);
    } finally {
      process.chdir(cwd);
    }
  });

  it("prettier formats them alike through the package's plugin entry", () => {
    const prettier = join(ROOT, "node_modules/prettier/bin/prettier.cjs");
    const r = spawnSync(process.execPath, [prettier, "--plugin", "./prettier/plugin.js", "--check", "examples/**/*.arp", "stdlib/*.arp"], {
      cwd: ROOT,
      encoding: "utf8",
    });
    expect(r.stderr + r.stdout).not.toContain("[warn]");
    expect(r.status).toBe(0);
  });
});
