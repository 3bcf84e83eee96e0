/**
 * Types shared by the formatter's printers. Every AST kind has exactly one printer: the map
 * type `NodePrinters` is keyed by `AnyNode["kind"]`, so a kind without a printer (or a printer
 * for a kind that does not exist) is a compile error where the per-family maps are merged.
 */
import type { AstPath, Doc, ParserOptions } from "prettier";
import type { AnyNode, Comment } from "../../grammar/ast.js";

/** A comment after prettier's attachment pass has placed it on a node. */
export interface AttachedComment extends Comment {
  /** prettier reports an unprinted comment by this text. */
  readonly value: string;
  leading?: boolean;
  trailing?: boolean;
  /** For dangling comments of blocks: where in the block they go. */
  marker?: DanglingMarker;
  printed?: boolean;
  placement?: "ownLine" | "endOfLine" | "remaining";
  enclosingNode?: AnyNode;
  precedingNode?: AnyNode;
  followingNode?: AnyNode;
}

/**
 * `brace`: on the line of a block's `{` (comments written in the block's header move there);
 * `body`: on their own lines in a block with no items; `end`: on their own lines after the last
 * item of a block or file.
 */
export type DanglingMarker = "brace" | "body" | "end";

/** Any AST node as the printer sees it: prettier adds the comments attached to it. */
export type Node = AnyNode & { comments?: AttachedComment[] };

export type ArpOptions = ParserOptions<Node>;

/** What a parent may pass when printing a child: leave out its leading or trailing comments. */
export interface PrintArgs {
  readonly leading?: boolean;
  readonly trailing?: boolean;
}

export type PrintFn = (selector?: string | number | Array<string | number> | AstPath<Node>, args?: PrintArgs) => Doc;

type NodeOfKind<K extends AnyNode["kind"]> = Extract<AnyNode, { kind: K }>;

/** Prints one node (without its comments, which `printer.ts` adds around it). */
export type NodePrinter<N extends AnyNode> = (path: AstPath<N>, options: ArpOptions, print: PrintFn) => Doc;

/** One printer per AST kind. */
export type NodePrinters = { readonly [K in AnyNode["kind"]]: NodePrinter<NodeOfKind<K>> };
