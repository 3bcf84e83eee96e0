/**
 * `arp lsp`: the language server. A thin transport over the language service
 * (compiler/languageService): it keeps the open documents, re-checks a document a moment after
 * it changes (and the open documents that import a file when that file is saved), and answers
 * each request from the document's latest analysis.
 */
import type { Readable, Writable } from "node:stream";
import {
  CodeActionKind,
  createConnection,
  StreamMessageReader,
  StreamMessageWriter,
  TextDocuments,
  TextDocumentSyncKind,
  type CodeAction,
  type Connection,
  type Diagnostic as LspDiagnostic,
  type InitializeResult,
  type TextEdit as LspTextEdit,
  type WorkspaceEdit,
} from "vscode-languageserver/node";
import { TextDocument } from "vscode-languageserver-textdocument";
import {
  analyzeDocument,
  completionsAt,
  definitionAt,
  diagnosticsByFile,
  documentOutline,
  formattingEdits,
  hoverAt,
  offsetAt,
  quickFixes,
  referencesAt,
  renameEdits,
  type DocumentAnalysis,
  type TextEdit,
} from "../languageService/index.js";
import { rangeOfSpan, setDocumentUri, toCompletionItem, toDocumentSymbol, toLocation, toLspDiagnostic } from "./convert.js";
import { DiagnosticsPublisher } from "./diagnosticsPublisher.js";
import { pathOfUri, uriOfPath } from "./uris.js";

/** Options of {@link startLanguageServer}. */
export interface LanguageServerOptions {
  /** How long after the last change a document is re-checked, in milliseconds; 200 unless set. */
  readonly debounceMs?: number;
  /** Also report `arp lint`'s findings. */
  readonly lint?: boolean;
}

interface Analyzed {
  readonly version: number;
  readonly analysis: DocumentAnalysis;
}

/**
 * Starts a language server reading protocol messages from `input` and writing to `output`
 * (standard input and output for `arp lsp`, a stream pair in tests).
 * @returns the connection, already listening.
 */
export function startLanguageServer(input: Readable, output: Writable, options: LanguageServerOptions = {}): Connection {
  const connection = createConnection(new StreamMessageReader(input), new StreamMessageWriter(output));
  const documents = new TextDocuments(TextDocument);
  const analyzed = new Map<string, Analyzed>();
  const timers = new Map<string, NodeJS.Timeout>();
  const publisher = new DiagnosticsPublisher((uri, diagnostics) => void connection.sendDiagnostics({ uri, diagnostics }));
  const debounceMs = options.debounceMs ?? 200;

  const analysisOf = (uri: string): DocumentAnalysis | undefined => {
    const doc = documents.get(uri);
    if (doc === undefined) return undefined;
    const cached = analyzed.get(uri);
    if (cached !== undefined && cached.version === doc.version) return cached.analysis;
    const analysis = analyzeDocument(pathOfUri(uri), doc.getText(), { lint: options.lint === true });
    setDocumentUri(analysis, uri);
    analyzed.set(uri, { version: doc.version, analysis });
    return analysis;
  };

  /** The version of each document whose diagnostics were last published. */
  const published = new Map<string, number>();

  const check = (uri: string): void => {
    timers.delete(uri);
    const analysis = analysisOf(uri);
    const version = analyzed.get(uri)?.version;
    // Opening a document also reports a change of its content: publish each version once.
    if (analysis === undefined || version === undefined || published.get(uri) === version) return;
    published.set(uri, version);
    const byUri = new Map<string, LspDiagnostic[]>();
    for (const [path, list] of diagnosticsByFile(analysis)) {
      byUri.set(path === analysis.path ? uri : uriOfPath(path), list.map(toLspDiagnostic));
    }
    publisher.update(uri, byUri);
  };

  /** Checks from a timer: a failure is logged to the client, never left to end the server. */
  const checkSafely = (uri: string): void => {
    try {
      check(uri);
    } catch (e) {
      connection.console.error(`internal error checking ${uri}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    }
  };

  const schedule = (uri: string): void => {
    clearTimeout(timers.get(uri));
    timers.set(uri, setTimeout(() => checkSafely(uri), debounceMs));
  };

  /** Open documents whose last check read `path` (they import it). */
  const dependentsOf = (path: string, except: string): string[] =>
    [...analyzed.entries()].filter(([uri, a]) => uri !== except && a.analysis.sources.has(path)).map(([uri]) => uri);

  connection.onInitialize((): InitializeResult => ({
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
      hoverProvider: true,
      completionProvider: { triggerCharacters: [":", "$", "/"] },
      definitionProvider: true,
      referencesProvider: true,
      renameProvider: true,
      documentSymbolProvider: true,
      documentFormattingProvider: true,
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
    },
    serverInfo: { name: "arp" },
  }));

  documents.onDidOpen((e) => checkSafely(e.document.uri));
  documents.onDidChangeContent((e) => schedule(e.document.uri));
  documents.onDidSave((e) => {
    for (const uri of dependentsOf(pathOfUri(e.document.uri), e.document.uri)) {
      analyzed.delete(uri);
      published.delete(uri);
      schedule(uri);
    }
  });
  documents.onDidClose((e) => {
    clearTimeout(timers.get(e.document.uri));
    timers.delete(e.document.uri);
    analyzed.delete(e.document.uri);
    published.delete(e.document.uri);
    publisher.forget(e.document.uri);
  });

  const at = (uri: string, position: { line: number; character: number }): { analysis: DocumentAnalysis; offset: number } | undefined => {
    const analysis = analysisOf(uri);
    return analysis === undefined ? undefined : { analysis, offset: offsetAt(analysis.text, position, analysis.lines) };
  };

  connection.onHover(({ textDocument, position }) => {
    const target = at(textDocument.uri, position);
    const hover = target === undefined ? undefined : hoverAt(target.analysis, target.offset);
    if (target === undefined || hover === undefined) return null;
    return { contents: { kind: "markdown", value: hover.markdown }, range: rangeOfSpan(target.analysis, hover.span) };
  });

  connection.onCompletion(({ textDocument, position }) => {
    const target = at(textDocument.uri, position);
    if (target === undefined) return [];
    return completionsAt(target.analysis, target.offset).map((e) => toCompletionItem(target.analysis, e));
  });

  connection.onDefinition(({ textDocument, position }) => {
    const target = at(textDocument.uri, position);
    const span = target === undefined ? undefined : definitionAt(target.analysis, target.offset);
    return target === undefined || span === undefined ? null : toLocation(target.analysis, span);
  });

  connection.onReferences(({ textDocument, position, context }) => {
    const target = at(textDocument.uri, position);
    if (target === undefined) return [];
    return referencesAt(target.analysis, target.offset, context.includeDeclaration).map((s) => toLocation(target.analysis, s));
  });

  connection.onRenameRequest(({ textDocument, position, newName }): WorkspaceEdit | null => {
    const target = at(textDocument.uri, position);
    const edits = target === undefined ? undefined : renameEdits(target.analysis, target.offset, newName);
    return target === undefined || edits === undefined ? null : workspaceEdit(target.analysis, edits);
  });

  connection.onDocumentSymbol(({ textDocument }) => {
    const analysis = analysisOf(textDocument.uri);
    return analysis === undefined ? [] : documentOutline(analysis).map((e) => toDocumentSymbol(analysis, e));
  });

  connection.onDocumentFormatting(async ({ textDocument }): Promise<LspTextEdit[]> => {
    const analysis = analysisOf(textDocument.uri);
    if (analysis === undefined) return [];
    const edits = await formattingEdits(analysis.path, analysis.text);
    return edits.map((e) => ({ range: rangeOfSpan(analysis, e.span), newText: e.newText }));
  });

  connection.onCodeAction(({ textDocument, range }): CodeAction[] => {
    const analysis = analysisOf(textDocument.uri);
    if (analysis === undefined) return [];
    const start = offsetAt(analysis.text, range.start, analysis.lines);
    const end = offsetAt(analysis.text, range.end, analysis.lines);
    const own = analysis.diagnostics.filter((d) => d.span.file === analysis.path && d.span.start <= end && start <= d.span.end);
    return quickFixes(analysis.text, own).map((fix) => ({
      title: fix.title,
      kind: CodeActionKind.QuickFix,
      isPreferred: fix.preferred,
      diagnostics: diagnosticsByFile(analysis).get(analysis.path)?.filter((d) => d.source === fix.diagnostic).map(toLspDiagnostic) ?? [],
      edit: workspaceEdit(analysis, fix.edits),
    }));
  });

  connection.onShutdown(() => {
    for (const timer of timers.values()) clearTimeout(timer);
    timers.clear();
  });

  documents.listen(connection);
  connection.listen();
  return connection;
}

function workspaceEdit(analysis: DocumentAnalysis, edits: readonly TextEdit[]): WorkspaceEdit {
  const changes: Record<string, LspTextEdit[]> = {};
  for (const e of edits) {
    const { uri, range } = toLocation(analysis, e.span);
    (changes[uri] ??= []).push({ range, newText: e.newText });
  }
  return { changes };
}
