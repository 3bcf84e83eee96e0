/**
 * `arp diff`: which requests one version of the policies decides differently from another, for
 * each principal. The answer is about access, not text: every request of the domain
 * (requestDomain.ts) is decided by the runtime evaluator under both versions, and each
 * difference is reported with the request that shows it, so every counterexample is real.
 *
 * Actions that every statement of both versions treats alike (the same statements' Action or
 * NotAction match them) are decided alike, so one stands for all of them. Contexts are the full
 * product of the classes of the keys read by the statements that may apply to the action and
 * resource: each test reads one key, so the product meets every combination of answers. Up to
 * a bound; beyond it a seeded sample is taken and the report says the search was not
 * exhaustive, as it does when the domain could not give some class a member.
 */
import { evaluate } from "../../runtime/index.js";
import { matchWildcard } from "../../runtime/wildcard.js";
import type { IamStatement } from "../../runtime/policyDocument.js";
import type { ContextValue, Decision, PolicyInput } from "../../runtime/types.js";
import type { Catalog } from "../catalog/index.js";
import { wildcardMatcher } from "../catalog/index.js";
import type { CompiledPrincipalSet } from "../compileProgram.js";
import { listOf as list, principalOf, requestDomain, statementsOf } from "./requestDomain.js";
import { seededRandom } from "./seededRandom.js";

/** Contexts enumerated per action class and resource before sampling. */
export const CONTEXT_LIMIT = 4096;

export interface Counterexample {
  readonly principal: string;
  readonly action: string;
  readonly resource: string;
  readonly context: Readonly<Record<string, ContextValue>>;
  readonly old: Decision;
  readonly new: Decision;
}

/** A group of differences: the actions decided alike, the resources it was found on, one example. */
export interface AccessChange {
  readonly actions: readonly string[];
  readonly resources: readonly string[];
  readonly example: Counterexample;
}

export interface SetDiff {
  readonly name: string;
  readonly kind: CompiledPrincipalSet["kind"];
  /** Requests NEW allows and OLD does not. */
  readonly added: readonly AccessChange[];
  /** Requests OLD allows and NEW does not. */
  readonly removed: readonly AccessChange[];
  /** Requests decided under both. */
  readonly requests: number;
  /** False when some context product was sampled rather than enumerated. */
  readonly exhaustive: boolean;
}

/** Whether the statement's Action/NotAction matches `action`. */
function actionMatcher(s: IamStatement): (action: string) => boolean {
  const tests = [...list(s.Action), ...list(s.NotAction)].map(wildcardMatcher);
  const not = s.NotAction !== undefined;
  return (action) => tests.some((t) => t(action)) !== not;
}

/**
 * Whether the statement may apply to `resource` in some context. A plain wildcard match is at
 * least as permissive as IAM's (whose wildcards in the ARN's first five parts stay inside their
 * part), so a statement this rejects never applies; those with NotResource or with variables in
 * their resources (resolved from the context) are always kept.
 */
function resourceFilter(s: IamStatement): (resource: string) => boolean {
  const patterns = list(s.Resource);
  if (s.NotResource !== undefined || patterns.some((r) => r.includes("${"))) return () => true;
  return (resource) => patterns.some((r) => matchWildcard(r, resource));
}

function* contexts(keys: readonly string[], values: ReadonlyMap<string, readonly (ContextValue | undefined)[]>): Generator<{ context: Record<string, ContextValue>; exhaustive: boolean }> {
  const options = keys.map((k) => values.get(k) ?? [undefined]);
  const total = options.reduce((n, o) => n * o.length, 1);
  const build = (pick: (i: number) => number): Record<string, ContextValue> => {
    const context: Record<string, ContextValue> = {};
    keys.forEach((k, i) => {
      const v = options[i]![pick(i)];
      if (v !== undefined) context[k] = v;
    });
    return context;
  };
  if (total <= CONTEXT_LIMIT) {
    for (let n = 0; n < total; n++) {
      let rest = n;
      yield { context: build((i) => { const len = options[i]!.length; const c = rest % len; rest = Math.floor(rest / len); return c; }), exhaustive: true };
    }
    return;
  }
  // Every single-key variation of the all-missing context, then a seeded sample.
  yield { context: build(() => 0), exhaustive: false };
  for (let i = 0; i < keys.length; i++) for (let c = 1; c < options[i]!.length; c++) yield { context: build((j) => (j === i ? c : 0)), exhaustive: false };
  const next = seededRandom(total);
  for (let n = 0; n < CONTEXT_LIMIT; n++) yield { context: build((i) => Math.floor(next() * options[i]!.length)), exhaustive: false };
}

function decide(policies: readonly PolicyInput[], principal: string, action: string, resource: string, context: Record<string, ContextValue>): Decision {
  return policies.length === 0 ? "ImplicitDeny" : evaluate(policies, { principal, action, resource, context }).decision;
}

/** Compares one principal's two versions (either may be missing: no policies). */
export function diffSet(name: string, kind: CompiledPrincipalSet["kind"], oldSet: CompiledPrincipalSet | undefined, newSet: CompiledPrincipalSet | undefined, catalog: Catalog): SetDiff {
  const oldPolicies = oldSet?.policies ?? [];
  const newPolicies = newSet?.policies ?? [];
  const documents = [...oldPolicies, ...newPolicies].map((p) => p.document);
  const domain = requestDomain(documents, catalog);
  const statements = statementsOf(documents);
  const matchers = statements.map(actionMatcher);
  const resourceFilters = statements.map(resourceFilter);
  // The keys a statement reads: those it tests and those its variables name.
  const conditionKeys = statements.map((s) => {
    const tested = Object.values(s.Condition ?? {}).flatMap((tests) => Object.keys(tests));
    const text = JSON.stringify([s.Resource, s.NotResource, s.Condition]);
    const variables = [...text.matchAll(/\$\{([^}*?$]+)\}/g)].map((m) => m[1]!);
    return [...tested, ...variables].map((k) => k.toLowerCase()).filter((k) => domain.keys.has(k));
  });
  // Actions decided alike: the same statements match them.
  const classes = new Map<string, string[]>();
  for (const action of domain.actions) {
    const signature = matchers.map((m) => (m(action) ? "1" : "0")).join("");
    const members = classes.get(signature);
    if (members === undefined) classes.set(signature, [action]);
    else members.push(action);
  }
  const principal = principalOf(kind, name);
  const added: AccessChange[] = [];
  const removed: AccessChange[] = [];
  let requests = 0;
  let exhaustive = domain.resourcesExhaustive;
  for (const [signature, actions] of classes) {
    const action = actions[0]!;
    let gained: { resources: string[]; example: Counterexample } | undefined;
    let lost: { resources: string[]; example: Counterexample } | undefined;
    for (const resource of domain.resources) {
      let foundAdded = false;
      let foundRemoved = false;
      // Only the statements that may apply to this action and resource read the context.
      const keys = [...new Set(statements.flatMap((_s, i) => (signature[i] === "1" && resourceFilters[i]!(resource) ? conditionKeys[i]! : [])))].sort();
      exhaustive &&= keys.every((k) => !domain.inexactKeys.has(k));
      for (const { context, exhaustive: complete } of contexts(keys, domain.keys)) {
        exhaustive &&= complete;
        requests++;
        const before = decide(oldPolicies, principal, action, resource, context);
        const after = decide(newPolicies, principal, action, resource, context);
        const example = { principal, action, resource, context, old: before, new: after };
        if (!foundAdded && after === "Allow" && before !== "Allow") {
          foundAdded = true;
          if (gained === undefined) gained = { resources: [resource], example };
          else gained.resources.push(resource);
        }
        if (!foundRemoved && before === "Allow" && after !== "Allow") {
          foundRemoved = true;
          if (lost === undefined) lost = { resources: [resource], example };
          else lost.resources.push(resource);
        }
        if (foundAdded && foundRemoved) break;
      }
    }
    if (gained !== undefined) added.push({ actions, ...gained });
    if (lost !== undefined) removed.push({ actions, ...lost });
  }
  return { name, kind, added, removed, requests, exhaustive };
}

/** Compares every principal set of two compilations, matched by name (case-insensitive). */
export function diffAccess(oldSets: readonly CompiledPrincipalSet[], newSets: readonly CompiledPrincipalSet[], catalog: Catalog): SetDiff[] {
  const byName = new Map<string, { old?: CompiledPrincipalSet; new?: CompiledPrincipalSet }>();
  for (const s of oldSets) byName.set(s.name.toLowerCase(), { ...byName.get(s.name.toLowerCase()), old: s });
  for (const s of newSets) byName.set(s.name.toLowerCase(), { ...byName.get(s.name.toLowerCase()), new: s });
  return [...byName.values()]
    .map((pair) => {
      const named = (pair.new ?? pair.old)!;
      return diffSet(named.name, named.kind, pair.old, pair.new, catalog);
    })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
