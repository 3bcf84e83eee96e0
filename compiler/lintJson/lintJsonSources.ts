/**
 * `arp lint` on IAM JSON: policy documents (identity or trust), and role bundles (`<Role>.role.json`
 * as `arp compile` writes it, or a CloudFormation `AWS::IAM::Role`). The importer's reader keeps
 * the span of every JSON value; its validation reports what IAM rejects; then the same lint
 * rules as for `.arp` run, with findings at the statement or element in the JSON.
 */
import type { Diagnostic, Span } from "../../grammar/diagnostics/diagnostic.js";
import { sortDiagnostics } from "../../grammar/diagnostics/diagnostic.js";
import { sourceTooLarge } from "../../grammar/inputLimits.js";
import { readSourceFile, SourceReadError } from "../driver/loadSources.js";
import type { IamPolicyDocument } from "../../runtime/policyDocument.js";
import type { BuiltPolicy } from "../driver/compilePolicy.js";
import type { BuiltRole } from "../driver/compileRole.js";
import type { PrincipalSet } from "../driver/principalSets.js";
import type { SourceInput } from "../driver/program.js";
import type { BuiltDocument } from "../driver/validateDocuments.js";
import { addUnreported, iamErrors } from "../import/iamFindings.js";
import { roleBundleOf } from "../import/importRoleBundle.js";
import { parseJson, toPlain, type JsonNode, type JsonObject } from "../import/jsonSource.js";
import { validateDocument } from "../import/validateDocument.js";
import { lintProgram, type LintInput } from "../lint/lintProgram.js";
import { loadCatalog } from "../catalog/index.js";
import { checkJsonDocuments } from "./checkJsonConditions.js";
import { builtJsonPolicy, jsonPolicyName } from "./jsonPolicy.js";
import { inJsonTerms } from "./jsonWording.js";

export interface JsonLintResult {
  /** Sorted by file and position. */
  readonly diagnostics: readonly Diagnostic[];
  readonly sources: ReadonlyMap<string, string>;
}

interface Collected {
  readonly documents: BuiltDocument[];
  readonly roles: BuiltRole[];
  readonly principals: PrincipalSet[];
}

/** Validates one document node; undefined (with the reasons reported) when IAM would reject it. */
function readDocument(root: JsonNode, name: string, text: string, diagnostics: Diagnostic[]): BuiltPolicy | undefined {
  const before = diagnostics.length;
  const policy = validateDocument(root, diagnostics);
  if (policy === undefined) return undefined;
  addUnreported(iamErrors(root, policy.kind === "trust" ? "trust" : "inline"), diagnostics);
  if (diagnostics.slice(before).some((d) => d.severity === "error")) return undefined;
  const span: Span = root.span;
  return builtJsonPolicy(name, policy, toPlain(root) as IamPolicyDocument, text, span);
}

function entry(obj: JsonObject, key: string): JsonNode | undefined {
  return [...obj.entries].reverse().find((e) => e.key === key)?.value;
}

function stringAt(obj: JsonNode, key: string): string | undefined {
  if (obj.kind !== "object") return undefined;
  const v = entry(obj, key);
  return v?.kind === "string" ? v.value : undefined;
}

/** A role bundle: its trust, its inline policies (one principal set), its managed ARNs. */
function readBundle(bundle: JsonObject, file: string, text: string, out: Collected, diagnostics: Diagnostic[]): void {
  const roleName = stringAt(bundle, "RoleName") ?? jsonPolicyName(file).replace(/\.role$/i, "");
  const trustNode = entry(bundle, "AssumeRolePolicyDocument");
  const trust = trustNode === undefined ? undefined : readDocument(trustNode, `${roleName} trust`, text, diagnostics);
  const inline: BuiltPolicy[] = [];
  const policies = entry(bundle, "Policies");
  for (const item of policies?.kind === "array" ? policies.items : []) {
    const doc = item.kind === "object" ? entry(item, "PolicyDocument") : undefined;
    if (doc === undefined) continue;
    const built = readDocument(doc, `${roleName}/${stringAt(item, "PolicyName") ?? "policy"}`, text, diagnostics);
    if (built !== undefined) inline.push(built);
  }
  const arns = entry(bundle, "ManagedPolicyArns");
  const managedPolicyArns = arns?.kind === "array" ? arns.items.flatMap((a) => (a.kind === "string" ? [a.value] : [])) : [];
  if (trust !== undefined) out.documents.push({ kind: "trust", policy: trust });
  for (const p of inline) out.documents.push({ kind: "inline", policy: p });
  out.principals.push({ name: roleName, kind: "role", file, members: inline.map((policy) => ({ name: policy.name, policy })), unknownManagedArns: managedPolicyArns });
  if (trust !== undefined) {
    out.roles.push({ name: roleName, file, trust, managedPolicyArns, inlinePolicies: inline, managedPolicies: [], unknownManagedArns: managedPolicyArns });
  }
}

/** Lints IAM JSON files: each policy document is its own principal set; a role bundle is a role. */
export function lintJsonSources(inputs: readonly SourceInput[]): JsonLintResult {
  const diagnostics: Diagnostic[] = [];
  const sources = new Map<string, string>();
  const collected: Collected = { documents: [], roles: [], principals: [] };
  for (const { path, text } of inputs) {
    sources.set(path, text);
    const tooLarge = sourceTooLarge(text, path);
    if (tooLarge !== undefined) {
      diagnostics.push(tooLarge);
      continue;
    }
    const parsed = parseJson(text, path);
    if ("error" in parsed) {
      diagnostics.push(parsed.error);
      continue;
    }
    const bundle = roleBundleOf(parsed.value);
    if (bundle !== undefined) {
      readBundle(bundle, path, text, collected, diagnostics);
      continue;
    }
    const policy = readDocument(parsed.value, jsonPolicyName(path), text, diagnostics);
    if (policy === undefined) continue;
    collected.documents.push({ kind: policy.kind === "trust" ? "trust" : "identity", policy });
    if (policy.kind !== "trust") collected.principals.push({ name: policy.name, kind: "policy", file: path, members: [{ name: policy.name, policy }], unknownManagedArns: [] });
  }
  const input: LintInput = { ...collected, userFiles: new Set(sources.keys()) };
  const found: Diagnostic[] = [];
  checkJsonDocuments(collected.documents, loadCatalog(), (d) => found.push(d));
  lintProgram(input, found);
  return { diagnostics: sortDiagnostics([...diagnostics, ...found.map(inJsonTerms)]), sources };
}

/** Whether `arp lint` reads `path` as IAM JSON rather than `.arp`. */
export function isJsonPath(path: string): boolean {
  return path.toLowerCase().endsWith(".json");
}

/** Reads and lints JSON files; a file that cannot be read is a diagnostic. */
export function lintJsonFiles(paths: readonly string[]): JsonLintResult {
  const inputs: SourceInput[] = [];
  const unread: Diagnostic[] = [];
  for (const path of paths) {
    try {
      inputs.push({ path, text: readSourceFile(path) });
    } catch (e) {
      if (!(e instanceof SourceReadError)) throw e;
      unread.push(e.diagnostic);
    }
  }
  const result = lintJsonSources(inputs);
  return { diagnostics: sortDiagnostics([...unread, ...result.diagnostics]), sources: result.sources };
}
