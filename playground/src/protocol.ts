/** Messages between the playground page and its compiler worker (the language service's second transport). */
import type { EditorDiagnostic, QuickFix } from "../../compiler/languageService/index.js";

export interface AnalyzeRequest {
  readonly id: number;
  readonly text: string;
  /** A request to decide against the document's policies, as `arp eval` takes it. */
  readonly request?: { readonly principal: string; readonly action: string; readonly resource: string; readonly context: string };
}

export interface AnalyzeResponse {
  readonly id: number;
  readonly diagnostics: readonly EditorDiagnostic[];
  readonly fixes: readonly QuickFix[];
  readonly json: string;
  /** The request's decision and its explanation, or why it could not be decided. */
  readonly decision?: string;
  readonly millis: number;
}
