/**
 * Reads runtime functions as source text, for the generated evaluator's value snippets
 * (compiler/emit/typescript/snippetsValues.ts). The runtime's function is the one hand-written
 * copy; the snippet is its text, so the two cannot drift. TypeScript's parser finds the
 * top-level declarations the roots need, transitively, within one file.
 */
import { readFileSync } from "node:fs";
import ts from "typescript";

/** A snippet: the roots' declarations and everything of their file they use, in file order. */
export interface SnippetSpec {
  /** The export name in snippetsValues.ts. */
  readonly name: string;
  /** What the emitted snippet is for (the export's TSDoc). */
  readonly doc: string;
  /** The runtime file, relative to the repository root. */
  readonly file: string;
  /** Declarations the generated evaluator calls or names. */
  readonly roots: readonly string[];
}

type Declaration = ts.FunctionDeclaration | ts.VariableStatement | ts.InterfaceDeclaration | ts.TypeAliasDeclaration;

function declaredNames(statement: ts.Statement): string[] {
  if (ts.isFunctionDeclaration(statement) || ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement)) {
    return statement.name === undefined ? [] : [statement.name.text];
  }
  if (ts.isVariableStatement(statement)) {
    return statement.declarationList.declarations.flatMap((d) => (ts.isIdentifier(d.name) ? [d.name.text] : []));
  }
  return [];
}

function importedNames(statement: ts.Statement): string[] {
  if (!ts.isImportDeclaration(statement)) return [];
  const clause = statement.importClause;
  const names: string[] = clause?.name === undefined ? [] : [clause.name.text];
  const bindings = clause?.namedBindings;
  if (bindings !== undefined && ts.isNamedImports(bindings)) names.push(...bindings.elements.map((e) => e.name.text));
  if (bindings !== undefined && ts.isNamespaceImport(bindings)) names.push(bindings.name.text);
  return names;
}

function identifiersIn(node: ts.Node): Set<string> {
  const out = new Set<string>();
  const visit = (n: ts.Node): void => {
    if (ts.isIdentifier(n)) out.add(n.text);
    ts.forEachChild(n, visit);
  };
  visit(node);
  return out;
}

/**
 * A declaration's text with the `/** ... *\/` comment directly above it (a blank line between
 * them means the comment belongs to the file, not to the declaration), without `export`.
 */
function declarationText(source: ts.SourceFile, statement: Declaration): string {
  const text = source.text;
  const comments = ts.getLeadingCommentRanges(text, statement.pos) ?? [];
  const last = comments.at(-1);
  const start = statement.getStart(source);
  const attached = last !== undefined && text.startsWith("/**", last.pos) && !/\n\s*\n/.test(text.slice(last.end, start));
  const doc = attached ? `${text.slice(last.pos, last.end)}\n` : "";
  let body = text.slice(start, statement.end);
  const exported = ts.getModifiers(statement as ts.HasModifiers)?.find((m) => m.kind === ts.SyntaxKind.ExportKeyword);
  if (exported !== undefined) body = body.slice(exported.end - start).trimStart();
  return doc + body;
}

/** The source text of `spec.roots` and their dependencies in `spec.file`; throws on an import. */
export function extractSnippet(root: string, spec: SnippetSpec): string {
  const source = ts.createSourceFile(spec.file, readFileSync(`${root}/${spec.file}`, "utf8"), ts.ScriptTarget.ES2022, true);
  const byName = new Map<string, Declaration>();
  const imported = new Set<string>();
  for (const statement of source.statements) {
    for (const name of importedNames(statement)) imported.add(name);
    if (ts.isFunctionDeclaration(statement) || ts.isVariableStatement(statement) || ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement)) {
      for (const name of declaredNames(statement)) byName.set(name, statement);
    }
  }
  const needed = new Set<Declaration>();
  const visit = (name: string, from: string): void => {
    const statement = byName.get(name);
    if (statement === undefined) {
      if (imported.has(name)) throw new Error(`${spec.file}: ${from} uses the import ${name}; a snippet imports nothing`);
      return;
    }
    if (needed.has(statement)) return;
    needed.add(statement);
    for (const id of identifiersIn(statement)) if (id !== name) visit(id, name);
  };
  for (const name of spec.roots) {
    if (!byName.has(name)) throw new Error(`${spec.file} declares no ${name}`);
    visit(name, name);
  }
  return source.statements
    .filter((s): s is Declaration => needed.has(s as Declaration))
    .map((s) => declarationText(source, s))
    .join("\n\n");
}

/** `text` as the body of a template literal. */
function templateBody(text: string): string {
  return text.replace(/\\/g, "\\\\").replace(/`/g, "\\`").replace(/\$\{/g, "\\${");
}

/** The whole of snippetsValues.ts: one exported template literal per spec. */
export function snippetsModule(root: string, header: string, specs: readonly SnippetSpec[]): string {
  const exports = specs.map((spec) => `/** ${spec.doc} */\nexport const ${spec.name} = \`\n${templateBody(extractSnippet(root, spec))}\n\`;\n`);
  return `${header}\n${exports.join("\n")}`;
}
