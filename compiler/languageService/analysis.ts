/**
 * What the language service knows about one open document: its tree (partial when it has
 * syntax errors, so hover and completion work while typing), the files it imports and the
 * stdlib (for names defined elsewhere), and the compiler's diagnostics for the whole program
 * the document is the input of. Built once per document version; every request reads it.
 */
import type { SourceFile } from "../../grammar/ast.js";
import { sortDiagnostics, type Diagnostic } from "../../grammar/diagnostics/diagnostic.js";
import { parse } from "../../grammar/parse.js";
import { loadCatalog, type Catalog } from "../catalog/index.js";
import { compileProgram, type CompileResult } from "../compileProgram.js";
import { runPolicyTests, type ExpectationOutcome } from "../policyTests/runPolicyTests.js";
import { resolveImports } from "../driver/resolveImports.js";
import { loadStdlib } from "../stdlib.js";
import { lineStarts } from "./positions.js";

/** One document, analysed. */
export interface DocumentAnalysis {
  /** The path spans carry: the document's file path (or its URI when it has none). */
  readonly path: string;
  readonly text: string;
  /** Line start offsets of `text`. */
  readonly lines: readonly number[];
  /** The document's tree; partial when it has syntax errors. */
  readonly ast: SourceFile;
  /** Files the document imports, directly or not, as saved on disk. */
  readonly libraries: readonly SourceFile[];
  /** The stdlib's files, whose names every file can use. */
  readonly stdlib: readonly SourceFile[];
  /** Every source text by path: the document, its imports and the stdlib. */
  readonly sources: ReadonlyMap<string, string>;
  /** Every diagnostic of compiling the document (those in imported files too), sorted. */
  readonly diagnostics: readonly Diagnostic[];
  readonly catalog: Catalog;
  /** The IAM documents compiled from the document (empty when it has errors), each statement with its `.arp` location. */
  readonly documents: readonly CompiledDocument[];
  /** Each `expect` of the document's tests and whether it held (empty when it has errors or no tests). */
  readonly testOutcomes: readonly ExpectationOutcome[];
  /** What `arp compile` writes, labelled `policy Name`, `role Name`, `user Name` or `group Name` (empty when it has errors). */
  readonly outputs: readonly { readonly label: string; readonly json: string }[];
  /** The compiled principals (roles, users, standalone policies), as the evaluator module takes them. */
  readonly principals: CompileResult["principals"];
}

/** An IAM document and the `.arp` location (1-based line and column) of each of its statements. */
export interface CompiledDocument {
  readonly document: CompileResult["policies"][number]["document"];
  readonly sources: CompileResult["policies"][number]["sources"];
}

/** Options of {@link analyzeDocument}. */
export interface AnalyzeOptions {
  /** Also run `arp lint`'s checks (ARP7xxx). */
  readonly lint?: boolean;
  /** Parameter values, as `--set name=value` gives them. */
  readonly params?: Readonly<Record<string, string>>;
}

/**
 * Analyses `text` as the file at `path`: the compiler checks it as `arp check path` would, with
 * imports read from disk relative to `path`.
 */
export function analyzeDocument(path: string, text: string, options: AnalyzeOptions = {}): DocumentAnalysis {
  const compileOptions = { lint: options.lint === true, params: options.params ?? {} };
  const compiled = compileProgram([{ path, text }], compileOptions);
  const { ast } = parse(text, path);
  const documents = compiled.ok ? compiledDocuments(compiled) : [];
  // `arp test` results belong where they fail: on the `expect` line, as ARP5006.
  const hasTests = ast.items.some((i) => i.kind === "Test");
  const tested = compiled.ok && hasTests ? runPolicyTests([{ path, text }], compileOptions) : undefined;
  const diagnostics = tested !== undefined ? withTestResults(compiled.diagnostics, tested.diagnostics) : compiled.diagnostics;
  // The compiler leaves out a file with syntax errors; its imports still name policies to complete.
  const imported = resolveImports([ast], []);
  const stdlib = loadStdlib();
  const sources = new Map<string, string>([[path, text]]);
  for (const [p, t] of compiled.sources) sources.set(p, t);
  for (const [p, t] of imported.texts) sources.set(p, t);
  for (const [p, t] of stdlib.texts) if (!sources.has(p)) sources.set(p, t);
  return {
    path,
    text,
    lines: lineStarts(text),
    ast,
    libraries: imported.libraries,
    stdlib: stdlib.files,
    sources,
    diagnostics,
    catalog: loadCatalog(),
    documents,
    testOutcomes: tested?.outcomes.filter((o) => o.span.file === path) ?? [],
    outputs: [
      ...compiled.policies.map((p) => ({ label: `policy ${p.name}`, json: p.json })),
      ...compiled.roles.map((r) => ({ label: `role ${r.name}`, json: r.json })),
      ...compiled.users.map((u) => ({ label: `user ${u.name}`, json: u.json })),
      ...compiled.groups.map((g) => ({ label: `group ${g.name}`, json: g.json })),
    ],
    principals: compiled.principals,
  };
}

function compiledDocuments(result: CompileResult): CompiledDocument[] {
  return [...result.policies, ...result.roles.flatMap((r) => [r.trust, ...r.inlinePolicies])];
}

/** The compiler's diagnostics and the test run's, each once, sorted. */
function withTestResults(compiled: readonly Diagnostic[], tested: readonly Diagnostic[]): Diagnostic[] {
  const key = (d: Diagnostic): string => `${d.code}\u0000${d.span.file}\u0000${d.span.start}\u0000${d.span.end}\u0000${d.message}`;
  const seen = new Set(compiled.map(key));
  return sortDiagnostics([...compiled, ...tested.filter((d) => !seen.has(key(d)))]);
}

/** The document, then its imports, then the stdlib: the order names resolve in. */
export function filesOf(analysis: DocumentAnalysis): readonly SourceFile[] {
  return [analysis.ast, ...analysis.libraries, ...analysis.stdlib];
}
