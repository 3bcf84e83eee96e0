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
 */
import pc from "picocolors";
import type { Diagnostic, Severity, Span } from "./diagnostic.js";
import { type LineMap, lineMapOf } from "./sourceText.js";

/** How to render text diagnostics. */
export interface RenderOptions {
  /** ANSI colors; off for files, goldens and pipes. */
  readonly color: boolean;
}

type Colors = ReturnType<typeof pc.createColors>;

/** Renders each diagnostic with its code frame; `sources` maps a file name to its text. */
export function renderDiagnostics(
  diagnostics: readonly Diagnostic[],
  sources: ReadonlyMap<string, string>,
  options: RenderOptions = { color: false },
): string {
  const colors = pc.createColors(options.color);
  return diagnostics.map((d) => renderOne(d, sources, colors)).join("\n\n");
}

function renderOne(d: Diagnostic, sources: ReadonlyMap<string, string>, c: Colors): string {
  const text = sources.get(d.span.file);
  const map = text === undefined ? undefined : lineMapOf(text);
  const header = `${c.cyan(where(d.span, map))} - ${severityColor(c, d.severity)(d.severity)} ${c.gray(d.code)}: ${d.message}`;
  const lines = [header];
  const frame = map === undefined ? [] : codeFrame(map, d.span, c, d.severity);
  const gutter = frame.length > 0 ? " ".repeat(gutterWidth(map!, d.span)) : "";
  if (frame.length > 0) lines.push("", ...frame);
  if (d.hint !== undefined) {
    // A hint may span lines (a test failure carries the evaluator's explanation): keep them aligned.
    const [first, ...rest] = d.hint.split("\n");
    lines.push(`${gutter} ${c.bold("= help:")} ${first}`);
    for (const line of rest) lines.push(`${gutter}         ${line}`);
  }
  for (const r of d.related ?? []) {
    const relatedMap = sources.has(r.span.file) ? lineMapOf(sources.get(r.span.file)!) : undefined;
    lines.push(`${gutter} ${c.bold("= note:")} ${c.cyan(where(r.span, relatedMap))}: ${r.message}`);
  }
  return lines.join("\n");
}

/** `file:line:col`, or just `file` when its text is unknown. */
function where(span: Span, map: LineMap | undefined): string {
  if (map === undefined) return span.file;
  const { line, column } = map.position(span.start);
  return `${span.file}:${line}:${column}`;
}

function gutterWidth(map: LineMap, span: Span): number {
  return String(map.position(span.start).line).length + 1;
}

/** The span's first line with a line-number gutter, and `^` under the span. */
function codeFrame(map: LineMap, span: Span, c: Colors, severity: Severity): string[] {
  const { line, column } = map.position(span.start);
  const source = map.lineText(line);
  const from = column - 1;
  const sameLine = map.position(span.end).line === line;
  const to = sameLine ? Math.min(source.length, from + (span.end - span.start)) : source.length;
  // Copy tabs from the source so the carets line up however wide the terminal shows a tab.
  const indent = source.slice(0, from).replace(/[^\t]/g, " ");
  const carets = "^".repeat(Math.max(1, to - from));
  const width = gutterWidth(map, span);
  const number = String(line).padStart(width);
  const bar = c.blue("|");
  return [
    `${c.blue(number)} ${bar} ${source}`.trimEnd(),
    `${" ".repeat(width)} ${bar} ${indent}${severityColor(c, severity)(carets)}`,
  ];
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
  return JSON.stringify(diagnostics.map((d) => toJson(d, sources)), null, 2);
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
