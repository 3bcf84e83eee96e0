/**
 * The language service's answers as Language Server Protocol values: severities, completion
 * kinds, symbol kinds, ranges of spans in whichever file they lie.
 */
import {
  CompletionItemKind,
  DiagnosticSeverity,
  SymbolKind,
  type CompletionItem,
  type Diagnostic as LspDiagnostic,
  type DocumentSymbol,
  type Location,
  type Range,
} from "vscode-languageserver/node";
import type { Span } from "../../grammar/diagnostics/diagnostic.js";
import {
  lineStarts,
  rangeOf,
  type CompletionEntry,
  type CompletionKind,
  type DocumentAnalysis,
  type EditorDiagnostic,
  type OutlineEntry,
  type OutlineKind,
} from "../languageService/index.js";
import { uriOfPath } from "./uris.js";

const SEVERITIES = { error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, info: DiagnosticSeverity.Information } as const;

/** An arp diagnostic as the protocol carries it: code, link to its documentation, related locations. */
export function toLspDiagnostic(d: EditorDiagnostic): LspDiagnostic {
  return {
    range: d.range,
    severity: SEVERITIES[d.severity],
    code: d.code,
    codeDescription: { href: d.codeHref },
    source: "arp",
    message: d.message,
    ...(d.related.length > 0
      ? { relatedInformation: d.related.map((r) => ({ message: r.message, location: { uri: uriOfPath(r.location.path), range: r.location.range } })) }
      : {}),
  };
}

/** The range of a span, in the file it names. */
export function rangeOfSpan(analysis: DocumentAnalysis, span: Span): Range {
  const text = analysis.sources.get(span.file) ?? "";
  return rangeOf(text, span.start, span.end, span.file === analysis.path ? analysis.lines : lineStarts(text));
}

/** A span as a location: its file's URI and range. */
export function toLocation(analysis: DocumentAnalysis, span: Span): Location {
  return { uri: span.file === analysis.path ? uriOfDocument(analysis) : uriOfPath(span.file), range: rangeOfSpan(analysis, span) };
}

const documentUris = new WeakMap<DocumentAnalysis, string>();

/** Remembers the URI the analysis was made for, so the document's own spans map back to it exactly. */
export function setDocumentUri(analysis: DocumentAnalysis, uri: string): void {
  documentUris.set(analysis, uri);
}

function uriOfDocument(analysis: DocumentAnalysis): string {
  return documentUris.get(analysis) ?? uriOfPath(analysis.path);
}

const COMPLETION_KINDS: Readonly<Record<CompletionKind, CompletionItemKind>> = {
  service: CompletionItemKind.Module,
  action: CompletionItemKind.Function,
  resource: CompletionItemKind.Reference,
  key: CompletionItemKind.Property,
  variable: CompletionItemKind.Variable,
  param: CompletionItemKind.Constant,
  policy: CompletionItemKind.Class,
  role: CompletionItemKind.Interface,
  group: CompletionItemKind.Struct,
  keyword: CompletionItemKind.Keyword,
};

export function toCompletionItem(analysis: DocumentAnalysis, entry: CompletionEntry): CompletionItem {
  return {
    label: entry.label,
    kind: COMPLETION_KINDS[entry.kind],
    textEdit: { range: rangeOfSpan(analysis, entry.replace), newText: entry.insertText },
    ...(entry.detail !== undefined ? { detail: entry.detail } : {}),
    ...(entry.documentation !== undefined ? { documentation: entry.documentation } : {}),
  };
}

const SYMBOL_KINDS: Readonly<Record<OutlineKind, SymbolKind>> = {
  param: SymbolKind.Constant,
  policy: SymbolKind.Class,
  role: SymbolKind.Interface,
  user: SymbolKind.Object,
  group: SymbolKind.Struct,
  test: SymbolKind.Method,
  statement: SymbolKind.Field,
};

export function toDocumentSymbol(analysis: DocumentAnalysis, entry: OutlineEntry): DocumentSymbol {
  return {
    name: entry.name,
    kind: SYMBOL_KINDS[entry.kind],
    range: rangeOfSpan(analysis, entry.span),
    selectionRange: rangeOfSpan(analysis, entry.selection),
    children: entry.children.map((c) => toDocumentSymbol(analysis, c)),
  };
}
