/**
 * `importPolicy`: IAM JSON (an identity policy, a role's trust policy, a CloudFormation policy
 * resource (compiler/import/policyResource.ts), or a role bundle as
 * `arp compile` writes it: compiler/import/importRoleBundle.ts, or a user or group bundle:
 * compiler/import/importUserBundle.ts) to readable `.arp`.
 *
 *     JSON text → parseJson (spans) → validateDocument (IAM's grammar, and compiler/validate's
 *       independent check) → translatePolicy
 *       → verifyImport (compile the .arp, compare with the expected document) → format
 *
 * Every stage appends to one diagnostics list and each points into the JSON. There is `.arp`
 * only when nothing was an error: what arp cannot say exactly is reported, never dropped.
 * The `.arp` is laid out by the formatter, `arp fmt`'s own printer, so it is formatted as is.
 */
import { basename, dirname } from "node:path";
import { isDeepStrictEqual } from "node:util";
import { sourceTooLarge } from "../../grammar/inputLimits.js";
import type { IamPolicyDocument } from "../../runtime/policyDocument.js";
import { loadCatalog } from "../catalog/index.js";
import { format } from "../format/index.js";
import { diagnostic } from "../../grammar/diagnostics/codes.js";
import { hasErrors, sortDiagnostics, type Diagnostic } from "../../grammar/diagnostics/diagnostic.js";
import { addUnreported, documentKind, iamErrors } from "./iamFindings.js";
import { importRoleBundle, roleBundleOf } from "./importRoleBundle.js";
import { identityBundleOf, importIdentityBundle } from "./importUserBundle.js";
import { parseJson, toPlain, type JsonNode } from "./jsonSource.js";
import { isPolicyResource, readPolicyResource } from "./policyResource.js";
import { templateResources } from "./templateResources.js";
import { resolveResource, templateValues, type TemplateValues } from "./templateIntrinsics.js";
import { chooseParams } from "./chooseParams.js";
import { translatePolicy } from "./translatePolicy.js";
import { validateDocument } from "./validateDocument.js";
import { verifyImport } from "./verifyImport.js";

export interface ImportOptions {
  /** The JSON's file name, for diagnostics and the default policy name. */
  readonly file: string;
  /** The policy's (or role's) name; by default the file's base name without extension. */
  readonly name?: string;
}

/** What an imported document became. */
export type ImportedKind = "policy" | "role" | "user" | "group";

export interface ImportResult {
  /** The `.arp` text, formatted; absent when any diagnostic is an error. */
  readonly arp?: string;
  /** Sorted; every span points into the JSON. */
  readonly diagnostics: readonly Diagnostic[];
  /** The JSON text by file name, for `renderDiagnostics`. */
  readonly sources: ReadonlyMap<string, string>;
  /** The policy's or role's name. */
  readonly name: string;
  /** `policy` for an identity policy, `role` for a trust policy or role bundle, `user` or `group` for theirs. */
  readonly kind?: ImportedKind;
  /**
   * The IAM document that compiling `arp` gives (the role's trust policy for a role; for a
   * user or group, the statements of its inline policies in one document).
   */
  readonly document?: IamPolicyDocument;
  /** True when `document` is the input JSON exactly; false when arp normalised something. */
  readonly exact?: boolean;
  /** The logical ID of the CloudFormation template resource it came from, for a template. */
  readonly resource?: string;
}

const NAME_CHARS = /[^\w+=,.@-]/g;

/** The name a policy imported from `file` gets: `team.json` → `team`; stdin → `policy`. */
export function importedPolicyName(file: string): string {
  if (file === "-" || file.startsWith("<")) return "policy";
  const base = basename(file).replace(/\.[^.]*$/, "").replace(NAME_CHARS, "-").slice(0, 64);
  // A name of no letter or digit (`политика.json` → `--------`) says nothing of the file.
  return /[A-Za-z0-9]/.test(base) ? base : "policy";
}

/** File names that say what a document is rather than whose it is. */
const GENERIC_TRUST_NAMES = /^(trust|trust[-_.]?policy|assume[-_.]?role[-_.]?policy([-_.]?document)?|policy)$/i;

/**
 * The name a role imported from the trust policy in `file` gets: the file's name, unless it
 * is generic (`trust.json`, `assume-role-policy.json`), then its directory's
 * (`roles/deployer/trust.json` → `deployer`).
 */
export function importedRoleName(file: string): string {
  const own = importedPolicyName(file);
  if (!GENERIC_TRUST_NAMES.test(own)) return own;
  const parent = basename(dirname(file)).replace(NAME_CHARS, "-").slice(0, 64);
  return parent === "" || parent === "." || parent === ".." || parent === "/" ? own : parent;
}

export async function importPolicy(json: string, options: ImportOptions): Promise<ImportResult> {
  const file = options.file;
  let name = options.name ?? importedPolicyName(file);
  const sources = new Map([[file, json]]);
  const diagnostics: Diagnostic[] = [];
  const done = (extra: Partial<ImportResult> = {}): ImportResult => ({ diagnostics: sortDiagnostics(diagnostics), sources, name, ...extra });
  // The same bound as an `.arp` file: IAM's largest policy is 10,240 characters, and every
  // later step (translation, the round-trip compile) grows with the document.
  const tooLarge = sourceTooLarge(json, file);
  if (tooLarge !== undefined) {
    diagnostics.push(tooLarge);
    return done();
  }
  const parsed = parseJson(json, file);
  if ("error" in parsed) {
    diagnostics.push(parsed.error);
    return done();
  }
  return importNode(parsed.value, json, options);
}

/**
 * Imports every document a JSON file holds: one per IAM resource of a CloudFormation template
 * (compiler/import/templateResources.ts), named from the resource's own name or else its logical
 * ID; otherwise the one document `importPolicy` reads.
 */
export async function importDocuments(json: string, options: ImportOptions): Promise<ImportResult[]> {
  const parsed = sourceTooLarge(json, options.file) === undefined ? parseJson(json, options.file) : undefined;
  const template = parsed === undefined || "error" in parsed ? undefined : templateResources(parsed.value);
  if (parsed === undefined || "error" in parsed) return [await importPolicy(json, options)];
  if (template === undefined) return [await importNode(parsed.value, json, options)];
  if (template.length === 0) {
    const sources = new Map([[options.file, json]]);
    return [{ name: importedPolicyName(options.file), sources, diagnostics: [diagnostic("NotImportable", parsed.value.span,
      "the template has no `AWS::IAM::Role`, `AWS::IAM::User`, `AWS::IAM::Group`, `AWS::IAM::ManagedPolicy`, `AWS::IAM::Policy` or `AWS::IAM::RolePolicy` resource")] }];
  }
  const results: ImportResult[] = [];
  const values = templateValues(parsed.value);
  for (const resource of template) {
    results.push({ ...await importNode(resource.node, json, { file: options.file, defaultName: resource.logicalId, template: values }), resource: resource.logicalId });
  }
  return results;
}

/** `root`, parsed from `json`, imported; `defaultName` replaces the file's name as the fallback. */
async function importNode(
  written: JsonNode,
  json: string,
  options: ImportOptions & { readonly defaultName?: string; readonly template?: TemplateValues },
): Promise<ImportResult> {
  const file = options.file;
  let name = options.name ?? options.defaultName ?? importedPolicyName(file);
  const sources = new Map([[file, json]]);
  const diagnostics: Diagnostic[] = [];
  const done = (extra: Partial<ImportResult> = {}): ImportResult => ({ diagnostics: sortDiagnostics(diagnostics), sources, name, ...extra });
  // CloudFormation's intrinsic functions in the policies, resolved where the template says the
  // value (templateIntrinsics.ts); the pseudo-parameters become parameters.
  const resolved = resolveResource(written, options.template ?? templateValues(undefined), json, diagnostics);
  if (resolved === undefined) return done();
  const node = resolved.node;
  const bundle = roleBundleOf(node);
  if (bundle !== undefined) {
    const fallbackName = options.defaultName ?? (importedPolicyName(file).replace(/\.role$/i, "") || "role");
    const imported = importRoleBundle(bundle, { source: basename(file), ...(options.name !== undefined ? { name: options.name } : {}), fallbackName, catalog: loadCatalog(), params: resolved.params }, diagnostics);
    name = imported.name;
    if (imported.verified === undefined || hasErrors(diagnostics)) return done({ kind: "role" });
    return done({ arp: await format(imported.verified.arp.text), kind: "role", document: imported.verified.document, exact: imported.exact ?? false });
  }
  const identity = identityBundleOf(node);
  if (identity !== undefined) {
    const suffix = new RegExp(`\\.${identity.kind}$`, "i");
    const fallbackName = options.defaultName ?? (importedPolicyName(file).replace(suffix, "") || identity.kind);
    const imported = importIdentityBundle(identity.kind, identity.properties, { source: basename(file), ...(options.name !== undefined ? { name: options.name } : {}), fallbackName, catalog: loadCatalog(), params: resolved.params }, diagnostics);
    name = imported.name;
    if (imported.verified === undefined || hasErrors(diagnostics)) return done({ kind: identity.kind });
    return done({ arp: await format(imported.verified.arp.text), kind: identity.kind, document: imported.verified.document, exact: imported.exact ?? false });
  }
  // A CloudFormation policy resource: its `PolicyDocument` is the policy, read where it is.
  let root = node;
  const resource = isPolicyResource(root) ? readPolicyResource(root, diagnostics) : undefined;
  if (isPolicyResource(root)) {
    if (resource === undefined || hasErrors(diagnostics)) return done();
    root = resource.document;
    if (options.name === undefined && resource.name !== undefined) name = resource.name.replace(NAME_CHARS, "-").slice(0, 128);
  }
  const policy = validateDocument(root, diagnostics);
  if (policy === undefined) return done();
  if (resource !== undefined && policy.kind === "trust") {
    diagnostics.push(diagnostic("NotImportable", root.span, `the \`PolicyDocument\` of a \`${resource.type}\` names principals: it is not an identity policy`));
    return done();
  }
  if (options.name === undefined && options.defaultName === undefined && policy.kind === "trust") name = importedRoleName(file);
  // The independent validator (compiler/validate) says what IAM itself rejects (ARP6003); an
  // identity policy is read as an inline one, IAM's largest (10,240 characters). Where it
  // reports, arp's own reading of the same JSON (ARP6004, "arp cannot say this") would blame
  // arp for what is the document's fault, so that is left out.
  // The plain value, read once: the validator, the kind and the exactness check all want it.
  const plain = toPlain(root);
  const kind = documentKind(root, plain);
  diagnostics.push(...(kind === undefined ? [] : iamErrors(root, kind, plain)));
  const translating: Diagnostic[] = [];
  const translation = translatePolicy(policy, { source: basename(file), name, catalog: loadCatalog(), params: { ...chooseParams(policy), ...resolved.params } }, translating);
  const verified = translation === undefined ? undefined : verifyImport(translation, policy, `${name}.arp`, translating);
  addUnreported(translating, diagnostics);
  if (translation === undefined) return done();
  if (verified === undefined || hasErrors(diagnostics)) return done({ kind: translation.kind });
  const document = verified.document;
  return done({
    // The formatter keeps the syntax tree, so the verified meaning is the printed one.
    arp: await format(verified.arp.text),
    kind: translation.kind,
    document,
    exact: isDeepStrictEqual(document, plain),
  });
}
