/**
 * The compiler driver: its stages, in order (docs/architecture.md draws them). Each stage is
 * one file in compiler/driver/, reads only what earlier stages produced, and appends to one
 * diagnostics list:
 *
 * 1. parse            source → tokens → CST → AST             driver/parseSources.ts
 * 2. resolve imports  follow `import`, add the stdlib          driver/resolveImports.ts
 * 3. params           each file's parameters, `--set` checked  driver/params.ts
 * 4. collect          every policy definition, by name         driver/collectPolicies.ts
 * 5. check            every statement, `use` and test of every loaded file, once
 *                                                              driver/checkProgram.ts
 * 6. lower            checked statements → IAM IR              driver/lowerProgram.ts
 * 7. build            IR → IAM documents, policies and roles   driver/buildDocuments.ts
 * 8. validate         every built document against IAM         driver/validateDocuments.ts
 *    lint             (`lint` option) Access-Analyzer-style checks lint/lintProgram.ts
 * 9. emit             the output files' text                   driver/emitOutputs.ts
 *
 * Only the files given to the compiler produce output; everything loaded is checked.
 */
import { loadCatalog } from "./catalog/index.js";
import { hasErrors, sortDiagnostics, type Diagnostic } from "../grammar/diagnostics/diagnostic.js";
import { buildDocuments, type BuiltProgram } from "./driver/buildDocuments.js";
import { checkProgram, type CheckedProgram } from "./driver/checkProgram.js";
import { collectProgram } from "./driver/collectPolicies.js";
import { emitGroup, emitPolicy, emitRole, emitUser, type CompiledGroup, type CompiledPolicy, type CompiledRole, type CompiledUser } from "./driver/emitOutputs.js";
import { lowerProgram } from "./driver/lowerProgram.js";
import { resolveParams } from "./driver/params.js";
import { parseSources } from "./driver/parseSources.js";
import { userFiles, type CompileOptions, type Program, type SourceInput } from "./driver/program.js";
import { loadProgramFiles } from "./driver/resolveImports.js";
import { SuppressingDiagnostics } from "./driver/suppressions.js";
import { validateDocuments } from "./driver/validateDocuments.js";
import { isLintCode, lintInputOf, lintProgram } from "./lint/lintProgram.js";
import type { PrincipalSet } from "./driver/principalSets.js";
import type { IamPolicyDocument } from "../runtime/policyDocument.js";
import type { SourceLocation } from "../runtime/types.js";

export type { CompileOptions, SourceInput, CompiledPolicy, CompiledRole, CompiledUser, CompiledGroup };
export { MANAGED_POLICY_LIMIT } from "./driver/compilePolicy.js";

export interface CompileResult {
  /** True when there is no error (warnings allowed). */
  readonly ok: boolean;
  /** Empty when `ok` is false: arp never hands out half a result. */
  readonly policies: readonly CompiledPolicy[];
  /** Role bundles; empty when `ok` is false. */
  readonly roles: readonly CompiledRole[];
  /** IAM user bundles (`<Name>.user.json`); empty when `ok` is false. */
  readonly users: readonly CompiledUser[];
  /** IAM group bundles (`<Name>.group.json`); empty when `ok` is false. */
  readonly groups: readonly CompiledGroup[];
  /**
   * Whose policies decide a request: each role of the inputs (its inline and attached
   * policies), then each standalone policy (alone). Empty when `ok` is false.
   */
  readonly principals: readonly CompiledPrincipalSet[];
  /** Sorted by file and position. */
  readonly diagnostics: readonly Diagnostic[];
  /** The paths of the files given to the compiler. */
  readonly files: readonly string[];
  /** Every source text by path (inputs, imports and stdlib), for rendering diagnostics. */
  readonly sources: ReadonlyMap<string, string>;
  readonly catalog: { readonly version: string; readonly updatedAt: string };
}

/** What stages 1-8 produce: everything checked, and the documents built from the inputs. */
export interface Analysis {
  readonly program: Program;
  readonly checked: CheckedProgram;
  readonly built: BuiltProgram;
}

/** Runs every stage but emit: the analysis `arp test` evaluates and `compileProgram` emits. */
export function analyzeProgram(inputs: readonly SourceInput[], options: CompileOptions = {}): Analysis {
  // `// arp-ignore` comments apply as each diagnostic arrives (driver/suppressions.ts).
  const diagnostics = new SuppressingDiagnostics();
  const catalog = loadCatalog();
  const parsed = parseSources(inputs, diagnostics);
  const files = loadProgramFiles(inputs, parsed, diagnostics);
  diagnostics.readCommentsOf(userFiles(files), files.sources);
  const contexts = resolveParams(catalog, files, options.params ?? {}, diagnostics);
  const program = collectProgram(catalog, files, contexts, diagnostics);
  const checked = checkProgram(program, { wholeStdlib: options.stdlibPrincipals === true });
  const lowered = lowerProgram(checked);
  const built = buildDocuments({ program, checked, lowered });
  // Documents built beside an error are never written: only a clean build meets the last gate.
  if (!hasErrors(diagnostics)) validateDocuments(built.documents, diagnostics);
  if (options.lint === true) lintProgram(lintInputOf(program, built), diagnostics);
  diagnostics.reportUnused((code) => options.lint === true || !isLintCode(code));
  return { program, checked, built };
}

/** A named policy as the runtime's `evaluate` and the evaluator generator take it. */
export interface NamedPolicyInput {
  readonly name: string;
  readonly document: IamPolicyDocument;
  readonly sources: readonly SourceLocation[];
}

/** One principal's identity policies, as evaluators take them. */
export interface CompiledPrincipalSet {
  readonly name: string;
  readonly kind: "role" | "user" | "policy";
  /** Each policy under the name explanations cite (`Role/Policy` for a role's inline policy). */
  readonly policies: readonly NamedPolicyInput[];
  /** Managed policies attached by ARN whose content arp does not know: answers leave them out. */
  readonly unknownManagedArns: readonly string[];
  /** The role's or user's account when its file names one: principalSetOf maps only ARNs in it. */
  readonly account?: string;
}

/** A principal set as the evaluators (runtime, generated module) take it. */
export function compiledSet(set: PrincipalSet): CompiledPrincipalSet {
  return {
    name: set.name,
    kind: set.kind,
    policies: set.members.map((m) => ({ name: m.name, document: m.policy.document, sources: m.policy.sources })),
    unknownManagedArns: set.unknownManagedArns,
    ...(set.account === undefined ? {} : { account: set.account }),
  };
}

export function compileProgram(inputs: readonly SourceInput[], options: CompileOptions = {}): CompileResult {
  const { program, built } = analyzeProgram(inputs, options);
  const sorted = sortDiagnostics(program.diagnostics);
  const ok = !hasErrors(sorted);
  return {
    ok,
    policies: ok ? built.policies.map(emitPolicy) : [],
    roles: ok ? built.roles.map(emitRole) : [],
    users: ok ? built.users.map(emitUser) : [],
    groups: ok ? built.groups.map(emitGroup) : [],
    principals: ok ? built.principals.map(compiledSet) : [],
    diagnostics: sorted,
    files: inputs.map((i) => i.path),
    sources: program.files.sources,
    catalog: { version: program.catalog.version, updatedAt: program.catalog.updatedAt },
  };
}
