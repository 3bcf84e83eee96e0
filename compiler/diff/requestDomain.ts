/**
 * The requests `arp diff` decides under both policy sets: one of each class of requests the
 * policies can tell apart. Actions: every name they write, every catalog action a wildcard of
 * theirs matches, and one action no pattern names. Resources: one of each class the Resource
 * and NotResource patterns draw (stringClasses.ts), readable ones first (a pattern with its
 * wildcards filled, `*`, an ARN none names). Context, per key: missing, and one value of each
 * class its tests draw: string and ARN patterns (overlaps, case), the pieces numbers, dates and
 * address ranges cut (orderedClasses.ts), both booleans, a value none mentions; a multi-valued
 * key also every set of those classes (the empty set included). A variable takes one value
 * (`variableValue`). Where a class may lack a member (a bound hit, tests of two families on one
 * key), the domain says so, and the report says "not exhaustive".
 */
import { wildcardMatcher, type Catalog } from "../catalog/index.js";
import type { IamPolicyDocument, IamStatement } from "../../runtime/policyDocument.js";
import type { ContextValue } from "../../runtime/types.js";
import { parseOperator } from "../../runtime/operators/index.js";
import { addressClasses, dateClasses, numberClasses, UNPARSABLE } from "./orderedClasses.js";
import { arnTokens, resourceTokens, stringTokens } from "./patternTokens.js";
import { stringClasses, type PatternToken, type StringPattern } from "./stringClasses.js";

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
/** Services whose resource types shape the resources, at most; beyond, any ARN does. */
const SHAPE_SERVICE_LIMIT = 12;
/** Any ARN: five parts without a colon, then the resource. */
const ANY_ARN_TEMPLATE = "arn:${Partition}:${Service}:${Region}:${Account}:${Resource}";
/** Every ARN of the fresh service: any partition, region, account and resource. */
const FRESH_SERVICE_TEMPLATE = "arn:${Partition}:zzfresh:${Region}:${Account}:${Resource}";
const FRESH_VALUE = UNPARSABLE;

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

/** What a part of an ARN pattern that is only wildcards reads as in a readable instance. */
const PART_DEFAULTS = ["arn", "aws", "", "us-east-1", "123456789012"];

/**
 * Readable instances of a Resource pattern: a wildcard-only partition, region or account reads
 * as `aws`, `us-east-1` or `123456789012`, other wildcards as `fill` (the resource part) or `x`.
 */
function resourceInstances(pattern: string): string[] {
  const parts = pattern.split(":");
  if (parts.length < 6) return ["x", ""].map((fill) => instantiate(pattern, fill));
  const head = parts.slice(0, 5).map((part, i) => (/^[*?]+$/.test(part) && PART_DEFAULTS[i] !== "" ? PART_DEFAULTS[i]! : instantiate(part, "x")));
  const rest = parts.slice(5).join(":");
  return ["x", "x/x", "x/x/x", ""].map((fill) => `${head.join(":")}:${instantiate(rest, fill)}`);
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

/** A catalog ARN template as a pattern: each `${...}` is any text without a colon (`${Resource}`, the fresh service's resource, any text). */
function templatePattern(template: string): StringPattern {
  const tokens: PatternToken[] = [];
  for (const piece of template.split(/(\$\{[^}]*\})/)) {
    if (piece.startsWith("${")) tokens.push({ kind: "run", open: piece === "${Resource}" });
    else for (const ch of piece) tokens.push({ kind: "char", ch });
  }
  return { tokens, ignoreCase: false };
}

/**
 * The ARNs of the services' resource types, as patterns: each `${...}` of a template (a name,
 * an ID, the region) is any text without a colon.
 */
function catalogShapes(services: ReadonlySet<string>, catalog: Catalog): StringPattern[] {
  // An ARN of a service no pattern names stands for every such service's resources.
  const out: StringPattern[] = [templatePattern(FRESH_SERVICE_TEMPLATE)];
  for (const service of [...services].sort()) {
    for (const type of catalog.resourceTypes(service)) {
      out.push(templatePattern(type.arnTemplate));
    }
  }
  return out;
}

/** The services a Resource pattern's service part names or matches. */
function servicesOf(pattern: string, catalog: Catalog): string[] {
  const service = pattern.split(":")[2];
  if (service === undefined) return [];
  if (!/[*?]/.test(service)) return catalog.hasService(service) ? [service.toLowerCase()] : [];
  const matches = wildcardMatcher(service);
  return catalog.serviceKeys().filter((s) => matches(s));
}

/**
 * The resources: one of each class the Resource and NotResource patterns draw among the ARNs of
 * the catalog's resource types of the services they name, and of a service none names
 * (stringClasses.ts); and `*`, the resource of a request for an action of no resource type.
 */
function resourcesOf(statements: readonly IamStatement[], catalog: Catalog): { values: string[]; exhaustive: boolean } {
  const written = [...new Set(statements.flatMap((s) => [...listOf(s.Resource), ...listOf(s.NotResource)]))].sort();
  const services = new Set(written.flatMap((r) => servicesOf(r, catalog)));
  const patterns: StringPattern[] = written.map((r) => ({ tokens: resourceTokens(r, variableValue), ignoreCase: false }));
  // Readable members first: each pattern with its wildcards filled.
  const candidates = [FRESH_RESOURCE, ...written.filter((r) => r !== "*").flatMap(resourceInstances)];
  // Past a few services (a wildcard service part), any ARN: a wider domain, so still complete.
  const shapes = services.size <= SHAPE_SERVICE_LIMIT ? catalogShapes(services, catalog) : [templatePattern(ANY_ARN_TEMPLATE)];
  const classes = stringClasses(patterns, candidates, { shapes });
  return { values: [...new Set([...classes.members, "*"])].sort(), exhaustive: classes.exhaustive };
}

/** What the conditions of one key compare it with, by the family of the operator. */
interface KeyTests {
  readonly strings: StringPattern[];
  /** The values of the variables naming this key: kept as members, since resources and values use them. */
  readonly variableValues: Set<string>;
  /** Readable values of the key: the compared values with wildcards filled. */
  readonly candidates: Set<string>;
  readonly numbers: string[];
  readonly dates: string[];
  readonly addresses: string[];
  readonly binaries: string[];
  readonly families: Set<string>;
  multi: boolean;
}

function keyTestsOf(statements: readonly IamStatement[]): Map<string, KeyTests> {
  const keys = new Map<string, KeyTests>();
  const entry = (key: string): KeyTests => {
    const lower = key.toLowerCase();
    let e = keys.get(lower);
    if (e === undefined) keys.set(lower, (e = { strings: [], variableValues: new Set(), candidates: new Set(), numbers: [], dates: [], addresses: [], binaries: [], families: new Set(), multi: false }));
    return e;
  };
  // A key a variable names takes the variable's value first, so that its class keeps that member.
  const variables = (text: string): void => {
    for (const m of text.matchAll(/\$\{([^}*?$]+)\}/g)) entry(m[1]!).variableValues.add(variableValue(m[1]!));
  };
  for (const s of statements) {
    for (const r of [...listOf(s.Resource), ...listOf(s.NotResource)]) variables(r);
    for (const [written, tests] of Object.entries(s.Condition ?? {})) {
      const parsed = parseOperator(written);
      for (const [key, raw] of Object.entries(tests)) {
        const e = entry(key);
        if (parsed === undefined) {
          e.families.add("unknown");
          continue;
        }
        if (parsed.set !== "none") e.multi = true;
        const row = parsed.impl;
        if (row.family === "Null") continue;
        e.families.add(row.family === "ARN" ? "String" : row.family);
        for (const v of listOf(raw as string | readonly string[])) {
          const text = String(v);
          variables(text);
          if (row.family === "String") e.strings.push({ tokens: stringTokens(text, row.arp === "like" || row.arp === "not like", variableValue), ignoreCase: row.ignoreCase });
          else if (row.family === "ARN") e.strings.push({ tokens: arnTokens(text, variableValue), ignoreCase: false });
          else if (row.family === "Numeric") e.numbers.push(text);
          else if (row.family === "Date") e.dates.push(text);
          else if (row.family === "IPAddress") e.addresses.push(text);
          else if (row.family === "Binary") e.binaries.push(text);
          if (row.family === "String" || row.family === "ARN") e.candidates.add(instantiate(text, "x"));
        }
      }
    }
  }
  return keys;
}

/** Sets of a multi-valued key's classes tried in full up to this many classes; beyond, a selection. */
export const SET_CLASS_LIMIT = 6;

/** The values one key takes across the enumerated contexts (`undefined`: missing), and whether they are every class. */
function choices(t: KeyTests): { values: (ContextValue | undefined)[]; exhaustive: boolean } {
  let exhaustive = !t.families.has("unknown");
  const members: string[] = [...t.variableValues];
  for (const family of t.families) {
    if (family === "String") {
      const classes = stringClasses(t.strings, [...members, ...[...t.candidates].sort(), FRESH_VALUE]);
      exhaustive &&= classes.exhaustive;
      members.push(...classes.members);
    } else if (family === "Numeric") members.push(...numberClasses(t.numbers));
    else if (family === "Date") members.push(...dateClasses(t.dates));
    else if (family === "IPAddress") members.push(...addressClasses(t.addresses));
    else if (family === "Bool") members.push("true", "false");
    else if (family === "Binary") members.push(...t.binaries);
  }
  // Tests of two families cut the values two ways; the union of their classes may miss a piece.
  if (t.families.size > 1) exhaustive = false;
  members.push(FRESH_VALUE);
  const scalars = [...new Set(members)];
  const values: (ContextValue | undefined)[] = [undefined, ...scalars];
  if (t.multi) {
    // A set is decided by which classes it holds: every subset, while there are few classes.
    if (scalars.length <= SET_CLASS_LIMIT) {
      for (let mask = 0; mask < 1 << scalars.length; mask++) values.push(scalars.filter((_v, i) => (mask & (1 << i)) !== 0));
    } else {
      exhaustive = false;
      values.push([], scalars, ...scalars.map((v) => [v]));
    }
  }
  return { values, exhaustive };
}

export interface RequestDomain {
  readonly actions: readonly string[];
  readonly resources: readonly string[];
  /** False when some class of resources may have no member. */
  readonly resourcesExhaustive: boolean;
  /** Each key's candidate values, keys lower-cased. */
  readonly keys: ReadonlyMap<string, readonly (ContextValue | undefined)[]>;
  /** The keys (lower-cased) some class of whose values may have no member. */
  readonly inexactKeys: ReadonlySet<string>;
}

export function requestDomain(documents: readonly IamPolicyDocument[], catalog: Catalog): RequestDomain {
  const statements = statementsOf(documents);
  const keys = new Map<string, readonly (ContextValue | undefined)[]>();
  const inexactKeys = new Set<string>();
  for (const [key, tests] of [...keyTestsOf(statements)].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const { values, exhaustive } = choices(tests);
    keys.set(key, values);
    if (!exhaustive) inexactKeys.add(key);
  }
  const actions = actionsOf(statements, catalog);
  const resources = resourcesOf(statements, catalog);
  return { actions, resources: resources.values, resourcesExhaustive: resources.exhaustive, keys, inexactKeys };
}
