/**
 * Builds one identity policy from its checked, lowered statements (with `use` expanded):
 * unique Sids and the IAM document. Whether it must fit the managed-policy limit depends on
 * how it is delivered (standalone: managed; in a role: inline), so the caller checks sizes.
 */
import type { IamPolicyDocument } from "../../runtime/policyDocument.js";
import type { SourceLocation } from "../../runtime/types.js";
import type { PolicyDefinition } from "./collectPolicies.js";
import { characterNotAllowed } from "../check/checkCharacters.js";
import { diagnostic } from "../../grammar/diagnostics/codes.js";
import type { Diagnostic, Span } from "../../grammar/diagnostics/diagnostic.js";
import { locate } from "../diagnostics/sourceText.js";
import { emitDocument, policySize } from "../emit/iamJson.js";
import type { IrPolicy, IrStatement, PolicyKind } from "../ir.js";
import type { CheckedProgram } from "./checkProgram.js";
import type { LoweredProgram } from "./lowerProgram.js";
import type { Program } from "./program.js";

/** A built policy: its IAM document and where each statement came from. */
export interface BuiltPolicy {
  readonly name: string;
  readonly kind: PolicyKind;
  /** The `.arp` file that defines it. */
  readonly file: string;
  readonly description?: string;
  readonly document: IamPolicyDocument;
  /** IAM's size measure (characters without whitespace). */
  readonly size: number;
  /** The `.arp` location of each statement, by index. */
  readonly sources: readonly SourceLocation[];
  readonly ir: IrPolicy;
}

/**
 * IAM's default quota for a customer managed policy: "the size of each managed policy cannot
 * exceed the default quota of 6,144 characters. IAM does not count white space"
 * (access-analyzer-reference-policy-checks.md).
 */
export const MANAGED_POLICY_LIMIT = 6144;

/** What the build stage reads: the program and the check and lower stages' results. */
export interface BuildInput {
  readonly program: Program;
  readonly checked: CheckedProgram;
  readonly lowered: LoweredProgram;
}

/**
 * A standalone policy's description becomes the managed policy's `Description`, which IAM's
 * CreatePolicy holds to the policy character set (tab, LF, CR, U+0020 to U+00FF).
 */
function checkDescription(input: BuildInput, policy: PolicyDefinition, description: string | undefined): void {
  if (description === undefined || policy.description === undefined) return;
  const found = characterNotAllowed(description, policy.description.span, `the description of \`${policy.name}\``);
  if (found !== undefined) input.program.diagnostics.push(found);
}

export function compilePolicy(input: BuildInput, policy: PolicyDefinition, reportedSids: Set<string>): BuiltPolicy | undefined {
  const statements = policyStatements(input, policy);
  checkSids(statements, input.program.diagnostics, reportedSids);
  if (policy.items.length === 0) {
    input.program.diagnostics.push(diagnostic("EmptyPolicy", policy.nameSpan, `policy \`${policy.name}\` has no statements`));
    return undefined;
  }
  const description = policy.description?.parts.map((p) => (p.kind === "Text" ? p.text : "")).join("");
  checkDescription(input, policy, description);
  return assemble(input.program, {
    name: policy.name,
    kind: "identity",
    ...(description !== undefined ? { description } : {}),
    statements,
    span: policy.span,
  });
}

/**
 * A policy's statements with its `use` items expanded. The check stage already reported
 * unknown names and cut cycles, so this reports nothing.
 */
export function policyStatements(input: BuildInput, policy: PolicyDefinition): IrStatement[] {
  const out: IrStatement[] = [];
  for (const item of policy.items) {
    if (item.kind === "Statement") out.push(...(input.lowered.get(item) ?? []));
    else {
      const target = input.checked.uses.get(item);
      if (target !== undefined) out.push(...policyStatements(input, target));
    }
  }
  return out;
}

/** Builds the IAM document of an IR policy and records where its statements came from. */
export function assemble(program: Program, ir: IrPolicy): BuiltPolicy {
  const document = emitDocument(ir);
  return {
    name: ir.name,
    kind: ir.kind,
    file: ir.span.file,
    ...(ir.description !== undefined ? { description: ir.description } : {}),
    document,
    size: policySize(document),
    sources: ir.statements.map((s) => locate(program.files.sources.get(s.span.file) ?? "", s.span)),
    ir,
  };
}

/**
 * Each Sid must be unique within a policy. `reported` holds the clashes already reported, so a
 * clash inside a policy that others `use` is reported once, not once per policy that uses it.
 */
export function checkSids(statements: readonly IrStatement[], diagnostics: Diagnostic[], reported = new Set<string>()): void {
  const seen = new Map<string, Span>();
  for (const s of statements) {
    if (s.sid === undefined) continue;
    const prior = seen.get(s.sid);
    const key = prior === undefined ? "" : `${s.span.file}:${s.span.start}:${prior.file}:${prior.start}`;
    if (prior !== undefined && reported.has(key)) continue;
    if (prior !== undefined) {
      reported.add(key);
      diagnostics.push(diagnostic("DuplicateSid", s.span, `the Sid \`${s.sid}\` is already used in this policy`, {
        hint: "IAM requires each Sid to be unique within a policy",
        related: [{ message: "first used here", span: prior }],
      }));
    } else seen.set(s.sid, s.span);
  }
}

/** A standalone policy becomes a customer managed policy, held to IAM's managed-policy quota. */
export function checkManagedSize(policy: PolicyDefinition, size: number, diagnostics: Diagnostic[]): void {
  if (size <= MANAGED_POLICY_LIMIT) return;
  diagnostics.push(diagnostic("PolicyTooLarge", policy.nameSpan,
    `policy \`${policy.name}\` is ${size} characters without whitespace; IAM allows ${MANAGED_POLICY_LIMIT} for a managed policy`,
    { hint: "split it into several policies, or use wildcards for families of actions" }));
}
