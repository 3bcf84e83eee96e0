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
import type { Diagnostic } from "../../grammar/diagnostics/diagnostic.js";
import { appendPolicyBlocks, attachLines, inlineExact, readInline, readManaged, reportUnkept } from "./bundleProperties.js";
import { chooseParams } from "./chooseParams.js";
import { quote, type ImportParams } from "./iamText.js";
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
  reportUnkept(entries, DROPPED, "role", diagnostics);
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
  const beforeText = appendPolicyBlocks(statements, inlineTranslations);
  const attach = attachLines(managed, params);
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
    && inlineExact(inlineTranslations, inline);
  return { name, ...(verified !== undefined ? { verified, exact } : {}) };
}
