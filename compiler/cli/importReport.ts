/**
 * `arp import --format json`: one JSON document for tools, a report per imported document (a
 * file, or a CloudFormation template's resource) and per file that could not be read:
 *
 *     { "imported": 2, "refused": 1,
 *       "files": [{ "input", "resource"?, "name"?, "kind"?, "status": "imported" | "refused",
 *                   "output"? (the path written), "arp"? (the text, without --out), "exact"?,
 *                   "diagnostics": [{ code, severity, message, file, line, column, ... }] }],
 *       "diagnostics": [ what concerns no one input: the output directory ] }
 *
 * Positions are into the JSON input, as `--format json` gives them everywhere.
 */
import { join } from "node:path";
import type { Diagnostic } from "../../grammar/diagnostics/diagnostic.js";
import { sortDiagnostics } from "../../grammar/diagnostics/diagnostic.js";
import { jsonDiagnostics, type JsonDiagnostic } from "../diagnostics/render.js";
import type { ImportedKind, ImportResult } from "../import/index.js";
import type { OutputFile } from "../writeOutputs.js";

/** One imported (or refused) document. */
export interface ImportFileReport {
  readonly input: string;
  /** The logical ID of the template resource, for a CloudFormation template. */
  readonly resource?: string;
  readonly name?: string;
  readonly kind?: ImportedKind;
  readonly status: "imported" | "refused";
  /** Where the `.arp` was written (with `--out`). */
  readonly output?: string;
  /** The `.arp` text, when it was not written to a file. */
  readonly arp?: string;
  /** Whether the `.arp` compiles back to the input exactly (else: decision-equal, normalised). */
  readonly exact?: boolean;
  readonly diagnostics: readonly JsonDiagnostic[];
}

export interface ImportReport {
  readonly imported: number;
  readonly refused: number;
  readonly files: readonly ImportFileReport[];
  /** Diagnostics of no one input (the output directory could not be written). */
  readonly diagnostics: readonly JsonDiagnostic[];
}

/** What the command did, as the report says it. */
export interface ImportOutcome {
  readonly results: readonly ImportResult[];
  /** Every diagnostic, the results' included. */
  readonly diagnostics: readonly Diagnostic[];
  readonly sources: ReadonlyMap<string, string>;
  /** Inputs that did not import. */
  readonly refused: readonly string[];
}

export function importReport(outcome: ImportOutcome, written: readonly { readonly file: OutputFile; readonly result: ImportResult }[], out: string | undefined): ImportReport {
  const files: ImportFileReport[] = [];
  const placed = new Set<Diagnostic>();
  const inputOf = (r: ImportResult): string => [...r.sources.keys()][0] ?? r.name;
  for (const r of outcome.results) {
    const input = inputOf(r);
    const output = written.find((o) => o.result === r);
    r.diagnostics.forEach((d) => placed.add(d));
    // What the command found about this result after importing it (two inputs for one `.arp`).
    const later = outcome.diagnostics.filter((d) => !placed.has(d) && d.span.file === input && output === undefined && r.arp !== undefined);
    later.forEach((d) => placed.add(d));
    files.push({
      input,
      ...(r.resource !== undefined ? { resource: r.resource } : {}),
      name: r.name,
      ...(r.kind !== undefined ? { kind: r.kind } : {}),
      status: output !== undefined ? "imported" : "refused",
      ...(output !== undefined && out !== undefined ? { output: join(out, output.file.name) } : {}),
      ...(output !== undefined && out === undefined ? { arp: output.file.text } : {}),
      ...(output !== undefined && r.exact !== undefined ? { exact: r.exact } : {}),
      diagnostics: jsonDiagnostics(sortDiagnostics([...r.diagnostics, ...later]), outcome.sources),
    });
  }
  // Files that were never imported: unreadable, or not text.
  const imported = new Set(outcome.results.map(inputOf));
  for (const input of new Set(outcome.refused)) {
    if (imported.has(input)) continue;
    const own = outcome.diagnostics.filter((d) => !placed.has(d) && d.span.file === input);
    own.forEach((d) => placed.add(d));
    files.push({ input, status: "refused", diagnostics: jsonDiagnostics(own, outcome.sources) });
  }
  const rest = outcome.diagnostics.filter((d) => !placed.has(d));
  return {
    imported: files.filter((f) => f.status === "imported").length,
    refused: files.filter((f) => f.status === "refused").length,
    files,
    diagnostics: jsonDiagnostics(sortDiagnostics(rest), outcome.sources),
  };
}
