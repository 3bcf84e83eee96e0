/**
 * The compiler's diagnostics as an editor shows them: a range per file, the code with a link
 * to its section of docs/diagnostics.md, the hint after the message. Diagnostics in files the
 * document imports are kept, under their own file, so an editor shows them where they are.
 */
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Diagnostic, Severity } from "../../grammar/diagnostics/diagnostic.js";
import { isStdlibFile, STDLIB_DIR } from "../stdlib.js";
import type { DocumentAnalysis } from "./analysis.js";
import { lineStarts, rangeOf, type Range } from "./positions.js";

/** A location in some file: its path (as spans carry it) and a range. */
export interface FileRange {
  readonly path: string;
  readonly range: Range;
}

/** One diagnostic, in an editor's terms. */
export interface EditorDiagnostic {
  readonly range: Range;
  readonly severity: Severity;
  /** `ARP2001`. */
  readonly code: string;
  /** The code's section of docs/diagnostics.md, as a `file:` URL into the installed package. */
  readonly codeHref: string;
  /** The message, then the hint on its own line. */
  readonly message: string;
  readonly hint?: string;
  readonly related: readonly { readonly message: string; readonly location: FileRange }[];
  /** The compiler's diagnostic this was made from. */
  readonly source: Diagnostic;
}

const DIAGNOSTICS_DOC = pathToFileURL(join(STDLIB_DIR, "..", "docs", "diagnostics.md")).href;

/** The link to a code's section of docs/diagnostics.md (its heading is `### ARP2001`). */
export function codeHref(code: string): string {
  return `${DIAGNOSTICS_DOC}#${code.toLowerCase()}`;
}

/**
 * The document's diagnostics by file path: the document's own, and those of each user file it
 * imports (the stdlib's are never the user's to fix, and a clean stdlib has none).
 */
export function diagnosticsByFile(analysis: DocumentAnalysis): Map<string, EditorDiagnostic[]> {
  const byFile = new Map<string, EditorDiagnostic[]>([[analysis.path, []]]);
  const starts = new Map<string, number[]>();
  const rangeIn = (path: string, start: number, end: number): Range => {
    const text = analysis.sources.get(path) ?? "";
    let lines = starts.get(path);
    if (lines === undefined) starts.set(path, (lines = lineStarts(text)));
    return rangeOf(text, start, end, lines);
  };
  for (const d of analysis.diagnostics) {
    if (isStdlibFile(d.span.file)) continue;
    const list = byFile.get(d.span.file) ?? [];
    byFile.set(d.span.file, list);
    list.push({
      range: rangeIn(d.span.file, d.span.start, d.span.end),
      severity: d.severity,
      code: d.code,
      codeHref: codeHref(d.code),
      message: d.hint === undefined ? d.message : `${d.message}\n${d.hint}`,
      ...(d.hint !== undefined ? { hint: d.hint } : {}),
      related: (d.related ?? []).map((r) => ({
        message: r.message,
        location: { path: r.span.file, range: rangeIn(r.span.file, r.span.start, r.span.end) },
      })),
      source: d,
    });
  }
  return byFile;
}
