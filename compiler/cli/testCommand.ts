/** `arp test [paths]`: runs the `test` blocks beside the policies, optionally measuring coverage. */
import { InvalidArgumentError, type Command } from "commander";
import pc from "picocolors";
import { renderJson } from "../diagnostics/render.js";
import { terminalJson, terminalLines, terminalText } from "../diagnostics/terminalText.js";
import { loadSources } from "../driver/loadSources.js";
import { runPolicyTests, type TestRunResult } from "../policyTests/runPolicyTests.js";
import { coverageJson, renderCoverageText } from "../policyTests/renderCoverage.js";
import { sortDiagnostics } from "../../grammar/diagnostics/diagnostic.js";
import { EXIT_ERRORS, EXIT_OK, formatOption } from "./options.js";
import { printDiagnostics, colorOf, type OutputFormat } from "./report.js";
import { collectSetting, emptyTable } from "./settings.js";

interface TestOptions {
  readonly set: Record<string, string>;
  readonly format: OutputFormat;
  readonly coverage?: boolean;
  readonly minCoverage?: number;
}

function percentage(value: string): number {
  const n = Number(value);
  if (value.trim() === "" || !Number.isFinite(n) || n < 0 || n > 100) throw new InvalidArgumentError("expected a percentage from 0 to 100");
  return n;
}

function summaryLine(result: TestRunResult, color: boolean): string {
  const passed = result.outcomes.filter((o) => o.passed).length;
  const failed = result.outcomes.length - passed;
  const paint = color ? (failed > 0 || result.notRun.length > 0 ? pc.red : pc.green) : (s: string) => s;
  const notRun = result.notRun.length === 0 ? "" : `; not run, ${result.notRun.length === 1 ? "a file has" : `${result.notRun.length} files have`} errors: ${result.notRun.map((f) => terminalText(f)).join(", ")}`;
  return paint(`${passed} passed, ${failed} failed${notRun}`);
}

export function registerTestCommand(program: Command): void {
  program
    .command("test")
    .description("run the policy tests (`test \"...\" { expect ... }`) in .arp files")
    .argument("[paths...]", ".arp files or directories", ["."])
    .option("--set <name=value>", "set a parameter (repeatable)", collectSetting, emptyTable<string>())
    .addOption(formatOption())
    .option("--coverage", "report the statements and condition outcomes no expectation exercised")
    .option("--min-coverage <percent>", "exit 1 when coverage is below this percentage (implies --coverage)", percentage)
    .action((paths: string[], opts: TestOptions, cmd: Command) => {
      const measure = opts.coverage === true || opts.minCoverage !== undefined;
      const loaded = loadSources(paths);
      const result = runPolicyTests(loaded.sources, { params: opts.set, coverage: measure });
      const diagnostics = sortDiagnostics([...loaded.diagnostics, ...result.diagnostics]);
      const color = colorOf(cmd);
      const coverage = result.coverage;
      if (opts.format === "json" && coverage !== undefined) {
        // One JSON document on stdout: the diagnostics array, and the coverage beside it.
        const report = { diagnostics: JSON.parse(renderJson(diagnostics, result.sources)) as unknown, coverage: coverageJson(coverage, result.sources) };
        process.stdout.write(`${terminalJson(JSON.stringify(report, null, 2))}\n`);
      } else printDiagnostics(diagnostics, result.sources, { format: opts.format, color });
      if (opts.format === "text") {
        process.stdout.write(`${summaryLine(result, color)}\n`);
        if (coverage !== undefined) process.stdout.write(`${terminalLines(renderCoverageText(coverage, result.sources))}\n`);
      }
      const below = coverage !== undefined && opts.minCoverage !== undefined && coverage.percent < opts.minCoverage;
      if (below) process.stderr.write(`coverage ${coverage.percent}% is below the minimum of ${opts.minCoverage}%\n`);
      process.exitCode = result.ok && loaded.diagnostics.length === 0 && !below ? EXIT_OK : EXIT_ERRORS;
    });
}
