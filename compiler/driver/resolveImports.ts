/**
 * Stage 2, resolve imports: follows `import "./other.arp"` declarations. Imported files are libraries: their policies
 * can be named by `use` and `attach`, but only the files given to the compiler produce output.
 * Paths are relative to the importing file; a cycle of imports is reported, since a file that
 * reaches itself through its imports is almost always a layout mistake.
 */
import { dirname, join, normalize } from "node:path";
import type { ImportDecl, SourceFile } from "../../grammar/ast.js";
import { parse } from "../../grammar/parse.js";
import { diagnostic } from "../../grammar/diagnostics/codes.js";
import { hasErrors, type Diagnostic } from "../../grammar/diagnostics/diagnostic.js";
import { readSourceFile, SourceReadError } from "./loadSources.js";
import { loadStdlib } from "../stdlib.js";
import type { LoadedFiles, SourceInput } from "./program.js";

export interface ImportedFiles {
  /** Files reached only through imports, in the order first reached. */
  readonly libraries: SourceFile[];
  readonly texts: Map<string, string>;
}

function importsOf(file: SourceFile): ImportDecl[] {
  return file.items.filter((i): i is ImportDecl => i.kind === "Import");
}

function importPath(from: string, decl: ImportDecl): string {
  const raw = decl.path.parts.map((p) => (p.kind === "Text" ? p.text : "")).join("");
  return normalize(join(dirname(from), raw.endsWith(".arp") ? raw : `${raw}.arp`));
}

export function resolveImports(inputs: readonly SourceFile[], diagnostics: Diagnostic[]): ImportedFiles {
  const byPath = new Map<string, SourceFile>(inputs.map((f) => [normalize(f.span.file), f]));
  const libraries: SourceFile[] = [];
  const texts = new Map<string, string>();
  const load = (path: string, decl: ImportDecl): SourceFile | undefined => {
    const known = byPath.get(path);
    if (known !== undefined) return known;
    let text: string;
    try {
      // Read as the command line reads its files: regular files only, UTF-8 only.
      text = readSourceFile(path);
    } catch (e) {
      const unreadable = e instanceof SourceReadError && e.diagnostic.code !== "ARP9001";
      diagnostics.push(unreadable ? { ...e.diagnostic, span: decl.path.span } : diagnostic("UnknownImport", decl.path.span, `cannot import \`${path}\`: no such file`));
      return undefined;
    }
    const parsed = parse(text, path);
    diagnostics.push(...parsed.diagnostics);
    texts.set(path, text);
    if (hasErrors(parsed.diagnostics)) return undefined;
    byPath.set(path, parsed.ast);
    libraries.push(parsed.ast);
    return parsed.ast;
  };
  const state = new Map<SourceFile, "visiting" | "done">();
  const visit = (file: SourceFile, chain: readonly string[]): void => {
    state.set(file, "visiting");
    for (const decl of importsOf(file)) {
      const target = load(importPath(file.span.file, decl), decl);
      if (target === undefined) continue;
      if (state.get(target) === "visiting") {
        const cycle = [...chain, file.span.file, target.span.file].join(" → ");
        diagnostics.push(diagnostic("ImportCycle", decl.span, `imports form a cycle: ${cycle}`));
      } else if (state.get(target) === undefined) visit(target, [...chain, file.span.file]);
    }
    state.set(file, "done");
  };
  for (const f of inputs) if (state.get(f) === undefined) visit(f, []);
  return { libraries, texts };
}

/**
 * The whole set of files the program loads: the parsed inputs, what they import, and the
 * stdlib (whose names every file can use without an import).
 */
export function loadProgramFiles(inputs: readonly SourceInput[], parsed: readonly SourceFile[], diagnostics: Diagnostic[]): LoadedFiles {
  const sources = new Map(inputs.map((s) => [s.path, s.text]));
  const imported = resolveImports(parsed, diagnostics);
  imported.texts.forEach((text, path) => sources.set(path, text));
  const stdlib = loadStdlib();
  stdlib.texts.forEach((text, path) => sources.set(path, text));
  const inputPaths = new Set(parsed.map((f) => f.span.file));
  return { inputs: parsed, libraries: imported.libraries, stdlib: stdlib.files.filter((f) => !inputPaths.has(f.span.file)), sources };
}
