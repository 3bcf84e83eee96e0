/**
 * Compiles one identity policy: its statements (with `use` expanded), unique Sids, IAM's size
 * limit, and the emitted document.
 */
import type { IamPolicyDocument } from "../runtime/policyDocument.js";
import type { SourceLocation } from "../runtime/types.js";
import type { PolicySource } from "./collectPolicies.js";
import { diagnostic } from "./diagnostics/codes.js";
import type { Diagnostic, Span } from "./diagnostics/diagnostic.js";
import { locate } from "./diagnostics/sourceText.js";
import { emitDocument, formatDocument, policySize } from "./emit/iamJson.js";
import type { IrPolicy, IrStatement, PolicyKind } from "./ir.js";
import { policyStatements, type Program } from "./program.js";

/** A compiled policy: its IAM document, the file text arp writes, and where each statement came from. */
export interface CompiledPolicy {
  readonly name: string;
  readonly kind: PolicyKind;
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

/** IAM's limit for a customer managed policy. */
export const MANAGED_POLICY_LIMIT = 6144;

export function buildPolicy(program: Program, policy: PolicySource): CompiledPolicy | undefined {
  const hasStatements = policy.items.length > 0;
  const statements = policyStatements(program, policy);
  checkSids(statements, program.diagnostics);
  if (!hasStatements) {
    program.diagnostics.push(diagnostic("EmptyPolicy", policy.nameSpan, `policy \`${policy.name}\` has no statements`));
    return undefined;
  }
  const description = policy.description?.parts.map((p) => (p.kind === "Text" ? p.text : "")).join("");
  const compiled = assemble(program, {
    name: policy.name,
    kind: "identity",
    ...(description !== undefined ? { description } : {}),
    statements,
    span: policy.span,
  });
  if (compiled.size > MANAGED_POLICY_LIMIT) {
    program.diagnostics.push(diagnostic("PolicyTooLarge", policy.nameSpan,
      `policy \`${policy.name}\` is ${compiled.size} characters without whitespace; IAM allows ${MANAGED_POLICY_LIMIT} for a managed policy`,
      { hint: "split it into several policies, or use wildcards for families of actions" }));
  }
  return compiled;
}

/** Emits an IR policy and records where its statements came from. */
export function assemble(program: Program, ir: IrPolicy): CompiledPolicy {
  const document = emitDocument(ir);
  return {
    name: ir.name,
    kind: ir.kind,
    file: ir.span.file,
    ...(ir.description !== undefined ? { description: ir.description } : {}),
    document,
    json: formatDocument(document),
    size: policySize(document),
    sources: ir.statements.map((s) => locate(program.sources.get(s.span.file) ?? "", s.span)),
    ir,
  };
}

export function checkSids(statements: readonly IrStatement[], diagnostics: Diagnostic[]): void {
  const seen = new Map<string, Span>();
  for (const s of statements) {
    if (s.sid === undefined) continue;
    const prior = seen.get(s.sid);
    if (prior !== undefined) {
      diagnostics.push(diagnostic("DuplicateSid", s.span, `the Sid \`${s.sid}\` is already used in this policy`, {
        hint: "IAM requires each Sid to be unique within a policy",
        related: [{ message: "first used here", span: prior }],
      }));
    } else seen.set(s.sid, s.span);
  }
}
