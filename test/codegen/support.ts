/**
 * Loading and type-checking generated evaluators in-process with the TypeScript compiler API:
 * `ts.transpileModule` turns the module into CommonJS that runs in a `Function`, and
 * `ts.createProgram` over an in-memory host type-checks it under `--strict` (plus the stricter
 * flags a consumer might use), alongside a consumer file that uses its exported types.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import type { EvaluationResult, Request } from "../../runtime/index.js";

/** What a generated module exports, as the tests call it. */
export interface GeneratedEvaluator {
  authorize(request: Request): EvaluationResult["decision"];
  explain(request: Request): EvaluationResult;
}

/** Transpiles and loads generated source; the module imports nothing, so no loader is needed. */
export function loadEvaluator(source: string): GeneratedEvaluator {
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
  });
  const module = { exports: {} as Record<string, unknown> };
  new Function("exports", "module", outputText)(module.exports, module);
  return module.exports as unknown as GeneratedEvaluator;
}

const CHECK_OPTIONS: ts.CompilerOptions = {
  strict: true,
  noEmit: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  lib: ["lib.es2022.d.ts"],
  types: [],
  noUnusedLocals: true,
  noUnusedParameters: true,
  noUncheckedIndexedAccess: true,
  exactOptionalPropertyTypes: true,
  noImplicitReturns: true,
  noFallthroughCasesInSwitch: true,
  // The standard library's declarations are TypeScript's own: checking them again tests nothing
  // about the generated module and costs seconds per program.
  skipLibCheck: true,
};

/** TypeScript's library files, parsed once per test file rather than once per program. */
const libraryFiles = new Map<string, ts.SourceFile | undefined>();

const RUNTIME_TYPES = ["types.ts", "policyDocument.ts"].map((name) => ({
  name: `/virtual/runtime/${name}`,
  text: readFileSync(fileURLToPath(new URL(`../../runtime/${name}`, import.meta.url)), "utf8"),
}));

/**
 * Type-checks `files` (virtual path → source) together with the runtime's type files (as
 * `/virtual/runtime/*.ts`) and returns the formatted diagnostics; empty when clean.
 */
export function typeCheck(files: Readonly<Record<string, string>>): string[] {
  const virtual = new Map<string, string>([...RUNTIME_TYPES.map((f) => [f.name, f.text] as const), ...Object.entries(files)]);
  const host = ts.createCompilerHost(CHECK_OPTIONS);
  const realGetSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, version, onError) => {
    const text = virtual.get(name);
    if (text !== undefined) return ts.createSourceFile(name, text, version);
    if (!libraryFiles.has(name)) libraryFiles.set(name, realGetSourceFile(name, version, onError));
    return libraryFiles.get(name);
  };
  const realFileExists = host.fileExists.bind(host);
  host.fileExists = (name) => virtual.has(name) || realFileExists(name);
  const realReadFile = host.readFile.bind(host);
  host.readFile = (name) => virtual.get(name) ?? realReadFile(name);
  const realDirectoryExists = host.directoryExists?.bind(host);
  host.directoryExists = (name) => name === "/virtual" || name.startsWith("/virtual/") || (realDirectoryExists?.(name) ?? false);
  host.writeFile = () => undefined;
  // A package.json marking the virtual tree as ESM, so NodeNext reads `.js` imports as ours.
  virtual.set("/virtual/package.json", JSON.stringify({ type: "module" }));
  const program = ts.createProgram({ rootNames: Object.keys(files), options: CHECK_OPTIONS, host });
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const where = d.file !== undefined && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start) : undefined;
    const place = d.file !== undefined ? `${d.file.fileName}:${(where?.line ?? 0) + 1}` : "";
    return `${place} ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`;
  });
}
