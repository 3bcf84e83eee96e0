/**
 * The compiler's stages in order, each appending to one diagnostics list:
 * parse → parameters → collect policies → expand `use` → check statements → lower → emit.
 * A file with syntax errors is reported but not checked further, so its partial tree cannot
 * cause misleading follow-on errors.
 */
import { parse } from "../grammar/parse.js";
import type { SourceFile, Statement } from "../grammar/ast.js";
import type { IamPolicyDocument } from "../runtime/policyDocument.js";
import type { SourceLocation } from "../runtime/types.js";
import { loadCatalog } from "./catalog/index.js";
import { checkStatement } from "./check/checkStatement.js";
import type { CheckContext } from "./check/context.js";
import { collectPolicies, type PolicySource } from "./collectPolicies.js";
import { diagnostic } from "./diagnostics/codes.js";
import { hasErrors, sortDiagnostics, type Diagnostic } from "./diagnostics/diagnostic.js";
import { locate } from "./diagnostics/sourceText.js";
import { emitDocument, formatDocument, policySize } from "./emit/iamJson.js";
import type { IrPolicy, IrStatement } from "./ir.js";
import { lowerStatement } from "./lower/lowerStatement.js";
import { checkSettings, fileParams } from "./params.js";

/** One `.arp` source, from disk or from memory. */
export interface SourceInput {
  readonly path: string;
  readonly text: string;
}

export interface CompileOptions {
  /** Parameter values, as `--set name=value` gives them. */
  readonly params?: Readonly<Record<string, string>>;
}

/** A compiled policy: its IAM document, the file text arp writes, and where each statement came from. */
export interface CompiledPolicy {
  readonly name: string;
  readonly kind: "identity" | "trust";
  /** The `.arp` file that defines it. */
  readonly file: string;
  readonly description?: string;
  readonly document: IamPolicyDocument;
  /** `<name>.json`'s exact text. */
  readonly json: string;
  /** IAM's size measure (characters without whitespace). */
  readonly size: number;
  /** The `.arp` location of each statement, by index. */
  readonly sources: readonly SourceLocation[];
  readonly ir: IrPolicy;
}

export interface CompileResult {
  /** True when there is no error (warnings allowed). */
  readonly ok: boolean;
  /** Empty when `ok` is false: arp never hands out half a result. */
  readonly policies: readonly CompiledPolicy[];
  /** Sorted by file and position. */
  readonly diagnostics: readonly Diagnostic[];
  /** Every source text by path, for rendering diagnostics. */
  readonly sources: ReadonlyMap<string, string>;
  readonly catalog: { readonly version: string; readonly updatedAt: string };
}

/** IAM's limit for a customer managed policy. */
export const MANAGED_POLICY_LIMIT = 6144;

export function compileProgram(inputs: readonly SourceInput[], options: CompileOptions = {}): CompileResult {
  const diagnostics: Diagnostic[] = [];
  const catalog = loadCatalog();
  const sources = new Map(inputs.map((s) => [s.path, s.text]));
  const files: SourceFile[] = [];
  for (const input of inputs) {
    const { ast, diagnostics: syntax } = parse(input.text, input.path);
    diagnostics.push(...syntax);
    if (!hasErrors(syntax)) files.push(ast);
  }
  const settings = options.params ?? {};
  checkSettings(files, settings, diagnostics);
  const contexts = new Map<SourceFile, CheckContext>();
  for (const f of files) contexts.set(f, { catalog, params: fileParams(f, settings, diagnostics), diagnostics });
  const policySources = collectPolicies(files, diagnostics);
  const lowering = new StatementLowering(contexts);
  const policies = policySources.map((p) => buildPolicy(p, policySources, lowering, sources, diagnostics));
  const sorted = sortDiagnostics(diagnostics);
  const ok = !hasErrors(sorted);
  return {
    ok,
    policies: ok ? policies.filter((p): p is CompiledPolicy => p !== undefined) : [],
    diagnostics: sorted,
    sources,
    catalog: { version: catalog.version, updatedAt: catalog.updatedAt },
  };
}

/** Checks and lowers each statement once, even when several policies `use` it. */
class StatementLowering {
  private readonly done = new Map<Statement, IrStatement[]>();
  constructor(private readonly contexts: ReadonlyMap<SourceFile, CheckContext>) {}

  lower(stmt: Statement, file: SourceFile): IrStatement[] {
    let ir = this.done.get(stmt);
    if (ir === undefined) {
      const ctx = this.contexts.get(file) as CheckContext;
      const checked = checkStatement(ctx, stmt);
      ir = checked === undefined ? [] : lowerStatement(ctx, checked);
      this.done.set(stmt, ir);
    }
    return ir;
  }
}

interface OwnedStatement {
  readonly stmt: Statement;
  readonly file: SourceFile;
}

/** Flattens `use` into the statements it names, reporting unknown names and cycles. */
function expandItems(
  policy: PolicySource,
  all: readonly PolicySource[],
  diagnostics: Diagnostic[],
  stack: readonly PolicySource[] = [],
): OwnedStatement[] {
  const out: OwnedStatement[] = [];
  for (const item of policy.items) {
    if (item.kind === "Statement") {
      out.push({ stmt: item, file: policy.file });
      continue;
    }
    const target = all.find((p) => p.name.toLowerCase() === item.name.name.toLowerCase());
    if (target === undefined) {
      diagnostics.push(diagnostic("UnknownPolicyName", item.name.span, `no policy named \`${item.name.name}\` is defined`));
    } else if (target === policy || stack.includes(target)) {
      const chain = [...stack, policy, target].map((p) => p.name).join(" → ");
      diagnostics.push(diagnostic("ImportCycle", item.span, `\`use\` forms a cycle: ${chain}`));
    } else {
      out.push(...expandItems(target, all, diagnostics, [...stack, policy]));
    }
  }
  return out;
}

function buildPolicy(
  policy: PolicySource,
  all: readonly PolicySource[],
  lowering: StatementLowering,
  sources: ReadonlyMap<string, string>,
  diagnostics: Diagnostic[],
): CompiledPolicy | undefined {
  const owned = expandItems(policy, all, diagnostics);
  const statements: IrStatement[] = [];
  for (const { stmt, file } of owned) statements.push(...lowering.lower(stmt, file));
  checkSids(statements, diagnostics);
  if (owned.length === 0) {
    diagnostics.push(diagnostic("EmptyPolicy", policy.nameSpan, `policy \`${policy.name}\` has no statements`));
    return undefined;
  }
  const description = policy.description?.parts.map((p) => (p.kind === "Text" ? p.text : "")).join("");
  const ir: IrPolicy = {
    name: policy.name,
    kind: "identity",
    ...(description !== undefined ? { description } : {}),
    statements,
    span: policy.span,
  };
  const document = emitDocument(ir);
  const size = policySize(document);
  if (size > MANAGED_POLICY_LIMIT) {
    diagnostics.push(diagnostic("PolicyTooLarge", policy.nameSpan,
      `policy \`${policy.name}\` is ${size} characters without whitespace; IAM allows ${MANAGED_POLICY_LIMIT} for a managed policy`,
      { hint: "split it into several policies, or use wildcards for families of actions" }));
  }
  return {
    name: policy.name,
    kind: "identity",
    file: policy.file.span.file,
    ...(description !== undefined ? { description } : {}),
    document,
    json: formatDocument(document),
    size,
    sources: statements.map((s) => locate(sources.get(s.span.file) ?? "", s.span)),
    ir,
  };
}

function checkSids(statements: readonly IrStatement[], diagnostics: Diagnostic[]): void {
  const seen = new Map<string, IrStatement>();
  for (const s of statements) {
    if (s.sid === undefined) continue;
    const prior = seen.get(s.sid);
    if (prior !== undefined) {
      diagnostics.push(diagnostic("DuplicateSid", s.span, `the Sid \`${s.sid}\` is already used in this policy`, {
        hint: "IAM requires each Sid to be unique within a policy",
        related: [{ message: "first used here", span: prior.span }],
      }));
    } else seen.set(s.sid, s);
  }
}

