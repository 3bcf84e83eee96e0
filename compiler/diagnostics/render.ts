/**
 * Diagnostics for people (a code frame, like rustc and tsc) and for tools (stable JSON):
 *
 *     policy.arp:3:9 - error ARP2002: unknown action `apprunner:DescribeServce`
 *
 *      3 |   allow apprunner:DescribeServce on *
 *        |         ^^^^^^^^^^^^^^^^^^^^^^^^
 *        = help: did you mean `apprunner:DescribeService`?
 *
 * A span over several lines is underlined to the end of its first line; an empty span gets
 * one `^` where the missing text would go.
 *
 * Everything that comes from users (messages, file names, source lines, hints) is passed
 * through `terminalText` here, at the one place it meets the terminal; JSON output through
 * `terminalJson`.
 */
import pc from "picocolors";
import type { Diagnostic, Severity, Span } from "../../grammar/diagnostics/diagnostic.js";
import { type LineMap, lineMapOf } from "./sourceText.js";
import { terminalJson, terminalText } from "./terminalText.js";

/** How to render text diagnostics. */
export interface RenderOptions {
  /** ANSI colors; off for files, goldens and pipes. */
  readonly color: boolean;
  /** The word that names a diagnostic's severity; its table severity unless given (lint says "security warning"). */
  readonly label?: (d: Diagnostic) => string;
}

type Colors = ReturnType<typeof pc.createColors>;

/** Renders each diagnostic with its code frame; `sources` maps a file name to its text. */
export function renderDiagnostics(
  diagnostics: readonly Diagnostic[],
  sources: ReadonlyMap<string, string>,
  options: RenderOptions = { color: false },
): string {
  const colors = pc.createColors(options.color);
  return diagnostics.map((d) => renderOne(d, sources, colors, options.label?.(d) ?? d.severity)).join("\n\n");
}

function renderOne(d: Diagnostic, sources: ReadonlyMap<string, string>, c: Colors, label: string): string {
  const text = sources.get(d.span.file);
  const map = text === undefined ? undefined : lineMapOf(text);
  const header = `${c.cyan(where(d.span, map))} - ${severityColor(c, d.severity)(label)} ${c.gray(d.code)}: ${terminalText(d.message)}`;
  const lines = [header];
  const frame = map === undefined ? [] : codeFrame(map, d.span, c, d.severity);
  const gutter = frame.length > 0 ? " ".repeat(gutterWidth(map!, d.span)) : "";
  if (frame.length > 0) lines.push("", ...frame);
  if (d.hint !== undefined) {
    // A hint may span lines (a test failure carries the evaluator's explanation): keep them aligned.
    const [first, ...rest] = d.hint.split("\n").map((line) => terminalText(line));
    lines.push(`${gutter} ${c.bold("= help:")} ${first}`);
    for (const line of rest) lines.push(`${gutter}         ${line}`);
  }
  for (const r of d.related ?? []) {
    const relatedMap = sources.has(r.span.file) ? lineMapOf(sources.get(r.span.file)!) : undefined;
    lines.push(`${gutter} ${c.bold("= note:")} ${c.cyan(where(r.span, relatedMap))}: ${terminalText(r.message)}`);
  }
  return lines.join("\n");
}

/** `file:line:col`, or just `file` when its text is unknown. */
function where(span: Span, map: LineMap | undefined): string {
  const file = terminalText(span.file);
  if (map === undefined) return file;
  const { line, column } = map.position(span.start);
  return `${file}:${line}:${column}`;
}

function gutterWidth(map: LineMap, span: Span): number {
  return String(map.position(span.start).line).length + 1;
}

/** The span's first line with a line-number gutter, and `^` under the span. */
function codeFrame(map: LineMap, span: Span, c: Colors, severity: Severity): string[] {
  const { line, column } = map.position(span.start);
  const full = map.lineText(line);
  const fullFrom = column - 1;
  const sameLine = map.position(span.end).line === line;
  const fullTo = sameLine ? Math.min(full.length, fullFrom + (span.end - span.start)) : full.length;
  const { source, from, to } = clip(full, fullFrom, fullTo);
  // Copy tabs from the source so the carets line up however wide the terminal shows a tab;
  // measure the escaped text, which is what the terminal shows.
  const shown = (text: string) => terminalText(text, { keep: "\t" });
  const indent = shown(source.slice(0, from)).replace(/[^\t]/g, " ");
  const carets = "^".repeat(Math.max(1, shown(source.slice(from, to)).length));
  const width = gutterWidth(map, span);
  const number = String(line).padStart(width);
  const bar = c.blue("|");
  return [
    `${c.blue(number)} ${bar} ${shown(source)}`.trimEnd(),
    `${" ".repeat(width)} ${bar} ${indent}${severityColor(c, severity)(carets)}`,
  ];
}

/** Longest source line a code frame shows whole; a longer one is cut around the span. */
const FRAME_WIDTH = 240;
/** How much of the line before the span a cut frame keeps. */
const FRAME_LEAD = 40;

/**
 * A window of at most `FRAME_WIDTH` characters of `source` around `[from, to)`, marked `…` where
 * cut: a one-line file of megabytes would otherwise be printed once per diagnostic in it.
 */
function clip(source: string, from: number, to: number): { source: string; from: number; to: number } {
  if (source.length <= FRAME_WIDTH) return { source, from, to };
  const start = Math.max(0, Math.min(from - FRAME_LEAD, source.length - FRAME_WIDTH));
  const end = Math.min(source.length, start + FRAME_WIDTH);
  const before = start > 0 ? "…" : "";
  const after = end < source.length ? "…" : "";
  const shift = before.length - start;
  return { source: `${before}${source.slice(start, end)}${after}`, from: from + shift, to: Math.min(to, end) + shift };
}

function severityColor(c: Colors, severity: Severity): (s: string) => string {
  switch (severity) {
    case "error":
      return c.red;
    case "warning":
      return c.yellow;
    case "info":
      return c.blue;
  }
}

// ---- JSON --------------------------------------------------------------------------------

/** One diagnostic as `--format json` prints it; fields are added, never renamed. */
export interface JsonDiagnostic {
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly hint?: string;
  readonly related?: readonly { message: string; file: string; line: number; column: number; endLine: number; endColumn: number }[];
}

/** A stable JSON array (2-space indent) of the diagnostics with 1-based positions. */
export function renderJson(diagnostics: readonly Diagnostic[], sources: ReadonlyMap<string, string>): string {
  return terminalJson(JSON.stringify(jsonDiagnostics(diagnostics, sources), null, 2));
}

/** The diagnostics as `--format json` writes them, with line and column positions, for a larger report. */
export function jsonDiagnostics(diagnostics: readonly Diagnostic[], sources: ReadonlyMap<string, string>): JsonDiagnostic[] {
  return diagnostics.map((d) => toJson(d, sources));
}

function toJson(d: Diagnostic, sources: ReadonlyMap<string, string>): JsonDiagnostic {
  const related = (d.related ?? []).map((r) => ({ message: r.message, ...range(r.span, sources) }));
  return {
    code: d.code,
    severity: d.severity,
    message: d.message,
    ...range(d.span, sources),
    ...(d.hint !== undefined ? { hint: d.hint } : {}),
    ...(related.length > 0 ? { related } : {}),
  };
}

/** Start and end positions; `endColumn` is exclusive, as in LSP. Unknown files give line 1. */
function range(span: Span, sources: ReadonlyMap<string, string>) {
  const text = sources.get(span.file);
  if (text === undefined) return { file: span.file, line: 1, column: 1, endLine: 1, endColumn: 1 };
  const map = lineMapOf(text);
  const start = map.position(span.start);
  const end = map.position(span.end);
  return { file: span.file, line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
}

// ---- summary -----------------------------------------------------------------------------

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}

/** "2 errors, 1 warning"; "no problems" when there is nothing. */
export function summarize(diagnostics: readonly Diagnostic[]): string {
  const by = (s: Severity) => diagnostics.filter((d) => d.severity === s).length;
  const parts = [
    by("error") > 0 ? count(by("error"), "error") : "",
    by("warning") > 0 ? count(by("warning"), "warning") : "",
    by("info") > 0 ? count(by("info"), "note") : "",
  ].filter((p) => p !== "");
  return parts.length > 0 ? parts.join(", ") : "no problems";
}
