/**
 * Where comments go. prettier's attacher finds, for each comment, the innermost node that
 * encloses it and the attachable nodes just before and after it; `handleComments` then decides
 * here, for every comment, which node carries it and whether it prints before (leading), after
 * (trailing) or inside (dangling) that node. The rules keep every comment, in order, next to
 * the token it followed or preceded, and make the decision stable: formatting the output again
 * attaches each comment to the same place, which is what makes formatting idempotent.
 *
 * - Inside a block (`policy`, `role`, `test`, the file): a comment in the header or on the line
 *   of `{` goes after `{`; comments on their own lines belong to the next item, or after the
 *   last item, or to an empty block's body.
 * - Inside a one-line declaration (`param`, `import`, `use`, `attach`): after it.
 * - Before the first action of a statement (first principal of `trust`, action of `expect`):
 *   if a line comment is among them, all of them go above the statement.
 * - Elsewhere, as prettier does: a comment on its own line leads the next node, one at the end
 *   of a line trails the previous one, one between two nodes on a line leads the next node if
 *   only spaces or `(` separate them, else trails the previous one.
 *   Once a comment between two nodes leads the next one, the later ones there do too (order).
 * - A comment that would lead the first part of a node (or trail its last part) leads (trails)
 *   the node itself, so dropping or adding parentheses cannot move it into another group.
 * - After attachment (`preprocess`), comments that trail a node after a line comment, so on
 *   lines of their own, lead the next node instead, as they would when the output is read.
 */
import { util } from "prettier";
import type { AnyNode, Comment, Comparison, SourceFile } from "../../grammar/ast.js";
import type { AttachedComment, Node } from "./types.js";

/** `tag keys within [...]` / `tag keys include [...]`: `all`/`any` + `in` on tag keys, written without the quantifier. */
export function isTagKeysSetForm(node: Comparison): boolean {
  return node.key.form === "tagKeys" && node.operator === "in" && node.quantifier !== undefined && !node.ignoreCase && !node.ifExists;
}

/** Whether the comparison is printed starting with `any` / `all`. */
export function printsQuantifier(node: Comparison): boolean {
  return node.quantifier !== undefined && !isTagKeysSetForm(node);
}

const notAttachable = new Set<string>(["Comment", "Text", "Interpolation", "Actions", "Resources", "Principals", "File"]);

/** Statements' clauses are containers, not anchors: their items carry the comments. */
export function canAttachComment(node: unknown): boolean {
  const kind = (node as { kind?: unknown } | null)?.kind;
  return typeof kind === "string" && !notAttachable.has(kind);
}

/** The AST nodes directly below `node` (through plain objects such as an expectation's `as`). */
export function childNodes(node: object): Node[] {
  const out: Node[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value !== null && typeof value === "object") {
      if (typeof (value as { kind?: unknown }).kind === "string") out.push(value as Node);
      else for (const [k, v] of Object.entries(value)) if (isChildKey(k)) visit(v);
    }
  };
  for (const [k, v] of Object.entries(node)) if (isChildKey(k)) visit(v);
  return out.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
}

function isChildKey(key: string): boolean {
  return key !== "span" && !key.endsWith("Span") && key !== "comments";
}

export function getCommentChildNodes(node: Node): Node[] {
  return childNodes(node);
}

// ---- per-file state ----------------------------------------------------------------------

const fileComments = new WeakMap<object, readonly Comment[]>();
const parents = new WeakMap<object, WeakMap<object, Node>>();

/** prettier removes `comments` from the root before attaching; keep them for look-ups. */
export function rememberComments(root: SourceFile, comments: readonly Comment[]): void {
  fileComments.set(root, comments);
}

function parentOf(root: Node, node: Node): Node | undefined {
  let map = parents.get(root);
  if (map === undefined) {
    const built = new WeakMap<object, Node>();
    const walk = (n: Node): void => {
      for (const child of childNodes(n)) {
        built.set(child, n);
        walk(child);
      }
    };
    walk(root);
    parents.set(root, built);
    map = built;
  }
  return map.get(node);
}

// ---- first and last parts ------------------------------------------------------------------

/** The child whose doc starts `node`'s doc, if a child does. */
function firstPart(node: Node): Node | undefined {
  switch (node.kind) {
    case "And":
    case "Or":
      return node.operands[0];
    case "Compare":
      return printsQuantifier(node) ? undefined : node.key;
    case "Exists":
    case "Truthy":
    case "ContextEntry":
      return node.key;
    case "Statement":
      return node.label;
    default:
      return undefined;
  }
}

/** The child whose doc ends `node`'s doc, if a child does. */
function lastPart(node: Node): Node | undefined {
  switch (node.kind) {
    case "And":
    case "Or":
      return node.operands[node.operands.length - 1];
    case "Not":
      return node.operand;
    case "Truthy":
      return node.key;
    case "ContextEntry":
      return node.value;
    case "Compare":
      return node.ignoreCase || node.ifExists ? undefined : node.value;
    case "Variable":
      return node.defaultValue;
    case "Principal":
      return node.value;
    case "Statement":
      return node.condition ?? node.principals?.items.at(-1) ?? node.resources?.items.at(-1) ?? node.actions.items.at(-1);
    case "Trust":
      return node.condition ?? node.actions?.at(-1) ?? node.principals.at(-1);
    case "Expect":
      return node.context.at(-1) ?? node.principal?.value ?? node.resource;
    default:
      return undefined;
  }
}

function hoist(root: Node, node: Node, part: (n: Node) => Node | undefined): Node {
  let current = node;
  for (;;) {
    const parent = parentOf(root, current);
    if (parent === undefined || part(parent) !== current) return current;
    current = parent;
  }
}

// ---- the decision --------------------------------------------------------------------------

type Kind = Node["kind"];
const blockKinds = new Set<Kind>(["Policy", "Role", "User", "Group", "Test", "File"]);
const oneLiners = new Set<Kind>(["Param", "Import", "Use", "Attach", "MemberOf"]);

/** The items of a block, in order. */
export function blockItems(node: Node): readonly Node[] {
  switch (node.kind) {
    case "File":
    case "Policy":
    case "Role":
    case "User":
    case "Group":
      return node.items;
    case "Test":
      return node.expectations;
    default:
      return [];
  }
}

function headerEnd(block: Node): number {
  switch (block.kind) {
    case "Policy":
    case "Role":
    case "User":
    case "Group":
      return (block.description ?? block.name).span.end;
    case "Test":
      return (block.policies?.at(-1) ?? block.name).span.end;
    default:
      return block.span.start;
  }
}

/** Where a block's `{` is: the first character after its header that is not a comment. */
export function openBrace(block: Node, text: string): number {
  const at = util.getNextNonSpaceNonCommentCharacterIndex(text, headerEnd(block));
  return at === false ? block.span.end : at;
}

/** Where the statement's content starts: comments before it may move above the statement. */
function contentStart(node: Node): number | undefined {
  switch (node.kind) {
    case "Statement":
      return (node.actions.items[0] ?? node.actions).span.start;
    case "Trust":
      return (node.principals[0] ?? node).span.start;
    case "Expect":
      return node.action.span.start;
    default:
      return undefined;
  }
}

function hasLineCommentIn(root: Node, from: number, to: number): boolean {
  return (fileComments.get(root) ?? []).some((c) => !c.block && c.span.start >= from && c.span.start < to);
}

/** Source text between two nodes with its comments taken out (such a gap holds no strings). */
function withoutComments(gap: string): string {
  return gap.replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, "");
}

/** Only spaces, `(` and other comments between `from` and `to`. */
function isOpenGap(text: string, from: number, to: number): boolean {
  return /^[\s(]*$/.test(withoutComments(text.slice(from, to)));
}

function attach(comment: AttachedComment, text: string, root: Node): boolean {
  const container = (comment.enclosingNode as Node | undefined) ?? root;
  if (blockKinds.has(container.kind) && attachInBlock(comment, container, text)) return true;
  if (oneLiners.has(container.kind)) return util.addTrailingComment(container, comment);
  const start = contentStart(container);
  if (start !== undefined && comment.span.start < start && hasLineCommentIn(root, container.span.start, start)) {
    return util.addLeadingComment(container, comment);
  }
  return attachDefault(comment, container, text, root);
}

/** Nodes that a comment before them already leads: later comments there must lead them too. */
const ledNodes = new WeakSet<object>();

function attachDefault(comment: AttachedComment, container: Node, text: string, root: Node): boolean {
  const prev = comment.precedingNode as Node | undefined;
  const next = comment.followingNode as Node | undefined;
  const lead = (node: Node) => {
    ledNodes.add(node);
    return util.addLeadingComment(hoist(root, node, firstPart), comment);
  };
  const trail = (node: Node) => util.addTrailingComment(hoist(root, node, lastPart), comment);
  if (prev !== undefined && next !== undefined) {
    // Comments keep their order: none may trail `prev` once one before it leads `next`.
    if (ledNodes.has(next)) return lead(next);
    if (comment.placement === "ownLine") return lead(next);
    if (comment.placement === "endOfLine") return trail(prev);
    return isOpenGap(text, comment.span.end, next.span.start) ? lead(next) : trail(prev);
  }
  if (prev !== undefined) return trail(prev);
  if (next !== undefined) return lead(next);
  if (container.kind === "List" || blockKinds.has(container.kind)) return util.addDanglingComment(container, comment, "body");
  // Inside a node with no children to hold it (`request /* c */ tag team`): after the node.
  return trail(container);
}

/** Comments whose innermost enclosing node is a block (or the file); false: the default rules. */
function attachInBlock(comment: AttachedComment, block: Node, text: string): boolean {
  const items = blockItems(block);
  const at = comment.span.start;
  if (block.kind !== "File") {
    const brace = openBrace(block, text);
    const beforeItems = items.length === 0 || at < items[0]!.span.start;
    if (at < brace || (beforeItems && !/\n/.test(withoutComments(text.slice(brace, at))))) {
      return util.addDanglingComment(block, comment, "brace");
    }
    if (beforeItems) {
      return items.length === 0 ? util.addDanglingComment(block, comment, "body") : util.addLeadingComment(items[0], comment);
    }
  } else if (items.length === 0) {
    return util.addDanglingComment(block, comment, "body");
  }
  const last = items[items.length - 1]!;
  if (at >= last.span.end) {
    return comment.placement === "ownLine"
      ? util.addDanglingComment(block, comment, "end")
      : util.addTrailingComment(last, comment);
  }
  return false;
}

export const handleComments = {
  ownLine: (comment: AttachedComment, text: string, _options: unknown, ast: Node) => attach(comment, text, ast),
  endOfLine: (comment: AttachedComment, text: string, _options: unknown, ast: Node) => attach(comment, text, ast),
  remaining: (comment: AttachedComment, text: string, _options: unknown, ast: Node) => attach(comment, text, ast),
};

export function isBlockComment(comment: AnyNode): boolean {
  return comment.kind === "Comment" && comment.block;
}

/** The children prettier's attacher sees: attachable nodes, found through the clause containers. */
function anchorChildren(node: Node): Node[] {
  return childNodes(node).flatMap((c) => (canAttachComment(c) ? [c] : anchorChildren(c)));
}

/**
 * After attachment: a node's first trailing line comment ends its line, so the comments that
 * trail it after that one stand on later lines. Read again, such a comment would lead the next
 * node, so it leads that node now (or, after a block's last item, closes the block); with no
 * next node it stays where it is, which is also where it would attach again.
 */
export function preprocess(root: Node): Node {
  const visit = (node: Node): void => {
    const children = anchorChildren(node);
    children.forEach((child, i) => {
      moveCommentsAfterLineComment(child, children[i + 1], node, root);
      visit(child);
    });
  };
  visit(root);
  return root;
}

function moveCommentsAfterLineComment(node: Node, next: Node | undefined, parent: Node, root: Node): void {
  const comments = node.comments ?? [];
  const trailing = comments.filter((c) => c.trailing === true);
  const firstLine = trailing.findIndex((c) => !c.block);
  const moved = firstLine < 0 ? [] : trailing.slice(firstLine + 1);
  if (moved.length === 0) return;
  const closesBlock = next === undefined && blockKinds.has(parent.kind);
  if (next === undefined && !closesBlock) return;
  node.comments = comments.filter((c) => !moved.includes(c));
  const target = next !== undefined ? hoist(root, next, firstPart) : parent;
  for (const c of moved) {
    c.trailing = false;
    c.leading = next !== undefined;
    if (next === undefined) c.marker = "end";
  }
  target.comments = [...moved, ...(target.comments ?? [])].sort((a, b) => a.span.start - b.span.start);
}
