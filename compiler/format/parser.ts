/**
 * The prettier parser `arp`: arp's own `parse`, which never throws, turned into what prettier
 * expects. A file with a syntax error is never formatted: the first error is thrown as an
 * `ArpSyntaxError` carrying its line and column (prettier prints them with a code frame) and
 * every syntax diagnostic, so `arp fmt` can render them the way the compiler does.
 */
import type { Parser } from "prettier";
import type { SourceFile } from "../../grammar/ast.js";
import { parse } from "../../grammar/parse.js";
import type { Diagnostic } from "../../grammar/diagnostics/diagnostic.js";
import { LineMap } from "../diagnostics/sourceText.js";
import { rememberComments } from "./comments.js";
import type { AttachedComment, Node } from "./types.js";

/** A file that does not parse; `diagnostics` are all of its syntax errors. */
export class ArpSyntaxError extends SyntaxError {
  /** 1-based, as prettier expects. */
  readonly loc: { readonly start: { readonly line: number; readonly column: number } };

  constructor(
    readonly diagnostics: readonly Diagnostic[],
    text: string,
  ) {
    const first = diagnostics[0]!;
    const start = new LineMap(text).position(first.span.start);
    const more = diagnostics.length > 1 ? ` (and ${diagnostics.length - 1} more)` : "";
    super(`${first.code}: ${first.message}${more} (${start.line}:${start.column})`);
    this.name = "ArpSyntaxError";
    this.loc = { start };
  }
}

/** The root prettier works on: the file, with comments in the shape prettier's attacher wants. */
export type FormatRoot = SourceFile & { comments: AttachedComment[] };

export function parseForFormat(text: string, file = "input.arp"): FormatRoot {
  const { ast, diagnostics } = parse(text, file);
  const errors = diagnostics.filter((d) => d.severity === "error");
  if (errors.length > 0) throw new ArpSyntaxError(errors, text);
  const comments = ast.comments.map((c): AttachedComment => ({ ...c, value: c.text }));
  const root: FormatRoot = { ...ast, comments };
  rememberComments(root, comments);
  return root;
}

export const arpParser: Parser<Node> = {
  astFormat: "arp-ast",
  parse: (text, options) => parseForFormat(text, options.filepath ?? "input.arp") as Node,
  locStart: (node) => node.span.start,
  locEnd: (node) => node.span.end,
};
