/**
 * Writes compiled outputs so that a reader never sees a half-written set: every file is
 * written to a temporary name in the output directory first, and only when all writes
 * succeeded are they renamed into place. On failure the temporaries are removed and the
 * existing outputs stay untouched.
 */
import { mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export interface OutputFile {
  /** File name relative to the output directory. */
  readonly name: string;
  readonly text: string;
}

export function writeOutputsAtomically(outDir: string, files: readonly OutputFile[]): void {
  mkdirSync(outDir, { recursive: true });
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
