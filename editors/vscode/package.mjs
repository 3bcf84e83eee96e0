/**
 * Builds the VS Code extension's .vsix without the network beyond installing this folder's
 * pinned tools: bundles extension.js with its language client into out/extension.js (esbuild,
 * `vscode` left to the editor), then packs the folder with @vscode/vsce.
 *
 *   npm run package:vscode            (from the repository's root)
 *   node editors/vscode/package.mjs [out.vsix]
 *
 * This folder keeps its own package.json and lockfile so vsce (a large tool used only here) is
 * not a dependency of arp itself; they are installed on first use.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const here = dirname(fileURLToPath(import.meta.url));
const manifest = JSON.parse(readFileSync(join(here, "package.json"), "utf8"));
const target = resolve(process.argv[2] ?? join(here, "..", "..", "build", `arp-vscode-${manifest.version}.vsix`));
const npm = process.platform === "win32" ? "npm.cmd" : "npm";

if (!existsSync(join(here, "node_modules", "@vscode", "vsce"))) {
  execFileSync(npm, ["ci", "--no-audit", "--no-fund"], { cwd: here, stdio: "inherit" });
}
await build({
  entryPoints: [join(here, "extension.js")],
  outfile: join(here, "out", "extension.js"),
  bundle: true,
  platform: "node",
  format: "cjs",
  target: "node18",
  external: ["vscode"],
  minify: true,
  logLevel: "warning",
});
mkdirSync(dirname(target), { recursive: true });
const vsce = join(here, "node_modules", "@vscode", "vsce", "vsce");
execFileSync(process.execPath, [vsce, "package", "--no-dependencies", "--skip-license", "--allow-missing-repository", "--out", target], { cwd: here, stdio: "inherit" });
console.log(`${target} ${statSync(target).size} bytes`);
