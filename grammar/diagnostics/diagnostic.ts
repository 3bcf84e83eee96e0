/**
 * Diagnostics are plain data: every phase returns them instead of throwing, so one run can
 * report every problem in a file. Spans are byte offsets into the source text; line and
 * column are computed only when a diagnostic is rendered.
 */

/** A half-open range `[start, end)` of UTF-16 offsets into one source file. */
export interface Span {
  /** Path of the file as the user named it (or a pseudo-name such as `<stdin>`). */
  readonly file: string;
  readonly start: number;
  readonly end: number;
}

export type Severity = "error" | "warning" | "info";

/** A secondary location that helps explain a diagnostic (e.g. the first of two duplicates). */
export interface RelatedInfo {
  readonly message: string;
  readonly span: Span;
}

/** One problem found in a source file. `code` is stable across releases; wording is not. */
export interface Diagnostic {
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  readonly span: Span;
  /** A suggestion such as "did you mean `apprunner:DescribeService`?". */
  readonly hint?: string;
  readonly related?: readonly RelatedInfo[];
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === "error");
}

/** Orders diagnostics by file, then position, then code, so output is deterministic. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) =>
      (a.span.file < b.span.file ? -1 : a.span.file > b.span.file ? 1 : 0) ||
      a.span.start - b.span.start ||
      a.span.end - b.span.end ||
      (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
  );
}
