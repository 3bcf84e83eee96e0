/**
 * Shared by the import tests: fixtures, the reference page's policies, compiling an imported
 * `.arp`, and the differential check — the runtime's decisions on the input JSON and on the
 * compiled import, over requests sampled from what the policy itself names.
 */
import { readdirSync, readFileSync } from "node:fs";
import fc from "fast-check";
import { expect } from "vitest";
import { compile } from "../../compiler/index.js";
import { loadCatalog } from "../../compiler/catalog/index.js";
import { compilePolicySet, evaluate, type PolicySet } from "../../runtime/index.js";
import type { ContextValue, Decision, IamPolicyDocument, IamStatement, Request } from "../../runtime/index.js";

export const FIXTURES = new URL("./fixtures/", import.meta.url);

export function fixtureNames(): string[] {
  return readdirSync(FIXTURES).filter((f) => f.endsWith(".json")).map((f) => f.slice(0, -".json".length)).sort();
}

export function readFixture(name: string): string {
  return readFileSync(new URL(`${name}.json`, FIXTURES), "utf8");
}

const REFERENCE = new URL("../fixtures/reference/how-app-runner-works-with-iam.md", import.meta.url);

/** The policies printed in "How App Runner works with IAM", named after their headings. */
export function referencePolicies(): { name: string; json: string }[] {
  const text = readFileSync(REFERENCE, "utf8");
  const out: { name: string; json: string }[] = [];
  const pattern = /^#+ (.+?)<a name[^\n]*\n+```\n(\{[\s\S]*?\n\})\n```/gm;
  for (const m of text.matchAll(pattern)) {
    const name = (m[1] ?? "").replace(/\\/g, "").split(/[^A-Za-z0-9]+/).map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join("");
    out.push({ name, json: m[2] ?? "" });
  }
  return out;
}

/** The document compiling `arp` gives: the policy's, or the role's trust policy. */
export function compileImport(arp: string, kind: "policy" | "role"): IamPolicyDocument {
  const result = compile({ path: "imported.arp", text: arp });
  expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  const doc = kind === "role" ? result.roles[0]?.trust.document : result.policies[0]?.document;
  expect(doc).toBeDefined();
  return doc as IamPolicyDocument;
}

// ---- sampling requests ---------------------------------------------------------------------

const OTHER_ACTIONS = [
  "apprunner:CreateService", "apprunner:DeleteService", "apprunner:ListServices", "apprunner:DescribeService",
  "apprunner:TagResource", "s3:GetObject", "s3:ListBucket", "ec2:RunInstances", "iam:PassRole", "iam:GetUser",
  "sts:AssumeRole", "sts:TagSession", "sts:AssumeRoleWithWebIdentity", "ecr:BatchGetImage", "ecr:GetAuthorizationToken",
];
const OTHER_RESOURCES = [
  "*", "arn:aws:apprunner:us-east-1:123456789012:service/web/0123456789abcdef",
  "arn:aws:apprunner:eu-west-1:210987654321:service/prod-api/1", "arn:aws:s3:::other-bucket/x",
  "arn:aws:iam::123456789012:role/apprunner-instance", "arn:aws:ecr:us-east-1:123456789012:repository/web",
];
/** What a `*`, `?` or `${...}` of a policy string becomes in a sampled value. */
const FILLERS = ["", "web", "alice", "a/b", "prod-1", "none", "x:y", "Z"];
const VARIABLE_VALUES = ["alice", "web", "payments", "none", "us-east-1", "123456789012"];
const FAMILY_VALUES: Readonly<Record<string, readonly string[]>> = {
  Numeric: ["0", "899", "900", "3599", "3600", "3601", "43200", "99999", "x"],
  Date: ["2025-06-01T00:00:00Z", "2026-06-01T00:00:00Z", "2027-06-01T00:00:00Z", "1700000000"],
  IpAddress: ["203.0.113.7", "10.0.0.1", "2001:db8::1", "198.51.100.1"],
  Bool: ["true", "false", "TRUE"],
  String: ["alice", "web", "prod", "dev", "staging", "deployer", "", "US-EAST-1", "us-east-1"],
  Arn: ["arn:aws:iam::123456789012:role/deploy-web", "arn:aws:iam::111122223333:user/bob", "arn:aws:apprunner:us-east-1:123456789012:connection/github/1"],
};

function statementsOf(doc: IamPolicyDocument): IamStatement[] {
  return Array.isArray(doc.Statement) ? doc.Statement : [doc.Statement];
}

function list(v: unknown): string[] {
  if (v === undefined) return [];
  return (Array.isArray(v) ? v : [v]).map(String);
}

interface Named {
  actions: string[];
  resources: string[];
  /** Condition key (lower-cased) → the operators and values the policy tests it with. */
  keys: Map<string, { key: string; operators: string[]; values: string[] }>;
  variables: Set<string>;
}

function namedBy(docs: readonly IamPolicyDocument[]): Named {
  const named: Named = { actions: [], resources: [], keys: new Map(), variables: new Set() };
  for (const doc of docs) {
    for (const s of statementsOf(doc)) {
      named.actions.push(...list(s.Action), ...list(s.NotAction));
      named.resources.push(...list(s.Resource), ...list(s.NotResource));
      for (const [operator, tests] of Object.entries(s.Condition ?? {})) {
        for (const [key, values] of Object.entries(tests)) {
          const entry = named.keys.get(key.toLowerCase()) ?? { key, operators: [], values: [] };
          entry.operators.push(operator);
          entry.values.push(...list(values));
          named.keys.set(key.toLowerCase(), entry);
        }
      }
    }
  }
  const texts = [...named.resources, ...[...named.keys.values()].flatMap((k) => k.values)];
  for (const t of texts) for (const m of t.matchAll(/\$\{([^},]+)/g)) if (m[1]!.includes(":")) named.variables.add(m[1]!.trim());
  return named;
}

/** Concrete actions a pattern stands for (a few), and the pattern made concrete. */
function actionsFor(pattern: string): string[] {
  if (pattern === "*" || !/[*?]/.test(pattern)) return [pattern, pattern.toLowerCase()];
  const matches = loadCatalog().matchActions(pattern);
  const picks = [matches[0], matches[matches.length - 1], matches[Math.floor(matches.length / 2)]].filter((a) => a !== undefined);
  return [...picks.map((a) => a.fullName), pattern.replace(/\*/g, "Zz").replace(/\?/g, "Q")];
}

/** A policy string made concrete: wildcards and variables replaced by fillers. */
function instantiate(pattern: string, fillers: readonly string[]): string {
  let i = 0;
  const next = (): string => fillers[i++ % Math.max(1, fillers.length)] ?? "";
  const value = pattern.replace(/\$\{[^}]*\}|\*|\?/g, (m) => (m === "?" ? "q" : next()));
  // The runtime refuses an empty resource (request contract); `*` with filler "" asks for "*".
  return value === "" ? "*" : value;
}

function mutations(value: string): string[] {
  return [value, value.toUpperCase(), `${value}x`, value.replace(/\d/, "9"), value.replace("us-east-1", "eu-west-1")];
}

/**
 * The family of values to sample for a key. `aws:EpochTime` is epoch seconds on every request
 * (IAM User Guide: it "accepts the number of seconds since January 1, 1970"), whichever
 * operators test it: a Numeric test of it imports as a Date one (ARP6020).
 */
function familyOf(operators: readonly string[], key: string): string {
  if (key.toLowerCase() === "aws:epochtime") return "Numeric";
  const op = operators[0] ?? "";
  for (const f of ["Numeric", "Date", "IpAddress", "Bool", "Arn"]) if (op.includes(f)) return f;
  return "String";
}

function valueArb(entry: { key: string; operators: string[]; values: string[] }): fc.Arbitrary<ContextValue> {
  const family = familyOf(entry.operators, entry.key);
  const own = entry.values.flatMap(mutations);
  const scalar = fc.oneof(
    fc.constantFrom(...own),
    fc.tuple(fc.constantFrom(...entry.values), fc.array(fc.constantFrom(...FILLERS), { minLength: 1, maxLength: 3 })).map(([v, f]) => instantiate(v, f)),
    fc.constantFrom(...(FAMILY_VALUES[family] ?? FAMILY_VALUES.String!)),
  );
  const multi = entry.operators.some((o) => o.includes(":")) || /tagkeys|calledvia/i.test(entry.key);
  return multi ? fc.oneof(scalar, fc.array(scalar, { maxLength: 3 })) : scalar;
}

/** Candidate values for a key: its own values made concrete, near misses, typical values. */
function candidates(entry: { key: string; operators: string[]; values: string[] }, fillers: readonly string[]): ContextValue[] {
  const family = familyOf(entry.operators, entry.key);
  const own = entry.values.flatMap((v) => [instantiate(v, fillers), instantiate(v, [""]), ...mutations(v)]);
  const near = entry.values.flatMap((v) => {
    if (family === "Numeric" && /^-?\d+$/.test(v)) return [String(Number(v) - 1), String(Number(v) + 1)];
    if (family === "Date" && !Number.isNaN(Date.parse(v))) return [-86400000, 86400000].map((d) => new Date(Date.parse(v) + d).toISOString());
    if (family === "IpAddress") return [v.split("/")[0] ?? v];
    return [];
  });
  const scalars: string[] = [...new Set([...own, ...near, ...(FAMILY_VALUES[family] ?? FAMILY_VALUES.String!)])];
  const multi = entry.operators.some((o) => o.includes(":")) || /tagkeys|calledvia/i.test(entry.key);
  return multi ? [...scalars, [], ...scalars.slice(0, 4).map((v) => [v, "other"]), scalars.slice(0, 3)] : scalars;
}

interface Target {
  readonly statement: IamStatement;
  /** Per tested key: the statement's tests of that key alone, compiled once. */
  readonly keys: { readonly entry: { key: string; operators: string[]; values: string[] }; readonly tests: PolicySet }[];
}

function targetsOf(doc: IamPolicyDocument, named: Named): Target[] {
  return statementsOf(doc).map((statement) => ({
    statement,
    keys: Object.entries(statement.Condition ?? {}).flatMap(([operator, tests]) => Object.keys(tests).map((key) => ({ operator, key }))).map(({ key }) => {
      const only: Record<string, Record<string, unknown>> = {};
      for (const [op, tests] of Object.entries(statement.Condition ?? {})) {
        for (const [k, v] of Object.entries(tests)) if (k.toLowerCase() === key.toLowerCase()) (only[op] ??= {})[k] = v;
      }
      const probe = { Version: doc.Version, Statement: [{ Effect: "Allow", Action: "*", Resource: "*", Condition: only }] } as IamPolicyDocument;
      return { entry: named.keys.get(key.toLowerCase())!, tests: compilePolicySet([probe]) };
    }),
  }));
}

/** Picks from a list with a stream of numbers. */
class Picker {
  private i = 0;
  constructor(private readonly picks: readonly number[]) {}
  next(): number {
    return this.picks[this.i++ % this.picks.length] ?? 0;
  }
  of<T>(items: readonly T[]): T {
    return items[this.next() % items.length] as T;
  }
}

const ALICE = "arn:aws:iam::123456789012:user/alice";

type KeyTests = Target["keys"][number];

/** Sets `key` to a value for which its tests hold (or, with `spoil`, fail), when there is one. */
function choose(k: KeyTests, context: Record<string, ContextValue>, fillers: readonly string[], spoil: boolean, picker: Picker): void {
  const all = candidates(k.entry, [...fillers, ...Object.values(context).map(String)]);
  const holds = (value: ContextValue | undefined): boolean => {
    const probe = { ...context };
    if (value === undefined) delete probe[k.entry.key];
    else probe[k.entry.key] = value;
    return k.tests.evaluate({ principal: ALICE, action: "x:y", resource: "*", context: probe }).decision === "Allow";
  };
  const options: (ContextValue | undefined)[] = [undefined, ...all];
  // A spoiled key is often simply missing: that is where `IfExists` and the set operators differ.
  const good = spoil && picker.next() % 2 === 0 && !holds(undefined) ? [undefined] : options.filter((v) => holds(v) !== spoil);
  const value = good.length > 0 ? picker.of(good) : picker.of(options);
  if (value === undefined) delete context[k.entry.key];
  else context[k.entry.key] = value;
}

/**
 * A request aimed at one statement: its action and resource, and a context in which each of
 * its tests holds (found by asking the runtime about each key), maybe with one key spoiled.
 * Keys of other statements get random values, and an Allow target usually escapes the policy's
 * conditional denies (one of their keys is spoiled), so that the allow can decide.
 */
function targeted(target: Target, others: readonly Target[], named: Named, picker: Picker): Request {
  const s = target.statement;
  const action = s.Action !== undefined ? picker.of(list(s.Action).flatMap(actionsFor)) : picker.of(OTHER_ACTIONS);
  const fillers = [picker.of(FILLERS), picker.of(FILLERS), picker.of(FILLERS)];
  const resource = s.Resource !== undefined ? instantiate(picker.of(list(s.Resource)), fillers) : picker.of(OTHER_RESOURCES);
  const context: Record<string, ContextValue> = {};
  for (const v of named.variables) context[v] = picker.of(VARIABLE_VALUES);
  const own = new Set(target.keys.map((k) => k.entry.key.toLowerCase()));
  for (const entry of named.keys.values()) {
    if (own.has(entry.key.toLowerCase()) || picker.next() % 4 === 0) continue;
    const value = picker.of(candidates(entry, fillers));
    context[entry.key] = value;
  }
  if (s.Effect === "Allow") {
    for (const deny of others) {
      const free = deny.keys.filter((k) => !own.has(k.entry.key.toLowerCase()));
      if (deny.statement.Effect !== "Deny" || free.length === 0 || picker.next() % 4 === 0) continue;
      choose(picker.of(free), context, fillers, true, picker);
    }
  }
  const spoil = picker.next() % (target.keys.length + 2);
  target.keys.forEach((k, i) => choose(k, context, fillers, i === spoil, picker));
  return { principal: ALICE, action, resource, context };
}

/** Requests that exercise what the documents name, and some they do not. */
export function requestArb(docs: readonly IamPolicyDocument[]): fc.Arbitrary<Request> {
  const named = namedBy(docs);
  const actions = [...new Set([...named.actions.flatMap(actionsFor), ...OTHER_ACTIONS])];
  const patterns = named.resources.length > 0 ? named.resources : ["*"];
  const resource = fc.oneof(
    fc.tuple(fc.constantFrom(...patterns), fc.array(fc.constantFrom(...FILLERS), { minLength: 1, maxLength: 4 })).map(([p, f]) => instantiate(p, f)),
    fc.constantFrom(...patterns.flatMap(mutations)),
    fc.constantFrom(...OTHER_RESOURCES),
  );
  const contextEntries: Record<string, fc.Arbitrary<ContextValue | null>> = {};
  for (const entry of named.keys.values()) contextEntries[entry.key] = fc.option(valueArb(entry), { freq: 4 });
  for (const v of named.variables) {
    if (!named.keys.has(v.toLowerCase())) contextEntries[v] = fc.option(fc.constantFrom(...VARIABLE_VALUES), { freq: 3 });
  }
  const random = fc.record({ action: fc.constantFrom(...actions), resource, context: fc.record(contextEntries) }).map(({ action, resource: r, context }) => ({
    principal: "arn:aws:iam::123456789012:user/alice",
    action,
    resource: r,
    context: Object.fromEntries(Object.entries(context).filter((e): e is [string, ContextValue] => e[1] !== null)),
  }));
  const targets = docs.map((d) => targetsOf(d, named));
  const aimed = fc.array(fc.nat(), { minLength: 64, maxLength: 64 }).map((picks) => {
    const picker = new Picker(picks);
    const policy = picker.of(targets);
    return targeted(picker.of(policy), policy, named, picker);
  });
  const legacyTags = [...named.keys.values()].map((e) => e.key).filter((k) => LEGACY_RESOURCE_TAG.test(k));
  return fc.oneof(random, aimed).map((request) => withTagAliases(request, legacyTags));
}

const LEGACY_RESOURCE_TAG = /^apprunner:ResourceTag\//i;

/**
 * An App Runner request carries a resource's tags under `aws:ResourceTag/K` and under the
 * legacy `apprunner:ResourceTag/K` the App Runner guide names ("using the
 * `apprunner:ResourceTag/key-name` ... condition keys"): a legacy key sampled for an App Runner
 * request sets (or clears) the `aws:` key too, and another service's request carries the `aws:`
 * key alone. The importer keeps a legacy key as written (`// arp-ignore ARP2011`), so both
 * documents read the same key on every request.
 */
function withTagAliases(request: Request, legacyKeys: readonly string[]): Request {
  if (legacyKeys.length === 0) return request;
  const appRunner = /^apprunner:/i.test(request.action);
  const context: Record<string, ContextValue> = { ...request.context };
  for (const legacy of legacyKeys) {
    const modern = legacy.replace(LEGACY_RESOURCE_TAG, "aws:ResourceTag/").toLowerCase();
    const own = Object.keys(context).find((k) => k.toLowerCase() === legacy.toLowerCase());
    const value = own === undefined ? undefined : context[own];
    if (!appRunner) {
      if (own !== undefined) delete context[own];
      if (value !== undefined && !Object.keys(context).some((k) => k.toLowerCase() === modern)) context[legacy.replace(LEGACY_RESOURCE_TAG, "aws:ResourceTag/")] = value;
      continue;
    }
    for (const k of Object.keys(context)) if (k.toLowerCase() === modern) delete context[k];
    if (value !== undefined) context[legacy.replace(LEGACY_RESOURCE_TAG, "aws:ResourceTag/")] = value;
  }
  return { ...request, context };
}

/**
 * Asserts the runtime decides every sampled request the same for both documents; returns how
 * often each decision came up, so a test can check the sampling reached the interesting ones.
 */
export function assertSameDecisions(input: unknown, imported: IamPolicyDocument, numRuns = 1000): Map<Decision, number> {
  const original = [input as IamPolicyDocument];
  const compiled = [imported];
  const seen = new Map<Decision, number>();
  fc.assert(
    fc.property(requestArb([input as IamPolicyDocument, imported]), (request) => {
      const want = evaluate(original, request).decision;
      const got = evaluate(compiled, request).decision;
      seen.set(want, (seen.get(want) ?? 0) + 1);
      expect({ request, decision: got }).toEqual({ request, decision: want });
    }),
    { numRuns, seed: 20261125 },
  );
  return seen;
}
