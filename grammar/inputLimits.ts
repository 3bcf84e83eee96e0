/**
 * Size bounds on `.arp` text, checked before any work that grows with them. Each is far above
 * what a real policy needs: IAM's own ceiling is a policy of 10,240 characters ("Policies have
 * a maximum size between 2048 characters and 10,240 characters, depending on what entity the
 * policy is attached to", IAM User Guide, reference_policies_grammar.md). Exceeding one is
 * ARP9005; docs/language.md lists them under "Limits".
 */
import type { IToken } from "chevrotain";
import { diagnostic } from "./diagnostics/codes.js";
import type { Diagnostic } from "./diagnostics/diagnostic.js";
import { type BuildContext, tokenSpan } from "./buildContext.js";

/** Characters (UTF-16 code units) one `.arp` file may hold: 1 MiB. */
export const MAX_SOURCE_CHARS = 1_048_576;

/**
 * Characters one string, name or pattern may hold. No IAM policy can hold a longer value,
 * and the checks that compare a pattern with the catalog's ARN templates or scan it for
 * `${...}` cost up to its length times the template's, so the bound keeps them small.
 */
export const MAX_TOKEN_CHARS = 16_384;

/** ARP9005 for a file over {@link MAX_SOURCE_CHARS}, or undefined. */
export function sourceTooLarge(text: string, file: string): Diagnostic | undefined {
  if (text.length <= MAX_SOURCE_CHARS) return undefined;
  return diagnostic("InputTooLarge", { file, start: 0, end: 0 },
    `the file holds ${text.length} characters; arp reads at most ${MAX_SOURCE_CHARS} from one file`, {
      hint: "split the policies into several files",
    });
}

/**
 * ARP9005 for the first token over {@link MAX_TOKEN_CHARS} (comments excepted: they are kept,
 * never examined). One report is enough: the file is not compiled.
 */
export function reportLongTokens(ctx: BuildContext, tokens: readonly IToken[]): void {
  const long = tokens.find((t) => t.image.length > MAX_TOKEN_CHARS);
  if (long === undefined) return;
  ctx.diagnostics.push(
    diagnostic("InputTooLarge", tokenSpan(ctx, long, 0),
      `this string or name holds ${long.image.length} characters; arp accepts at most ${MAX_TOKEN_CHARS}, more than any IAM policy can hold`),
  );
}
