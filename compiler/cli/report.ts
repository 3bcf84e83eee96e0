/** Prints diagnostics in the format the user chose and decides the exit code. */
import type { Command } from "commander";
import pc from "picocolors";
import type { Diagnostic } from "../../grammar/diagnostics/diagnostic.js";
import { renderDiagnostics, renderJson, summarize } from "../diagnostics/render.js";

export type OutputFormat = "text" | "json";

export interface ReportOptions {
  readonly format: OutputFormat;
  readonly color: boolean;
}

export function useColor(flag: boolean | undefined): boolean {
  return flag !== false && pc.isColorSupported && process.stderr.isTTY === true;
}

/** Whether a command's output is coloured: the global `--no-color` flag, then the terminal. */
export function colorOf(cmd: Command): boolean {
  return useColor((cmd.optsWithGlobals() as { color?: boolean }).color);
}

/** Writes diagnostics to stderr (text) or stdout (json). */
export function printDiagnostics(
  diagnostics: readonly Diagnostic[],
  sources: ReadonlyMap<string, string>,
  options: ReportOptions,
): void {
  if (options.format === "json") {
    process.stdout.write(`${renderJson(diagnostics, sources)}\n`);
    return;
  }
  if (diagnostics.length > 0) {
    process.stderr.write(`${renderDiagnostics(diagnostics, sources, { color: options.color })}\n`);
    process.stderr.write(`${summarize(diagnostics)}\n`);
  }
}
