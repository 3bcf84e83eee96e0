/**
 * A role bundle — the `AWS::IAM::Role` properties `arp compile` writes to `<Role>.role.json`
 * (`RoleName`, `Description`, `AssumeRolePolicyDocument`, `Policies`, `ManagedPolicyArns`), or
 * a CloudFormation resource `{ "Type": "AWS::IAM::Role", "Properties": { ... } }` — imported
 * back as one `role` with its trust, its inline policies as `policy` blocks and its managed
 * policies as `attach "arn:..."`. Every part is translated as a document of its own, with one
 * set of parameters, and the compiled role is held to all of them.
 */
import { isDeepStrictEqual } from "node:util";
import type { IamPolicyDocument } from "../../runtime/policyDocument.js";
import type { Catalog } from "../catalog/index.js";
import { diagnostic } from "../../grammar/diagnostics/codes.js";
import type { Diagnostic, Span } from "../../grammar/diagnostics/diagnostic.js";
import { chooseParams } from "./chooseParams.js";
import { quote, renderString, type ImportParams } from "./iamText.js";
import { withPlaceholderParams } from "./templateIntrinsics.js";
import { readEntries, readString } from "./jsonElements.js";
import { toPlain, type JsonNode, type JsonObject } from "./jsonSource.js";
import type { MappedText } from "./mappedText.js";
import type { ImportedPolicy } from "./policyModel.js";
import { headerText, translatePolicy, type Translation } from "./translatePolicy.js";
import { validateDocument } from "./validateDocument.js";
import { verifyLayout, type VerifiedImport } from "./verifyImport.js";

const BUNDLE_ELEMENTS = ["RoleName", "Description", "AssumeRolePolicyDocument", "Policies", "ManagedPolicyArns", "Path", "MaxSessionDuration", "Tags", "PermissionsBoundary"];
/** Properties of a role that change no policy decision arp makes, and that arp does not keep. */
const DROPPED = new Set(["Path", "MaxSessionDuration", "Tags"]);

/** The role's properties when `root` is a role bundle or a CloudFormation role resource. */
export function roleBundleOf(root: JsonNode): JsonObject | undefined {
  if (root.kind !== "object") return undefined;
  if (root.entries.some((e) => e.key === "AssumeRolePolicyDocument")) return root;
  const type = root.entries.find((e) => e.key === "Type")?.value;
  const properties = root.entries.find((e) => e.key === "Properties")?.value;
  if (type?.kind === "string" && type.value === "AWS::IAM::Role" && properties?.kind === "object") return properties;
  return undefined;
}

export interface BundleImport {
  readonly name: string;
  readonly verified?: VerifiedImport;
  /** True when the trust and every inline policy compile back to their JSON exactly. */
  readonly exact?: boolean;
}

/** An inline policy of a bundle's `Policies`, validated. */
export interface Part {
  readonly policy: ImportedPolicy;
  readonly name: string;
  readonly span: Span;
  /** The `PolicyDocument` as written. */
  readonly document: JsonNode;
}

/** Imports a role bundle; `fallbackName` is used when it has no `RoleName`. */
export function importRoleBundle(
  bundle: JsonObject,
  options: { readonly source: string; readonly name?: string; readonly fallbackName: string; readonly catalog: Catalog; readonly params?: ImportParams },
  diagnostics: Diagnostic[],
): BundleImport {
  const before = diagnostics.length;
  const entries = readEntries(bundle, BUNDLE_ELEMENTS, "a role", diagnostics);
  const roleName = entries.get("RoleName");
  const name = options.name ?? (roleName === undefined ? undefined : readString(roleName.value, "`RoleName`", diagnostics)?.text) ?? options.fallbackName;
  const descriptionEntry = entries.get("Description");
  const description = descriptionEntry === undefined ? undefined : readString(descriptionEntry.value, "`Description`", diagnostics);
  for (const [key, entry] of entries) {
    if (DROPPED.has(key)) {
      diagnostics.push(diagnostic("DroppedElement", entry.keySpan, `arp does not keep a role's \`${key}\``, { hint: "set it where the role is deployed" }));
    }
  }
  // A boundary limits what the role's policies grant: the role arp writes grants what its
  // policies say, which may be more than the deployed role can do.
  const boundary = entries.get("PermissionsBoundary");
  if (boundary !== undefined) {
    diagnostics.push(diagnostic("BoundaryNotImported", boundary.keySpan,
      "arp does not import a role's `PermissionsBoundary`: the imported role grants what its policies say, and the deployed role only what the boundary allows too",
      { hint: "keep setting the boundary where the role is deployed" }));
  }
  const trustEntry = entries.get("AssumeRolePolicyDocument");
  const trust = trustEntry === undefined ? undefined : validateDocument(trustEntry.value, diagnostics);
  if (trust !== undefined && trust.kind !== "trust" && trustEntry !== undefined) {
    diagnostics.push(diagnostic("NotAPolicy", trustEntry.keySpan, "`AssumeRolePolicyDocument` is not a trust policy: its statements name no `Principal`"));
  }
  const inline = readInline(entries.get("Policies")?.value, diagnostics);
  const managed = readManaged(entries.get("ManagedPolicyArns")?.value, diagnostics);
  if (diagnostics.slice(before).some((d) => d.severity === "error") || trust === undefined || inline === undefined || managed === undefined) return { name };

  const all: ImportedPolicy = { ...trust, statements: [trust, ...inline.map((p) => p.policy)].flatMap((p) => p.statements) };
  const params = { ...chooseParams(all), ...options.params };
  const translations: Translation[] = [];
  for (const part of [{ policy: trust, name, span: trust.span }, ...inline]) {
    const t = translatePolicy(part.policy, { source: options.source, name: part.name, catalog: options.catalog, params }, diagnostics);
    if (t === undefined) return { name };
    translations.push(t);
  }
  const [trustTranslation, ...inlineTranslations] = translations as [Translation, ...Translation[]];
  const statements: MappedText[] = [...trustTranslation.statements];
  const beforeText = new Map<number, string>();
  inlineTranslations.forEach((t, i) => {
    beforeText.set(statements.length, `${i === 0 ? "" : "\n}"}\npolicy ${quote(t.name)} {`);
    statements.push(...t.statements);
  });
  // A template's managed policy is attached by an ARN in the stack's partition and account.
  const attach = managed.map((arn) => `\n  attach ${renderString(withPlaceholderParams([{ kind: "text", text: arn }], params))}`).join("");
  const layout = {
    head: `${headerText(options.source, [], params)}role ${quote(name)}${description === undefined ? "" : ` ${quote(description.text)}`} {\n`,
    statements,
    before: beforeText,
    tail: `${inlineTranslations.length > 0 ? "\n}" : ""}${attach}\n}\n`,
  };
  const verified = verifyLayout(layout, { params }, bundle.span, `${name}.arp`, diagnostics, (result) => {
    const role = result.roles[0];
    if (role === undefined) throw new Error(`internal error: the imported role \`${name}\` compiled to nothing`);
    const same = isDeepStrictEqual(role.trust.document, trustTranslation.expected)
      && isDeepStrictEqual(role.inlinePolicies.map((p) => [p.name, p.document]), inlineTranslations.map((t) => [t.name, t.expected]))
      && isDeepStrictEqual(role.managedPolicyArns, managed)
      && role.description === description?.text;
    if (same) return role.trust.document as IamPolicyDocument;
    diagnostics.push(diagnostic("NotImportable", bundle.span, "arp cannot reproduce this role exactly", { hint: `the imported role compiles to ${role.json}` }));
    return undefined;
  });
  const exact = trustEntry !== undefined && isDeepStrictEqual(trustTranslation.expected, toPlain(trustEntry.value))
    && inlineTranslations.every((t, i) => inline[i] !== undefined && isDeepStrictEqual(t.expected, toPlain(inline[i].document)));
  return { name, ...(verified !== undefined ? { verified, exact } : {}) };
}

/** `Policies`: `[{ "PolicyName": "...", "PolicyDocument": { ... } }, ...]`. */
export function readInline(node: JsonNode | undefined, diagnostics: Diagnostic[]): Part[] | undefined {
  if (node === undefined) return [];
  if (node.kind !== "array") {
    diagnostics.push(diagnostic("InvalidPolicyElement", node.span, "`Policies` is an array of `{ PolicyName, PolicyDocument }`"));
    return undefined;
  }
  const out: Part[] = [];
  for (const item of node.items) {
    if (item.kind !== "object") {
      diagnostics.push(diagnostic("InvalidPolicyElement", item.span, "each of `Policies` is `{ PolicyName, PolicyDocument }`"));
      return undefined;
    }
    const entries = readEntries(item, ["PolicyName", "PolicyDocument"], "an inline policy", diagnostics);
    const nameEntry = entries.get("PolicyName");
    const documentEntry = entries.get("PolicyDocument");
    const name = nameEntry === undefined ? undefined : readString(nameEntry.value, "`PolicyName`", diagnostics);
    const policy = documentEntry === undefined ? undefined : validateDocument(documentEntry.value, diagnostics);
    if (name === undefined || policy === undefined) {
      if (nameEntry === undefined || documentEntry === undefined) {
        diagnostics.push(diagnostic("InvalidPolicyElement", item.span, "an inline policy needs both `PolicyName` and `PolicyDocument`"));
      }
      return undefined;
    }
    if (policy.kind !== "identity") {
      diagnostics.push(diagnostic("NotImportable", name.span, `the inline policy \`${name.text}\` names principals: it is not an identity policy`));
      return undefined;
    }
    out.push({ policy, name: name.text, span: item.span, document: documentEntry!.value });
  }
  return out;
}

/** `ManagedPolicyArns`: an array of policy ARNs. */
export function readManaged(node: JsonNode | undefined, diagnostics: Diagnostic[]): string[] | undefined {
  if (node === undefined) return [];
  if (node.kind !== "array" || node.items.some((i) => i.kind !== "string")) {
    diagnostics.push(diagnostic("InvalidPolicyElement", node.span, "`ManagedPolicyArns` is an array of policy ARNs"));
    return undefined;
  }
  return [...new Set(node.items.map((i) => (i.kind === "string" ? i.value : "")))];
}
