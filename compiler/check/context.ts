/**
 * State shared by the checker's passes for one source file: the catalog, the parameters in
 * scope, and the diagnostics list every pass appends to.
 */
import type { Catalog } from "../catalog/index.js";
import type { Diagnostic, Span } from "../../grammar/diagnostics/diagnostic.js";
import { diagnostic, type CodeName } from "../../grammar/diagnostics/codes.js";

/** A compile-time parameter's resolved value. */
export interface ParamValue {
  readonly name: string;
  readonly value: string;
  /** Where it was declared; absent for the built-in `account`, `region` and `partition`. */
  readonly span?: Span;
  /**
   * True for a declared parameter that has no value (already reported): uses of it stay
   * quiet instead of calling it undeclared.
   */
  readonly unset?: boolean;
  /**
   * True for a built-in whose default is `*` (`account`, `region`) declared without a default
   * and not set: `param account` stands for a value given at compile time (as `arp import`
   * writes for a stack's `AWS::AccountId`), and its value `*` is only a stand-in.
   */
  readonly placeholder?: boolean;
}

export interface CheckContext {
  readonly catalog: Catalog;
  /** Parameters visible in the file, by name. */
  readonly params: ReadonlyMap<string, ParamValue>;
  readonly diagnostics: Diagnostic[];
}

/** Appends one diagnostic built from the codes table. */
export function report(
  ctx: CheckContext,
  name: CodeName,
  span: Span,
  message: string,
  extra: Parameters<typeof diagnostic>[3] = {},
): void {
  ctx.diagnostics.push(diagnostic(name, span, message, extra));
}

/** Formats a did-you-mean hint, or nothing when there is no suggestion. */
export function didYouMean(suggestion: string | undefined): { hint?: string } {
  return suggestion === undefined ? {} : { hint: `did you mean \`${suggestion}\`?` };
}
