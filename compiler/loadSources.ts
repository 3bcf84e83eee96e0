/**
 * Reads `.arp` sources from files and directories (recursively, in a stable order). Missing
 * or unreadable paths become diagnostics, not exceptions.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import type { SourceInput } from "./compileProgram.js";
import { diagnostic } from "./diagnostics/codes.js";
import type { Diagnostic } from "./diagnostics/diagnostic.js";

export interface LoadedSources {
  readonly sources: SourceInput[];
  readonly diagnostics: Diagnostic[];
}

function arpFilesUnder(dir: string): string[] {
  const out: string[] = [];
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    if (e.name === "node_modules" || e.name.startsWith(".")) continue;
    const path = join(dir, e.name);
    if (e.isDirectory()) out.push(...arpFilesUnder(path));
    else if (e.isFile() && e.name.endsWith(".arp")) out.push(path);
  }
  return out;
}

/** Expands each path (file or directory) to `.arp` files, reading each once. */
export function loadSources(paths: readonly string[], cwd = process.cwd()): LoadedSources {
  const diagnostics: Diagnostic[] = [];
  const files: string[] = [];
  for (const p of paths) {
    const span = { file: p, start: 0, end: 0 };
    let isDir: boolean;
    try {
      isDir = statSync(p).isDirectory();
    } catch {
      diagnostics.push(diagnostic("FileNotFound", span, `\`${p}\` does not exist`));
      continue;
    }
    const found = isDir ? arpFilesUnder(p) : [p];
    if (found.length === 0) diagnostics.push(diagnostic("FileNotFound", span, `\`${p}\` holds no \`.arp\` file`));
    files.push(...found);
  }
  const sources: SourceInput[] = [];
  for (const file of [...new Set(files)]) {
    const shown = relative(cwd, file) || file;
    try {
      sources.push({ path: shown.startsWith("..") ? file : shown, text: readFileSync(file, "utf8") });
    } catch (e) {
      diagnostics.push(diagnostic("FileUnreadable", { file, start: 0, end: 0 }, `cannot read \`${file}\`: ${(e as Error).message}`));
    }
  }
  return { sources, diagnostics };
}
