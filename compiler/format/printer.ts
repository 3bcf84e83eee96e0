/**
 * The `arp-ast` printer: one printer per AST kind (merged from the per-family maps, checked
 * complete by `NodePrinters`), each node's comments around it, and the comment attachment rules
 * of `comments.ts`.
 */
import type { AstPath, Doc, Printer } from "prettier";
import { canAttachComment, getCommentChildNodes, handleComments, isBlockComment, preprocess } from "./comments.js";
import { commentDoc, printLeading, printTrailing } from "./commentDocs.js";
import { conditionPrinters } from "./printConditions.js";
import { declarationPrinters } from "./printDeclarations.js";
import { statementPrinters } from "./printStatements.js";
import { testPrinters } from "./printTests.js";
import { valuePrinters } from "./printValues.js";
import type { ArpOptions, AttachedComment, Node, NodePrinter, NodePrinters, PrintArgs, PrintFn } from "./types.js";

export const nodePrinters: NodePrinters = {
  ...valuePrinters,
  ...conditionPrinters,
  ...statementPrinters,
  ...declarationPrinters,
  ...testPrinters,
};

/** A node with its comments: leading before it, trailing after it, unless the parent places them. */
function print(path: AstPath<Node>, options: ArpOptions, printPath: PrintFn, args?: unknown): Doc {
  const node = path.node;
  const printed = (nodePrinters[node.kind] as NodePrinter<Node>)(path, options, printPath);
  if (node.kind === "File" || node.kind === "Comment") return printed;
  const { leading = true, trailing = true } = (args ?? {}) as PrintArgs;
  return [leading ? printLeading(node) : "", printed, trailing ? printTrailing(node) : ""];
}

/** Keys holding child nodes (spans and comments are not children). */
function getVisitorKeys(node: Node, nonTraversable: Set<string>): string[] {
  return Object.keys(node).filter((key) => {
    if (nonTraversable.has(key) || key === "span" || key.endsWith("Span")) return false;
    const value = (node as unknown as Record<string, unknown>)[key];
    return value !== null && typeof value === "object";
  });
}

/** For `prettier --debug-check`: trees compare without spans; comments by their text. */
function massageAstNode(original: Node, cloned: Record<string, unknown>): void {
  if (original.kind === "File") cloned.comments = (original.comments ?? []).map((c) => c.text.trimEnd());
}
massageAstNode.ignoredProperties = new Set(["span", "effectSpan", "operatorSpan"]);

export const arpPrinter: Printer<Node> = {
  print: print as Printer<Node>["print"],
  canAttachComment,
  getCommentChildNodes,
  handleComments: handleComments as Printer<Node>["handleComments"],
  isBlockComment,
  preprocess,
  getVisitorKeys,
  massageAstNode: massageAstNode as Printer<Node>["massageAstNode"],
  // Every printer places its children's comments (see `commentDocs.ts`).
  willPrintOwnComments: () => true,
  printComment: (path) => commentDoc(path.node as unknown as AttachedComment),
};
