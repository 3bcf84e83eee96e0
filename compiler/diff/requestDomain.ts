/**
 * The requests `arp diff` decides under both policy sets: built from what the policies
 * mention, so that each distinction the policies draw is represented. Actions: every name they
 * write, every catalog action a wildcard of theirs matches, and one action no pattern names.
 * Resources: an instance of each pattern (its wildcards filled, its variables given values the
 * context also carries), `*`, and an ARN no pattern names. Context: per key, missing, each value
 * the policies compare with (and its neighbours for numbers, dates and addresses), a value none
 * mentions, and for multi-valued keys the empty set, one value and several.
 */
import type { Catalog } from "../catalog/index.js";
import type { IamPolicyDocument, IamStatement } from "../../runtime/policyDocument.js";
import type { ContextValue } from "../../runtime/types.js";
import { splitResourcePrefix } from "../../runtime/resourcePattern.js";
import { intersectionWitness } from "./patternIntersection.js";

/** A value a policy variable is given: the same in resources, condition values and the context. */
export function variableValue(key: string): string {
  return key.toLowerCase() === "aws:username" ? "alice" : `var-${key.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`;
}

/** The principal of the requests: the user itself, a session of the role, or user `alice` for a standalone policy. */
export function principalOf(kind: "role" | "user" | "policy", name: string): string {
  if (kind === "role") return `arn:aws:sts::123456789012:assumed-role/${name}/session`;
  return kind === "user" ? `arn:aws:iam::123456789012:user/${name}` : "arn:aws:iam::123456789012:user/alice";
}

const FRESH_ACTION = "zzfresh:FreshAction";
const FRESH_RESOURCE = "arn:aws:zzfresh:us-east-1:123456789012:thing/fresh";
const FRESH_VALUE = "zz-fresh";

/** An IAM element that may be one value or a list, as a list. */
export function listOf<T>(v: T | readonly T[] | undefined): readonly T[] {
  return v === undefined ? [] : Array.isArray(v) ? (v as readonly T[]) : [v as T];
}

/** Every statement of the documents. */
export function statementsOf(documents: readonly IamPolicyDocument[]): IamStatement[] {
  return documents.flatMap((d) => [...listOf(d.Statement)]);
}

/** A pattern's text with variables given values and wildcards filled with `fill`. */
function instantiate(pattern: string, fill: string): string {
  return pattern.replace(/\$\{([^}]*)\}/g, (_m, inner: string) => (inner === "*" || inner === "?" || inner === "$" ? inner : variableValue(inner))).replace(/[*?]/g, fill);
}

/** A pattern's text with its variables given values and its wildcards kept. */
function withVariables(pattern: string): string {
  return pattern.replace(/\$\{([^}]*)\}/g, (m, inner: string) => (inner === "*" || inner === "?" || inner === "$" ? m : variableValue(inner)));
}

function actionsOf(statements: readonly IamStatement[], catalog: Catalog): string[] {
  const out = new Set<string>([FRESH_ACTION]);
  const services = new Set<string>();
  for (const s of statements) {
    for (const a of [...listOf(s.Action), ...listOf(s.NotAction)]) {
      const service = a.split(":")[0] ?? "";
      if (!/[*?]/.test(service) && catalog.hasService(service)) services.add(service);
      if (!/[*?]/.test(a)) out.add(a);
      // Every action a pattern matches, however many: a cut list could drop the only members of
      // an action class, and with them the requests that tell two versions apart. Classes are
      // decided once each (diffAccess.ts), so the count costs only a signature per action.
      // A wildcard service prefix (IAM JSON may hold one) reaches every service it matches.
      else if (!/[*?]/.test(service)) catalog.matchActions(a).forEach((c) => out.add(`${service}:${c.name}`));
      // (`*` and `*:*` match every action: the rule below and the fresh action represent them.)
      else if (!/^[*?]+(:[*?]*)?$/.test(a)) catalog.matchActions(a).forEach((c) => out.add(c.fullName));
    }
  }
  // NotAction and `*` reach actions no pattern writes: each mentioned service's are represented.
  if (statements.some((s) => s.NotAction !== undefined || listOf(s.Action).some((a) => /^[*?]+$/.test(a.split(":")[0] ?? "")))) {
    for (const service of services) catalog.actions(service).forEach((c) => out.add(`${service}:${c.name}`));
  }
  return [...out].sort();
}

function resourcesOf(statements: readonly IamStatement[]): string[] {
  const out = new Set<string>(["*", FRESH_RESOURCE]);
  for (const s of statements) {
    for (const r of [...listOf(s.Resource), ...listOf(s.NotResource)]) {
      if (r === "*") continue;
      for (const fill of ["x", ""]) {
        const instance = instantiate(r, fill);
        if (instance !== "") out.add(instance);
      }
    }
  }
  // Where two patterns overlap: a value both match (at most a few hundred patterns in practice).
  const patterns = [...new Set(statements.flatMap((s) => [...listOf(s.Resource), ...listOf(s.NotResource)]).filter((r) => r !== "*").map(withVariables))];
  for (let a = 0; a < patterns.length; a++) {
    for (let b = a + 1; b < patterns.length; b++) {
      // Only the resource parts of ARNs with the same first five parts are intersected: a
      // witness whose wildcards span the ARN's colons would be no real resource.
      const pa = splitResourcePrefix(patterns[a]!);
      const pb = splitResourcePrefix(patterns[b]!);
      if (pa.rest === undefined || pb.rest === undefined || pa.segments.join(":") !== pb.segments.join(":")) continue;
      const both = intersectionWitness(pa.rest, pb.rest);
      if (both !== undefined) out.add(`${instantiate(pa.segments.join(":"), "x")}:${both}`);
    }
  }
  return [...out].sort();
}

/** Candidate values of one key, from the conditions that test it. */
interface KeyValues {
  readonly scalars: Set<string>;
  multi: boolean;
}

const ipv4 = (n: number): string => [24, 16, 8, 0].map((shift) => (n >>> shift) & 255).join(".");

/** A CIDR's first and last address and the addresses just outside it: where membership changes. */
function cidrBoundaries(m: RegExpExecArray): string[] {
  const bits = m[5] === undefined ? 32 : Number(m[5]);
  if (bits > 32) return [];
  const address = ((Number(m[1]) << 24) | (Number(m[2]) << 16) | (Number(m[3]) << 8) | Number(m[4])) >>> 0;
  const size = 2 ** (32 - bits);
  const first = Math.floor(address / size) * size;
  const last = first + size - 1;
  return [first, last, first - 1, last + 1].filter((n) => n >= 0 && n <= 0xffffffff).map(ipv4);
}

function neighbours(operator: string, value: string): string[] {
  if (/^Numeric/.test(operator) && /^-?\d+(\.\d+)?$/.test(value)) return [String(Number(value) - 1), String(Number(value) + 1)];
  if (/^Date/.test(operator)) {
    const t = Date.parse(value);
    if (!Number.isNaN(t)) return [new Date(t - 1000).toISOString().replace(/\.000Z$/, "Z"), new Date(t + 1000).toISOString().replace(/\.000Z$/, "Z")];
  }
  if (/IpAddress$/.test(operator)) {
    const m = /^(\d+)\.(\d+)\.(\d+)\.(\d+)(?:\/(\d+))?$/.exec(value);
    if (m !== null) return [`${m[1]}.${m[2]}.${m[3]}.${Number(m[4]) + 1 > 255 ? 254 : Number(m[4]) + 1}`, "192.0.2.77", ...cidrBoundaries(m)];
  }
  if (/^Bool/.test(operator)) return ["true", "false"];
  return [];
}

function keyValuesOf(statements: readonly IamStatement[]): Map<string, KeyValues> {
  const keys = new Map<string, KeyValues>();
  const entry = (key: string): KeyValues => {
    const lower = key.toLowerCase();
    let e = keys.get(lower);
    if (e === undefined) keys.set(lower, (e = { scalars: new Set([FRESH_VALUE]), multi: false }));
    return e;
  };
  const variables = (text: string): void => {
    for (const m of text.matchAll(/\$\{([^}*?$]+)\}/g)) entry(m[1]!).scalars.add(variableValue(m[1]!));
  };
  for (const s of statements) {
    for (const r of [...listOf(s.Resource), ...listOf(s.NotResource)]) variables(r);
    for (const [operator, tests] of Object.entries(s.Condition ?? {})) {
      for (const [key, raw] of Object.entries(tests)) {
        const e = entry(key);
        if (operator.startsWith("For")) e.multi = true;
        if (operator === "Null") continue;
        for (const v of listOf(raw as string | readonly string[])) {
          const text = String(v);
          variables(text);
          e.scalars.add(instantiate(text, "x"));
          neighbours(operator.replace(/^For(?:All|Any)Values:/, ""), text).forEach((n) => e.scalars.add(n));
        }
      }
    }
  }
  return keys;
}

/** The values one key takes across the enumerated contexts (`undefined`: missing). */
function choices(v: KeyValues): (ContextValue | undefined)[] {
  const scalars = [...v.scalars].sort();
  const out: (ContextValue | undefined)[] = [undefined, ...scalars];
  if (v.multi) {
    const mentioned = scalars.filter((s) => s !== FRESH_VALUE);
    out.push([], mentioned, [...mentioned, FRESH_VALUE]);
    if (mentioned.length > 0) out.push([mentioned[0]!, FRESH_VALUE]);
  }
  return out;
}

export interface RequestDomain {
  readonly actions: readonly string[];
  readonly resources: readonly string[];
  /** Each key's candidate values, keys lower-cased. */
  readonly keys: ReadonlyMap<string, readonly (ContextValue | undefined)[]>;
}

export function requestDomain(documents: readonly IamPolicyDocument[], catalog: Catalog): RequestDomain {
  const statements = statementsOf(documents);
  const keys = new Map([...keyValuesOf(statements)].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, v]) => [k, choices(v)] as const));
  return { actions: actionsOf(statements, catalog), resources: resourcesOf(statements), keys };
}
