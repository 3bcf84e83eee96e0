/** Messages between the playground page and its compiler worker (the language service's second transport). */
import type { EditorDiagnostic, QuickFix } from "../../compiler/languageService/index.js";

export interface AnalyzeRequest {
  readonly id: number;
  readonly text: string;
}

export interface AnalyzeResponse {
  readonly id: number;
  readonly diagnostics: readonly EditorDiagnostic[];
  readonly fixes: readonly QuickFix[];
  readonly json: string;
  readonly millis: number;
}
