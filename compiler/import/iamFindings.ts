/**
 * The IAM validator (compiler/validate) run on an input document: what IAM itself rejects is
 * reported as ARP6003 at its place in the JSON. Only errors: a warning of the validator is
 * something IAM accepts, and the importer never refuses what IAM accepts.
 */
import { diagnostic } from "../../grammar/diagnostics/codes.js";
import type { Diagnostic, Span } from "../../grammar/diagnostics/diagnostic.js";
import { validateIamDocument, type IamFinding, type JsonPath } from "../validate/index.js";
import { toPlain, type JsonNode } from "./jsonSource.js";

/** Rules whose finding is about an element's name rather than its value. */
const KEY_RULES = new Set([
  "unknown-element", "principal-key", "condition-operator", "null-if-exists", "condition-key-format", "bundle-property",
  "element-combination", "trust-resource", "trust-not-principal", "principal-in-identity-policy", "inline-policies",
]);

/** The validator's rules about a Sid the importer renames (ARP6007). */
const RENAMED_SID_RULES: ReadonlySet<string> = new Set(["sid-characters", "sid-unique"]);

/** Where a JSON path points: the key's span for rules about names, the value's otherwise. */
export function spanAtPath(root: JsonNode, path: JsonPath, preferKey: boolean): Span {
  let node = root;
  let keySpan: Span | undefined;
  for (const step of path) {
    if (typeof step === "number" && node.kind === "array" && node.items[step] !== undefined) {
      node = node.items[step];
      keySpan = undefined;
    } else if (typeof step === "string" && node.kind === "object") {
      // The last entry of a duplicated key is the one JSON.parse (and so the validator) read.
      const entry = [...node.entries].reverse().find((e) => e.key === step);
      if (entry === undefined) break;
      node = entry.value;
      keySpan = entry.keySpan;
    } else break;
  }
  if (preferKey && keySpan !== undefined) return keySpan;
  // A whole object or array: its first character, so the report does not underline pages.
  return node.kind === "object" || node.kind === "array" ? { ...node.span, end: node.span.start + 1 } : node.span;
}

function overlaps(a: Span, b: Span): boolean {
  return a.file === b.file && a.start < Math.max(b.end, b.start + 1) && b.start < Math.max(a.end, a.start + 1);
}

/** An ARP6003 for each error the validator finds in `root` (`plain` is its plain value), read as `kind`. */
export function iamErrors(root: JsonNode, kind: "inline" | "trust", plain: unknown = toPlain(root)): Diagnostic[] {
  return validateIamDocument(plain, kind)
    // A Sid IAM rejects (its characters, or a repeat) is renamed by the importer
    // (validateDocument), not refused.
    .filter((f: IamFinding) => f.severity === "error" && !RENAMED_SID_RULES.has(f.rule))
    .map((f) => diagnostic("InvalidPolicyElement", spanAtPath(root, f.path, KEY_RULES.has(f.rule)), f.message, {
      ...(f.docRef !== undefined ? { hint: `IAM rejects this; see the IAM User Guide page ${f.docRef.replace(/\.md$/, "")}` } : {}),
    }));
}

/**
 * Appends `found` except where an error is already reported over the same JSON: the importer
 * reports IAM's own rejections first, so its reading of the same text is not blamed on arp.
 */
export function addUnreported(found: readonly Diagnostic[], diagnostics: Diagnostic[]): void {
  const before = diagnostics.filter((d) => d.severity === "error");
  for (const d of found) if (!before.some((e) => overlaps(e.span, d.span))) diagnostics.push(d);
}

/**
 * A trust policy names principals and no resource; an identity policy the reverse. A document
 * with both is a resource-based policy (a bucket policy, say): neither kind, so undefined.
 */
export function documentKind(root: JsonNode, plain: unknown = toPlain(root)): "inline" | "trust" | undefined {
  if (typeof plain !== "object" || plain === null) return undefined;
  const statements = [(plain as { Statement?: unknown }).Statement].flat().filter((s): s is object => typeof s === "object" && s !== null);
  const named = statements.some((s) => "Principal" in s || "NotPrincipal" in s);
  const resources = statements.some((s) => "Resource" in s || "NotResource" in s);
  if (named && resources) return undefined;
  return named ? "trust" : "inline";
}
