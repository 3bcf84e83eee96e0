/**
 * arp's language service: pure answers about one document (diagnostics, hover, completion,
 * definitions, references, rename, outline, formatting, quick fixes) from the compiler's own
 * parser, checker, catalog and formatter. Transports (the language server, compiler/lsp) turn
 * these into protocol messages; nothing here knows about a protocol.
 */
export { analyzeDocument, filesOf, type AnalyzeOptions, type DocumentAnalysis } from "./analysis.js";
export { codeHref, diagnosticsByFile, type EditorDiagnostic, type FileRange } from "./diagnostics.js";
export { hoverAt, type HoverInfo } from "./hover.js";
export { completionsAt, type CompletionEntry, type CompletionKind } from "./completion.js";
export { definitionAt, referencesAt, renameEdits } from "./navigation.js";
export { documentOutline, type OutlineEntry, type OutlineKind } from "./documentSymbols.js";
export { formattingEdits, type TextEdit } from "./formatting.js";
export { quickFixes, type QuickFix } from "./codeActions.js";
export { lineStarts, offsetAt, positionAt, rangeOf, type Position, type Range } from "./positions.js";
export { absolutePath } from "./paths.js";
