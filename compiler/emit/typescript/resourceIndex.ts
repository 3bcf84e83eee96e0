/**
 * The resource index: past the action index, dozens of statements may share an action and
 * differ only in the resource names they cover (`…:service/t0-*`, `…:service/t1-*`, …). Each
 * such statement is filed under the literal start of its patterns' resource part (the text
 * after the fifth colon, up to the first wildcard or variable) in a prefix tree, and a request
 * walks the tree along its own resource part once, meeting only the statements whose prefix
 * its resource starts with.
 *
 * Why that is exact: when the request's resource has exactly five colons, a pattern with at
 * least five colons can match it only by matching each of its first five colons to one of the
 * resource's (a `*` may span colons, but the pattern's own colons must each meet one, in
 * order), so the pattern's resource part must match the resource's whole resource part, which
 * therefore starts with the pattern part's literal start. A resource with another number of
 * colons, a NotResource, a pattern with fewer than five colons (`*`), or no Resource at all,
 * is not indexed: such statements, and such requests, take every candidate of the action. The
 * index only skips statements that cannot apply; each statement it meets still runs its full
 * test.
 */
import { splitResourcePrefix } from "../../../runtime/resourcePattern.js";
import { lit } from "./emitContext.js";
import type { StatementPlan } from "./model.js";
import { parsePattern } from "./patterns.js";


/** The literal starts of a statement's Resource patterns' resource parts; undefined when it cannot be indexed. */
export function resourcePrefixes(s: StatementPlan): readonly string[] | undefined {
  if (s.resources === undefined || s.resources.not || s.malformed !== undefined || s.resources.values.length === 0) return undefined;
  const prefixes = new Set<string>();
  for (const value of s.resources.values) {
    const { rest } = splitResourcePrefix(value);
    if (rest === undefined) return undefined;
    let prefix = "";
    for (const piece of parsePattern(rest, true, s.variables)) {
      if (piece.kind !== "text") break;
      prefix += piece.text;
    }
    prefixes.add(prefix);
  }
  return [...prefixes].sort();
}

/** Which statements the index holds, by global index. */
export function indexedStatements(statements: readonly StatementPlan[]): ReadonlySet<number> {
  return new Set(statements.filter((s) => resourcePrefixes(s) !== undefined).map((s) => s.global));
}

/** The declarations of `RESOURCE_PREFIXES` (prefix, Deny and Allow statements) and the tree built from them. */
export function emitResourceIndex(statements: readonly StatementPlan[]): string[] {
  const byPrefix = new Map<string, { deny: number[]; allow: number[] }>();
  for (const s of statements) {
    for (const prefix of resourcePrefixes(s) ?? []) {
      let entry = byPrefix.get(prefix);
      if (entry === undefined) byPrefix.set(prefix, (entry = { deny: [], allow: [] }));
      (s.effect === "Deny" ? entry.deny : entry.allow).push(s.global);
    }
  }
  const entries = [...byPrefix].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return [
    `/** Statements filed by the literal start of their resource part: [prefix, Deny statements, Allow statements]. */
const RESOURCE_PREFIXES: readonly (readonly [string, readonly number[], readonly number[]])[] = [${entries
      .map(([prefix, e]) => `[${lit(prefix)}, [${e.deny.join(", ")}], [${e.allow.join(", ")}]]`)
      .join(", ")}];`,
    `const PREFIX_ROOT: PrefixNode = prefixTree(RESOURCE_PREFIXES);`,
  ];
}

/**
 * The emitted `decide(q)`: the action's candidates, then, when the action has an index and the
 * resource exactly five colons, the statements the index meets along the resource part plus
 * those it does not hold; otherwise every candidate. Deny statements are tested before an
 * Allow can decide; an Allow found during the walk still waits for the Deny statements below it.
 */
export const DECIDE = `
/** The decision for a request read into \`q\`: an explicit Deny wins, then any Allow, else ImplicitDeny. */
function decide(q: View): Decision {
  const candidates = candidatesFor(q.action);
  if (candidates === NO_CANDIDATES) return "ImplicitDeny";
  const indexed = candidates.indexed;
  const resource = q.resource;
  const start = indexed === undefined ? -1 : q.restStart();
  if (indexed === undefined || start < 0) {
    const deny = candidates.deny;
    for (let k = 0; k < deny.length; k++) if (STATEMENTS[deny[k]!]!(q, null)) return "ExplicitDeny";
    const allow = candidates.allow;
    for (let k = 0; k < allow.length; k++) if (STATEMENTS[allow[k]!]!(q, null)) return "Allow";
    return "ImplicitDeny";
  }
  const otherDeny = candidates.otherDeny;
  for (let k = 0; k < otherDeny.length; k++) if (STATEMENTS[otherDeny[k]!]!(q, null)) return "ExplicitDeny";
  let allowed = false;
  let node: PrefixNode = PREFIX_ROOT;
  let at = start;
  for (;;) {
    const deny = node.deny;
    for (let k = 0; k < deny.length; k++) {
      const s = deny[k]!;
      if (indexed[s] === 1 && STATEMENTS[s]!(q, null)) return "ExplicitDeny";
    }
    if (!allowed) {
      const allow = node.allow;
      for (let k = 0; k < allow.length; k++) {
        const s = allow[k]!;
        if (indexed[s] === 1 && STATEMENTS[s]!(q, null)) {
          allowed = true;
          break;
        }
      }
    }
    const next = node.next;
    if (next === undefined || at >= resource.length) break;
    const child = next.get(resource.charCodeAt(at));
    if (child === undefined || !resource.startsWith(child.label, at)) break;
    at += child.label.length;
    node = child;
  }
  if (allowed) return "Allow";
  const otherAllow = candidates.otherAllow;
  for (let k = 0; k < otherAllow.length; k++) if (STATEMENTS[otherAllow[k]!]!(q, null)) return "Allow";
  return "ImplicitDeny";
}`;
