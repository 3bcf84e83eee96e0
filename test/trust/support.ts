/**
 * Shared by the trust tests: compiling one role, its diagnostics by code, and who its emitted
 * trust policy lets assume it, decided by the runtime.
 */
import { expect } from "vitest";
import { compile, type Diagnostic } from "../../compiler/index.js";
import { evaluate, type ContextValue, type IamPolicyDocument, type IamStatement } from "../../runtime/index.js";

/** A role with the given `trust` lines. */
export function role(...trusts: string[]): string {
  return ["role R {", ...trusts.map((t) => `  ${t}`), "  attach AWSAppRunnerReadOnlyAccess", "}", ""].join("\n");
}

export function diagnosticsOf(source: string, code: string): Diagnostic[] {
  return compile(source).diagnostics.filter((d) => d.code === code);
}

/** The role's trust policy; fails the test when the source has errors. */
export function trustDocument(source: string): IamPolicyDocument {
  const result = compile(source);
  expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  const doc = result.roles[0]?.trust.document;
  expect(doc).toBeDefined();
  return doc as IamPolicyDocument;
}

export function statements(doc: IamPolicyDocument): IamStatement[] {
  return [doc.Statement].flat();
}

/** Whether a statement's `Principal` names `who` (an ARN, service or provider), or is `*`. */
function names(statement: IamStatement, who: string): boolean {
  const p = statement.Principal;
  if (p === undefined) return false;
  if (p === "*") return true;
  return Object.values(p).some((v) => [v].flat().includes(who) || [v].flat().includes("*"));
}

/**
 * Whether `who` may call `action` on the role: some Allow statement naming `who` applies and
 * no Deny statement naming `who` does ("An explicit deny in any policy overrides any allows",
 * reference_policies_evaluation-logic). The runtime decides Action and Condition on the emitted
 * document (it does not match principals, so the statements it finds, the allows it overrode
 * included, are narrowed here to those that name `who`).
 */
export function mayAssume(doc: IamPolicyDocument, who: string, action: string, context: Record<string, ContextValue> = {}): boolean {
  const result = evaluate([doc], {
    principal: who.startsWith("arn:aws:iam::") && !who.includes("-provider/") ? who : "arn:aws:iam::123456789012:role/caller",
    action,
    resource: "arn:aws:iam::123456789012:role/R",
    context,
  });
  const all = statements(doc);
  const naming = (refs: readonly { index: number }[]) => refs.some((m) => names(all[m.index] as IamStatement, who));
  if (result.decision === "ExplicitDeny") return !naming(result.matched) && naming(result.overridden ?? []);
  return result.decision === "Allow" && naming(result.matched);
}
