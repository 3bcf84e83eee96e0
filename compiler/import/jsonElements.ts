/**
 * Small readers for policy elements over the span-keeping JSON tree: the entries of an object
 * with IAM's element names checked, and string-or-array-of-strings values. Each reports
 * what is wrong (ARP6003) and returns undefined, so validation can go on and find the rest.
 */
import { closest, distance } from "fastest-levenshtein";
import { diagnostic } from "../../grammar/diagnostics/codes.js";
import type { Diagnostic, Span } from "../../grammar/diagnostics/diagnostic.js";
import { describeJson, type JsonEntry, type JsonNode, type JsonObject } from "./jsonSource.js";
import type { Located } from "./policyModel.js";

/** The entries of an object by name; duplicates and unknown names are reported. */
export function readEntries(
  obj: JsonObject,
  known: readonly string[],
  where: string,
  diagnostics: Diagnostic[],
): Map<string, JsonEntry> {
  const out = new Map<string, JsonEntry>();
  for (const entry of obj.entries) {
    const prior = out.get(entry.key);
    if (prior !== undefined) {
      diagnostics.push(diagnostic("InvalidPolicyElement", entry.keySpan, `\`${entry.key}\` appears twice in ${where}`, {
        hint: "JSON readers disagree on which one counts: keep one",
        related: [{ message: "first written here", span: prior.keySpan }],
      }));
    }
    if (!known.includes(entry.key)) {
      const suggestion = suggestName(entry.key, known);
      diagnostics.push(diagnostic("InvalidPolicyElement", entry.keySpan, `\`${entry.key}\` is not an element of ${where}`, {
        hint: suggestion !== undefined ? `did you mean \`${suggestion}\`?` : `${where} holds ${known.map((k) => `\`${k}\``).join(", ")}`,
      }));
      continue;
    }
    out.set(entry.key, entry);
  }
  return out;
}

/** A known name equal ignoring case, or within a small edit distance. */
export function suggestName(name: string, known: readonly string[]): string | undefined {
  const same = known.find((k) => k.toLowerCase() === name.toLowerCase());
  if (same !== undefined) return same;
  if (known.length === 0) return undefined;
  const best = closest(name, known as string[]);
  return distance(name.toLowerCase(), best.toLowerCase()) <= 2 ? best : undefined;
}

export function wrongType(node: JsonNode, what: string, expected: string, diagnostics: Diagnostic[]): undefined {
  diagnostics.push(diagnostic("InvalidPolicyElement", node.span, `${what} must be ${expected}, not ${describeJson(node)}`));
  return undefined;
}

/** A JSON string as a located text, or a reported type error. */
export function readString(node: JsonNode, what: string, diagnostics: Diagnostic[]): Located | undefined {
  if (node.kind === "string") return { text: node.value, span: node.span };
  return wrongType(node, what, "a string", diagnostics);
}

/** IAM's "a string or a non-empty array of strings" (Action, Resource, principal values). */
export function readStringList(node: JsonNode, what: string, diagnostics: Diagnostic[]): Located[] | undefined {
  if (node.kind === "string") return [{ text: node.value, span: node.span }];
  if (node.kind !== "array") return wrongType(node, what, "a string or an array of strings", diagnostics);
  if (node.items.length === 0) {
    diagnostics.push(diagnostic("InvalidPolicyElement", node.span, `${what} is an empty array`, {
      hint: "IAM requires at least one value",
    }));
    return undefined;
  }
  const out: Located[] = [];
  let ok = true;
  for (const item of node.items) {
    const s = readString(item, `each item of ${what}`, diagnostics);
    if (s === undefined) ok = false;
    else out.push(s);
  }
  return ok ? out : undefined;
}

/** The span from one offset to the end of another span (same file). */
export function spanFrom(start: Span, end: Span): Span {
  return { file: start.file, start: start.start, end: end.end };
}
