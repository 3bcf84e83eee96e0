/**
 * The document's outline: parameters, policies (with their statements' labels), roles, users
 * and groups (with their inline policies), and tests.
 */
import type { AnyNode, PolicyDecl, StringLiteral, TopLevelItem } from "../../grammar/ast.js";
import type { Span } from "../../grammar/diagnostics/diagnostic.js";
import type { DocumentAnalysis } from "./analysis.js";

/** What an outline entry is. */
export type OutlineKind = "param" | "policy" | "role" | "user" | "group" | "test" | "statement";

/** One outline entry: its name, the whole construct's span and its name's span, and what it contains. */
export interface OutlineEntry {
  readonly name: string;
  readonly kind: OutlineKind;
  readonly span: Span;
  readonly selection: Span;
  readonly children: readonly OutlineEntry[];
}

function plain(s: StringLiteral): string {
  return s.parts.map((p) => (p.kind === "Text" ? p.text : `\${${p.name}}`)).join("");
}

function policyEntry(decl: PolicyDecl): OutlineEntry {
  const statements = decl.items.flatMap((i): OutlineEntry[] =>
    i.kind === "Statement" && i.label !== undefined
      ? [{ name: plain(i.label), kind: "statement", span: i.span, selection: i.label.span, children: [] }]
      : [],
  );
  return { name: decl.name.name, kind: "policy", span: decl.span, selection: decl.name.span, children: statements };
}

function inlinePolicies(items: readonly AnyNode[]): OutlineEntry[] {
  return items.flatMap((i) => (i.kind === "Policy" ? [policyEntry(i)] : []));
}

function entryOf(item: TopLevelItem): OutlineEntry | undefined {
  switch (item.kind) {
    case "Param":
      return { name: item.name.name, kind: "param", span: item.span, selection: item.name.span, children: [] };
    case "Policy":
      return policyEntry(item);
    case "Role":
    case "User":
    case "Group":
      return { name: item.name.name, kind: item.kind === "Role" ? "role" : item.kind === "User" ? "user" : "group", span: item.span, selection: item.name.span, children: inlinePolicies(item.items) };
    case "Test":
      return { name: plain(item.name), kind: "test", span: item.span, selection: item.name.span, children: [] };
    default:
      return undefined;
  }
}

/** The outline of the document, in source order. */
export function documentOutline(analysis: DocumentAnalysis): OutlineEntry[] {
  return analysis.ast.items.flatMap((item) => {
    const entry = entryOf(item);
    return entry === undefined ? [] : [entry];
  });
}
