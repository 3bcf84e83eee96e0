/**
 * The front half of the compiler: parse the inputs, follow imports, add the stdlib, resolve
 * parameters and find every policy. Later stages (policies, roles, tests) work on the result.
 * A file with syntax errors is reported but not checked further, so its partial tree cannot
 * cause misleading follow-on errors.
 */
import type { SourceFile, Statement } from "../grammar/ast.js";
import { parse } from "../grammar/parse.js";
import { loadCatalog, type Catalog } from "./catalog/index.js";
import { checkStatement } from "./check/checkStatement.js";
import type { CheckContext } from "./check/context.js";
import { collectPolicies, type PolicySource } from "./collectPolicies.js";
import { diagnostic } from "./diagnostics/codes.js";
import { hasErrors, type Diagnostic } from "./diagnostics/diagnostic.js";
import type { IrStatement } from "./ir.js";
import { lowerStatement } from "./lower/lowerStatement.js";
import { checkSettings, fileParams } from "./params.js";
import { resolveImports } from "./resolveImports.js";
import { isStdlibFile, loadStdlib } from "./stdlib.js";

/** One `.arp` source, from disk or from memory. */
export interface SourceInput {
  readonly path: string;
  readonly text: string;
}

export interface CompileOptions {
  /** Parameter values, as `--set name=value` gives them. */
  readonly params?: Readonly<Record<string, string>>;
}

export interface Program {
  readonly catalog: Catalog;
  /** The files given to the compiler that parsed cleanly: only these produce output. */
  readonly inputs: readonly SourceFile[];
  readonly contexts: ReadonlyMap<SourceFile, CheckContext>;
  /** Policies of the inputs, of imported files, then of the stdlib (shadowed by name). */
  readonly policies: readonly PolicySource[];
  readonly sources: Map<string, string>;
  readonly diagnostics: Diagnostic[];
  /** Checks and lowers a statement once, however many policies include it. */
  lower(stmt: Statement, file: SourceFile): IrStatement[];
  /** Finds a policy by name (case-insensitive), the inputs' and imports' before the stdlib's. */
  policy(name: string): PolicySource | undefined;
}

export function buildProgram(inputs: readonly SourceInput[], options: CompileOptions = {}): Program {
  const diagnostics: Diagnostic[] = [];
  const catalog = loadCatalog();
  const sources = new Map(inputs.map((s) => [s.path, s.text]));
  const files: SourceFile[] = [];
  for (const input of inputs) {
    const { ast, diagnostics: syntax } = parse(input.text, input.path);
    diagnostics.push(...syntax);
    if (!hasErrors(syntax)) files.push(ast);
  }
  const imported = resolveImports(files, diagnostics);
  imported.texts.forEach((text, path) => sources.set(path, text));
  const stdlib = loadStdlib();
  const inputPaths = new Set(files.map((f) => f.span.file));
  const stdFiles = stdlib.files.filter((f) => !inputPaths.has(f.span.file));
  stdlib.texts.forEach((text, path) => sources.set(path, text));
  const userFiles = [...files, ...imported.libraries];
  const settings = options.params ?? {};
  checkSettings(userFiles, settings, diagnostics);
  const contexts = new Map<SourceFile, CheckContext>();
  for (const f of [...userFiles, ...stdFiles]) {
    contexts.set(f, { catalog, params: fileParams(f, isStdlibFile(f.span.file) ? {} : settings, diagnostics), diagnostics });
  }
  const userPolicies = collectPolicies(userFiles, diagnostics);
  const userNames = new Set(userPolicies.map((p) => p.name.toLowerCase()));
  const stdPolicies = collectPolicies(stdFiles, []).filter((p) => !userNames.has(p.name.toLowerCase()));
  const policies = [...userPolicies, ...stdPolicies];
  const lowered = new Map<Statement, IrStatement[]>();
  return {
    catalog,
    inputs: files,
    contexts,
    policies,
    sources,
    diagnostics,
    lower(stmt, file) {
      let ir = lowered.get(stmt);
      if (ir === undefined) {
        const ctx = contexts.get(file) as CheckContext;
        const checked = checkStatement(ctx, stmt);
        ir = checked === undefined ? [] : lowerStatement(ctx, checked);
        lowered.set(stmt, ir);
      }
      return ir;
    },
    policy(name) {
      const lower = name.toLowerCase();
      return policies.find((p) => p.name.toLowerCase() === lower);
    },
  };
}

/** Flattens a policy's `use` items into the statements they name, reporting unknown names and cycles. */
export function policyStatements(program: Program, policy: PolicySource, stack: readonly PolicySource[] = []): IrStatement[] {
  const out: IrStatement[] = [];
  for (const item of policy.items) {
    if (item.kind === "Statement") {
      out.push(...program.lower(item, policy.file));
      continue;
    }
    const target = program.policy(item.name.name);
    if (target === undefined) {
      program.diagnostics.push(diagnostic("UnknownPolicyName", item.name.span, `no policy named \`${item.name.name}\` is defined`, {
        hint: "define it in one of the files being compiled, `import` its file, or use a stdlib policy such as `AWSAppRunnerReadOnlyAccess`",
      }));
    } else if (target === policy || stack.includes(target)) {
      const chain = [...stack, policy, target].map((p) => p.name).join(" → ");
      program.diagnostics.push(diagnostic("ImportCycle", item.span, `\`use\` forms a cycle: ${chain}`));
    } else {
      out.push(...policyStatements(program, target, [...stack, policy]));
    }
  }
  return out;
}
