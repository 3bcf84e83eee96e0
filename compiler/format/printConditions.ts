/**
 * Printers for conditions. `and`/`or` chains stay on one line when they fit; otherwise every
 * operand after the first starts a line with its operator, indented under `when`, and the
 * operands of a broken `and` inside a broken `or` are indented once more. Parentheses are
 * printed only where precedence needs them (`and` binds tighter than `or`, `not` tightest), so
 * the tree read back is the tree printed: the AST has no node for parentheses.
 */
import { type AstPath, doc, type Doc } from "prettier";
import type { AndExpr, Condition, OrExpr } from "../../grammar/ast.js";
import { isTagKeysSetForm, printsQuantifier } from "./comments.js";
import { gap, gapThen, inline, leadingComments, ownLines, printLeading, printTrailing, startsLine } from "./commentDocs.js";
import type { NodePrinters, PrintFn } from "./types.js";

const { group, indent, line } = doc.builders;

type ConditionPrinters = Pick<NodePrinters, "Compare" | "Exists" | "Truthy" | "Not" | "And" | "Or">;

/** Parentheses around `child` as an operand of `parent`. */
export function needsParens(parent: Condition["kind"], child: Condition["kind"]): boolean {
  if (parent === "And" || parent === "Not") return child === "And" || child === "Or";
  if (parent === "Or") return child === "Or";
  return false;
}

/** The operand at `path`: in parentheses when needed, its comments outside them. */
function operand(path: AstPath<Condition>, print: PrintFn, parent: Condition["kind"], withLeading: boolean): Doc {
  const node = path.node;
  if (!needsParens(parent, node.kind)) return print(undefined, { leading: withLeading });
  return [withLeading ? printLeading(node) : "", "(", print(undefined, { leading: false, trailing: false }), ")", printTrailing(node)];
}

function printChain(path: AstPath<AndExpr | OrExpr>, print: PrintFn, keyword: "and" | "or"): Doc {
  const kind = path.node.kind;
  const parts = path.map((p, i) => {
    const node = p.node;
    if (i === 0) return indent(operand(p, print, kind, true));
    const leading = leadingComments(node);
    const body = operand(p, print, kind, false);
    // A line comment before an operand goes above its operator; block comments stay after it.
    if (startsLine(node)) return indent([line, ownLines(leading), keyword, " ", body]);
    return indent([line, keyword, " ", inline(leading), body]);
  }, "operands");
  return group(parts);
}

export const conditionPrinters: ConditionPrinters = {
  Compare: (path, _options, print) => {
    const { node } = path;
    // `tag keys within [...]` / `tag keys include [...]` are `all`/`any` + `in` on tag keys.
    const setForm = isTagKeysSetForm(node);
    const parts: Doc[] = [];
    if (printsQuantifier(node)) parts.push(node.quantifier!, gap(undefined, node.key, " "));
    const operator = setForm ? (node.quantifier === "all" ? "within" : "include") : node.operator;
    parts.push(print("key"), gap(node.key, undefined, " "), operator, gapThen(undefined, node.value, " ", print("value")));
    if (node.ignoreCase) parts.push(gap(node.value, undefined, " "), "ignoring case");
    if (node.ifExists) parts.push(node.ignoreCase ? " " : gap(node.value, undefined, " "), "if exists");
    return parts;
  },
  Exists: (path, _options, print) => [print("key"), gap(path.node.key, undefined, " "), path.node.missing ? "missing" : "exists"],
  Truthy: (_path, _options, print) => print("key"),
  Not: (path, _options, print) => {
    const { node } = path;
    return ["not", gapThen(undefined, node.operand, " ", path.call((p) => operand(p, print, "Not", true), "operand"))];
  },
  And: (path, _options, print) => printChain(path, print, "and"),
  Or: (path, _options, print) => printChain(path, print, "or"),
};
