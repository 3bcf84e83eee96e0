// Rewrites the corpus expectations from the current compiler: `npm run golden`.
import { existsSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { CORPUS_DIR, corpusCases, runCase } from "./corpus.js";

function sync(path: string, text: string | undefined): void {
  if (text === undefined) {
    if (existsSync(path)) rmSync(path);
  } else writeFileSync(path, text);
}

for (const name of corpusCases()) {
  const outcome = runCase(name);
  sync(join(CORPUS_DIR, `${name}.json`), outcome.json);
  sync(join(CORPUS_DIR, `${name}.diagnostics.txt`), outcome.diagnostics);
}
console.log(`updated ${corpusCases().length} corpus cases`);
