/**
 * Printers for policy tests: `test "name" [for P, ...] { expect ... }`. An expectation is laid
 * out like a statement, with its clauses filling lines: `expect <decision> <action>`, `on` and
 * `as` each follow on the same line while they fit, else start a line indented by two; when the
 * whole does not fit, `with` starts a line, its entries wrapping aligned under the first.
 */
import { doc, type Doc } from "prettier";
import { printBlock } from "./blocks.js";
import { gap, gapThen, printTrailing } from "./commentDocs.js";
import { commaFill, keywordItem, keywordList } from "./lists.js";
import type { Node, NodePrinters } from "./types.js";

const { align, fill, group, indent, line } = doc.builders;

type TestPrinters = Pick<NodePrinters, "Test" | "Expect" | "ContextEntry">;

export const testPrinters: TestPrinters = {
  Test: (path, options, print) => {
    const { node } = path;
    const header: Doc[] = ["test ", print("name")];
    if (node.policies !== undefined) header.push(" for ", align(4, commaFill(path as never, print, "policies", { firstLeading: true })));
    return printBlock(path as never, options, print, header);
  },
  Expect: (path, _options, print) => {
    const { node } = path;
    const principal = node.principal;
    const last: Node = principal?.value ?? node.resource;
    // `expect <decision> <action>`, `on <resource>`, `as <principal>`: as many per line as fit.
    const head: Doc[] = [["expect ", node.decision, " ", print("action")]];
    head.push(gap(node.action, node.resource, line), keywordItem(print, "resource", node.resource, "on", node.resource !== last));
    if (principal !== undefined) {
      const as = principal.form === "arn" ? "as" : `as ${principal.form}`;
      head.push(gap(node.resource, principal.value, line), keywordItem(print, ["principal", "value"], principal.value, as, false));
    }
    const parts: Doc[] = [indent(fill(head)), printTrailing(last)];
    if (node.context.length > 0) parts.push(indent([line, keywordList(path as never, print, "context", "with", undefined)]));
    return group(parts);
  },
  ContextEntry: (path, _options, print) => {
    const { node } = path;
    return [print("key"), gap(node.key, undefined, " "), "=", gapThen(undefined, node.value, " ", print("value"))];
  },
};
