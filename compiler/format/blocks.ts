/**
 * Blocks: the file, and the bodies of `policy`, `role` and `test`. One item per line; blank
 * lines between items are kept (at most one), and the file puts one between any two items when
 * either is a block. An item's leading comments stand on the lines above it (a blank line
 * after them is kept), its trailing comments end its last line. Comments of an empty block, and
 * after the last item, keep their own lines.
 */
import { type AstPath, doc, type Doc, util } from "prettier";
import { blockItems } from "./comments.js";
import { commentDoc, danglingComments, leadingComments, printTrailing } from "./commentDocs.js";
import type { ArpOptions, AttachedComment, Node, PrintFn } from "./types.js";

const { hardline, indent, join } = doc.builders;

/** One line (or several) of a block, and whether a blank line precedes it in the source. */
interface Entry {
  readonly doc: Doc;
  readonly start: number;
  readonly node?: Node;
}

/** When `true`, a blank line always separates the two items. */
export type BlankRule = (before: Node, after: Node) => boolean;

const never: BlankRule = () => false;

/** The comments above an item, each on its own line (or inline before it, as written). */
function printItemLeading(comments: readonly AttachedComment[], text: string): Doc {
  return comments.map((c) => {
    const parts: Doc[] = [commentDoc(c)];
    if (c.block && !util.hasNewline(text, c.span.end)) parts.push(" ");
    else parts.push(hardline);
    const next = util.skipNewline(text, util.skipSpaces(text, c.span.end) as number);
    if (next !== false && util.hasNewline(text, next)) parts.push(hardline);
    return parts;
  });
}

function itemEntry(path: AstPath<Node>, print: PrintFn, text: string): Entry {
  const node = path.node;
  const leading = leadingComments(node);
  const doc: Doc = [printItemLeading(leading, text), print(undefined, { leading: false, trailing: false }), printTrailing(node)];
  return { doc, start: Math.min(node.span.start, ...leading.map((c) => c.span.start)), node };
}

function commentEntries(comments: readonly AttachedComment[]): Entry[] {
  return comments.map((c) => ({ doc: commentDoc(c), start: c.span.start }));
}

function joinEntries(entries: readonly Entry[], text: string, blank: BlankRule): Doc {
  return entries.map((e, i) => {
    if (i === 0) return e.doc;
    const previous = entries[i - 1]!;
    const forced = previous.node !== undefined && e.node !== undefined && blank(previous.node, e.node);
    return [hardline, forced || util.isPreviousLineEmpty(text, e.start) ? hardline : "", e.doc];
  });
}

/** The lines of a block's body: items (or the empty body's comments), then closing comments. */
export function printBody(path: AstPath<Node>, options: ArpOptions, print: PrintFn, blank: BlankRule = never): Doc {
  const text = options.originalText;
  const node = path.node;
  const key = node.kind === "Test" ? "expectations" : "items";
  const items = path.map((p) => itemEntry(p as AstPath<Node>, print, text), key as never) as Entry[];
  const entries = [...commentEntries(danglingComments(node, "body")), ...items, ...commentEntries(danglingComments(node, "end"))];
  return joinEntries(entries, text, blank);
}

/**
 * `header {` + body + `}`, or `header {}` when there is nothing inside. Comments written in
 * the header, or on the line of `{`, follow `{`; after the first line comment among them, the
 * rest start the body.
 */
export function printBlock(path: AstPath<Node>, options: ArpOptions, print: PrintFn, header: Doc): Doc {
  const node = path.node;
  const brace = danglingComments(node, "brace");
  const hasBody = blockItems(node).length > 0 || danglingComments(node, "body").length > 0 || danglingComments(node, "end").length > 0;
  if (brace.length === 0 && !hasBody) return [header, " {}"];
  const firstLine = brace.findIndex((c) => !c.block);
  const onBraceLine = firstLine < 0 ? brace : brace.slice(0, firstLine + 1);
  const below = firstLine < 0 ? [] : brace.slice(firstLine + 1);
  const lines: Doc[] = below.map(commentDoc);
  if (hasBody) lines.push(printBody(path, options, print));
  const inner = lines.length > 0 ? indent([hardline, join(hardline, lines)]) : "";
  return [header, " {", onBraceLine.map((c) => [" ", commentDoc(c)]), inner, hardline, "}"];
}

/** The file: its items (or its comments), then a final line break. */
export function printFileBody(path: AstPath<Node>, options: ArpOptions, print: PrintFn, blank: BlankRule): Doc {
  const body = printBody(path, options, print, blank);
  const node = path.node;
  const empty = blockItems(node).length === 0 && danglingComments(node, "body").length === 0 && danglingComments(node, "end").length === 0;
  return empty ? "" : [body, hardline];
}
