/**
 * Printers for the file and its declarations: `param`, `import`, `policy`, `role` with its
 * `trust` and `attach` lines, `user` (with its `group` line) and `group`. A `trust` line is laid out like a statement: principals, then
 * `to` actions, then `when`.
 */
import { doc, type Doc } from "prettier";
import { printBlock, printFileBody } from "./blocks.js";
import { commentDoc, printTrailing } from "./commentDocs.js";
import { commaFill, keywordItem, keywordList } from "./lists.js";
import type { Node, NodePrinters } from "./types.js";

const { align, group, indent, line } = doc.builders;

type DeclarationPrinters = Pick<NodePrinters, "File" | "Comment" | "Param" | "Import" | "Policy" | "Role" | "User" | "Group" | "MemberOf" | "Trust" | "Attach">;

const blockKinds = new Set<Node["kind"]>(["Policy", "Role", "User", "Group", "Test"]);

/** Top-level blocks are set apart by a blank line. */
const blankAroundBlocks = (before: Node, after: Node) => blockKinds.has(before.kind) || blockKinds.has(after.kind);

function describedHeader(keyword: string, node: { description?: unknown }, print: (s: string) => Doc): Doc {
  return [keyword, " ", print("name"), node.description !== undefined ? [" ", print("description")] : ""];
}

export const declarationPrinters: DeclarationPrinters = {
  File: (path, options, print) => printFileBody(path as never, options, print, blankAroundBlocks),
  Comment: (path) => commentDoc(path.node as never),
  Param: (path, _options, print) => ["param ", print("name"), path.node.defaultValue !== undefined ? [" = ", print("defaultValue")] : ""],
  Import: (_path, _options, print) => ["import ", print("path")],
  Policy: (path, options, print) => printBlock(path as never, options, print, describedHeader("policy", path.node, print)),
  Role: (path, options, print) => printBlock(path as never, options, print, describedHeader("role", path.node, print)),
  User: (path, options, print) => printBlock(path as never, options, print, describedHeader("user", path.node, print)),
  Group: (path, options, print) => printBlock(path as never, options, print, describedHeader("group", path.node, print)),
  MemberOf: (path, _options, print) => {
    const last = path.node.groups.at(-1);
    return [keywordList(path as never, print, "groups", "group", last), printTrailing(last)];
  },
  Trust: (path, _options, print) => {
    const { node } = path;
    const last = node.actions?.at(-1) ?? node.principals.at(-1);
    const head: Doc[] = [node.effect === "deny" ? "deny trust " : "trust ", align(node.effect === "deny" ? 11 : 6, commaFill(path as never, print, "principals", { last, firstLeading: true }))];
    if (node.actions !== undefined) head.push(indent([line, keywordList(path as never, print, "actions", "to", last)]));
    const parts: Doc[] = [group(head), printTrailing(last)];
    if (node.condition !== undefined) parts.push(indent([line, keywordItem(print, "condition", node.condition, "when")]));
    return group(parts);
  },
  // `attach Name` must stay bare (quoted, it would name an ARN); its comments follow the line.
  Attach: (path, _options, print) => ["attach ", path.node.target.kind === "Identifier" ? path.node.target.name : print("target")],
};
