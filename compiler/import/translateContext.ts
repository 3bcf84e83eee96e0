/**
 * What every translation step shares: the catalog, the parameters the import declares, whether
 * the policy's Version makes `${...}` a variable, and the one diagnostics list.
 */
import type { Catalog } from "../catalog/index.js";
import { diagnostic } from "../../grammar/diagnostics/codes.js";
import type { Diagnostic, Span } from "../../grammar/diagnostics/diagnostic.js";
import type { ArpPart, ImportParams, TextProblem } from "./iamText.js";
import { withPlaceholderParams } from "./templateIntrinsics.js";

export interface TranslateContext {
  readonly catalog: Catalog;
  readonly params: ImportParams;
  /** False under Version 2008-10-17 (or none), where IAM reads `${...}` literally. */
  readonly variables: boolean;
  readonly diagnostics: Diagnostic[];
}

/** Reports JSON that arp cannot express (ARP6004). */
export function notImportable(ctx: TranslateContext, span: Span, message: string, hint?: string): undefined {
  ctx.diagnostics.push(diagnostic("NotImportable", span, message, hint !== undefined ? { hint } : {}));
  return undefined;
}

/** The parts, or undefined after reporting the problem at `span`. */
export function partsOrReport(ctx: TranslateContext, result: ArpPart[] | TextProblem, span: Span): ArpPart[] | undefined {
  if (!("problem" in result)) return withPlaceholderParams(result, ctx.params);
  return notImportable(ctx, span, result.problem, result.hint);
}
