/** `arp check` and `arp compile`. */
import type { Command } from "commander";
import { compileFiles, EVALUATOR_FILE, jsonFiles, writeOutputs, type Target, type WriteReport } from "../index.js";
import type { CompileResult } from "../compileProgram.js";
import { diagnostic } from "../../grammar/diagnostics/codes.js";
import { terminalText } from "../diagnostics/terminalText.js";
import { EXIT_ERRORS, EXIT_OK, formatOption } from "./options.js";
import { printDiagnostics, colorOf, type OutputFormat } from "./report.js";
import { collectSetting, emptyTable, UsageError } from "./settings.js";

interface CommonOptions {
  readonly set: Record<string, string>;
  readonly format: OutputFormat;
}

function common(cmd: Command): Command {
  return cmd
    .option("--set <name=value>", "set a parameter (repeatable)", collectSetting, emptyTable<string>())
    .addOption(formatOption());
}

export function registerCheckCommand(program: Command): void {
  common(requiringInput(program.command("check"), "arp check policies/"))
    .description("type-check .arp files and report every problem; writes nothing")
    .argument("<paths...>", ".arp files or directories")
    .action((paths: string[], opts: CommonOptions, cmd: Command) => {
      const result = compileFiles(paths, { params: opts.set });
      printDiagnostics(result.diagnostics, result.sources, { format: opts.format, color: colorOf(cmd) });
      if (result.ok && opts.format === "text") {
        const n = result.files.length;
        process.stderr.write(`checked ${n} file${n === 1 ? "" : "s"}: no errors\n`);
      }
      process.exitCode = result.ok ? EXIT_OK : EXIT_ERRORS;
    });
}

interface CompileOptionsCli extends CommonOptions {
  readonly out?: string;
  readonly target: Target[];
}

function parseTargets(raw: string): Target[] {
  const targets = raw.split(",").map((t) => t.trim());
  for (const t of targets) if (t !== "json" && t !== "ts") throw new UsageError(`--target takes \`json\`, \`ts\` or \`json,ts\`, not \`${t}\``);
  return [...new Set(targets)] as Target[];
}

export function registerCompileCommand(program: Command): void {
  common(requiringInput(program.command("compile"), "arp compile policies/ --out build/iam"))
    .description("compile .arp files to one IAM JSON policy per policy; on any error nothing is written")
    .argument("<paths...>", ".arp files or directories")
    .option("-o, --out <dir>", "output directory (required)")
    .option("--target <targets>", "what to write: `json` (IAM policies), `ts` (the evaluator module), or `json,ts`", parseTargets, ["json"])
    .action(async (paths: string[], opts: CompileOptionsCli, cmd: Command) => {
      // Not a required option: commander would check it before the paths, and `arp compile`
      // alone would complain about `--out` rather than say that there is nothing to compile.
      const out = opts.out;
      if (out === undefined) throw new UsageError("no output directory: give one with `--out`, e.g. `arp compile policies/ --out build/iam`");
      const result = compileFiles(paths, { params: opts.set });
      let diagnostics = result.diagnostics;
      let ok = result.ok;
      let report: WriteReport | undefined;
      if (ok) {
        try {
          report = await writeOutputs(result, out, opts.target);
        } catch (e) {
          ok = false;
          diagnostics = [...diagnostics, diagnostic("OutputFailed", { file: out, start: 0, end: 0 },
            `cannot write to \`${out}\`: ${(e as Error).message}`)];
        }
      }
      // Said even with --format json (on stderr): a recovery changed the output directory.
      if (report?.recovered !== undefined) process.stderr.write(`${terminalText(report.recovered)}\n`);
      // Also said with --format json: files arp used to own are the user's from now on.
      if (report !== undefined && report.kept.length > 0) {
        process.stderr.write(
          `warning: kept ${terminalText(report.kept.join(", "))}: an earlier compile wrote ${report.kept.length === 1 ? "it" : "them"} and this one does not, but ${report.kept.length === 1 ? "it has" : "they have"} changed since, so ${report.kept.length === 1 ? "it is" : "they are"} yours now (delete to remove)\n`,
        );
      }
      printDiagnostics(diagnostics, result.sources, { format: opts.format, color: colorOf(cmd) });
      if (ok && opts.format === "text") {
        const names = [
          ...(opts.target.includes("json") ? jsonFiles(result).map((f) => f.name) : []),
          ...(opts.target.includes("ts") ? [EVALUATOR_FILE] : []),
        ];
        process.stderr.write(`wrote ${countText(result)} to ${terminalText(out)}: ${terminalText(names.join(", "))}\n`);
        if (report !== undefined && report.removed.length > 0) {
          process.stderr.write(`removed what an earlier compile wrote and this one did not: ${terminalText(report.removed.join(", "))}\n`);
        }
      }
      process.exitCode = ok ? EXIT_OK : EXIT_ERRORS;
    });
}

/** "2 policies, 1 role and 2 users": what a compile wrote, leaving out kinds it has none of (but policies). */
function countText(result: CompileResult): string {
  const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;
  const parts = [
    plural(result.policies.length, "policy", "policies"),
    ...(result.roles.length > 0 ? [plural(result.roles.length, "role", "roles")] : []),
    ...(result.users.length > 0 ? [plural(result.users.length, "user", "users")] : []),
    ...(result.groups.length > 0 ? [plural(result.groups.length, "group", "groups")] : []),
  ];
  return parts.length === 1 ? parts[0] as string : `${parts.slice(0, -1).join(", ")} and ${parts[parts.length - 1]}`;
}

/**
 * Makes a missing `<paths...>` a usage error that says there is no input and shows an example,
 * instead of commander's "missing required argument 'paths'". Commander reports a missing
 * argument through the command's `missingArgument` method (commander 14, not in its typings),
 * which this replaces; test/cli/commandMessages.test.ts holds it to that.
 */
function requiringInput(cmd: Command, example: string): Command {
  const missing: { missingArgument(name: string): never } = {
    missingArgument: () => {
      throw new UsageError(`no input: give the .arp files or directories to ${cmd.name()}, e.g. \`${example}\``);
    },
  };
  return Object.assign(cmd, missing);
}
