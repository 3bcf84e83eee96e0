/** `arp lint`: type-checking plus the lint checks, with a severity threshold for CI. */
import { Option, type Command } from "commander";
import { lintFiles } from "../index.js";
import { jsonDiagnostics, renderDiagnostics, summarize } from "../diagnostics/render.js";
import { terminalJson } from "../diagnostics/terminalText.js";
import { atLeast, LINT_SEVERITIES, lintSeverity, type LintSeverity } from "../lint/lintSeverity.js";
import { renderSarif } from "../lint/sarif.js";
import { EXIT_ERRORS, EXIT_OK } from "./options.js";
import { colorOf } from "./report.js";
import { collectSetting, emptyTable } from "./settings.js";
import { hasErrors, sortDiagnostics, type Diagnostic } from "../../grammar/diagnostics/diagnostic.js";
import { applyLintConfig, readLintConfig } from "../lint/lintConfig.js";
import { isJsonPath, lintJsonFiles } from "../lintJson/lintJsonSources.js";
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { MANIFEST_FILE } from "../diff/jsonPrincipalSets.js";

/** JSON in a folder that is not policy: the compile manifest and configuration files. */
const NOT_POLICY_JSON = new Set([MANIFEST_FILE, "arp.config.json", "package.json", "package-lock.json", "tsconfig.json"]);

/**
 * A folder without `.arp` files but with `.json` files stands for those files (recursively,
 * sorted), as `arp diff` reads compiled JSON folders; every other path is passed on as given.
 */
function expandJsonFolders(paths: readonly string[]): string[] {
  return paths.flatMap((path) => {
    let isDir = false;
    try {
      isDir = statSync(path).isDirectory();
    } catch {
      return [path];
    }
    if (!isDir) return [path];
    const files = readdirSync(path, { withFileTypes: true, recursive: true }).filter((e) => e.isFile());
    if (files.some((e) => e.name.endsWith(".arp"))) return [path];
    const json = files.filter((e) => /\.json$/i.test(e.name) && !NOT_POLICY_JSON.has(e.name)).map((e) => join(e.parentPath, e.name)).sort();
    return json.length > 0 ? json : [path];
  });
}

interface LintOptions {
  readonly set: Record<string, string>;
  readonly format: "text" | "json" | "sarif";
  readonly failOn: Exclude<LintSeverity, "note"> | "never";
}

/** The version SARIF names; kept with the program's own `--version`. */
const VERSION = "0.1.0";

const LABEL: Record<LintSeverity, string> = { error: "error", security: "security warning", warning: "warning", suggestion: "suggestion", note: "note" };

function lintSummary(diagnostics: readonly Diagnostic[]): string {
  const counts = LINT_SEVERITIES.map((s) => [s, diagnostics.filter((d) => lintSeverity(d) === s).length] as const).filter(([, n]) => n > 0);
  if (counts.length === 0) return summarize(diagnostics);
  return counts.map(([s, n]) => `${n} ${LABEL[s]}${n === 1 ? "" : "s"}`).join(", ");
}

/** `.arp` paths through the compiler, JSON files through the importer's reader; one report. */
function lintAll(given: readonly string[], params: Record<string, string>): { diagnostics: readonly Diagnostic[]; sources: ReadonlyMap<string, string>; files: readonly string[] } {
  const paths = expandJsonFolders(given);
  const jsonPaths = paths.filter(isJsonPath);
  const arpPaths = paths.filter((p) => !isJsonPath(p));
  const arp = arpPaths.length > 0 ? lintFiles(arpPaths, { params }) : { diagnostics: [], sources: new Map<string, string>(), files: [] };
  if (jsonPaths.length === 0) return arp;
  const json = lintJsonFiles(jsonPaths);
  return {
    diagnostics: sortDiagnostics([...arp.diagnostics, ...json.diagnostics]),
    sources: new Map([...arp.sources, ...json.sources]),
    files: [...arp.files, ...jsonPaths],
  };
}

export function registerLintCommand(program: Command): void {
  program
    .command("lint")
    .description("check .arp files for risky or redundant access, as IAM Access Analyzer's policy checks do; writes nothing")
    .argument("<paths...>", ".arp files or directories, or IAM JSON files (policy documents, role bundles)")
    .option("--set <name=value>", "set a parameter (repeatable)", collectSetting, emptyTable<string>())
    .addOption(new Option("--format <format>", "findings as text, JSON, or SARIF 2.1.0 for code scanning").choices(["text", "json", "sarif"]).default("text"))
    .addOption(
      new Option("--fail-on <severity>", "exit 1 when a finding is this severe or more").choices(["error", "security", "warning", "suggestion", "never"]).default("warning"),
    )
    .action((paths: string[], opts: LintOptions, cmd: Command) => {
      const result = lintAll(paths, opts.set);
      // Folder-wide suppressions from arp.config.json (or package.json's `arp` key) here.
      const config = readLintConfig(process.cwd());
      const diagnostics = config === undefined ? result.diagnostics : sortDiagnostics(applyLintConfig(result.diagnostics, config, process.cwd()));
      const sources = config === undefined ? result.sources : new Map([...result.sources, [config.file, config.text]]);
      if (opts.format === "json") process.stdout.write(`${lintJson(diagnostics, sources)}\n`);
      else if (opts.format === "sarif") process.stdout.write(`${renderSarif(diagnostics, sources, VERSION)}\n`);
      else if (diagnostics.length > 0) {
        const label = (d: Diagnostic): string => LABEL[lintSeverity(d)];
        process.stderr.write(`${renderDiagnostics(diagnostics, sources, { color: colorOf(cmd), label })}\n${lintSummary(diagnostics)}\n`);
      } else {
        const n = result.files.length;
        process.stderr.write(`linted ${n} file${n === 1 ? "" : "s"}: no findings\n`);
      }
      const failing = opts.failOn !== "never" && diagnostics.some((d) => atLeast(d, opts.failOn as LintSeverity));
      process.exitCode = failing || hasErrors(diagnostics) ? EXIT_ERRORS : EXIT_OK;
    });
}

/**
 * `--format json`: each finding as `arp check` writes it, plus `lintSeverity`, lint's own class
 * (`security` sets a security warning apart from a warning, which the table's severity cannot).
 */
function lintJson(diagnostics: readonly Diagnostic[], sources: ReadonlyMap<string, string>): string {
  const found = jsonDiagnostics(diagnostics, sources).map((d, i) => ({ ...d, lintSeverity: lintSeverity(diagnostics[i]!) }));
  return terminalJson(JSON.stringify(found, null, 2));
}
