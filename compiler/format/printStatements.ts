/**
 * Printers for statements: `["Label": ] allow|deny actions [on resources] [principal ...]
 * [when condition]`. The whole statement stays on one line when it fits. Otherwise its head
 * (label, effect, actions) keeps one line if it can, the action list wrapping with a hanging
 * indent of four; `on`, `principal` and `when` each start a line indented by two, their lists
 * aligned under the first item.
 */
import { doc, type Doc } from "prettier";
import type { Statement } from "../../grammar/ast.js";
import { gap, gapThen, printTrailing } from "./commentDocs.js";
import { commaFill, keywordItem, keywordList } from "./lists.js";
import type { Node, NodePrinters } from "./types.js";

const { group, indent, line } = doc.builders;

type StatementPrinters = Pick<NodePrinters, "Statement" | "Actions" | "Resources" | "Principals" | "Principal" | "Use">;

/** The last node of a statement's head, whose trailing comments follow the head's group. */
export function headEnd(statement: Statement): Node | undefined {
  return statement.principals?.items.at(-1) ?? statement.resources?.items.at(-1) ?? statement.actions.items.at(-1);
}

function parentStatement(parent: unknown): Statement | undefined {
  return (parent as Node | null)?.kind === "Statement" ? (parent as Statement) : undefined;
}

export const statementPrinters: StatementPrinters = {
  Statement: (path, _options, print) => {
    const { node } = path;
    const head: Doc[] = [];
    if (node.label !== undefined) head.push(print("label"), ":", gap(node.label, undefined, " "));
    head.push(node.effect, " ", print("actions"));
    if (node.resources !== undefined) head.push(indent([line, print("resources")]));
    if (node.principals !== undefined) head.push(indent([line, print("principals")]));
    const parts: Doc[] = [group(head), printTrailing(headEnd(node))];
    if (node.condition !== undefined) parts.push(indent([line, keywordItem(print, "condition", node.condition, "when")]));
    return group(parts);
  },
  Actions: (path, _options, print) => {
    const last = parentStatement(path.parent) ? headEnd(parentStatement(path.parent)!) : undefined;
    const items = commaFill(path as never, print, "items", { last, firstLeading: true });
    return [path.node.except ? "* except " : "", indent(indent(items))];
  },
  Resources: (path, _options, print) => {
    const last = parentStatement(path.parent) ? headEnd(parentStatement(path.parent)!) : undefined;
    return keywordList(path as never, print, "items", path.node.negated ? "not on" : "on", last);
  },
  Principals: (path, _options, print) => {
    const last = parentStatement(path.parent) ? headEnd(parentStatement(path.parent)!) : undefined;
    return keywordList(path as never, print, "items", "principal", last);
  },
  Principal: (path, _options, print) => {
    const { node } = path;
    if (node.value === undefined) return node.principalKind;
    return [node.principalKind, gapThen(undefined, node.value, " ", print("value"))];
  },
  Use: (_path, _options, print) => ["use ", print("name")],
};
