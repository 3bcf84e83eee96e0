/**
 * Stage 8, validate: every built document is held against IAM's own rules by validators that
 * share no code with the emitter, the last gate before output. A finding is arp's bug, not the
 * user's, so it is an internal error (ARP9006) at the statement the document came from.
 */
import type { IamPolicyDocument } from "../../runtime/policyDocument.js";
import { diagnostic } from "../../grammar/diagnostics/codes.js";
import type { Diagnostic } from "../../grammar/diagnostics/diagnostic.js";
import type { BuiltPolicy } from "./compilePolicy.js";
import { iamDocumentValidator } from "./iamDocumentValidator.js";

/** How IAM receives a document: a managed (standalone) policy, a role's inline policy, or a trust policy. */
export type DocumentKind = "identity" | "inline" | "trust";

export interface BuiltDocument {
  readonly kind: DocumentKind;
  readonly policy: BuiltPolicy;
}

/** One problem a validator found; `statement` is the index in the document's `Statement` list. */
export interface ValidationFinding {
  readonly message: string;
  readonly statement?: number;
}

export type DocumentValidator = (document: IamPolicyDocument, kind: DocumentKind) => readonly ValidationFinding[];

/** The validators every build runs: IAM's grammar and quotas (compiler/validate). */
export const DOCUMENT_VALIDATORS: readonly DocumentValidator[] = [iamDocumentValidator];

export function validateDocuments(
  documents: readonly BuiltDocument[],
  diagnostics: Diagnostic[],
  validators: readonly DocumentValidator[] = DOCUMENT_VALIDATORS,
): void {
  // A policy inlined in two roles is one document: each finding is reported once.
  const reported = new Set<string>();
  for (const { kind, policy } of documents) {
    for (const validate of validators) {
      for (const finding of validate(policy.document, kind)) {
        const span = (finding.statement === undefined ? undefined : policy.ir.statements[finding.statement]?.span) ?? policy.ir.span;
        const message = `arp built an invalid ${kind} policy \`${policy.name}\`: ${finding.message}`;
        const key = `${span.file}:${span.start}:${span.end}:${message}`;
        if (reported.has(key)) continue;
        reported.add(key);
        diagnostics.push(diagnostic("InvalidOutput", span, message, { hint: "this is a bug in arp: please report it" }));
      }
    }
  }
}
