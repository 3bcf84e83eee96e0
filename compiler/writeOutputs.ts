/**
 * Writes compiled outputs so that a reader never sees a half-written set: every file is
 * written to a temporary name in the output directory first, and only when all writes
 * succeeded are they renamed into place. On failure the temporaries are removed and the
 * existing outputs stay untouched.
 */
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";

export interface OutputFile {
  /** File name relative to the output directory. */
  readonly name: string;
  readonly text: string;
}

/**
 * Creates `dir` and its missing parents one level at a time. Node 20's `mkdirSync(recursive)`
 * never returns on some file systems (`/proc`) when a level cannot be created; this throws.
 */
export function makeDirectory(dir: string): void {
  const missing: string[] = [];
  for (let d = resolve(dir); !existsSync(d); d = dirname(d)) {
    missing.push(d);
    if (dirname(d) === d) break;
  }
  for (const d of missing.reverse()) mkdirSync(d);
}

export function writeOutputsAtomically(outDir: string, files: readonly OutputFile[]): void {
  makeDirectory(outDir);
  const staged: { temp: string; final: string }[] = [];
  try {
    for (const f of files) {
      const final = join(outDir, f.name);
      const temp = `${final}.${process.pid}.tmp`;
      writeFileSync(temp, f.text);
      staged.push({ temp, final });
    }
  } catch (e) {
    for (const s of staged) rmSync(s.temp, { force: true });
    throw e;
  }
  for (const s of staged) renameSync(s.temp, s.final);
}
