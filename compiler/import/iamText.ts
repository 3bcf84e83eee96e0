/**
 * IAM strings as arp text. An IAM string is literal text, IAM's escapes (`${*}`, `${?}`,
 * `${$}`) and policy variables (`${aws:username}`, `${aws:PrincipalTag/team, 'none'}`); it is
 * split exactly as the runtime splits it, and each piece becomes its arp spelling: variables
 * take arp's aliases (`${user}`, `$principal.tag.team`), repeated accounts and regions become
 * parameters, and literal `${` is escaped so arp never reads it as a variable.
 *
 * `iamTextOf` gives back the IAM text the compiler will produce for the arp text, so the
 * importer knows what to expect from the round trip.
 */
import { variableAliases } from "../check/policyVariables.js";
import { literalText } from "../check/resolveTemplate.js";
import { keywords } from "../../grammar/tokens.js";
import { parseTemplate } from "../../runtime/variables.js";

/** A piece of arp text inside a string or a pattern. */
export type ArpPart =
  | { readonly kind: "text"; readonly text: string }
  /** `${name}` / `$name`: an alias, an IAM key, a parameter or an IAM escape (`*`, `?`, `$`). */
  | { readonly kind: "var"; readonly name: string; readonly fallback?: string };

/** Parameters the importer declares, with their values. */
export interface ImportParams {
  readonly partition?: string;
  readonly region?: string;
  readonly account?: string;
}

/** Why a string cannot be written in arp. */
export interface TextProblem {
  readonly problem: string;
  readonly hint?: string;
}

const ESCAPE_NAMES = new Set(["*", "?", "$"]);

interface AliasTables {
  readonly fixed: ReadonlyMap<string, string>;
  readonly prefixes: readonly { readonly iamPrefix: string; readonly aliasPrefix: string }[];
}

let aliasTables: AliasTables | undefined;

/** IAM key → arp alias, read from arp's own alias table so the two never disagree. */
function aliases(): AliasTables {
  if (aliasTables !== undefined) return aliasTables;
  const fixed = new Map<string, string>();
  const prefixes: { iamPrefix: string; aliasPrefix: string }[] = [];
  for (const a of variableAliases()) {
    if (a.alias.endsWith(".KEY") && a.iamKey.endsWith("/KEY")) {
      prefixes.push({ iamPrefix: a.iamKey.slice(0, -"KEY".length), aliasPrefix: a.alias.slice(0, -"KEY".length) });
    } else fixed.set(a.iamKey, a.alias);
  }
  aliasTables = { fixed, prefixes };
  return aliasTables;
}

/** The arp alias of an IAM variable, spelled exactly as the compiler will spell it back. */
export function aliasFor(iamKey: string): string | undefined {
  const { fixed, prefixes } = aliases();
  const alias = fixed.get(iamKey);
  if (alias !== undefined) return alias;
  for (const p of prefixes) {
    if (iamKey.startsWith(p.iamPrefix) && iamKey.length > p.iamPrefix.length) return p.aliasPrefix + iamKey.slice(p.iamPrefix.length);
  }
  return undefined;
}

/** Merges adjacent text so each run of literal text is one part. */
function pushText(parts: ArpPart[], text: string): void {
  if (text === "") return;
  const last = parts[parts.length - 1];
  if (last?.kind === "text") parts[parts.length - 1] = { kind: "text", text: last.text + text };
  else parts.push({ kind: "text", text });
}

/**
 * Splits an IAM string into arp parts. With `variables` false (policy Version 2008-10-17, or a
 * condition operator IAM does not substitute in) every `${` is literal text.
 */
export function fromIamText(text: string, variables: boolean): ArpPart[] | TextProblem {
  if (text.includes("\r")) return { problem: "arp strings cannot hold a carriage return" };
  const parts: ArpPart[] = [];
  for (const part of parseTemplate(text, variables).parts) {
    if (!("name" in part)) {
      if (part.wild) pushText(parts, part.text);
      // An escape must be one of IAM's three; anything else (`${toString}` read through an
      // inherited property) is refused rather than carried into the arp text.
      else if (typeof part.text === "string" && ESCAPE_NAMES.has(part.text)) parts.push({ kind: "var", name: part.text });
      else return { problem: "this text holds a `${...}` that is neither an IAM escape nor a policy variable" };
      continue;
    }
    if (!part.name.includes(":")) {
      return {
        problem: `\`\${${part.name}}\` is not an IAM policy variable`,
        hint: "a policy variable names a condition key with its prefix, such as `${aws:username}`",
      };
    }
    if (part.fallback?.includes("}")) return { problem: `arp cannot write the default \`${part.fallback}\` of \`\${${part.name}}\`: it holds \`}\`` };
    const name = aliasFor(part.name) ?? part.name;
    parts.push({ kind: "var", name, ...(part.fallback !== undefined ? { fallback: part.fallback } : {}) });
  }
  return parts;
}

/**
 * Like {@link fromIamText}, with an ARN's region and account segments written as the
 * `region` and `account` parameters when their values match.
 */
export function fromIamArn(text: string, variables: boolean, params: ImportParams): ArpPart[] | TextProblem {
  const segments = text.split(":");
  const head = segments.slice(0, 5);
  if (segments.length < 6 || segments[0] !== "arn" || head.some((s) => s.includes("$"))) return fromIamText(text, variables);
  const [, partition, service, region, account] = head as [string, string, string, string, string];
  const rest = fromIamText(segments.slice(5).join(":"), variables);
  if ("problem" in rest) return rest;
  const parts: ArpPart[] = [];
  pushText(parts, `arn:${partition}:${service}:`);
  if (params.region !== undefined && region === params.region) parts.push({ kind: "var", name: "region" });
  else pushText(parts, region);
  pushText(parts, ":");
  if (params.account !== undefined && account === params.account) parts.push({ kind: "var", name: "account" });
  else pushText(parts, account);
  pushText(parts, ":");
  for (const p of rest) {
    if (p.kind === "text") pushText(parts, p.text);
    else parts.push(p);
  }
  return parts;
}

// ---- rendering ---------------------------------------------------------------------------

function interpolation(p: Extract<ArpPart, { kind: "var" }>): string {
  return p.fallback === undefined ? `\${${p.name}}` : `\${${p.name}, '${p.fallback}'}`;
}

function escapeText(text: string): string {
  return text
    .replace(/\\/g, "\\\\")
    .replace(/"/g, '\\"')
    .replace(/\n/g, "\\n")
    .replace(/\t/g, "\\t")
    .replace(/\$\{/g, "\\${");
}

/** A double-quoted arp string. */
export function renderString(parts: readonly ArpPart[]): string {
  return `"${parts.map((p) => (p.kind === "text" ? escapeText(p.text) : interpolation(p))).join("")}"`;
}

/** A double-quoted arp string of plain text (no interpolation). */
export function quote(text: string): string {
  return renderString([{ kind: "text", text }]);
}

const KEYWORDS: ReadonlySet<string> = new Set(keywords.map((k) => String(k.PATTERN)));
const WORD_TEXT = /^[A-Za-z0-9_\-.*?:/+@#]*$/;
const WORD_HEAD = /^[A-Za-z_*]/;

/** An unquoted arp pattern, when the text can be one; otherwise undefined (quote it). */
export function renderWord(parts: readonly ArpPart[]): string | undefined {
  const text = parts.map((p) => (p.kind === "text" ? p.text : interpolation(p))).join("");
  if (text === "" || KEYWORDS.has(text)) return undefined;
  const first = parts[0];
  if (first?.kind === "text" && !WORD_HEAD.test(first.text)) return undefined;
  for (const p of parts) {
    if (p.kind === "text" && !WORD_TEXT.test(p.text)) return undefined;
    if (p.kind === "var" && (p.name.includes("}") || p.fallback?.includes("'"))) return undefined;
  }
  return text;
}

/** A resource or action: a bare pattern when possible, else quoted. */
export function renderPattern(parts: readonly ArpPart[]): string {
  return renderWord(parts) ?? renderString(parts);
}

const VARIABLE_PATH = /^[A-Za-z_][A-Za-z0-9_]*(?:[.:/][A-Za-z0-9_+=@-]+)*$/;

/**
 * A condition value: `$user` or `$user ?? "none"` when the string is exactly one variable,
 * else a string.
 */
export function renderValue(parts: readonly ArpPart[]): string {
  const only = parts.length === 1 ? parts[0] : undefined;
  if (only?.kind === "var" && !ESCAPE_NAMES.has(only.name) && VARIABLE_PATH.test(only.name)) {
    if (only.fallback === undefined) return `$${only.name}`;
    if (!/[\\"$]/.test(only.fallback)) return `$${only.name} ?? ${quote(only.fallback)}`;
  }
  return renderString(parts);
}

/** Text for a line comment: line breaks (which would end the comment) become spaces. */
export function oneLine(text: string): string {
  return text.replace(/[\r\n\u2028\u2029]+/g, " ");
}

// ---- what the compiler makes of it -------------------------------------------------------

/** The IAM text the compiler produces for `parts` with these parameters declared. */
export function iamTextOf(parts: readonly ArpPart[], params: ImportParams): string {
  return parts
    .map((p) => {
      if (p.kind === "text") return literalText(p.text);
      if (ESCAPE_NAMES.has(p.name)) return `\${${p.name}}`;
      const param = paramValue(params, p.name);
      if (param !== undefined) return param;
      const iamKey = iamKeyOf(p.name);
      return p.fallback === undefined ? `\${${iamKey}}` : `\${${iamKey}, '${p.fallback}'}`;
    })
    .join("");
}

/** The value of a declared parameter, reading own properties only (a name may be `toString`). */
function paramValue(params: ImportParams, name: string): string | undefined {
  if (!Object.hasOwn(params, name)) return undefined;
  const value: unknown = params[name as keyof ImportParams];
  return typeof value === "string" ? value : undefined;
}

/** The IAM key behind an alias, or the name itself when it is an IAM key. */
function iamKeyOf(name: string): string {
  const { fixed, prefixes } = aliases();
  for (const [iamKey, alias] of fixed) if (alias === name) return iamKey;
  for (const p of prefixes) if (name.startsWith(p.aliasPrefix)) return p.iamPrefix + name.slice(p.aliasPrefix.length);
  return name;
}
