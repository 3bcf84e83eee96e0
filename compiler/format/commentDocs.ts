/**
 * Docs for comments. The printers print every comment themselves (`willPrintOwnComments`), with
 * these helpers: a block comment stays inline, a line comment ends its line. Where a line
 * comment sits between two tokens, the printer asks `gap` for the separator, which is then a
 * line break whatever the layout, so the comment stays after (or before) the same token.
 */
import { doc, type Doc } from "prettier";
import type { AttachedComment, DanglingMarker, Node } from "./types.js";

const { breakParent, hardline, indent, join, lineSuffix, literalline } = doc.builders;

export function commentsOf(node: Node | undefined): readonly AttachedComment[] {
  return node?.comments ?? [];
}

export function leadingComments(node: Node | undefined): AttachedComment[] {
  return commentsOf(node).filter((c) => c.leading === true);
}

export function trailingComments(node: Node | undefined): AttachedComment[] {
  return commentsOf(node).filter((c) => c.trailing === true);
}

export function danglingComments(node: Node | undefined, marker: DanglingMarker): AttachedComment[] {
  return commentsOf(node).filter((c) => c.leading !== true && c.trailing !== true && c.marker === marker);
}

export function hasLineComment(comments: readonly AttachedComment[]): boolean {
  return comments.some((c) => !c.block);
}

/**
 * One comment as written. A line comment loses trailing spaces; the lines of a block comment
 * are kept exactly (no re-indentation), apart from trailing spaces.
 */
export function commentDoc(comment: AttachedComment): Doc {
  comment.printed = true;
  if (!comment.block) return comment.text.trimEnd();
  const lines = comment.text.split("\n");
  if (lines.length === 1) return comment.text;
  return join(
    literalline,
    lines.map((l, i) => (i < lines.length - 1 ? l.trimEnd() : l)),
  );
}

/** Comments each followed by a line break: they stand on their own lines before a node. */
export function ownLines(comments: readonly AttachedComment[]): Doc {
  return comments.map((c) => [commentDoc(c), hardline]);
}

/** Block comments inline before a node: `/* c *\/ node`. */
export function inline(comments: readonly AttachedComment[]): Doc {
  return comments.map((c) => [commentDoc(c), " "]);
}

/** A node's leading comments: inline when all are block comments, else on their own lines. */
export function printLeading(node: Node | undefined): Doc {
  const comments = leadingComments(node);
  if (comments.length === 0) return "";
  return hasLineComment(comments) ? ownLines(comments) : inline(comments);
}

/**
 * A node's trailing comments: block comments inline, then from the first line comment on, at
 * the end of the line (after any `,` that follows the node); the line then has to break.
 */
export function printTrailing(node: Node | undefined): Doc {
  const comments = trailingComments(node);
  if (comments.length === 0) return "";
  const firstLine = comments.findIndex((c) => !c.block);
  const inlined = (firstLine < 0 ? comments : comments.slice(0, firstLine)).map((c) => [" ", commentDoc(c)]);
  if (firstLine < 0) return inlined;
  const rest: Doc[] = [];
  let afterLineComment = false;
  for (const c of comments.slice(firstLine)) {
    rest.push(afterLineComment ? hardline : " ", commentDoc(c));
    afterLineComment = !c.block;
  }
  return [inlined, lineSuffix(rest), breakParent];
}

/** True when the node's trailing comments end its line. */
export function endsLine(node: Node | undefined): boolean {
  return hasLineComment(trailingComments(node));
}

/** True when the node's leading comments stand on their own lines. */
export function startsLine(node: Node | undefined): boolean {
  return hasLineComment(leadingComments(node));
}

/**
 * The separator between two tokens: `normal`, or a line break when a line comment trails
 * `before` or leads `after`.
 */
export function gap(before: Node | undefined, after: Node | undefined, normal: Doc): Doc {
  return endsLine(before) || startsLine(after) ? hardline : normal;
}

/** `normal` then `rest`; when a line comment forces a break there, `rest` is indented below. */
export function gapThen(before: Node | undefined, after: Node | undefined, normal: Doc, rest: Doc): Doc {
  return endsLine(before) || startsLine(after) ? indent([hardline, rest]) : [normal, rest];
}
