/**
 * What role, user and group bundles share: their inline policies (`Policies`) and managed
 * policies (`ManagedPolicyArns`), read from the JSON and written back as `policy` blocks and
 * `attach` lines, and the warnings for the properties arp does not keep.
 */
import { isDeepStrictEqual } from "node:util";
import { diagnostic } from "../../grammar/diagnostics/codes.js";
import type { Diagnostic, Span } from "../../grammar/diagnostics/diagnostic.js";
import { quote, renderString, type ImportParams } from "./iamText.js";
import { readEntries, readString } from "./jsonElements.js";
import { toPlain, type JsonEntry, type JsonNode } from "./jsonSource.js";
import type { MappedText } from "./mappedText.js";
import type { ImportedPolicy } from "./policyModel.js";
import { withPlaceholderParams } from "./templateIntrinsics.js";
import type { Translation } from "./translatePolicy.js";
import { validateDocument } from "./validateDocument.js";

/** An inline policy of a bundle's `Policies`, validated. */
export interface Part {
  readonly policy: ImportedPolicy;
  readonly name: string;
  readonly span: Span;
  /** The `PolicyDocument` as written. */
  readonly document: JsonNode;
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

/**
 * Warns about each property in `dropped` that the bundle sets (it changes no decision arp
 * makes) and about a `PermissionsBoundary`, which does: the imported `noun` grants what its
 * policies say, the deployed one only what the boundary allows too.
 */
export function reportUnkept(entries: ReadonlyMap<string, JsonEntry>, dropped: ReadonlySet<string>, noun: string, diagnostics: Diagnostic[]): void {
  for (const [key, entry] of entries) {
    if (dropped.has(key)) {
      diagnostics.push(diagnostic("DroppedElement", entry.keySpan, `arp does not keep a ${noun}'s \`${key}\``, { hint: `set it where the ${noun} is deployed` }));
    }
  }
  const boundary = entries.get("PermissionsBoundary");
  if (boundary !== undefined) {
    diagnostics.push(diagnostic("BoundaryNotImported", boundary.keySpan,
      `arp does not import a ${noun}'s \`PermissionsBoundary\`: the imported ${noun} grants what its policies say, and the deployed ${noun} only what the boundary allows too`,
      { hint: `keep setting the boundary where the ${noun} is deployed` }));
  }
}

/**
 * Appends the inline policies' statements to `statements`, each policy opening a `policy`
 * block (and closing the one before); returns the text to put before the statement at each index.
 */
export function appendPolicyBlocks(statements: MappedText[], translations: readonly Translation[]): Map<number, string> {
  const before = new Map<number, string>();
  translations.forEach((t, i) => {
    before.set(statements.length, `${i === 0 ? "" : "\n}"}\npolicy ${quote(t.name)} {`);
    statements.push(...t.statements);
  });
  return before;
}

/** An `attach` line per managed policy, its ARN in the stack's partition and account where the template's is. */
export function attachLines(managed: readonly string[], params: ImportParams): string {
  return managed.map((arn) => `\n  attach ${renderString(withPlaceholderParams([{ kind: "text", text: arn }], params))}`).join("");
}

/** Whether each inline policy compiles back to its `PolicyDocument` exactly as written. */
export function inlineExact(translations: readonly Translation[], inline: readonly Part[]): boolean {
  return translations.every((t, i) => inline[i] !== undefined && isDeepStrictEqual(t.expected, toPlain(inline[i].document)));
}
