/** `arp diff OLD NEW`: what access changed, per principal, with a request that shows each change. */
import { Option, type Command } from "commander";
import { compileFiles } from "../index.js";
import { loadCatalog } from "../catalog/index.js";
import { diffAccess, type AccessChange, type SetDiff } from "../diff/diffAccess.js";
import { renderDiagnostics } from "../diagnostics/render.js";
import { terminalText } from "../diagnostics/terminalText.js";
import { EXIT_ERRORS, EXIT_OK } from "./options.js";
import { colorOf } from "./report.js";
import { collectSetting, emptyTable } from "./settings.js";

interface DiffOptions {
  readonly set: Record<string, string>;
  readonly format: "text" | "json";
  readonly newAccess: boolean;
}

function describe(change: AccessChange): string {
  const e = change.example;
  const actions = change.actions.length <= 3 ? change.actions.join(", ") : `${change.actions.slice(0, 3).join(", ")} and ${change.actions.length - 3} more`;
  const context = Object.keys(e.context).length === 0 ? "no context" : JSON.stringify(e.context);
  const resources = change.resources.length <= 2 ? change.resources.join(", ") : `${change.resources.slice(0, 2).join(", ")} and ${change.resources.length - 2} more`;
  return `    ${actions} on ${resources}\n      e.g. ${e.action} on ${e.resource} by ${e.principal} with ${context}: ${e.old} before, ${e.new} now`;
}

function textReport(diffs: readonly SetDiff[]): string {
  const lines: string[] = [];
  for (const d of diffs) {
    if (d.added.length === 0 && d.removed.length === 0) continue;
    lines.push(`${d.kind} ${d.name}:`);
    if (d.added.length > 0) lines.push("  new access:", ...d.added.map(describe));
    if (d.removed.length > 0) lines.push("  access removed:", ...d.removed.map(describe));
  }
  const requests = diffs.reduce((n, d) => n + d.requests, 0);
  const sampled = diffs.some((d) => !d.exhaustive) ? " (some contexts sampled: not exhaustive)" : "";
  lines.push(lines.length === 0 ? `no change in access for ${diffs.length} principal${diffs.length === 1 ? "" : "s"} (${requests} requests decided${sampled})` : `${requests} requests decided${sampled}`);
  return lines.join("\n").split("\n").map((line) => terminalText(line)).join("\n");
}

export function registerDiffCommand(program: Command): void {
  program
    .command("diff")
    .description("compare the access two versions of .arp files grant, per principal, with a request that shows each change")
    .argument("<old>", "the old .arp files (file or directory)")
    .argument("<new>", "the new .arp files (file or directory)")
    .option("--set <name=value>", "set a parameter for both versions (repeatable)", collectSetting, emptyTable<string>())
    .option("--no-new-access", "exit 1 when the new version allows any request the old one did not")
    .addOption(new Option("--format <format>", "the report as text or JSON").choices(["text", "json"]).default("text"))
    .action((oldPath: string, newPath: string, opts: DiffOptions, cmd: Command) => {
      const before = compileFiles([oldPath], { params: opts.set });
      const after = compileFiles([newPath], { params: opts.set });
      const failed = [before, after].filter((r) => !r.ok);
      if (failed.length > 0) {
        for (const r of failed) process.stderr.write(`${renderDiagnostics(r.diagnostics.filter((d) => d.severity === "error"), r.sources, { color: colorOf(cmd) })}\n`);
        process.exitCode = EXIT_ERRORS;
        return;
      }
      const diffs = diffAccess(before.principals, after.principals, loadCatalog());
      if (opts.format === "json") process.stdout.write(`${JSON.stringify(diffs, null, 2)}\n`);
      else process.stdout.write(`${textReport(diffs)}\n`);
      // `--no-new-access` is commander's negation of `--new-access` (default true).
      const gate = opts.newAccess === false;
      process.exitCode = gate && diffs.some((d) => d.added.length > 0) ? EXIT_ERRORS : EXIT_OK;
    });
}
