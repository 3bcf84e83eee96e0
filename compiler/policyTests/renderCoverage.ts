/**
 * `arp test --coverage` output: what no expectation exercised, at `.arp` lines and columns, as
 * text for people and JSON for CI (positions 1-based; `endColumn` exclusive, as diagnostics).
 */
import type { Span } from "../../grammar/diagnostics/diagnostic.js";
import { lineMapOf } from "../diagnostics/sourceText.js";
import type { ConditionCoverage, FileCoverage, TestCoverage } from "./testCoverage.js";

interface JsonRange {
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
}

function rangeOf(span: Span, sources: ReadonlyMap<string, string>): JsonRange {
  const text = sources.get(span.file);
  if (text === undefined) return { line: 1, column: 1, endLine: 1, endColumn: 1 };
  const map = lineMapOf(text);
  const start = map.position(span.start);
  const end = map.position(span.end);
  return { line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
}

/** The outcomes a condition still lacks, in words. */
function missingOutcomes(c: ConditionCoverage): string | undefined {
  if (!c.held && !c.failed) return "never reached";
  if (!c.held) return "never held";
  if (!c.failed) return "never failed";
  return undefined;
}

function fileLines(f: FileCoverage, sources: ReadonlyMap<string, string>): string[] {
  const gaps: { at: number; line: string }[] = [];
  const where = (span: Span): string => {
    const r = rangeOf(span, sources);
    return `${r.line}:${r.column}`;
  };
  for (const s of f.statements) {
    if (!s.applied) gaps.push({ at: s.span.start, line: `    ${where(s.span)}  statement never applied` });
  }
  for (const c of f.conditions) {
    const missing = missingOutcomes(c);
    if (missing !== undefined) gaps.push({ at: c.span.start, line: `    ${where(c.span)}  condition ${c.operator} ${c.key} ${missing}` });
  }
  gaps.sort((a, b) => a.at - b.at);
  return [`  ${f.file}  ${f.percent}% (${f.covered} of ${f.total})`, ...gaps.map((g) => g.line)];
}

/** Text: the total, then each file with every statement and condition outcome not exercised. */
export function renderCoverageText(coverage: TestCoverage, sources: ReadonlyMap<string, string>): string {
  const head = `coverage: ${coverage.percent}% (${coverage.covered} of ${coverage.total} statements and condition outcomes)`;
  return [head, ...coverage.files.flatMap((f) => fileLines(f, sources))].join("\n");
}

/** JSON-ready coverage: every statement and condition with its position and outcomes. */
export function coverageJson(coverage: TestCoverage, sources: ReadonlyMap<string, string>): unknown {
  return {
    percent: coverage.percent,
    covered: coverage.covered,
    total: coverage.total,
    files: coverage.files.map((f) => ({
      file: f.file,
      percent: f.percent,
      covered: f.covered,
      total: f.total,
      statements: f.statements.map((s) => ({ ...rangeOf(s.span, sources), applied: s.applied })),
      conditions: f.conditions.map((c) => ({ ...rangeOf(c.span, sources), operator: c.operator, key: c.key, held: c.held, failed: c.failed })),
    })),
  };
}
