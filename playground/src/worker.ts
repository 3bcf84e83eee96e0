/**
 * The playground's compiler worker: the language service answering the page's messages, as the
 * language server answers an editor's. Compiling runs here so typing never waits on it.
 */
import { analyzeDocument, completionsAt, diagnosticsByFile, hoverAt, quickFixes, type DocumentAnalysis } from "../../compiler/languageService/index.js";
import { decide } from "./decide.js";
import type { AnalyzeResponse, CompleteRequest, CompleteResponse, EvalRequest, EvaluatorRequest, HoverRequest, HoverResponse, WorkerRequest, WorkerResponse } from "./protocol.js";

/** The document's path as the compiler sees it. */
const DOCUMENT = "/work/playground.arp";

/** The last analysis: hover and completion on the text just compiled reuse it. */
let cached: DocumentAnalysis | undefined;

function analysisOf(text: string): DocumentAnalysis {
  if (cached?.text !== text) cached = analyzeDocument(DOCUMENT, text);
  return cached;
}

const post = (response: WorkerResponse): void => (self as unknown as Worker).postMessage(response);

self.onmessage = (event: MessageEvent<WorkerRequest>) => {
  const message = event.data;
  switch (message.kind) {
    case "hover":
      post(hover(message));
      return;
    case "complete":
      post(complete(message));
      return;
    case "evaluator":
      void evaluator(message).then(post);
      return;
    default:
      post(analyze(message.id, message.text, message.request));
  }
};

function analyze(id: number, text: string, request: EvalRequest | undefined): AnalyzeResponse {
  const started = performance.now();
  const analysis = analysisOf(text);
  const diagnostics = diagnosticsByFile(analysis).get(DOCUMENT) ?? [];
  const own = analysis.diagnostics.filter((d) => d.span.file === DOCUMENT);
  return {
    id,
    diagnostics: diagnostics.map((d) => ({ ...d, source: { ...d.source } })),
    fixes: quickFixes(text, own),
    json: JSON.stringify(analysis.documents.map((d) => d.document), null, 2),
    outputs: analysis.outputs,
    tests: analysis.testOutcomes.map((o) => ({ at: o.span.start, test: o.test, passed: o.passed, want: o.want, got: o.got })),
    ...(request !== undefined && request.action !== "" ? { decision: decide(analysis, request) } : {}),
    millis: performance.now() - started,
  };
}

function hover(message: HoverRequest): HoverResponse {
  const info = hoverAt(analysisOf(message.text), message.offset);
  return { kind: "hover", id: message.id, ...(info !== undefined ? { hover: { markdown: info.markdown, from: info.span.start, to: info.span.end } } : {}) };
}

function complete(message: CompleteRequest): CompleteResponse {
  const entries = completionsAt(analysisOf(message.text), message.offset);
  return {
    kind: "complete",
    id: message.id,
    from: entries[0]?.replace.start ?? message.offset,
    entries: entries.map((e) => ({ label: e.label, kind: e.kind, insertText: e.insertText, ...(e.detail !== undefined ? { detail: e.detail } : {}) })),
  };
}

/** The generator is loaded on first use: the page's first load does not pay for it. */
async function evaluator(message: EvaluatorRequest): Promise<WorkerResponse> {
  const analysis = analysisOf(message.text);
  if (analysis.principals.length === 0) return { kind: "evaluator", id: message.id, code: "// fix the errors to see the evaluator" };
  const { generatePrincipalEvaluator } = await import("../../compiler/emit/typescript/index.js");
  // prettier's TypeScript printer is not in the page: the emitter's own layout is deterministic too.
  const code = await generatePrincipalEvaluator(analysis.principals, { moduleName: "evaluator.ts", prettierLimit: 0 });
  return { kind: "evaluator", id: message.id, code };
}
