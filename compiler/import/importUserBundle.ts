/**
 * A user or group bundle — the `AWS::IAM::User` / `AWS::IAM::Group` properties `arp compile`
 * writes to `<User>.user.json` (`UserName`, `Groups`, `ManagedPolicyArns`, `Policies`) and
 * `<Group>.group.json` (`GroupName`, `ManagedPolicyArns`, `Policies`), or a CloudFormation
 * resource of either type — imported back as one `user` or `group` with its inline policies as
 * `policy` blocks, its managed policies as `attach "arn:..."` and a user's groups as `group`.
 * A user's groups are named, not inlined (each is its own bundle), so the round trip declares
 * them empty beside the user; `arp check` of the user wants its groups' `.arp` beside it.
 */
import { isDeepStrictEqual } from "node:util";
import type { Catalog } from "../catalog/index.js";
import { diagnostic } from "../../grammar/diagnostics/codes.js";
import type { Diagnostic } from "../../grammar/diagnostics/diagnostic.js";
import { chooseParams } from "./chooseParams.js";
import { quote, type ImportParams } from "./iamText.js";
import { appendPolicyBlocks, attachLines, inlineExact, readInline, readManaged, reportUnkept } from "./bundleProperties.js";
import { readEntries, readString } from "./jsonElements.js";
import type { JsonNode, JsonObject } from "./jsonSource.js";
import type { MappedText } from "./mappedText.js";
import type { ImportedPolicy } from "./policyModel.js";
import { headerText, translatePolicy, type Translation } from "./translatePolicy.js";
import { verifyLayout, type VerifiedImport } from "./verifyImport.js";

export type IdentityKind = "user" | "group";

/** What each kind's properties hold, its name's key, and what arp does not keep. */
const SHAPES: Readonly<Record<IdentityKind, { readonly type: string; readonly nameKey: string; readonly elements: readonly string[]; readonly dropped: ReadonlySet<string> }>> = {
  user: {
    type: "AWS::IAM::User",
    nameKey: "UserName",
    elements: ["UserName", "Groups", "ManagedPolicyArns", "Policies", "Path", "Tags", "PermissionsBoundary", "LoginProfile"],
    dropped: new Set(["Path", "Tags", "LoginProfile"]),
  },
  group: { type: "AWS::IAM::Group", nameKey: "GroupName", elements: ["GroupName", "ManagedPolicyArns", "Policies", "Path"], dropped: new Set(["Path"]) },
};

/**
 * The user's or group's properties when `root` is such a bundle or CloudFormation resource. A
 * bundle is told by its name key (`UserName`, `GroupName`): no policy document has one.
 */
export function identityBundleOf(root: JsonNode): { readonly kind: IdentityKind; readonly properties: JsonObject } | undefined {
  if (root.kind !== "object") return undefined;
  for (const kind of ["user", "group"] as const) {
    if (root.entries.some((e) => e.key === SHAPES[kind].nameKey) && !root.entries.some((e) => e.key === "Statement")) return { kind, properties: root };
  }
  const type = root.entries.find((e) => e.key === "Type")?.value;
  const properties = root.entries.find((e) => e.key === "Properties")?.value;
  if (type?.kind !== "string" || properties?.kind !== "object") return undefined;
  const kind = (["user", "group"] as const).find((k) => SHAPES[k].type === type.value);
  return kind === undefined ? undefined : { kind, properties };
}

export interface IdentityImport {
  readonly name: string;
  readonly verified?: VerifiedImport;
  /** True when every inline policy compiles back to its JSON exactly. */
  readonly exact?: boolean;
}

/** Imports a user or group bundle; `fallbackName` is used when it has no name of its own. */
export function importIdentityBundle(
  kind: IdentityKind,
  bundle: JsonObject,
  options: { readonly source: string; readonly name?: string; readonly fallbackName: string; readonly catalog: Catalog; readonly params?: ImportParams },
  diagnostics: Diagnostic[],
): IdentityImport {
  const shape = SHAPES[kind];
  const before = diagnostics.length;
  const entries = readEntries(bundle, shape.elements, `a ${kind}`, diagnostics);
  const nameEntry = entries.get(shape.nameKey);
  const name = options.name ?? (nameEntry === undefined ? undefined : readString(nameEntry.value, `\`${shape.nameKey}\``, diagnostics)?.text) ?? options.fallbackName;
  reportUnkept(entries, shape.dropped, kind, diagnostics);
  const groups = readGroups(entries.get("Groups")?.value, diagnostics);
  const inline = readInline(entries.get("Policies")?.value, diagnostics);
  const managed = readManaged(entries.get("ManagedPolicyArns")?.value, diagnostics);
  if (diagnostics.slice(before).some((d) => d.severity === "error") || groups === undefined || inline === undefined || managed === undefined) return { name };

  const all: ImportedPolicy = { kind: "identity", statements: inline.flatMap((p) => p.policy.statements), span: bundle.span };
  const params = { ...chooseParams(all), ...options.params };
  const translations: Translation[] = [];
  for (const part of inline) {
    const t = translatePolicy(part.policy, { source: options.source, name: part.name, catalog: options.catalog, params }, diagnostics);
    if (t === undefined) return { name };
    translations.push(t);
  }
  const statements: MappedText[] = [];
  const beforeText = appendPolicyBlocks(statements, translations);
  const memberOf = groups.length > 0 ? `  group ${groups.join(", ")}\n` : "";
  const attach = attachLines(managed, params);
  const layout = {
    head: `${headerText(options.source, [], params)}${kind} ${quote(name)} {\n${memberOf}`,
    statements,
    before: beforeText,
    tail: `${translations.length > 0 ? "\n}" : ""}${attach}\n}\n`,
  };
  // The groups a user names are declared, empty, beside it: only their names are the user's.
  const companions = groups.map((g) => `group ${quote(g)} {}\n`).join("");
  const verified = verifyLayout(layout, { params }, bundle.span, `${name}.arp`, diagnostics, (result) => {
    const compiled = kind === "user" ? result.users.find((u) => u.name === name) : result.groups.find((g) => g.name === name);
    if (compiled === undefined) throw new Error(`internal error: the imported ${kind} \`${name}\` compiled to nothing`);
    const same = isDeepStrictEqual(compiled.inlinePolicies.map((p) => [p.name, p.document]), translations.map((t) => [t.name, t.expected]))
      && isDeepStrictEqual(compiled.managedPolicyArns, managed)
      && (!("groups" in compiled) || isDeepStrictEqual(compiled.groups, groups));
    if (same) return { Version: "2012-10-17", Statement: compiled.inlinePolicies.flatMap((p) => [p.document.Statement].flat()) };
    diagnostics.push(diagnostic("NotImportable", bundle.span, `arp cannot reproduce this ${kind} exactly`, { hint: `the imported ${kind} compiles to ${compiled.json}` }));
    return undefined;
  }, companions === "" ? [] : [{ path: `${name}.groups.arp`, text: companions }]);
  const exact = inlineExact(translations, inline);
  return { name, ...(verified !== undefined ? { verified, exact } : {}) };
}

/** `Groups`: an array of group names. */
function readGroups(node: JsonNode | undefined, diagnostics: Diagnostic[]): string[] | undefined {
  if (node === undefined) return [];
  if (node.kind !== "array" || node.items.some((i) => i.kind !== "string")) {
    diagnostics.push(diagnostic("InvalidPolicyElement", node.span, "`Groups` is an array of group names"));
    return undefined;
  }
  return [...new Set(node.items.map((i) => (i.kind === "string" ? i.value : "")))];
}
