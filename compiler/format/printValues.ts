/**
 * Printers for names, strings, patterns, values and condition keys: single tokens, written in
 * their canonical spelling, and lists of values (`["a", "b"]`; when a list does not fit, its
 * values fill the lines between `[` and `]`, indented, with a trailing comma).
 */
import { doc, type Doc } from "prettier";
import { commentDoc, danglingComments, gap, gapThen, hasLineComment } from "./commentDocs.js";
import { escapeText, interpolationText, nameText, stringText, tagNameText } from "./names.js";
import type { NodePrinters } from "./types.js";

const { fill, group, hardline, ifBreak, indent, join, line, softline } = doc.builders;

type ValuePrinters = Pick<
  NodePrinters,
  "Identifier" | "Text" | "Interpolation" | "String" | "Pattern" | "Number" | "Boolean" | "Variable" | "List" | "Key"
>;

export const valuePrinters: ValuePrinters = {
  Identifier: (path) => nameText(path.node.name),
  Text: (path) => escapeText(path.node.text),
  Interpolation: (path) => interpolationText(path.node),
  String: (path) => stringText(path.node),
  // A quoted pattern keeps its quotes and its text exactly: `text` is the source between them.
  Pattern: (path, options) => (options.originalText[path.node.span.start] === '"' ? `"${path.node.text}"` : path.node.text),
  Number: (path) => path.node.text,
  Boolean: (path) => (path.node.value ? "true" : "false"),
  Variable: (path, _options, print) => {
    const { node } = path;
    if (node.defaultValue === undefined) return `$${node.path}`;
    return [`$${node.path} ??`, gapThen(undefined, node.defaultValue, " ", print("defaultValue"))];
  },
  List: (path, _options, print) => {
    const { node } = path;
    if (node.items.length === 0) {
      const comments = danglingComments(node, "body");
      if (comments.length === 0) return "[]";
      if (!hasLineComment(comments)) return ["[", join(" ", comments.map(commentDoc)), "]"];
      return ["[", indent([hardline, join(hardline, comments.map(commentDoc))]), hardline, "]"];
    }
    const items = node.items;
    const parts: Doc[] = [];
    path.each((_p, i) => {
      if (i > 0) parts.push([",", gap(items[i - 1], items[i], line)]);
      parts.push(print());
    }, "items");
    return group(["[", indent([softline, fill(parts)]), ifBreak(","), softline, "]"]);
  },
  Key: (path) => {
    const { node } = path;
    switch (node.form) {
      case "raw":
        return node.name;
      case "resourceTag":
        return `tag ${tagNameText(node.name)}`;
      case "requestTag":
        return `request tag ${tagNameText(node.name)}`;
      case "principalTag":
        return `principal tag ${tagNameText(node.name)}`;
      case "tagKeys":
        return "tag keys";
    }
  },
};
