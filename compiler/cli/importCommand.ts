/**
 * `arp import <files...> [--out dir] [--name N] [--strict]`: IAM JSON policies (identity or
 * trust) to `.arp`, one file per input named after it (a trust policy in a generically named
 * file after its directory), or per IAM resource of a CloudFormation template (named from the
 * resource's name or logical ID). `-` (or no file) reads standard input as a policy named `policy`.
 * Each file imports on its own: those that import are written (`--out`) or printed, those that
 * cannot are listed, and the exit code is 1 if any could not. `--strict` refuses a file with
 * warnings too.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Command } from "commander";
import pc from "picocolors";
import { diagnostic } from "../../grammar/diagnostics/codes.js";
import { hasErrors, sortDiagnostics, type Diagnostic } from "../../grammar/diagnostics/diagnostic.js";
import { renderDiagnostics, renderJson, summarize } from "../diagnostics/render.js";
import { terminalJson, terminalText } from "../diagnostics/terminalText.js";
import { importReport } from "./importReport.js";
import { importDocuments, importedPolicyName, type ImportResult } from "../import/index.js";
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
  /** The policy's or role's name; only with one input. */
  readonly name?: string;
  /** Refuse a file with warnings, as with errors. */
  readonly strict?: boolean;
  /** Replace `.arp` files in `out` that hold something other than what the import writes. */
  readonly force?: boolean;
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
    .description("turn IAM JSON (policies, trust policies, role, user and group bundles, CloudFormation templates) into .arp; files with errors are listed and not written")
    .argument("[files...]", "IAM JSON policy files; `-` or none reads standard input")
    .option("-o, --out <dir>", "write <name>.arp per input into this directory instead of printing")
    .option("--name <name>", "the policy's or role's name (one input only); by default the file's, or a trust file's directory's")
    .option("--strict", "refuse a file with warnings, as with errors")
    .option("--force", "replace .arp files in --out that hold something else (by default they are kept and the input is refused)")
    .addOption(formatOption())
    .action(async (files: string[], opts: { out?: string; format: OutputFormat; name?: string; strict?: boolean; force?: boolean }, cmd: Command) => {
      const color = colorOf(cmd);
      process.exitCode = await runImport(files, { ...opts, color }, processIo);
    });
}

interface Loaded {
  readonly results: ImportResult[];
  readonly diagnostics: Diagnostic[];
  readonly sources: Map<string, string>;
  /** Inputs that did not import, as named on the command line. */
  readonly refused: string[];
}

async function loadAndImport(files: readonly string[], options: ImportCommandOptions, io: ImportIo): Promise<Loaded> {
  const loaded: Loaded = { results: [], diagnostics: [], sources: new Map(), refused: [] };
  let stdin: string | undefined;
  for (const path of files.length === 0 ? ["-"] : files) {
    const file = path === "-" ? STDIN : path;
    let text: string;
    try {
      text = path === "-" ? (stdin ??= io.readStdin()) : io.readFile(path);
    } catch (e) {
      loaded.refused.push(file);
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
      loaded.refused.push(file);
      loaded.diagnostics.push(...lone);
      loaded.sources.set(file, text);
      continue;
    }
    // A CloudFormation template gives one result per IAM resource; any other file, one.
    for (const imported of await importDocuments(text, { file, ...(options.name !== undefined ? { name: options.name } : {}) })) {
      // `--strict`: a warning refuses the file too.
      const result: ImportResult = options.strict === true && imported.diagnostics.some((d) => d.severity === "warning")
        ? withoutOutput({ ...imported, diagnostics: imported.diagnostics.map((d) => (d.severity === "warning" ? { ...d, severity: "error" as const } : d)) })
        : imported;
      if (result.arp === undefined) loaded.refused.push(file);
      loaded.results.push(result);
      loaded.diagnostics.push(...result.diagnostics);
      result.sources.forEach((t, f) => loaded.sources.set(f, t));
    }
  }
  return loaded;
}

function withoutOutput(r: ImportResult): ImportResult {
  const { arp: _arp, document: _document, ...rest } = r;
  return rest;
}

function inputOf(r: ImportResult): string {
  return [...r.sources.keys()][0] ?? r.name;
}

/** One `.arp` to write, and the import it comes from. */
interface Output {
  readonly file: OutputFile;
  readonly input: string;
  readonly result: ImportResult;
}

/** The `.arp` files to write; inputs that would be written to one file are all refused. */
function outputFiles(loaded: Loaded): Output[] {
  const byName = new Map<string, ImportResult[]>();
  for (const r of loaded.results) {
    if (r.arp === undefined) continue;
    const key = `${r.name}.arp`.toLowerCase();
    byName.set(key, [...(byName.get(key) ?? []), r]);
  }
  const files: Output[] = [];
  for (const group of byName.values()) {
    const [first] = group;
    if (first === undefined || first.arp === undefined) continue;
    if (group.length === 1) {
      files.push({ file: { name: `${first.name}.arp`, text: first.arp }, input: inputOf(first), result: first });
      continue;
    }
    for (const r of group) {
      const others = group.filter((o) => o !== r).map((o) => `\`${inputOf(o)}\``).join(", ");
      loaded.refused.push(inputOf(r));
      loaded.diagnostics.push(diagnostic("OutputFailed", { file: inputOf(r), start: 0, end: 0 },
        `\`${inputOf(r)}\` and ${others} would all be written to \`${r.name}.arp\``, {
          hint: "import them one at a time with `--name`, or into different directories",
        }));
    }
  }
  return files;
}

/** The names IAM gives policies (roles and users take at most 64 of these characters). */
const IAM_NAME = /^[\w+=,.@-]{1,128}$/;

/** Runs the command; returns the exit code. */
export async function runImport(files: readonly string[], options: ImportCommandOptions, io: ImportIo = processIo): Promise<number> {
  if (options.name !== undefined && files.length > 1) {
    report([diagnostic("OutputFailed", { file: options.name, start: 0, end: 0 }, "`--name` names one policy or role, but several files are given", {
      hint: "import the files one at a time, or leave out `--name`",
    })], new Map(), options, io);
    return EXIT_ERRORS;
  }
  // A name IAM refuses is the command line's mistake, not the JSON's: said before reading any.
  if (options.name !== undefined && !IAM_NAME.test(options.name)) {
    report([diagnostic("OutputFailed", { file: "--name", start: 0, end: 0 }, `IAM does not accept \`${options.name}\` as a name (1-128 letters, digits and \`+=,.@_-\`)`, {
      hint: "give `--name` a name IAM accepts, such as `TeamServices`",
    })], new Map(), options, io);
    return EXIT_ERRORS;
  }
  const loaded = await loadAndImport(files, options, io);
  let outputs = outputFiles(loaded);
  if (options.out !== undefined && options.force !== true) outputs = keepOthersFiles(options.out, outputs, loaded);
  let written = outputs;
  if (options.out !== undefined && outputs.length > 0) {
    try {
      writeOutputsAtomically(options.out, outputs.map((o) => o.file));
    } catch (e) {
      written = [];
      for (const o of outputs) loaded.refused.push(o.input);
      loaded.diagnostics.push(diagnostic("OutputFailed", { file: options.out, start: 0, end: 0 },
        `cannot write to \`${options.out}\`: ${(e as Error).message}`));
    }
  }
  if (options.format === "json") {
    // One JSON document on standard output, the `.arp` of what was not written inside it.
    io.stdout(`${terminalJson(JSON.stringify(importReport(loaded, written, options.out), null, 2))}\n`);
    return exitCode(loaded);
  }
  report(sortDiagnostics(loaded.diagnostics), loaded.sources, options, io);
  if (options.out === undefined) io.stdout(written.map((o) => o.file.text).join("\n"));
  if (options.format === "text") {
    summarizeResources(loaded.results, written, options, io);
    // A template's resources have their own lines: its outputs are not renames of the file.
    const templates = new Set(loaded.results.filter((r) => r.resource !== undefined).map(inputOf));
    summarizeFiles(written.filter((o) => options.out !== undefined || !templates.has(o.input)), loaded.refused, options, io);
  }
  return exitCode(loaded);
}

/**
 * The outputs that replace nothing but an identical file. A `.arp` in the output directory that
 * holds something else may be the user's own work (an import edited by hand since), so it is
 * kept and its input refused, unless `--force` says to replace it.
 */
function keepOthersFiles(dir: string, outputs: readonly Output[], loaded: Loaded): Output[] {
  return outputs.filter((o) => {
    const path = join(dir, o.file.name);
    let existing: string;
    try {
      existing = readFileSync(path, "utf8");
    } catch {
      return true; // missing (or unreadable: the write reports that)
    }
    if (existing === o.file.text) return true;
    loaded.refused.push(o.input);
    loaded.diagnostics.push(diagnostic("OutputFailed", { file: path, start: 0, end: 0 },
      `\`${path}\` exists and holds something else: importing \`${o.input}\` would replace it`, {
        hint: "pass `--force` to replace it, or import into another directory with `--out`",
      }));
    return false;
  });
}

function exitCode(loaded: Loaded): number {
  return loaded.refused.length > 0 || hasErrors(loaded.diagnostics) ? EXIT_ERRORS : EXIT_OK;
}

/**
 * Which inputs became which `.arp` (with the name each got, when it is not the file's own) and
 * which were refused. Printed only when there is something to say beyond the `.arp` itself.
 */
function summarizeFiles(written: readonly { file: OutputFile; input: string }[], refused: readonly string[], options: ImportCommandOptions, io: ImportIo): void {
  const paint = options.color ? pc.green : (s: string) => s;
  const warn = options.color ? pc.red : (s: string) => s;
  const renamed = written.filter((o) => o.file.name !== `${importedPolicyName(o.input)}.arp`);
  if (options.out !== undefined && written.length > 0) {
    const names = written.map((o) => (renamed.includes(o) ? `${o.input} → ${o.file.name}` : o.file.name));
    io.stderr(`${paint(`imported ${written.length} file${written.length === 1 ? "" : "s"}`)} to ${terminalText(options.out)}: ${terminalText(names.join(", "))}\n`);
  } else if (renamed.length > 0) {
    io.stderr(`${terminalText(renamed.map((o) => `${o.input} → ${o.file.name.replace(/\.arp$/, "")}`).join(", "))}\n`);
  }
  const unique = [...new Set(refused)];
  if (unique.length > 0) {
    io.stderr(`${warn(`not imported (${unique.length} file${unique.length === 1 ? "" : "s"})`)}: ${terminalText(unique.join(", "))}\n`);
  }
}

/**
 * A line per CloudFormation template resource: the `.arp` it became, or why it was not
 * imported (its first error's code), so a template's partial import reads at a glance.
 */
function summarizeResources(results: readonly ImportResult[], written: readonly { file: OutputFile }[], options: ImportCommandOptions, io: ImportIo): void {
  const names = new Set(written.map((o) => o.file.name));
  for (const r of results) {
    if (r.resource === undefined) continue;
    const output = `${r.name}.arp`;
    const outcome = r.arp !== undefined && names.has(output)
      ? `imported as ${r.kind ?? "policy"} ${r.name}${options.out !== undefined ? ` (${output})` : ""}`
      : `not imported (${[...new Set(r.diagnostics.filter((d) => d.severity === "error").map((d) => d.code))].join(", ") || "see above"})`;
    io.stderr(`${terminalText(`${inputOf(r)} ${r.resource}: ${outcome}`)}\n`);
  }
}

/** Diagnostics go to stderr, as JSON too for a usage error: stdout may carry the `.arp`. */
function report(diagnostics: readonly Diagnostic[], sources: ReadonlyMap<string, string>, options: ImportCommandOptions, io: ImportIo): void {
  if (options.format === "json") {
    io.stderr(`${renderJson(diagnostics, sources)}\n`);
    return;
  }
  if (diagnostics.length === 0) return;
  io.stderr(`${renderDiagnostics(diagnostics, sources, { color: options.color })}\n`);
  io.stderr(`${summarize(diagnostics)}\n`);
}
