/** `arp test [paths]`: runs the `test` blocks beside the policies. */
import type { Command } from "commander";
import pc from "picocolors";
import { terminalText } from "../diagnostics/terminalText.js";
import { loadSources } from "../driver/loadSources.js";
import { runPolicyTests } from "../policyTests/runPolicyTests.js";
import { sortDiagnostics } from "../../grammar/diagnostics/diagnostic.js";
import { EXIT_ERRORS, EXIT_OK, formatOption } from "./options.js";
import { printDiagnostics, colorOf, type OutputFormat } from "./report.js";
import { collectSetting, emptyTable } from "./settings.js";

export function registerTestCommand(program: Command): void {
  program
    .command("test")
    .description("run the policy tests (`test \"...\" { expect ... }`) in .arp files")
    .argument("[paths...]", ".arp files or directories", ["."])
    .option("--set <name=value>", "set a parameter (repeatable)", collectSetting, emptyTable<string>())
    .addOption(formatOption())
    .action((paths: string[], opts: { set: Record<string, string>; format: OutputFormat }, cmd: Command) => {
      const loaded = loadSources(paths);
      const result = runPolicyTests(loaded.sources, { params: opts.set });
      const diagnostics = sortDiagnostics([...loaded.diagnostics, ...result.diagnostics]);
      const color = colorOf(cmd);
      printDiagnostics(diagnostics, result.sources, { format: opts.format, color });
      const passed = result.outcomes.filter((o) => o.passed).length;
      const failed = result.outcomes.length - passed;
      if (opts.format === "text") {
        const paint = color ? (failed > 0 || result.notRun.length > 0 ? pc.red : pc.green) : (s: string) => s;
        const notRun = result.notRun.length === 0 ? "" : `; not run, ${result.notRun.length === 1 ? "a file has" : `${result.notRun.length} files have`} errors: ${result.notRun.map((f) => terminalText(f)).join(", ")}`;
        process.stdout.write(`${paint(`${passed} passed, ${failed} failed${notRun}`)}\n`);
      }
      process.exitCode = result.ok && loaded.diagnostics.length === 0 ? EXIT_OK : EXIT_ERRORS;
    });
}
