/**
 * The compiler's stages in order, each appending to one diagnostics list:
 * parse → imports and stdlib → parameters → collect policies → check and lower statements →
 * build policies and roles → emit. Only the files given to the compiler produce output.
 */
import type { RoleDecl } from "../grammar/ast.js";
import { buildPolicy, type CompiledPolicy } from "./buildPolicy.js";
import { buildRole, type CompiledRole } from "./buildRole.js";
import { hasErrors, sortDiagnostics, type Diagnostic } from "./diagnostics/diagnostic.js";
import { diagnostic } from "./diagnostics/codes.js";
import { checkOutputNames, type OutputName } from "./outputNames.js";
import { buildProgram, type CompileOptions, type Program, type SourceInput } from "./program.js";

export type { CompileOptions, SourceInput, CompiledPolicy, CompiledRole };
export { MANAGED_POLICY_LIMIT } from "./buildPolicy.js";

export interface CompileResult {
  /** True when there is no error (warnings allowed). */
  readonly ok: boolean;
  /** Empty when `ok` is false: arp never hands out half a result. */
  readonly policies: readonly CompiledPolicy[];
  /** Role bundles; empty when `ok` is false. */
  readonly roles: readonly CompiledRole[];
  /** Sorted by file and position. */
  readonly diagnostics: readonly Diagnostic[];
  /** The paths of the files given to the compiler. */
  readonly files: readonly string[];
  /** Every source text by path (inputs, imports and stdlib), for rendering diagnostics. */
  readonly sources: ReadonlyMap<string, string>;
  readonly catalog: { readonly version: string; readonly updatedAt: string };
}

export function compileProgram(inputs: readonly SourceInput[], options: CompileOptions = {}): CompileResult {
  const program = buildProgram(inputs, options);
  const inputFiles = new Set(program.inputs);
  const policies: CompiledPolicy[] = [];
  for (const source of program.policies) {
    if (!inputFiles.has(source.file) || source.role !== undefined) continue;
    const compiled = buildPolicy(program, source);
    if (compiled !== undefined) policies.push(compiled);
  }
  const roles: CompiledRole[] = [];
  const roleNames = new Map<string, RoleDecl>();
  for (const file of program.inputs) {
    for (const item of file.items) {
      if (item.kind !== "Role") continue;
      const prior = roleNames.get(item.name.name.toLowerCase());
      if (prior !== undefined) {
        program.diagnostics.push(diagnostic("DuplicatePolicyName", item.name.span, `a role named \`${item.name.name}\` is already defined`, {
          related: [{ message: "first defined here", span: prior.name.span }],
        }));
        continue;
      }
      roleNames.set(item.name.name.toLowerCase(), item);
      const role = buildRole(program, file, item);
      if (role !== undefined) roles.push(role);
    }
  }
  checkOutputNames(outputNames(program, [...roleNames.values()]), program.diagnostics);
  const sorted = sortDiagnostics(program.diagnostics);
  const ok = !hasErrors(sorted);
  return {
    ok,
    policies: ok ? policies : [],
    roles: ok ? roles : [],
    diagnostics: sorted,
    files: inputs.map((i) => i.path),
    sources: program.sources,
    catalog: { version: program.catalog.version, updatedAt: program.catalog.updatedAt },
  };
}

/** Every name of the inputs that becomes a file: standalone policies and roles. */
function outputNames(program: Program, roles: readonly RoleDecl[]): OutputName[] {
  const order = new Map(program.inputs.map((f, i) => [f.span.file, i]));
  const orderOf = (file: string): number => order.get(file) ?? -1;
  return [
    ...program.policies
      .filter((p) => p.role === undefined && order.has(p.file.span.file))
      .map((p) => ({ kind: "policy" as const, name: p.name, span: p.nameSpan, order: orderOf(p.file.span.file) })),
    ...roles.map((r) => ({ kind: "role" as const, name: r.name.name, span: r.name.span, order: orderOf(r.name.span.file) })),
  ];
}
