/**
 * Go to definition and find references for policies, roles, users, groups and parameters, and
 * go to definition on an `import` path. Names resolve as the compiler resolves them: the
 * document's own definitions, then its imports', then the stdlib's.
 */
import { dirname, join, normalize } from "node:path";
import type { Span } from "../../grammar/diagnostics/diagnostic.js";
import { filesOf, type DocumentAnalysis } from "./analysis.js";
import { nodesAt } from "./nodeAt.js";
import { definitionsIn, referencesIn, refersTo, type SymbolDefinition, type SymbolKind, type SymbolReference } from "./symbolIndex.js";

const within = (span: Span, offset: number): boolean => span.start <= offset && offset <= span.end;

/** The symbol at `offset` of the document: a definition's name or a reference. */
export function symbolAt(analysis: DocumentAnalysis, offset: number): { readonly kind: SymbolKind; readonly name: string; readonly span: Span } | undefined {
  const def = definitionsIn(analysis.ast).find((d) => within(d.nameSpan, offset));
  if (def !== undefined) return { kind: def.kind, name: def.name, span: def.nameSpan };
  return referencesIn(analysis.ast).find((r) => within(r.span, offset));
}

/** The definition a symbol resolves to: the first in the document, its imports, then the stdlib. */
export function resolveSymbol(analysis: DocumentAnalysis, symbol: { readonly kind: SymbolKind; readonly name: string; readonly span: Span }): SymbolDefinition | undefined {
  for (const file of filesOf(analysis)) {
    const found = definitionsIn(file).find((d) => refersTo(symbol, d));
    if (found !== undefined) return found;
  }
  return undefined;
}

/** Where the name at `offset` is defined; for an `import` path, the start of that file. */
export function definitionAt(analysis: DocumentAnalysis, offset: number): Span | undefined {
  const imported = importTargetAt(analysis, offset);
  if (imported !== undefined) return { file: imported, start: 0, end: 0 };
  const symbol = symbolAt(analysis, offset);
  return symbol === undefined ? undefined : resolveSymbol(analysis, symbol)?.nameSpan;
}

/** The file an `import` at `offset` names, as the compiler resolves it. */
function importTargetAt(analysis: DocumentAnalysis, offset: number): string | undefined {
  const decl = nodesAt(analysis.ast, offset).find((n) => n.kind === "Import");
  if (decl?.kind !== "Import") return undefined;
  const raw = decl.path.parts.map((p) => (p.kind === "Text" ? p.text : "")).join("");
  return normalize(join(dirname(analysis.path), raw.endsWith(".arp") ? raw : `${raw}.arp`));
}

/**
 * Every use of the name at `offset` across the document and the files it loads, and its
 * definition when `includeDeclaration`. Uses in files that import the document but are not
 * imported by it are not known to it.
 */
export function referencesAt(analysis: DocumentAnalysis, offset: number, includeDeclaration: boolean): Span[] {
  const symbol = symbolAt(analysis, offset);
  if (symbol === undefined) return [];
  const def = resolveSymbol(analysis, symbol);
  const matches = (r: SymbolReference): boolean => (def !== undefined ? refersTo(r, def) : r.kind === symbol.kind && r.name.toLowerCase() === symbol.name.toLowerCase());
  const found: Span[] = includeDeclaration && def !== undefined ? [def.nameSpan] : [];
  for (const file of filesOf(analysis)) found.push(...referencesIn(file).filter(matches).map((r) => r.span));
  return found;
}

/**
 * The edits that rename the name at `offset` everywhere the document knows it is used, or
 * undefined when there is no name there or it is the stdlib's (which is not the user's to edit).
 */
export function renameEdits(analysis: DocumentAnalysis, offset: number, newName: string): { readonly span: Span; readonly newText: string }[] | undefined {
  const symbol = symbolAt(analysis, offset);
  const def = symbol === undefined ? undefined : resolveSymbol(analysis, symbol);
  if (def === undefined || def.nameSpan.file.startsWith("stdlib/")) return undefined;
  return referencesAt(analysis, offset, true).map((span) => ({ span, newText: newName }));
}
