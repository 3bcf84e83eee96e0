/**
 * An IAM JSON document, as the importer validated and located it (compiler/import), seen as a
 * built policy whose IR spans point into the JSON: the statement's object, the condition's key
 * and values. Lint reads IR only, so every check runs on JSON as on `.arp`.
 */
import { basename } from "node:path";
import type { Span } from "../../grammar/diagnostics/diagnostic.js";
import type { IamPolicyDocument, IamPrincipal } from "../../runtime/policyDocument.js";
import { lineMapOf } from "../diagnostics/sourceText.js";
import type { BuiltPolicy } from "../driver/compilePolicy.js";
import { operatorText } from "../import/iamOperators.js";
import type { ImportedPolicy, ImportedPrincipal, ImportedStatement } from "../import/policyModel.js";
import type { IrCondition, IrStatement } from "../ir.js";

/** The name a JSON policy goes by in findings: its file's name without `.json`. */
export function jsonPolicyName(file: string): string {
  return basename(file).replace(/\.json$/i, "") || "policy";
}

function principalOf(p: ImportedPrincipal): IamPrincipal {
  if (p.anyone) return "*";
  const out: Record<string, string[]> = {};
  for (const { field, value } of p.entries) (out[field] ??= []).push(value.text);
  return out;
}

function irStatement(s: ImportedStatement): IrStatement {
  const conditions: IrCondition[] = s.tests.map((t) => ({
    operator: operatorText(t.operator),
    key: t.key.text,
    values: t.values.map((v) => v.text),
    span: t.span,
  }));
  return {
    ...(s.sid !== undefined ? { sid: s.sid.text } : {}),
    effect: s.effect,
    ...(s.principal !== undefined ? { principal: principalOf(s.principal) } : {}),
    actions: { not: s.actions.not, values: s.actions.items.map((a) => a.text) },
    ...(s.resources !== undefined ? { resources: { not: s.resources.not, values: s.resources.items.map((r) => r.text) } } : {}),
    conditions,
    span: s.span,
  };
}

/**
 * `policy` (validated from `document`, the same JSON as plain data) as lint's input holds it.
 * `span` is where the document is, in `text`.
 */
export function builtJsonPolicy(name: string, policy: ImportedPolicy, document: IamPolicyDocument, text: string, span: Span): BuiltPolicy {
  const statements = policy.statements.map(irStatement);
  const map = lineMapOf(text);
  return {
    name,
    kind: policy.kind,
    file: span.file,
    document,
    // IAM counts characters without whitespace; JSON.stringify writes none outside strings.
    size: JSON.stringify(document).length,
    sources: statements.map((s) => ({ file: s.span.file, ...map.position(s.span.start) })),
    ir: { name, kind: policy.kind, statements, span },
  };
}
