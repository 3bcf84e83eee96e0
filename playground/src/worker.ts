/**
 * The playground's compiler worker: the language service answering the page's messages, as the
 * language server answers an editor's. Compiling runs here so typing never waits on it.
 */
import { analyzeDocument, diagnosticsByFile, quickFixes } from "../../compiler/languageService/index.js";
import { evaluate, explain } from "../../runtime/index.js";
import type { AnalyzeRequest, AnalyzeResponse } from "./protocol.js";

/** The document's path as the compiler sees it. */
const DOCUMENT = "/work/playground.arp";

self.onmessage = (event: MessageEvent<AnalyzeRequest>) => {
  const started = performance.now();
  const { id, text, request } = event.data;
  const analysis = analyzeDocument(DOCUMENT, text);
  const diagnostics = diagnosticsByFile(analysis).get(DOCUMENT) ?? [];
  const own = analysis.diagnostics.filter((d) => d.span.file === DOCUMENT);
  const response: AnalyzeResponse = {
    id,
    diagnostics: diagnostics.map((d) => ({ ...d, source: { ...d.source } })),
    fixes: quickFixes(text, own),
    json: JSON.stringify(analysis.documents.map((d) => d.document), null, 2),
    ...(request !== undefined && request.action !== "" ? { decision: decide(analysis.documents, request) } : {}),
    millis: performance.now() - started,
  };
  (self as unknown as Worker).postMessage(response);
};

/** The decision of the document's policies on the request, with the runtime's explanation. */
function decide(documents: ReturnType<typeof analyzeDocument>["documents"], request: NonNullable<AnalyzeRequest["request"]>): string {
  try {
    const context = request.context.trim() === "" ? {} : (JSON.parse(request.context) as Record<string, string>);
    const input = { principal: request.principal, action: request.action, resource: request.resource, context };
    const policies = documents.map((d, i) => ({ name: `policy${i + 1}`, document: d.document, sources: d.sources }));
    const result = evaluate(policies, input);
    return `${result.decision}\n\n${explain(result, input)}`;
  } catch (error) {
    return `cannot decide: ${(error as Error).message}`;
  }
}
