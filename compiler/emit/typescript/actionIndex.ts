/**
 * The action index: the part of the generated module that, given an action name, returns only
 * the statements whose Action/NotAction can match it, split into Deny and Allow. For every
 * action named in the policies the answer is computed here, at generation time, and emitted as
 * a map entry, so a request for a known action costs one map look-up and then touches only its
 * own statements. Names not known at generation time go through the wildcard and NotAction
 * patterns once and are remembered in a bounded cache.
 */
import { EmitContext, lit } from "./emitContext.js";
import { indexedStatements } from "./resourceIndex.js";
import type { StatementPlan } from "./model.js";
import { compileWildcard, type Wildcard } from "../../../runtime/index.js";
import { globShape, hasWildcard, literalText, lowerPieces, parsePattern, shapeLiteral, type GlobShape } from "./patterns.js";

/** A statement's Action or NotAction, read once. */
interface ActionMatcher {
  readonly statement: StatementPlan;
  readonly not: boolean;
  /** Lower-cased wildcard-free names. */
  readonly exact: ReadonlySet<string>;
  /** Lower-cased wildcard patterns, as emitted. */
  readonly globs: readonly GlobShape[];
  /**
   * The same patterns compiled by the runtime's own matcher, which decides at generation time
   * which statements each known action selects: the emitted index cannot disagree with it.
   */
  readonly wildcards: readonly Wildcard[];
}

/** What the action index contributes to the module. */
export interface ActionIndex {
  /** Every action named in the policies, as first written, ordered by lower-cased name. */
  readonly knownActions: readonly string[];
  /** Declarations of the index and its look-up function `candidatesFor(action)`. */
  readonly declarations: readonly string[];
}

function matcherOf(statement: StatementPlan): ActionMatcher | undefined {
  // A malformed statement never applies, and one without Action/NotAction matches no action.
  if (statement.actions === undefined || statement.malformed !== undefined) return undefined;
  const exact = new Set<string>();
  const globs: GlobShape[] = [];
  const wildcards: Wildcard[] = [];
  for (const value of statement.actions.values) {
    const pieces = lowerPieces(parsePattern(value, true, false));
    if (!hasWildcard(pieces)) {
      exact.add(literalText(pieces));
      continue;
    }
    globs.push(globShape(pieces));
    wildcards.push(compileWildcard([{ text: value, wild: true }], true));
  }
  return { statement, not: statement.actions.not, exact, globs, wildcards };
}

function matches(m: ActionMatcher, lower: string): boolean {
  const hit = m.exact.has(lower) || m.wildcards.some((w) => w.test(lower));
  return hit !== m.not;
}

/** Action names written without wildcards, keyed by lower-cased name, first spelling kept. */
function knownNames(statements: readonly StatementPlan[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const s of statements) {
    for (const value of s.actions?.values ?? []) {
      if (hasWildcard(parsePattern(value, true, false))) continue;
      const lower = value.toLowerCase();
      if (!names.has(lower)) names.set(lower, value);
    }
  }
  return new Map([...names].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}


function candidatesLiteral(ms: readonly ActionMatcher[], lower: string, indexed: string): string {
  const hits = ms.filter((m) => matches(m, lower)).map((m) => m.statement);
  const deny = hits.filter((s) => s.effect === "Deny").map((s) => s.global);
  const allow = hits.filter((s) => s.effect === "Allow").map((s) => s.global);
  return `splitCandidates(${indexed}, [${deny.join(", ")}], [${allow.join(", ")}])`;
}

function knownEntries(ms: readonly ActionMatcher[], names: Map<string, string>, ctx: EmitContext, indexed: string, compact: boolean): string[] {
  const entries: string[] = [];
  const literals = new Map([...names.keys()].map((lower) => [lower, candidatesLiteral(ms, lower, indexed)]));
  const uses = new Map<string, number>();
  for (const l of literals.values()) uses.set(l, (uses.get(l) ?? 0) + 1);
  // Compact: each name once as written, grouped under its service prefix (written once per group), its candidates inline
  // unless shared; withLowerCase joins prefix and name and adds the lower-cased key at load.
  const groups = new Map<string, string[]>();
  for (const [lower, written] of names) {
    if (compact) {
      const l = literals.get(lower)!;
      const service = written.slice(0, written.indexOf(":") + 1);
      let group = groups.get(service);
      if (group === undefined) groups.set(service, (group = []));
      group.push(`[${lit(written.slice(service.length))}, ${uses.get(l)! > 1 ? ctx.constant("ACTION", "Candidates", l) : l}]`);
      continue;
    }
    const list = ctx.constant("ACTION", "Candidates", candidatesLiteral(ms, lower, indexed));
    if (written !== lower) entries.push(`[${lit(written)}, ${list}]`);
    entries.push(`[${lit(lower)}, ${list}]`);
  }
  for (const [service, group] of groups) entries.push(`[${lit(service)}, [${group.join(", ")}]]`);
  return entries;
}

function patternEntries(ms: readonly ActionMatcher[]): string[] {
  return ms
    .filter((m) => m.not || m.globs.length > 0)
    .map((m) => {
      const globs = m.globs.map(shapeLiteral).join(", ");
      return `{ statement: ${m.statement.global}, deny: ${m.statement.effect === "Deny"}, not: ${m.not}, globs: [${globs}] }`;
    });
}

export const LOOKUP = `
/**
 * Action names the policies do not spell out (matched by a wildcard or NotAction, or by
 * nothing), keyed as the request spells them so a repeat costs one look-up and no lower-casing.
 * Bounded like the runtime's cache, against floods of made-up names.
 */
const OTHER_ACTIONS = new Map<string, Candidates>();

/** The statements that may apply to \`action\`: one map look-up for names seen before. */
function candidatesFor(action: string): Candidates {
  const known = BY_ACTION.get(action) ?? OTHER_ACTIONS.get(action);
  if (known !== undefined) return known;
  const lower = action.toLowerCase();
  const found = BY_ACTION.get(lower) ?? unknownAction(lower);
  if (OTHER_ACTIONS.size >= 4096) OTHER_ACTIONS.clear();
  OTHER_ACTIONS.set(action, found);
  return found;
}`;

/** `unknownAction` for statements with action wildcards or NotAction; `indexed` names the statements the resource index holds. */
const unknownWithPatterns = (indexed: string): string => `
/** Tests an unknown (lower-cased) action against the wildcard and NotAction statements. */
function unknownAction(lower: string): Candidates {
  const deny: number[] = [];
  const allow: number[] = [];
  for (const p of ACTION_PATTERNS) {
    let hit = false;
    for (const g of p.globs) {
      if (glob(lower, g)) {
        hit = true;
        break;
      }
    }
    if (hit !== p.not) (p.deny ? deny : allow).push(p.statement);
  }
  return deny.length + allow.length === 0 ? NO_CANDIDATES : splitCandidates(${indexed}, deny, allow);
}`;

/**
 * The shared form of \`unknownWithPatterns\` for compact modules, over a set's patterns as rows
 * [statement, deny, not, globs]; declared once at module level when some set needs it.
 */
export const MATCH_ACTION_PATTERNS = `
/** The candidates of an unknown (lower-cased) action: the wildcard and NotAction statements it meets. */
function matchActionPatterns(lower: string, patterns: readonly (readonly [number, boolean, boolean, readonly (readonly Segment[])[]])[], indexed: Uint8Array, none: Candidates): Candidates {
  const deny: number[] = [];
  const allow: number[] = [];
  for (const [statement, isDeny, not, globs] of patterns) {
    let hit = false;
    for (const g of globs) {
      if (glob(lower, g)) {
        hit = true;
        break;
      }
    }
    if (hit !== not) (isDeny ? deny : allow).push(statement);
  }
  return deny.length + allow.length === 0 ? none : splitCandidates(indexed, deny, allow);
}`.trim();

const UNKNOWN_WITHOUT_PATTERNS = `
/** No statement has an action wildcard or NotAction, so an unknown action matches nothing. */
function unknownAction(_lower: string): Candidates {
  return NO_CANDIDATES;
}`;

/** Builds the action index for the statements; `compact` writes each action name once (large policy sets). */
export function emitActionIndex(statements: readonly StatementPlan[], ctx: EmitContext, compact = false): ActionIndex {
  const ms = statements.map(matcherOf).filter((m): m is ActionMatcher => m !== undefined);
  const names = knownNames(statements);
  // Declared first: the per-action constants read it when the module loads.
  const indexed = ctx.constant("INDEXED", "Uint8Array", `statementSet(${statements.length}, [${[...indexedStatements(statements)].join(", ")}])`);
  const declarations: string[] = [
    `const NO_CANDIDATES: Candidates = splitCandidates(${indexed}, [], []);`,
  ];
  const entries = knownEntries(ms, names, ctx, indexed, compact);
  declarations.push(
    `/** Each action the policies name (as written, and lower-cased) to its candidate statements. */
const BY_ACTION: ReadonlyMap<string, Candidates> = new Map<string, Candidates>(${compact ? `withLowerCase([${entries.join(", ")}])` : `[${entries.join(", ")}]`});`,
  );
  const patterns = patternEntries(ms);
  if (compact && patterns.length > 0) {
    const rows = ms
      .filter((m) => m.not || m.globs.length > 0)
      .map((m) => `[${m.statement.global}, ${m.statement.effect === "Deny"}, ${m.not}, [${m.globs.map(shapeLiteral).join(", ")}]]`);
    declarations.push(
      `const ACTION_PATTERNS: readonly (readonly [number, boolean, boolean, readonly (readonly Segment[])[]])[] = [${rows.join(", ")}];`,
      `const unknownAction = (lower: string): Candidates => matchActionPatterns(lower, ACTION_PATTERNS, ${indexed}, NO_CANDIDATES);`,
    );
  } else if (patterns.length > 0) {
    declarations.push(
      `/** Statements with action wildcards or NotAction, for action names not known when generating. */
const ACTION_PATTERNS: readonly { readonly statement: number; readonly deny: boolean; readonly not: boolean; readonly globs: readonly (readonly Segment[])[] }[] = [${patterns.join(", ")}];`,
      unknownWithPatterns(indexed).trim(),
    );
  } else {
    declarations.push(UNKNOWN_WITHOUT_PATTERNS.trim());
  }
  declarations.push(LOOKUP.trim());
  return { knownActions: [...names.values()], declarations };
}
