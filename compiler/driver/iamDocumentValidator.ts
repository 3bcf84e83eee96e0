/**
 * Plugs the independent IAM validator (compiler/validate) into the validate stage. Its errors
 * are what IAM would reject; of its warnings, only those arp's checker already turns into
 * errors for the user can appear in a built document through a bug in arp, so those count too.
 * Warnings that follow from what the user wrote (an open trust, a trust over the default
 * quota, an explicit `to` action a principal cannot use) are the checker's to report.
 */
import { statementIndexOf, validateIamDocument, type IamFinding } from "../validate/index.js";
import type { DocumentValidator, ValidationFinding } from "./validateDocuments.js";

/** Warning rules whose cause the checker refuses as an error, so a built document never has them. */
const CHECKED_AS_ERRORS: ReadonlySet<string> = new Set([
  "missing-qualifier",
  "variable-in-arn-prefix",
  "operator-key-type",
]);

function counts(finding: IamFinding): boolean {
  return finding.severity === "error" || CHECKED_AS_ERRORS.has(finding.rule);
}

/** The validator of IAM's grammar and quotas, as a validate-stage plug-in. */
export const iamDocumentValidator: DocumentValidator = (document, kind) =>
  validateIamDocument(document, kind).filter(counts).map((finding): ValidationFinding => {
    const statement = statementIndexOf(finding.path);
    return { message: `${finding.message} (${finding.rule})`, ...(statement !== undefined ? { statement } : {}) };
  });
