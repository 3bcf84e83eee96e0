/**
 * `arp fmt [--check] [paths...]`: formats `.arp` files in place, in the one layout of
 * docs/formatting.md. A file is rewritten only when formatting changes it, atomically (a
 * temporary file beside it, then a rename). With `--check` nothing is written: the files that
 * would change are listed and the exit code is 1. A file with syntax errors is reported, with
 * the compiler's diagnostics, and never rewritten (exit code 1).
 */
import { randomBytes } from "node:crypto";
import { renameSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import type { Command } from "commander";
import { diagnostic } from "../../grammar/diagnostics/codes.js";
import { sortDiagnostics, type Diagnostic } from "../../grammar/diagnostics/diagnostic.js";
import { terminalText } from "../diagnostics/terminalText.js";
import { ArpSyntaxError, format } from "../format/index.js";
import { loadSources } from "../driver/loadSources.js";
import { EXIT_ERRORS, EXIT_OK } from "./options.js";
import { printDiagnostics, colorOf } from "./report.js";

export interface FmtOutcome {
  /** Files whose formatting differs from their text: rewritten, or (with `check`) listed. */
  readonly changed: string[];
  /** Files that do not parse, and problems reading the paths. */
  readonly diagnostics: Diagnostic[];
  readonly sources: ReadonlyMap<string, string>;
}

/** Formats every `.arp` file under `paths`; with `check`, writes nothing. */
export async function formatFiles(paths: readonly string[], check: boolean): Promise<FmtOutcome> {
  const loaded = loadSources(paths);
  const diagnostics: Diagnostic[] = [...loaded.diagnostics];
  const sources = new Map<string, string>();
  const changed: string[] = [];
  for (const { path, text } of loaded.sources) {
    sources.set(path, text);
    let formatted: string;
    try {
      formatted = await format(text, { filepath: path });
    } catch (error) {
      if (!(error instanceof ArpSyntaxError)) throw error;
      diagnostics.push(...error.diagnostics);
      continue;
    }
    if (formatted === text) continue;
    changed.push(path);
    if (check) continue;
    try {
      writeAtomically(path, formatted);
    } catch (error) {
      diagnostics.push(diagnostic("OutputFailed", { file: path, start: 0, end: 0 }, `cannot write \`${path}\`: ${(error as Error).message}`));
    }
  }
  return { changed, diagnostics: sortDiagnostics(diagnostics), sources };
}

/**
 * Writes beside the file, then renames over it: readers see the old text or the new, never
 * half. The temporary name is random and created exclusively (`wx`), so a file or symlink
 * planted under a guessable name is never written through.
 */
function writeAtomically(path: string, text: string): void {
  const temporary = `${path}.${randomBytes(6).toString("hex")}.fmt.tmp`;
  let created = false;
  try {
    writeFileSync(temporary, text, { mode: statSync(path).mode, flag: "wx" });
    created = true;
    renameSync(temporary, path);
  } catch (error) {
    if (created) unlinkSync(temporary);
    throw error;
  }
}

export function registerFmtCommand(program: Command): void {
  program
    .command("fmt")
    .description("format .arp files in place; with --check, list the files that are not formatted")
    .argument("[paths...]", ".arp files or directories", ["."])
    .option("--check", "write nothing: list the files that formatting would change, and exit 1 if any")
    .action(async (paths: string[], opts: { check?: boolean }, cmd: Command) => {
      const check = opts.check === true;
      const outcome = await formatFiles(paths, check);
      const color = colorOf(cmd);
      for (const path of outcome.changed) process.stdout.write(`${terminalText(path)}\n`);
      printDiagnostics(outcome.diagnostics, outcome.sources, { format: "text", color });
      if (check && outcome.changed.length > 0) {
        const files = outcome.changed.length === 1 ? "1 file is" : `${outcome.changed.length} files are`;
        process.stderr.write(`${files} not formatted; run \`arp fmt\` to format\n`);
      }
      const failed = outcome.diagnostics.length > 0 || (check && outcome.changed.length > 0);
      process.exitCode = failed ? EXIT_ERRORS : EXIT_OK;
    });
}
