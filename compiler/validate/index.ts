/**
 * The validator of IAM documents: the compiler's last gate before it writes a document, and
 * the importer's check of what it reads.
 */
export { validateIamDocument } from "./validateDocument.js";
export { bundlePartOf, pathText, statementIndexOf, type IamDocumentKind, type IamFinding, type JsonPath } from "./findings.js";
