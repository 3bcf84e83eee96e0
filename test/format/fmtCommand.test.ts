/**
 * `arp fmt` (run in-process through `main`, test/support/runCli.ts): rewrites only files that change, atomically; `--check` lists them and exits 1; a
 * file with syntax errors is reported with the compiler's diagnostics and never rewritten. The
 * examples and the stdlib are kept formatted.
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { formatFiles } from "../../compiler/cli/fmtCommand.js";
import { type CliRun, runCli } from "../support/runCli.js";
import { tempDir } from "../support/tempDir.js";

const ROOT = new URL("../../", import.meta.url).pathname;

function arp(args: string[], cwd: string): Promise<CliRun> {
  return runCli(args, { cwd });
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
  it("--check lists the files that would change, changes nothing and exits 1", async () => {
    const dir = project({ "ugly.arp": UGLY, "pretty.arp": PRETTY });
    const r = await arp(["fmt", "--check"], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("ugly.arp\n");
    expect(r.stderr).toContain("1 file is not formatted");
    expect(readFileSync(join(dir, "ugly.arp"), "utf8")).toBe(UGLY);
  });

  it("--check exits 0 when every file is formatted", async () => {
    const dir = project({ "pretty.arp": PRETTY });
    expect(await arp(["fmt", "--check", "."], dir)).toEqual({ code: 0, stdout: "", stderr: "" });
  });

  it("rewrites the files that change, in place, and leaves no temporary file", async () => {
    const dir = project({ "ugly.arp": UGLY, "pretty.arp": PRETTY });
    const r = await arp(["fmt", "ugly.arp", "pretty.arp"], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("ugly.arp\n");
    expect(readFileSync(join(dir, "ugly.arp"), "utf8")).toBe(PRETTY);
    expect(readFileSync(join(dir, "pretty.arp"), "utf8")).toBe(PRETTY);
    expect(readdirSync(dir).sort()).toEqual(["pretty.arp", "ugly.arp"]);
    expect((await arp(["fmt", "--check"], dir)).code).toBe(0);
  });

  it("reports a file with syntax errors with its diagnostics, never rewrites it, and formats the others", async () => {
    const dir = project({ "broken.arp": BROKEN, "ugly.arp": UGLY });
    const r = await arp(["fmt"], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("broken.arp:3:1 - error ARP1002");
    expect(r.stderr).toContain("3 | }");
    expect(readFileSync(join(dir, "broken.arp"), "utf8")).toBe(BROKEN);
    expect(readFileSync(join(dir, "ugly.arp"), "utf8")).toBe(PRETTY);
  });

  it("reports a path that does not exist", async () => {
    const dir = project({});
    const r = await arp(["fmt", "missing.arp"], dir);
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

  it("prettier formats them alike through the package's plugin entry", async () => {
    // prettier's API, in-process, with the plugin named by the path a user gives `--plugin`.
    const prettier = await import("prettier");
    const plugin = join(ROOT, "prettier/plugin.js");
    const files = [
      ...readdirSync(join(ROOT, "examples"), { recursive: true, encoding: "utf8" }).map((f) => join(ROOT, "examples", f)),
      ...readdirSync(join(ROOT, "stdlib")).map((f) => join(ROOT, "stdlib", f)),
    ].filter((f) => f.endsWith(".arp"));
    expect(files.length).toBeGreaterThan(5);
    const unformatted: string[] = [];
    for (const filepath of files) {
      if (!(await prettier.check(readFileSync(filepath, "utf8"), { filepath, plugins: [plugin] }))) unformatted.push(filepath);
    }
    expect(unformatted).toEqual([]);
  });
});
