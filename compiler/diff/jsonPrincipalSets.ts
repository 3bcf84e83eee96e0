/**
 * Compiled IAM JSON as `arp diff` compares it: each identity policy document is a principal set
 * of its own (named for its file), and each role bundle (`<Role>.role.json` as `arp compile`
 * writes it, or a CloudFormation `AWS::IAM::Role`) is a role whose inline policies decide
 * together. The names match what `arp compile` gives the same policies and roles, so compiled
 * output can be compared with `.arp` source. Documents are read and validated by the importer
 * (compiler/import), which reports what IAM rejects at its place in the JSON.
 */
import { basename } from "node:path";
import type { Diagnostic } from "../../grammar/diagnostics/diagnostic.js";
import type { IamPolicyDocument } from "../../runtime/policyDocument.js";
import type { CompiledPrincipalSet, NamedPolicyInput, SourceInput } from "../compileProgram.js";
import { addUnreported, iamErrors } from "../import/iamFindings.js";
import { roleBundleOf } from "../import/importRoleBundle.js";
import { parseJson, toPlain, type JsonNode, type JsonObject } from "../import/jsonSource.js";
import { validateDocument } from "../import/validateDocument.js";

export interface JsonSets {
  readonly sets: readonly CompiledPrincipalSet[];
  readonly diagnostics: readonly Diagnostic[];
}

/** The file `arp compile` writes beside the policies; it holds no policy. */
export const MANIFEST_FILE = "arp.manifest.json";

function entry(obj: JsonObject, key: string): JsonNode | undefined {
  return [...obj.entries].reverse().find((e) => e.key === key)?.value;
}

function stringAt(node: JsonNode | undefined, key: string): string | undefined {
  if (node?.kind !== "object") return undefined;
  const v = entry(node, key);
  return v?.kind === "string" ? v.value : undefined;
}

/** The document under `node` when IAM would accept it; undefined (reported) otherwise. */
function documentOf(node: JsonNode, diagnostics: Diagnostic[]): { document: IamPolicyDocument; trust: boolean } | undefined {
  const before = diagnostics.length;
  const policy = validateDocument(node, diagnostics);
  if (policy !== undefined) addUnreported(iamErrors(node, policy.kind === "trust" ? "trust" : "inline"), diagnostics);
  if (policy === undefined || diagnostics.slice(before).some((d) => d.severity === "error")) return undefined;
  return { document: toPlain(node) as IamPolicyDocument, trust: policy.kind === "trust" };
}

function roleSet(bundle: JsonObject, path: string, diagnostics: Diagnostic[]): CompiledPrincipalSet {
  const name = stringAt(bundle, "RoleName") ?? basename(path).replace(/\.role\.json$/i, "").replace(/\.json$/i, "");
  const policies: NamedPolicyInput[] = [];
  const listed = entry(bundle, "Policies");
  for (const item of listed?.kind === "array" ? listed.items : []) {
    const node = item.kind === "object" ? entry(item, "PolicyDocument") : undefined;
    const read = node === undefined ? undefined : documentOf(node, diagnostics);
    if (read !== undefined) policies.push({ name: `${name}/${stringAt(item, "PolicyName") ?? "policy"}`, document: read.document, sources: [] });
  }
  const arns = entry(bundle, "ManagedPolicyArns");
  const unknownManagedArns = arns?.kind === "array" ? arns.items.flatMap((a) => (a.kind === "string" ? [a.value] : [])) : [];
  return { name, kind: "role", policies, unknownManagedArns };
}

/** Reads compiled JSON files; trust policies decide no identity request and are left out. */
export function jsonPrincipalSets(inputs: readonly SourceInput[]): JsonSets {
  const diagnostics: Diagnostic[] = [];
  const sets: CompiledPrincipalSet[] = [];
  for (const { path, text } of inputs) {
    const parsed = parseJson(text, path);
    if ("error" in parsed) {
      diagnostics.push(parsed.error);
      continue;
    }
    const bundle = roleBundleOf(parsed.value);
    if (bundle !== undefined) {
      sets.push(roleSet(bundle, path, diagnostics));
      continue;
    }
    const read = documentOf(parsed.value, diagnostics);
    if (read === undefined || read.trust) continue;
    const name = basename(path).replace(/\.json$/i, "");
    sets.push({ name, kind: "policy", policies: [{ name, document: read.document, sources: [] }], unknownManagedArns: [] });
  }
  return { sets, diagnostics };
}
