/**
 * Small builders for expected ASTs (compared with `stripSpans`) and parse helpers for the
 * grammar tests.
 */
import { expect } from "vitest";
import {
  type AnyNode,
  type Condition,
  type SourceFile,
  type Statement,
  stripSpans,
} from "../../grammar/ast.js";
import { parse } from "../../grammar/parse.js";

/** Parses `text` and fails the test on any diagnostic. */
export function parseOk(text: string): SourceFile {
  const { ast, diagnostics } = parse(text, "test.arp");
  expect(diagnostics.map((d) => `${d.code} ${d.message}`)).toEqual([]);
  return ast;
}

/** The codes `parse` reports for `text`, in order. */
export function codesOf(text: string): string[] {
  return parse(text, "test.arp").diagnostics.map((d) => d.code);
}

/** The only top-level item of `text`, spans stripped. */
export function onlyItem(text: string): unknown {
  const ast = parseOk(text);
  expect(ast.items).toHaveLength(1);
  return stripSpans(ast.items[0]);
}

/** The condition of the single statement `allow a:B on * when <cond>`. */
export function conditionOf(cond: string): unknown {
  const statement = parseOk(`allow a:B on * when ${cond}`).items[0] as Statement;
  return stripSpans(statement.condition as Condition);
}

export const text = (t: string) => ({ kind: "Text", text: t });
export const interp = (name: string, defaultValue?: string) =>
  defaultValue === undefined ? { kind: "Interpolation", name } : { kind: "Interpolation", name, defaultValue };
type PartLike = string | ReturnType<typeof interp>;
const toParts = (parts: PartLike[]) => parts.map((p) => (typeof p === "string" ? text(p) : p));
export const str = (...parts: PartLike[]) => ({ kind: "String", parts: toParts(parts) });
export const pat = (t: string, ...parts: PartLike[]) => ({
  kind: "Pattern",
  text: t,
  parts: parts.length > 0 ? toParts(parts) : [text(t)],
});
export const id = (name: string) => ({ kind: "Identifier", name });
export const num = (t: string) => ({ kind: "Number", text: t });
export const bool = (value: boolean) => ({ kind: "Boolean", value });
export const variable = (path: string, defaultValue?: ReturnType<typeof str>) =>
  defaultValue === undefined ? { kind: "Variable", path } : { kind: "Variable", path, defaultValue };
export const list = (...items: unknown[]) => ({ kind: "List", items });
export const key = (form: string, name: string) => ({ kind: "Key", form, name });
export const raw = (name: string) => key("raw", name);
export const cmp = (
  k: unknown,
  operator: string,
  value: unknown,
  extra: { quantifier?: "any" | "all"; ignoreCase?: boolean; ifExists?: boolean } = {},
) => ({
  kind: "Compare",
  ...(extra.quantifier !== undefined ? { quantifier: extra.quantifier } : {}),
  key: k,
  operator,
  value,
  ignoreCase: extra.ignoreCase ?? false,
  ifExists: extra.ifExists ?? false,
});
export const and = (...operands: unknown[]) => ({ kind: "And", operands });
export const or = (...operands: unknown[]) => ({ kind: "Or", operands });
export const not = (operand: unknown) => ({ kind: "Not", operand });
export const truthy = (k: unknown) => ({ kind: "Truthy", key: k });
export const exists = (k: unknown, missing = false) => ({ kind: "Exists", key: k, missing });

/** Every node of the tree with a span, for span invariants. */
export function* spansOf(node: unknown): Generator<{ start: number; end: number; file: string }> {
  if (Array.isArray(node)) {
    for (const n of node) yield* spansOf(n);
    return;
  }
  if (node === null || typeof node !== "object") return;
  for (const [k, v] of Object.entries(node)) {
    if ((k === "span" || k.endsWith("Span")) && v !== null && typeof v === "object") yield v as never;
    else yield* spansOf(v);
  }
}

/** The source text a node's span covers. */
export function sourceOf(source: string, node: AnyNode | { span: { start: number; end: number } }): string {
  return source.slice(node.span.start, node.span.end);
}
