#!/usr/bin/env node
/**
 * `npm run build` (also run by `prepare`): compiles grammar/, compiler/ and runtime/ to `dist/`
 * as ESM JavaScript with declarations and source maps, and runtime/ once more to `dist/cjs/` as
 * CommonJS so `require("arp/runtime")` works. Uses only Node and the repository's own typescript.
 *
 * It starts from an empty `dist/`, so nothing of a deleted source file is left to be packed.
 * `--incremental` (what `pretest` uses) keeps `dist/` and its tsc build info instead, so a
 * build with nothing changed takes a few seconds.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
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

// The `.cjs` build sits below a package.json of its own: Node reads `.js` files by the nearest
// package.json's "type", and the root one says "module".
writeFileSync(join(root, "dist/cjs/package.json"), `${JSON.stringify({ type: "commonjs" })}\n`);

// tsc never copies hand-written declaration files; the generated CST types are one, and the
// emitted grammar declarations import them.
mkdirSync(join(root, "dist/grammar"), { recursive: true });
copyFileSync(join(root, "grammar/cst.d.ts"), join(root, "dist/grammar/cst.d.ts"));
