/**
 * The names a program defines and where each is used: policies (top level and inside roles,
 * users and groups), roles, users, groups and parameters. Policy, role, user and group names
 * compare without case, as the compiler looks them up; a parameter belongs to its file.
 */
import type { AnyNode, Identifier, SourceFile } from "../../grammar/ast.js";
import type { Span } from "../../grammar/diagnostics/diagnostic.js";
import { walk } from "./nodeAt.js";

/** What a name names. */
export type SymbolKind = "policy" | "role" | "user" | "group" | "param";

/** A definition: the declaration and the span of its name. */
export interface SymbolDefinition {
  readonly kind: SymbolKind;
  readonly name: string;
  readonly nameSpan: Span;
  readonly declaration: AnyNode;
}

/** A use of a name: `use P`, `attach P`, `group G`, `test ... for P`, `as role R`, `$param`, `${param}`. */
export interface SymbolReference {
  readonly kind: SymbolKind;
  readonly name: string;
  readonly span: Span;
}

/** The definitions a file makes. */
export function definitionsIn(file: SourceFile): SymbolDefinition[] {
  const found: SymbolDefinition[] = [];
  for (const { node } of walk(file)) {
    const def = (kind: SymbolKind, id: Identifier): void => {
      found.push({ kind, name: id.name, nameSpan: id.span, declaration: node });
    };
    if (node.kind === "Policy") def("policy", node.name);
    else if (node.kind === "Role") def("role", node.name);
    else if (node.kind === "User") def("user", node.name);
    else if (node.kind === "Group") def("group", node.name);
    else if (node.kind === "Param") def("param", node.name);
  }
  return found;
}

/** The span of `name` inside `span`, skipping the `$` or `${` before it. */
function innerSpan(span: Span, offset: number, name: string): Span {
  return { file: span.file, start: span.start + offset, end: span.start + offset + name.length };
}

/** The references a file makes. Variables count as parameter references only when the file declares that parameter. */
export function referencesIn(file: SourceFile): SymbolReference[] {
  const params = new Set(file.items.filter((i) => i.kind === "Param").map((p) => p.name.name));
  const found: SymbolReference[] = [];
  const ref = (kind: SymbolKind, id: Identifier): void => {
    found.push({ kind, name: id.name, span: id.span });
  };
  for (const { node } of walk(file)) {
    if (node.kind === "Use") ref("policy", node.name);
    else if (node.kind === "Attach" && node.target.kind === "Identifier") ref("policy", node.target);
    else if (node.kind === "MemberOf") node.groups.forEach((g) => ref("group", g));
    else if (node.kind === "Test") (node.policies ?? []).forEach((p) => ref("policy", p));
    else if (node.kind === "Expect" && node.principal?.form === "role" && node.principal.value.kind === "Identifier") {
      ref("role", node.principal.value);
    } else if (node.kind === "Variable" && params.has(node.path)) {
      found.push({ kind: "param", name: node.path, span: innerSpan(node.span, 1, node.path) });
    } else if (node.kind === "Interpolation" && params.has(node.name.trim())) {
      const name = node.name.trim();
      const at = Math.max(0, node.name.indexOf(name));
      found.push({ kind: "param", name, span: innerSpan(node.span, 2 + at, name) });
    }
  }
  return found;
}

/** Whether a reference names a definition: same kind, same name (parameters by case, the rest without). */
export function refersTo(ref: { readonly kind: SymbolKind; readonly name: string; readonly span: Span }, def: SymbolDefinition): boolean {
  if (ref.kind !== def.kind) return false;
  if (def.kind === "param") return ref.name === def.name && ref.span.file === def.nameSpan.file;
  return ref.name.toLowerCase() === def.name.toLowerCase();
}
