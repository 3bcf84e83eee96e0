/**
 * The playground's compiler worker: the language service answering the page's messages, as the
 * language server answers an editor's. Compiling runs here so typing never waits on it.
 */
import { analyzeDocument, diagnosticsByFile, quickFixes } from "../../compiler/languageService/index.js";
import type { AnalyzeRequest, AnalyzeResponse } from "./protocol.js";

/** The document's path as the compiler sees it. */
const DOCUMENT = "/work/playground.arp";

self.onmessage = (event: MessageEvent<AnalyzeRequest>) => {
  const started = performance.now();
  const { id, text } = event.data;
  const analysis = analyzeDocument(DOCUMENT, text);
  const diagnostics = diagnosticsByFile(analysis).get(DOCUMENT) ?? [];
  const own = analysis.diagnostics.filter((d) => d.span.file === DOCUMENT);
  const response: AnalyzeResponse = {
    id,
    diagnostics: diagnostics.map((d) => ({ ...d, source: { ...d.source } })),
    fixes: quickFixes(text, own),
    json: JSON.stringify(analysis.documents.map((d) => d.document), null, 2),
    millis: performance.now() - started,
  };
  (self as unknown as Worker).postMessage(response);
};
