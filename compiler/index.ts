/**
 * arp's programmatic API, for build scripts:
 *
 * ```ts
 * import { compileFiles, writeOutputs } from "arp";
 * const result = compileFiles(["policies/"], { params: { account: "123456789012" } });
 * if (!result.ok) throw new Error(renderDiagnostics(result.diagnostics, result.sources));
 * await writeOutputs(result, "build/iam", ["json", "ts"]);
 * ```
 */
import { compileProgram, type CompileOptions, type CompileResult, type SourceInput } from "./compileProgram.js";
import type { Diagnostic } from "./diagnostics/diagnostic.js";
import { hasErrors, sortDiagnostics } from "./diagnostics/diagnostic.js";
import { loadSources } from "./loadSources.js";
import { manifestText, MANIFEST_NAME } from "./manifest.js";
import { writeOutputsAtomically, type OutputFile } from "./writeOutputs.js";

export type { CompileOptions, CompileResult, CompiledPolicy, CompiledRole, SourceInput } from "./compileProgram.js";
export type { Diagnostic, Severity, Span } from "./diagnostics/diagnostic.js";
export { Codes } from "./diagnostics/codes.js";
export { renderDiagnostics, renderJson, summarize } from "./diagnostics/render.js";
export type { IrPolicy, IrStatement, IrCondition } from "./ir.js";
export { importPolicy, type ImportOptions, type ImportResult } from "./import/index.js";
export type { FormatOptions } from "./format/index.js";
export { runPolicyTests, type TestRunResult, type ExpectationOutcome } from "./policyTests/runPolicyTests.js";

/** The result of `check`: diagnostics only. */
export interface CheckResult {
  readonly ok: boolean;
  readonly diagnostics: readonly Diagnostic[];
  readonly sources: ReadonlyMap<string, string>;
}

function asInputs(input: string | SourceInput | readonly SourceInput[]): readonly SourceInput[] {
  if (typeof input === "string") return [{ path: "<input>", text: input }];
  return "path" in input ? [input as SourceInput] : (input as readonly SourceInput[]);
}

/**
 * Compiles `.arp` sources held in memory. A bare string is one file named `<input>`, whose
 * bare statements form a policy named `policy`.
 */
export function compile(input: string | SourceInput | readonly SourceInput[], options: CompileOptions = {}): CompileResult {
  return compileProgram(asInputs(input), options);
}

/** Type-checks sources in memory without producing policies. */
export function check(input: string | SourceInput | readonly SourceInput[], options: CompileOptions = {}): CheckResult {
  const { ok, diagnostics, sources } = compile(input, options);
  return { ok, diagnostics, sources };
}

/** Compiles `.arp` files; directories are searched recursively. */
export function compileFiles(paths: readonly string[], options: CompileOptions = {}): CompileResult {
  const loaded = loadSources(paths);
  const result = compileProgram(loaded.sources, options);
  if (loaded.diagnostics.length === 0) return result;
  const diagnostics = sortDiagnostics([...loaded.diagnostics, ...result.diagnostics]);
  const ok = !hasErrors(diagnostics);
  return { ...result, ok, diagnostics, policies: ok ? result.policies : [] };
}

/** Type-checks `.arp` files without producing policies. */
export function checkFiles(paths: readonly string[], options: CompileOptions = {}): CheckResult {
  const { ok, diagnostics, sources } = compileFiles(paths, options);
  return { ok, diagnostics, sources };
}

/**
 * The files `writeOutputs` writes: `<Name>.json` per policy, `<Name>.role.json` per role, and
 * `arp.manifest.json`.
 */
export function outputFiles(result: CompileResult): OutputFile[] {
  return [
    ...result.policies.map((p) => ({ name: `${p.name}.json`, text: p.json })),
    ...result.roles.map((r) => ({ name: `${r.name}.role.json`, text: r.json })),
    { name: MANIFEST_NAME, text: manifestText(result) },
  ];
}

/** What `arp compile --target` can produce. */
export type Target = "json" | "ts";

/** The name of the generated evaluator module in the output directory. */
export const EVALUATOR_FILE = "evaluator.ts";

/**
 * The standalone TypeScript evaluator for every policy of a successful result (including the
 * roles' inline policies): `authorize(request)` and `explain(request)`, importing nothing.
 */
export async function generateEvaluatorModule(result: CompileResult): Promise<string> {
  // ts-morph and prettier take about a second to load: only commands that emit TypeScript pay.
  const { generateEvaluator } = await import("./emit/typescript/index.js");
  const policies = [
    ...result.policies,
    ...result.roles.flatMap((r) => r.inlinePolicies.map((p) => ({ ...p, name: `${r.name}/${p.name}` }))),
  ].map((p) => ({ name: p.name, document: p.document, sources: p.sources }));
  return generateEvaluator(policies, { moduleName: EVALUATOR_FILE });
}

/**
 * Writes the outputs of a successful result into `outDir`, all or nothing: the IAM JSON
 * (target `json`) and the evaluator module (target `ts`).
 * @throws when `result.ok` is false: a failed compilation never produces output.
 */
export async function writeOutputs(result: CompileResult, outDir: string, targets: readonly Target[] = ["json"]): Promise<void> {
  if (!result.ok) throw new Error("refusing to write outputs of a compilation with errors");
  const files: OutputFile[] = targets.includes("json") ? outputFiles(result) : [];
  if (targets.includes("ts")) files.push({ name: EVALUATOR_FILE, text: await generateEvaluatorModule(result) });
  writeOutputsAtomically(outDir, files);
}

/**
 * Formats `.arp` source in arp's canonical layout (docs/formatting.md).
 * @throws `ArpSyntaxError` (with every diagnostic) when the text does not parse: a file with
 *   syntax errors is never reformatted.
 */
export async function format(text: string, options: import("./format/index.js").FormatOptions = {}): Promise<string> {
  // prettier loads only for callers that format.
  const formatter = await import("./format/index.js");
  return formatter.format(text, options);
}
