/**
 * Completion. What fits at the cursor is read from the text of the statement being typed (the
 * tree of a half-typed statement is often missing it): after `allow`/`deny`, services and
 * actions; after `on`, `*` and App Runner's resource shorthands; after `when`, the condition
 * keys the statement's actions take; after a comparison, variables and parameters; after
 * `use`, `attach` and `for`, policy names; after `as role`, role names.
 */
import { keywords } from "../../grammar/tokens.js";
import type { Span } from "../../grammar/diagnostics/diagnostic.js";
import { expandShorthand, globalConditionKeys, isActionSpecificGlobalKey, shorthandWords, type Catalog, type CatalogAction } from "../catalog/index.js";
import { familyOf, operatorsFor } from "../check/operatorsForType.js";
import { variableAliases } from "../check/policyVariables.js";
import { filesOf, type DocumentAnalysis } from "./analysis.js";
import { definitionsIn, type SymbolKind } from "./symbolIndex.js";

/** What a completion item names, for the editor's icon. */
export type CompletionKind = "service" | "action" | "resource" | "key" | "variable" | "param" | "policy" | "role" | "group" | "keyword";

/** One completion: the label, what to insert over `replace`, and what it is. */
export interface CompletionEntry {
  readonly label: string;
  readonly kind: CompletionKind;
  readonly insertText: string;
  readonly detail?: string;
  readonly documentation?: string;
  /** The typed word the entry replaces. */
  readonly replace: Span;
}

/** Where in a statement the cursor is. */
type Slot = "actions" | "resources" | "keys" | "values" | "policies" | "roles" | "groups" | "keywords";

const WORD_CHAR = /[\w:*/.\-$]/;
/**
 * Words that start a statement or declaration. In `expect allow ... as user u`, `allow` is the
 * expected decision and `user` the principal's form: the expectation is the head.
 */
const HEADS = /(?<!\bas\s+)(?<!\bexpect\s+(?:(?:implicit|explicit)\s+)?)\b(allow|deny|expect|trust|use|attach|import|param|policy|role|user|group|test)\b/g;
const COMPARISON = /(?:=|!=|<=?|>=?|\blike|\bin|\bwithin|\binclude)\s*\[?\s*(?:[^,\s]+\s*,\s*)*$/;

/** The completions at `offset` of the document. */
export function completionsAt(analysis: DocumentAnalysis, offset: number): CompletionEntry[] {
  const { text } = analysis;
  let start = offset;
  while (start > 0 && WORD_CHAR.test(text[start - 1] as string)) start--;
  const prefix = text.slice(start, offset);
  const replace: Span = { file: analysis.path, start, end: offset };
  const { slot, statement } = slotAt(text.slice(0, start));
  const entry = (label: string, kind: CompletionKind, extra: Partial<CompletionEntry> = {}): CompletionEntry => ({ label, kind, insertText: label, replace, ...extra });
  switch (slot) {
    case "actions":
      return actionEntries(analysis.catalog, prefix, entry, resourceTypeAfter(text.slice(offset)));
    case "resources":
      return [entry("*", "resource", { detail: "every resource" }), ...shorthandWords().map((w) => entry(`${w}/*`, "resource", { detail: `App Runner ${w}` }))];
    case "keys": {
      const operators = operatorEntries(analysis.catalog, text.slice(0, start), entry);
      if (operators !== undefined) return operators;
      return [...keyEntries(analysis.catalog, statementActions(analysis.catalog, statement), entry), ...["tag", "request tag", "principal tag", "tag keys", "not", "any", "all"].map((k) => entry(k, "keyword"))];
    }
    case "values":
      return variableEntries(analysis, entry);
    case "policies":
      return namedEntries(analysis, "policy", entry);
    case "roles":
      return namedEntries(analysis, "role", entry);
    case "groups":
      return namedEntries(analysis, "group", entry);
    case "keywords":
      return keywordEntries(entry);
  }
}

/** The slot the cursor is in, from the text before the word being typed, and the statement's text so far. */
function slotAt(before: string): { slot: Slot; statement: string } {
  // `role` and `user` are heads too; after `as` they are an expectation's principal.
  if (/\bas\s+role\s+$/.test(before)) return { slot: "roles", statement: "" };
  let head: RegExpExecArray | undefined;
  for (const m of before.matchAll(HEADS)) head = m as RegExpExecArray;
  if (head === undefined) return { slot: "keywords", statement: "" };
  const statement = before.slice(head.index);
  const rest = statement.slice(head[0].length);
  const lineStart = before.lastIndexOf("\n", head.index) + 1;
  // `group` inside a user names groups; at the start of a line it declares one.
  const indented = /^\s+$/.test(before.slice(lineStart, head.index));
  if (/\n\s*\n\s*$/.test(rest) || /[{}]\s*$/.test(rest)) return { slot: "keywords", statement };
  switch (head[1]) {
    case "use":
    case "attach":
      return { slot: /^\s+\S*$/.test(rest) ? "policies" : "keywords", statement };
    case "test":
      return { slot: /\bfor\b[^{]*$/.test(rest) ? "policies" : "keywords", statement };
    case "group":
      return { slot: indented && !/\{/.test(rest) ? "groups" : "keywords", statement };
    case "allow":
    case "deny":
      return { slot: statementSlot(rest), statement };
    case "expect":
      if (/\bwith\b/.test(rest)) return { slot: COMPARISON.test(rest) ? "values" : "keys", statement };
      if (/\bon\s+$/.test(rest)) return { slot: "resources", statement };
      return { slot: /\bon\b/.test(rest) ? "keywords" : "actions", statement };
    default:
      return { slot: "keywords", statement };
  }
}

function statementSlot(rest: string): Slot {
  if (/\bwhen\b/.test(rest)) return COMPARISON.test(rest) ? "values" : "keys";
  if (/\bon\b/.test(rest)) return "resources";
  return "actions";
}

/** The actions the statement names (`apprunner:Describe*` expanded), for its condition keys. */
function statementActions(catalog: Catalog, statement: string): readonly CatalogAction[] {
  const actionsText = statement.replace(/^(allow|deny)\b/, "").split(/\bon\b|\bwhen\b/)[0] ?? "";
  const patterns = actionsText.split(/[\s,]+/).filter((w) => /^[\w*?-]+:[\w*?-]+$/.test(w));
  return patterns.flatMap((p) => (p.startsWith("*") ? [] : catalog.matchActions(p)));
}

/** A condition key just written (`aws:SourceIp `, `tag team `): the comparisons its type takes, then `exists` and `missing`. */
function operatorEntries(catalog: Catalog, before: string, entry: MakeEntry): CompletionEntry[] | undefined {
  const written = /(?:\b(?:request |principal )?tag\s+[\w:/.-]+|[\w-]+:[\w/${}.-]+)\s+$/.exec(before)?.[0].trim();
  if (written === undefined) return undefined;
  const tagForm = /^(request |principal )?tag\s+(.+)$/.exec(written);
  const keyName = tagForm === null ? written : `aws:${tagForm[1] === "request " ? "RequestTag" : tagForm[1] === "principal " ? "PrincipalTag" : "ResourceTag"}/${tagForm[2]}`;
  const key = catalog.conditionKey(keyName);
  if (key === undefined) return undefined;
  const { family } = familyOf(key.type);
  const comparisons = operatorsFor(family).map((o) => o.slice(1, -1));
  return [...comparisons.map((o) => entry(o, "keyword", { detail: `${key.type} comparison` })), entry("exists", "keyword"), entry("missing", "keyword")];
}

type MakeEntry = (label: string, kind: CompletionKind, extra?: Partial<CompletionEntry>) => CompletionEntry;

/**
 * When the statement already names its resources after the cursor (`allow | on service/*`),
 * the App Runner resource type of the first: only actions on it fit. Undefined for `*`, ARNs
 * and anything else, which every action may be written with.
 */
function resourceTypeAfter(after: string): string | undefined {
  const resource = /^[^\n]*?\bon\s+([^\s,]+)/.exec(after)?.[1];
  if (resource === undefined) return undefined;
  const expanded = expandShorthand(resource, { partition: "aws", region: "*", account: "*" });
  return expanded !== undefined && "arn" in expanded ? expanded.resourceType.name : undefined;
}

function actionEntries(catalog: Catalog, prefix: string, entry: MakeEntry, resourceType: string | undefined): CompletionEntry[] {
  const colon = prefix.indexOf(":");
  if (colon < 0) {
    return catalog.serviceKeys().map((s) => entry(s, "service", { insertText: `${s}:`, detail: catalog.serviceName(s) ?? s }));
  }
  const fits = (a: CatalogAction): boolean => resourceType === undefined || a.resourceTypes.some((t) => t.name.toLowerCase() === resourceType.toLowerCase());
  return catalog.actions(prefix.slice(0, colon)).filter(fits).map((a) => entry(a.fullName, "action", { detail: a.accessLevel, documentation: a.description }));
}

/** The keys the actions take (their own and their resource types'), then the global keys that apply to every request. */
function keyEntries(catalog: Catalog, actions: readonly CatalogAction[], entry: MakeEntry): CompletionEntry[] {
  const names = new Set<string>();
  for (const a of actions) {
    for (const k of a.conditionKeys) names.add(k);
    for (const t of a.resourceTypes) for (const k of t.conditionKeys) names.add(k);
  }
  for (const k of globalConditionKeys()) if (!isActionSpecificGlobalKey(k.name)) names.add(k.name);
  return [...names].map((name) => {
    const key = catalog.conditionKey(name);
    const template = name.indexOf("${");
    return entry(name, "key", {
      insertText: template < 0 ? name : name.slice(0, template),
      ...(key !== undefined ? { detail: key.type, documentation: key.description } : {}),
    });
  });
}

function variableEntries(analysis: DocumentAnalysis, entry: MakeEntry): CompletionEntry[] {
  const params = analysis.ast.items.flatMap((i) => (i.kind === "Param" ? [i.name.name] : []));
  return [
    ...params.map((p) => entry(`$${p}`, "param", { detail: "parameter" })),
    ...variableAliases().map((v) => entry(`$${v.alias}`, "variable", { detail: v.iamKey, documentation: v.description })),
  ];
}

/** Names of the kind defined at the top level of the document, its imports and the stdlib; the first of each name. */
function namedEntries(analysis: DocumentAnalysis, kind: SymbolKind & CompletionKind, entry: MakeEntry): CompletionEntry[] {
  const seen = new Set<string>();
  const found: CompletionEntry[] = [];
  for (const file of filesOf(analysis)) {
    const topLevel = new Set<unknown>(file.items);
    for (const d of definitionsIn(file)) {
      if (d.kind !== kind || !topLevel.has(d.declaration) || seen.has(d.name.toLowerCase())) continue;
      seen.add(d.name.toLowerCase());
      found.push(entry(d.name, kind, { detail: file === analysis.ast ? kind : `${kind} in ${file.span.file}` }));
    }
  }
  return found;
}

function keywordEntries(entry: MakeEntry): CompletionEntry[] {
  const words = keywords.map((k) => (typeof k.PATTERN === "string" ? k.PATTERN : k.name.toLowerCase()));
  return [...new Set(words)].sort().map((w) => entry(w, "keyword"));
}
