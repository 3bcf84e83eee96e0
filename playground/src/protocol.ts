/**
 * Messages between the playground page and its compiler worker: the language service's second
 * transport (the language server is the first). Offsets are UTF-16 offsets into the document.
 */
import type { CompletionKind, EditorDiagnostic, QuickFix } from "../../compiler/languageService/index.js";

/** A request the form describes, as `arp eval` takes it. */
export interface EvalRequest {
  readonly principal: string;
  readonly action: string;
  readonly resource: string;
  readonly context: string;
  /** The role, user or policy whose policies decide; empty to choose as `arp eval` does. */
  readonly as?: string;
}

/** Compile the document: diagnostics, fixes, IAM JSON, test results and the form's decision. */
export interface AnalyzeRequest {
  readonly kind?: "analyze";
  readonly id: number;
  readonly text: string;
  readonly request?: EvalRequest;
}

export interface HoverRequest {
  readonly kind: "hover";
  readonly id: number;
  readonly text: string;
  readonly offset: number;
}

export interface CompleteRequest {
  readonly kind: "complete";
  readonly id: number;
  readonly text: string;
  readonly offset: number;
}

/** The standalone TypeScript evaluator `arp compile --target ts` writes, for the document. */
export interface EvaluatorRequest {
  readonly kind: "evaluator";
  readonly id: number;
  readonly text: string;
}

export type WorkerRequest = AnalyzeRequest | HoverRequest | CompleteRequest | EvaluatorRequest;

/** One `expect` line and whether it held. */
export interface TestLine {
  /** The `expect`'s offset. */
  readonly at: number;
  readonly test: string;
  readonly passed: boolean;
  readonly want: string;
  readonly got: string;
}

export interface AnalyzeResponse {
  readonly kind?: "analyze";
  readonly id: number;
  readonly diagnostics: readonly EditorDiagnostic[];
  readonly fixes: readonly QuickFix[];
  /** The compiled IAM documents as one JSON array (policies, then each role's trust and inline policies). */
  readonly json: string;
  /** What `arp compile` writes, labelled by what it is: each policy's JSON and each role's bundle. */
  readonly outputs: readonly { readonly label: string; readonly json: string }[];
  readonly tests: readonly TestLine[];
  /** The request's decision and its explanation, or why it could not be decided. */
  readonly decision?: string;
  readonly millis: number;
}

export interface HoverResponse {
  readonly kind: "hover";
  readonly id: number;
  readonly hover?: { readonly markdown: string; readonly from: number; readonly to: number };
}

export interface CompleteResponse {
  readonly kind: "complete";
  readonly id: number;
  readonly from: number;
  readonly entries: readonly { readonly label: string; readonly kind: CompletionKind; readonly insertText: string; readonly detail?: string }[];
}

export interface EvaluatorResponse {
  readonly kind: "evaluator";
  readonly id: number;
  readonly code: string;
}

export type WorkerResponse = AnalyzeResponse | HoverResponse | CompleteResponse | EvaluatorResponse;
