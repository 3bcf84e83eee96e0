#!/usr/bin/env node
/**
 * `npm run build` (also run by `prepare`): compiles grammar/, compiler/ and runtime/ to `dist/`
 * as ESM JavaScript with declarations and source maps, and runtime/ once more to `dist/cjs/` as
 * CommonJS so `require("arp/runtime")` works. Then bundles the command line (what `bin/arp.js`
 * runs) into `dist/cli/` with esbuild: one module per command instead of some 150 files, as
 * Node 20 spends about a third of a short command's start resolving and compiling modules one
 * by one. Dependencies stay outside the bundle. Uses only Node, typescript and esbuild.
 *
 * It starts from an empty `dist/`, so nothing of a deleted source file is left to be packed.
 * `--incremental` (what `pretest` uses) keeps `dist/` and its tsc build info instead, so a
 * build with nothing changed takes a few seconds.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");

function compile(project) {
  const r = spawnSync(process.execPath, [tsc, "-p", join(root, project)], { stdio: "inherit" });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

if (!process.argv.includes("--incremental")) rmSync(join(root, "dist"), { recursive: true, force: true });
compile("tsconfig.build.json");
compile("tsconfig.build.cjs.json");

// The command line's bundle: main plus one chunk per command module it loads lazily, and the
// code they share. esbuild reads the tsc source maps, so stack traces still name the .ts lines.
// Built beside and switched in, so a command running from the old bundle meanwhile (tests run
// the binary while `pretest` or another test rebuilds) finds every chunk it loads.
const cli = join(root, "dist/cli");
rmSync(`${cli}.next`, { recursive: true, force: true });
createRequire(import.meta.url)("esbuild").buildSync({
  entryPoints: [join(root, "dist/compiler/cli/main.js")],
  outdir: `${cli}.next`,
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  packages: "external",
  sourcemap: true,
  sourcesContent: false, // the tsc maps it reads hold the sources already
  logLevel: "warning",
});
rmSync(cli, { recursive: true, force: true });
renameSync(`${cli}.next`, cli);

// The `.cjs` build sits below a package.json of its own: Node reads `.js` files by the nearest
// package.json's "type", and the root one says "module".
writeFileSync(join(root, "dist/cjs/package.json"), `${JSON.stringify({ type: "commonjs" })}\n`);

// tsc never copies hand-written declaration files; the generated CST types are one, and the
// emitted grammar declarations import them.
mkdirSync(join(root, "dist/grammar"), { recursive: true });
copyFileSync(join(root, "grammar/cst.d.ts"), join(root, "dist/grammar/cst.d.ts"));
