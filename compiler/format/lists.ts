/**
 * Comma-separated lists that wrap: actions, resources, principals, trust actions, test
 * policies and `with` entries. Items fill each line up to the print width; a line comment after
 * an item (or before the next) ends the line there.
 */
import { type AstPath, doc, type Doc } from "prettier";
import { gap, inline, leadingComments, ownLines, startsLine } from "./commentDocs.js";
import type { Node, PrintFn } from "./types.js";

const { align, fill, line } = doc.builders;

export interface FillOptions {
  /** The item whose trailing comments the caller prints (after the enclosing group). */
  readonly last?: Node | undefined;
  /** Whether the first item's leading comments are printed here (else the caller did). */
  readonly firstLeading: boolean;
}

/** `a, b, c` filling lines; `key` names the array of `path.node`. */
export function commaFill(path: AstPath<Node>, print: PrintFn, key: string, options: FillOptions): Doc {
  const nodes = (path.node as unknown as Record<string, readonly Node[]>)[key] ?? [];
  const parts: Doc[] = [];
  path.each((p, i) => {
    const node = p.node as Node;
    if (i > 0) parts.push([",", gap(nodes[i - 1], node, line)]);
    parts.push(print(undefined, { leading: i > 0 || options.firstLeading, trailing: node !== options.last }));
  }, key as never);
  return fill(parts);
}

/**
 * `keyword a, b, c` with the items aligned under the first. A line comment before the first
 * item stands above the keyword; block comments stay after it.
 */
export function keywordList(path: AstPath<Node>, print: PrintFn, key: string, keyword: string, last: Node | undefined): Doc {
  const first = ((path.node as unknown as Record<string, readonly Node[]>)[key] ?? [])[0];
  const lines = startsLine(first);
  const leading = leadingComments(first);
  return [
    lines ? ownLines(leading) : "",
    keyword,
    " ",
    lines ? "" : inline(leading),
    align(keyword.length + 1, commaFill(path, print, key, { last, firstLeading: false })),
  ];
}

/** `keyword item` for one child (`on r`, `when c`), comments placed as in `keywordList`. */
export function keywordItem(print: PrintFn, selector: string | Array<string | number>, node: Node, keyword: string, trailing = true): Doc {
  const lines = startsLine(node);
  const leading = leadingComments(node);
  return [lines ? ownLines(leading) : "", keyword, " ", lines ? "" : inline(leading), print(selector, { leading: false, trailing })];
}
