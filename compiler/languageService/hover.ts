/**
 * Hover: what the construct under the cursor means, from the catalog the checker uses. An
 * action shows its description, access level, resource types and condition keys; a resource
 * its resource type and ARN; a condition key its type, description and the comparisons it
 * takes; a comparison the IAM operator it compiles to; a policy or role name its declaration.
 */
import type { AnyNode, Comparison, KeyRef, Pattern, Statement } from "../../grammar/ast.js";
import type { Span } from "../../grammar/diagnostics/diagnostic.js";
import { expandShorthand, type Catalog, type CatalogAction, type CatalogConditionKey, type CatalogResourceType } from "../catalog/index.js";
import { familyOf, iamOperator, operatorsFor } from "../check/operatorsForType.js";
import { keyText } from "../check/resolveKey.js";
import type { DocumentAnalysis } from "./analysis.js";
import { resolveSymbol, symbolAt } from "./navigation.js";
import { nodesAt } from "./nodeAt.js";
import { positionAt } from "./positions.js";

/** A hover: Markdown and the span it describes. */
export interface HoverInfo {
  readonly markdown: string;
  readonly span: Span;
}

/** How many matches a wildcard action's hover lists before saying how many more there are. */
const LISTED_MATCHES = 12;

/** The hover at `offset`, or undefined where there is nothing to explain. */
export function hoverAt(analysis: DocumentAnalysis, offset: number): HoverInfo | undefined {
  const chain = nodesAt(analysis.ast, offset);
  // A pattern's text parts lie inside it: the pattern (or key) is what has a meaning.
  let index = chain.length - 1;
  while (index >= 0 && chain[index]?.kind !== "Pattern" && chain[index]?.kind !== "Key") index--;
  const node = chain[index >= 0 ? index : chain.length - 1];
  const parent = chain[(index >= 0 ? index : chain.length - 1) - 1];
  if (node === undefined) return undefined;
  const catalog = analysis.catalog;
  if (node.kind === "Pattern" && isActionPattern(parent)) return at(node.span, actionHover(catalog, node.text));
  if (node.kind === "Pattern" && parent?.kind === "Resources") return at(node.span, resourceHover(catalog, node, analysis));
  if (node.kind === "Key") return at(node.span, keyHover(catalog, node));
  const comparison = [...chain].reverse().find((n): n is Comparison => n.kind === "Compare");
  if (comparison !== undefined && comparison.operatorSpan.start <= offset && offset <= comparison.operatorSpan.end) {
    return at(comparison.operatorSpan, operatorHover(catalog, comparison));
  }
  const statement = [...chain].reverse().find((n): n is Statement => n.kind === "Statement");
  const onHead = statement !== undefined && offset >= statement.span.start && offset <= statement.effectSpan.end;
  if (statement !== undefined && onHead) return at({ ...statement.span, end: statement.effectSpan.end }, statementJson(analysis, statement));
  const symbol = symbolAt(analysis, offset);
  if (symbol !== undefined) {
    const def = resolveSymbol(analysis, symbol);
    if (def !== undefined) return at(symbol.span, declarationHover(analysis, def.declaration, def.nameSpan));
  }
  return undefined;
}

function at(span: Span, markdown: string | undefined): HoverInfo | undefined {
  return markdown === undefined ? undefined : { markdown, span };
}

function isActionPattern(parent: AnyNode | undefined): boolean {
  return parent?.kind === "Actions" || parent?.kind === "Trust" || parent?.kind === "Expect";
}

/** Markdown for an action, or for the actions a wildcard matches. */
export function actionHover(catalog: Catalog, text: string): string | undefined {
  if (/[*?]/.test(text)) {
    const matches = catalog.matchActions(text);
    if (matches.length === 0) return `**${text}** matches no action in the catalog`;
    const listed = matches.slice(0, LISTED_MATCHES).map((a) => `- \`${a.fullName}\` (${a.accessLevel})`);
    const more = matches.length > LISTED_MATCHES ? [`- … and ${matches.length - LISTED_MATCHES} more`] : [];
    return [`**${text}** matches ${matches.length} action${matches.length === 1 ? "" : "s"}:`, "", ...listed, ...more].join("\n");
  }
  const action = catalog.action(text);
  return action === undefined ? undefined : describeAction(action);
}

function describeAction(action: CatalogAction): string {
  const types = action.resourceTypes.map((t) => `\`${t.name}\`${t.required ? " (required)" : ""}`);
  const keys = [...new Set([...action.conditionKeys, ...action.resourceTypes.flatMap((t) => t.conditionKeys)])];
  return [
    `**${action.fullName}**`,
    "",
    action.description,
    "",
    `Access level: ${action.accessLevel}`,
    "",
    `Resource types: ${action.wildcardOnly ? "none (`*` only)" : types.join(", ")}`,
    ...(keys.length > 0 ? ["", `Condition keys: ${keys.map((k) => `\`${k}\``).join(", ")}`] : []),
  ].join("\n");
}

function resourceHover(catalog: Catalog, pattern: Pattern, analysis: DocumentAnalysis): string | undefined {
  if (pattern.text === "*") return "**\\***: every resource";
  const expanded = expandShorthand(pattern.text, { partition: paramValue(analysis, "partition") ?? "aws", region: paramValue(analysis, "region") ?? "*", account: paramValue(analysis, "account") ?? "*" });
  if (expanded !== undefined && "arn" in expanded) {
    return [`**${pattern.text}**`, "", `ARN: \`${expanded.arn}\``, "", describeResourceType(expanded.resourceType)].join("\n");
  }
  if (!pattern.text.startsWith("arn:")) return undefined;
  const types = catalog.resourceTypesForArn(pattern.text);
  if (types.length === 0) return undefined;
  return [`**${pattern.text}**`, "", ...types.map(describeResourceType)].join("\n\n");
}

/** A parameter's default, when the document declares one (what a shorthand expands with). */
function paramValue(analysis: DocumentAnalysis, name: string): string | undefined {
  for (const item of analysis.ast.items) {
    if (item.kind === "Param" && item.name.name === name && item.defaultValue !== undefined) {
      return item.defaultValue.parts.map((p) => (p.kind === "Text" ? p.text : "*")).join("");
    }
  }
  return undefined;
}

function describeResourceType(type: CatalogResourceType): string {
  const keys = type.conditionKeys.length > 0 ? `\n\nCondition keys: ${type.conditionKeys.map((k) => `\`${k}\``).join(", ")}` : "";
  return `Resource type \`${type.service}:${type.name}\`: \`${type.arnTemplate}\`${keys}`;
}

/** Markdown for a condition key, from the catalog. */
export function keyHover(catalog: Catalog, ref: KeyRef): string | undefined {
  const name = keyText(ref);
  const key = catalog.conditionKey(name);
  return key === undefined ? undefined : describeKey(name, key);
}

function describeKey(written: string, key: CatalogConditionKey): string {
  const { family } = familyOf(key.type);
  const alternates = key.alternateTypes !== undefined && key.alternateTypes.length > 0 ? ` (also ${key.alternateTypes.join(", ")})` : "";
  return [
    `**${written}**${written === key.name ? "" : ` (\`${key.name}\`)`}`,
    "",
    key.description,
    "",
    `Type: ${key.type}${alternates}${key.global ? " · global key" : ""}`,
    "",
    `Comparisons: ${operatorsFor(family).join(", ")}`,
  ].join("\n");
}

function operatorHover(catalog: Catalog, comparison: Comparison): string | undefined {
  const key = catalog.conditionKey(keyText(comparison.key));
  if (key === undefined) return undefined;
  const { family, multi } = familyOf(key.type);
  const operator = iamOperator(family, comparison.operator, comparison.ignoreCase);
  if (operator === undefined) return `\`${comparison.operator}\` does not apply to ${key.type} keys; they take ${operatorsFor(family).join(", ")}`;
  const notes = [
    ...(multi || comparison.quantifier !== undefined ? [`set qualifier: \`${comparison.quantifier ?? "any"}\` of the key's values`] : []),
    ...(comparison.ifExists ? ["`if exists`: also true when the request has no such key"] : []),
  ];
  return [`\`${comparison.operator}\` on a ${key.type} key compiles to IAM's \`${operator}\``, ...notes.map((n) => `- ${n}`)].join("\n");
}

function declarationHover(analysis: DocumentAnalysis, decl: AnyNode, nameSpan: Span): string | undefined {
  const text = analysis.sources.get(nameSpan.file);
  if (text === undefined) return undefined;
  const description = "description" in decl && decl.description !== undefined && typeof decl.description === "object" && decl.description !== null && "parts" in decl.description
    ? decl.description.parts.map((p) => (p.kind === "Text" ? p.text : `\${${p.name}}`)).join("")
    : undefined;
  const heading = text.slice(decl.span.start, nameSpan.end);
  const where = nameSpan.file === analysis.path ? "" : `\n\nDefined in \`${nameSpan.file}\``;
  return ["```arp", heading, "```", ...(description !== undefined ? ["", description] : [])].join("\n") + where;
}

/** The IAM JSON a statement compiles to (one or more IAM statements), when the document compiles. */
function statementJson(analysis: DocumentAnalysis, statement: Statement): string | undefined {
  const { line, character } = positionAt(analysis.text, statement.span.start, analysis.lines);
  const compiled: unknown[] = [];
  for (const { document, sources } of analysis.documents) {
    const statements = Array.isArray(document.Statement) ? document.Statement : [document.Statement];
    sources.forEach((source, i) => {
      if (source.file === analysis.path && source.line === line + 1 && source.column === character + 1) compiled.push(statements[i]);
    });
    // A policy used by others compiles into each of them: the first document that holds it says what it becomes.
    if (compiled.length > 0) break;
  }
  if (compiled.length === 0) return undefined;
  return ["Compiles to:", "", "```json", JSON.stringify(compiled.length === 1 ? compiled[0] : compiled, null, 2), "```"].join("\n");
}
