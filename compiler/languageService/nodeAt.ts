/**
 * The syntax under the cursor: the chain of AST nodes whose spans contain an offset, outermost
 * first. The tree is walked generically (every node has `kind` and `span`), so a new node kind
 * needs no change here.
 */
import type { AnyNode, SourceFile } from "../../grammar/ast.js";

function isNode(value: unknown): value is AnyNode {
  return typeof value === "object" && value !== null && "kind" in value && "span" in value;
}

function children(node: AnyNode): AnyNode[] {
  const found: AnyNode[] = [];
  for (const [key, value] of Object.entries(node)) {
    if (key === "span" || key === "comments") continue;
    if (Array.isArray(value)) for (const v of value) collect(v, found);
    else collect(value, found);
  }
  return found;
}

function collect(value: unknown, found: AnyNode[]): void {
  if (isNode(value)) found.push(value);
  // An expectation's principal is a plain object holding a node.
  else if (typeof value === "object" && value !== null && "value" in value && isNode((value as { value: unknown }).value)) {
    found.push((value as { value: AnyNode }).value);
  }
}

/**
 * The nodes containing `offset`, from the file down to the innermost. A node's end counts as
 * inside it, so the cursor just after a word still finds the word.
 */
export function nodesAt(file: SourceFile, offset: number): AnyNode[] {
  const chain: AnyNode[] = [file];
  let current: AnyNode = file;
  for (;;) {
    const next: AnyNode | undefined = children(current).find((c) => c.span.start <= offset && offset <= c.span.end && c.span.end > c.span.start);
    if (next === undefined) return chain;
    chain.push(next);
    current = next;
  }
}

/** Every node of the tree, depth first, with the nodes it is inside. */
export function* walk(node: AnyNode, parents: readonly AnyNode[] = []): Generator<{ node: AnyNode; parents: readonly AnyNode[] }> {
  yield { node, parents };
  for (const child of children(node)) yield* walk(child, [...parents, node]);
}
