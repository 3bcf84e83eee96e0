/**
 * `arp import <files...> [--out dir]`: IAM JSON policies (identity or trust) to `.arp`, one
 * file per input named after it. `-` (or no file) reads standard input as a policy named
 * `policy`. With `--out`, every `.arp` is written or none is; without it they are printed.
 */
import { readFileSync } from "node:fs";
import type { Command } from "commander";
import pc from "picocolors";
import { diagnostic } from "../../grammar/diagnostics/codes.js";
import { hasErrors, sortDiagnostics, type Diagnostic } from "../../grammar/diagnostics/diagnostic.js";
import { renderDiagnostics, renderJson, summarize } from "../diagnostics/render.js";
import { terminalText } from "../diagnostics/terminalText.js";
import { importPolicy, type ImportResult } from "../import/index.js";
import { decodeUtf8, readSourceFile, SourceReadError } from "../driver/loadSources.js";
import { writeOutputsAtomically, type OutputFile } from "../writeOutputs.js";
import { EXIT_ERRORS, EXIT_OK, formatOption } from "./options.js";
import { loneSurrogates } from "./loneSurrogates.js";
import { colorOf, type OutputFormat } from "./report.js";

/**
 * Where the command reads and writes; the real process by default, in memory in tests. The
 * readers may throw {@link SourceReadError} to report why a file cannot be read.
 */
export interface ImportIo {
  readStdin(): string;
  readFile(path: string): string;
  stdout(text: string): void;
  stderr(text: string): void;
}

export interface ImportCommandOptions {
  readonly out?: string;
  readonly format: OutputFormat;
  readonly color: boolean;
}

const processIo: ImportIo = {
  readStdin: () => decodeUtf8(readFileSync(0), STDIN),
  readFile: (path) => readSourceFile(path),
  // The `.arp` is kept byte for byte when redirected; on a terminal, control characters
  // from the JSON's strings are shown escaped rather than obeyed.
  stdout: (text) => process.stdout.write(process.stdout.isTTY === true ? terminalText(text, { keep: "\n\t" }) : text),
  stderr: (text) => process.stderr.write(text),
};

const STDIN = "<stdin>";

export function registerImportCommand(program: Command): void {
  program
    .command("import")
    .description("turn IAM JSON policies (identity or role trust) into .arp; on any error nothing is written")
    .argument("[files...]", "IAM JSON policy files; `-` or none reads standard input")
    .option("-o, --out <dir>", "write <name>.arp per input into this directory instead of printing")
    .addOption(formatOption())
    .action(async (files: string[], opts: { out?: string; format: OutputFormat }, cmd: Command) => {
      const color = colorOf(cmd);
      process.exitCode = await runImport(files, { ...opts, color }, processIo);
    });
}

interface Loaded {
  readonly results: ImportResult[];
  readonly diagnostics: Diagnostic[];
  readonly sources: Map<string, string>;
}

async function loadAndImport(files: readonly string[], io: ImportIo): Promise<Loaded> {
  const loaded: Loaded = { results: [], diagnostics: [], sources: new Map() };
  let stdin: string | undefined;
  for (const path of files.length === 0 ? ["-"] : files) {
    const file = path === "-" ? STDIN : path;
    let text: string;
    try {
      text = path === "-" ? (stdin ??= io.readStdin()) : io.readFile(path);
    } catch (e) {
      if (e instanceof SourceReadError) {
        loaded.diagnostics.push(e.diagnostic);
        continue;
      }
      const missing = (e as NodeJS.ErrnoException).code === "ENOENT";
      loaded.diagnostics.push(diagnostic(missing ? "FileNotFound" : "FileUnreadable", { file, start: 0, end: 0 },
        missing ? `\`${path}\` does not exist` : `cannot read \`${path}\`: ${(e as Error).message}`));
      continue;
    }
    const lone = loneSurrogates(text, file);
    if (lone.length > 0) {
      loaded.diagnostics.push(...lone);
      loaded.sources.set(file, text);
      continue;
    }
    const result = await importPolicy(text, { file });
    loaded.results.push(result);
    loaded.diagnostics.push(...result.diagnostics);
    result.sources.forEach((t, f) => loaded.sources.set(f, t));
  }
  return loaded;
}

/** The `.arp` files to write; two inputs with one name are an error. */
function outputFiles(loaded: Loaded): OutputFile[] {
  const files: OutputFile[] = [];
  const byName = new Map<string, ImportResult>();
  for (const r of loaded.results) {
    if (r.arp === undefined) continue;
    const name = `${r.name}.arp`;
    const prior = byName.get(name.toLowerCase());
    const file = [...r.sources.keys()][0] ?? name;
    if (prior !== undefined) {
      loaded.diagnostics.push(diagnostic("OutputFailed", { file, start: 0, end: 0 },
        `\`${file}\` and \`${[...prior.sources.keys()][0]}\` would both be written to \`${name}\``, {
          hint: "import them into different directories",
        }));
      continue;
    }
    byName.set(name.toLowerCase(), r);
    files.push({ name, text: r.arp });
  }
  return files;
}

/** Runs the command; returns the exit code. */
export async function runImport(files: readonly string[], options: ImportCommandOptions, io: ImportIo = processIo): Promise<number> {
  const loaded = await loadAndImport(files, io);
  const outputs = outputFiles(loaded);
  let ok = !hasErrors(loaded.diagnostics);
  if (ok && options.out !== undefined) {
    try {
      writeOutputsAtomically(options.out, outputs);
    } catch (e) {
      ok = false;
      loaded.diagnostics.push(diagnostic("OutputFailed", { file: options.out, start: 0, end: 0 },
        `cannot write to \`${options.out}\`: ${(e as Error).message}`));
    }
  }
  report(sortDiagnostics(loaded.diagnostics), loaded.sources, options, io);
  if (!ok) return EXIT_ERRORS;
  if (options.out === undefined) io.stdout(outputs.map((f) => f.text).join("\n"));
  else if (options.format === "text") {
    const paint = options.color ? pc.green : (s: string) => s;
    io.stderr(`${paint(`imported ${outputs.length} file${outputs.length === 1 ? "" : "s"}`)} to ${terminalText(options.out)}: ${terminalText(outputs.map((f) => f.name).join(", "))}\n`);
  }
  return EXIT_OK;
}

/** Diagnostics go to stderr (as JSON too: stdout may carry the `.arp`). */
function report(diagnostics: readonly Diagnostic[], sources: ReadonlyMap<string, string>, options: ImportCommandOptions, io: ImportIo): void {
  if (options.format === "json") {
    io.stderr(`${renderJson(diagnostics, sources)}\n`);
    return;
  }
  if (diagnostics.length === 0) return;
  io.stderr(`${renderDiagnostics(diagnostics, sources, { color: options.color })}\n`);
  io.stderr(`${summarize(diagnostics)}\n`);
}
