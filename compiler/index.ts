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
import type { Diagnostic } from "../grammar/diagnostics/diagnostic.js";
import { hasErrors, sortDiagnostics } from "../grammar/diagnostics/diagnostic.js";
import { loadSources } from "./driver/loadSources.js";
import { manifestText } from "./manifest.js";
import { EVALUATOR_FILE, MANIFEST_NAME, groupFileName, policyFileName, roleFileName, userFileName } from "./outputNames.js";
import { writeOwnedDirectory, type OutputFile, type WriteReport } from "./writeOutputs.js";

export { EVALUATOR_FILE, MANIFEST_NAME };
export type { OutputFile, WriteReport };

export type { CompileOptions, CompileResult, CompiledGroup, CompiledPolicy, CompiledRole, CompiledUser, SourceInput } from "./compileProgram.js";
export type { Diagnostic, Severity, Span } from "../grammar/diagnostics/diagnostic.js";
export { Codes } from "../grammar/diagnostics/codes.js";
export { renderDiagnostics, renderJson, summarize } from "./diagnostics/render.js";
export type { IrPolicy, IrStatement, IrCondition } from "./ir.js";
export type { ImportedKind, ImportOptions, ImportResult } from "./import/index.js";
export type { FormatOptions } from "./format/index.js";
export { lintSeverity, type LintSeverity } from "./lint/lintSeverity.js";
export { renderSarif } from "./lint/sarif.js";
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
  if (ok) return { ...result, diagnostics };
  return { ...result, ok, diagnostics, policies: [], roles: [], users: [], groups: [], principals: [] };
}

/** Type-checks `.arp` files without producing policies. */
export function checkFiles(paths: readonly string[], options: CompileOptions = {}): CheckResult {
  const { ok, diagnostics, sources } = compileFiles(paths, options);
  return { ok, diagnostics, sources };
}

/**
 * Lints `.arp` files: every check of {@link checkFiles}, then `arp lint`'s checks (ARP7xxx,
 * docs/diagnostics.md) on the documents they build. Directories are searched recursively.
 */
export function lintFiles(paths: readonly string[], options: CompileOptions = {}): CheckResult & { readonly files: readonly string[] } {
  const { ok, diagnostics, sources, files } = compileFiles(paths, { ...options, lint: true });
  return { ok, diagnostics, sources, files };
}

/**
 * The files `writeOutputs` writes for the `json` target: `<Name>.json` per policy,
 * `<Name>.role.json` per role, `<Name>.user.json` per IAM user, `<Name>.group.json` per IAM
 * group, and `arp.manifest.json`.
 */
export function outputFiles(result: CompileResult): OutputFile[] {
  const files = jsonFiles(result);
  return [...files, { name: MANIFEST_NAME, text: manifestText(result, files) }];
}

/** The `json` target's files, without the manifest. */
export function jsonFiles(result: CompileResult): OutputFile[] {
  return [
    ...result.policies.map((p) => ({ name: policyFileName(p.name), text: p.json })),
    ...result.roles.map((r) => ({ name: roleFileName(r.name), text: r.json })),
    ...result.users.map((u) => ({ name: userFileName(u.name), text: u.json })),
    ...result.groups.map((g) => ({ name: groupFileName(g.name), text: g.json })),
  ];
}

/** What `arp compile --target` can produce. */
export type Target = "json" | "ts";

/**
 * The standalone TypeScript evaluator of a successful result's principals (each role with its
 * inline and attached policies, each standalone policy alone): `evaluators.<Name>.authorize(request)`,
 * `authorize(set, request)` and `explain(set, request)`, importing nothing.
 */
export async function generateEvaluatorModule(result: CompileResult): Promise<string> {
  // prettier takes about a second to load: only commands that emit TypeScript pay.
  const { generatePrincipalEvaluator } = await import("./emit/typescript/index.js");
  return generatePrincipalEvaluator(result.principals, { moduleName: EVALUATOR_FILE });
}

/**
 * Writes the outputs of a successful result into `outDir`: the IAM JSON (target `json`), the
 * evaluator module (target `ts`) and, always, `arp.manifest.json`, which lists them. The old set
 * is replaced by the new one at once; files an earlier compile wrote and this one does not are
 * removed, and files arp did not write are kept (see compiler/writeOutputs.ts).
 * @returns what was removed, and what an interrupted earlier compile left and how it was resolved.
 * @throws when `result.ok` is false (a failed compilation never produces output), or when the
 *   outputs cannot be written; `outDir` is then as it was.
 */
export async function writeOutputs(result: CompileResult, outDir: string, targets: readonly Target[] = ["json"]): Promise<WriteReport> {
  if (!result.ok) throw new Error("refusing to write outputs of a compilation with errors");
  const files: OutputFile[] = targets.includes("json") ? jsonFiles(result) : [];
  if (targets.includes("ts")) files.push({ name: EVALUATOR_FILE, text: await generateEvaluatorModule(result) });
  files.push({ name: MANIFEST_NAME, text: manifestText(result, files) });
  return writeOwnedDirectory(outDir, files);
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

/**
 * Turns an IAM JSON policy (identity or role trust) or a role, user or group bundle into `.arp`, formatted, after checking
 * that the `.arp` compiles back to the same decisions.
 */
export async function importPolicy(json: string, options: import("./import/index.js").ImportOptions): Promise<import("./import/index.js").ImportResult> {
  // The importer prints with the formatter (prettier): only callers that import load it.
  const importer = await import("./import/index.js");
  return importer.importPolicy(json, options);
}
