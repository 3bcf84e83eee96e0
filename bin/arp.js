#!/usr/bin/env node
// The arp command line, run from the bundle that `npm run build` (also `prepare`) writes to
// dist/cli/: no TypeScript loader at run time, and few files to load (scripts/build.mjs).
// `arp --version` alone is answered here, before loading even the argument parser: it is what
// tools run to probe for arp, so it should cost little more than starting Node.
import { readFileSync } from "node:fs";

const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === "--version" || args[0] === "-V")) {
  process.stdout.write(`${JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")).version}\n`);
} else {
  await import("../dist/cli/main.js");
}
