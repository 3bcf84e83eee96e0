/**
 * Generated-code snippet for explain()'s plans: which statements explain() must test for one
 * action and one end of the resource-index walk, and the misses it starts from. Without them
 * explain() would look at every candidate of the action on every call (at 1,000 statements,
 * hundreds per request) only to give most of them the same prebuilt resource miss; with them it
 * copies one array and tests the statements the walk meets, about what decide() tests.
 */

/**
 * Actions whose plans are kept: past this many, the table starts again, so a flood of made-up
 * action names cannot grow it without bound. An action's plans need no bound of their own: they
 * are keyed by nodes of the resource index, which the policies fix.
 */
export const EXPLAIN_PLAN_LIMIT = 4096;

/**
 * An action with at least this many candidates that take a prebuilt resource miss keeps its own
 * copy of the misses with those in place (one array as long as the policy set), so explain()
 * copies it instead of writing each of them; fewer are written per request.
 */
export const OWN_BASE_MIN = 32;

/** At most this many actions keep their own copy of the misses (each as long as the policy set). */
export const OWN_BASE_LIMIT = 64;

/**
 * Actions with fewer candidates than this take no plan: explain() tests every candidate, which
 * costs less than finding a plan (a candidate the walk would not meet misses on its Resource,
 * tested first, with the same record as its prebuilt one).
 */
export const PLAN_MIN_CANDIDATES = 16;

/** Emitted source: `ExplainPlan`, `ActionPlans`, `ExplainPlans`, `explainPlan` (and `NO_STATEMENTS`). */
export const EXPLAIN_PLAN = `
/** What explain() tests for one request, and the misses it starts from. */
interface ExplainPlan {
  /** The misses explain() copies: the action misses, or the action's own copy (\`ActionPlans.base\`). Shared. */
  readonly base: readonly StatementMiss[];
  /** Candidates the walk did not meet that take their prebuilt resource miss, when \`base\` does not hold it already. */
  readonly missed: readonly number[];
  /** The Deny and Allow statements to test, in statement order. */
  readonly deny: readonly number[];
  readonly allow: readonly number[];
}

/** One action's plans in one policy set: a plan per node where the walk ends. */
interface ActionPlans {
  /** The action misses with the prebuilt resource miss of every indexed candidate, for an action with many. */
  readonly base: readonly StatementMiss[] | undefined;
  readonly byEnd: Map<PrefixNode, ExplainPlan>;
}

/** One policy set's kept plans, and how many of its actions keep their own copy of the misses. */
interface ExplainPlans {
  readonly actions: Map<Candidates, ActionPlans>;
  ownBases: number;
}

const NO_STATEMENTS: readonly number[] = [];

/**
 * The plan for \`candidates\` and the resource part of \`resource\` from \`start\` (-1: the index
 * is not walked, and every candidate is tested), kept in \`plans\` by candidates and by the node
 * where the walk ends, which fixes the statements it meets.
 */
function explainPlan(
  plans: ExplainPlans,
  candidates: Candidates,
  root: PrefixNode,
  resource: string,
  start: number,
  actionMisses: readonly StatementMiss[],
  resourceMisses: readonly (StatementMiss | undefined)[],
): ExplainPlan {
  const indexed = candidates.indexed;
  if (indexed === undefined || start < 0 || candidates.deny.length + candidates.allow.length < ${PLAN_MIN_CANDIDATES}) {
    return { base: actionMisses, missed: NO_STATEMENTS, deny: candidates.deny, allow: candidates.allow };
  }
  // The walk of decide(): each node's label must follow on.
  let node = root;
  let at = start;
  for (;;) {
    const next = node.next;
    if (next === undefined || at >= resource.length) break;
    const child = next.get(resource.charCodeAt(at));
    if (child === undefined || !resource.startsWith(child.label, at)) break;
    at += child.label.length;
    node = child;
  }
  let action = plans.actions.get(candidates);
  let plan = action?.byEnd.get(node);
  if (plan !== undefined) return plan;
  // An indexed candidate with a prebuilt resource miss is tested only when the walk meets it.
  const prebuilt = [...candidates.deny, ...candidates.allow].filter((i) => indexed[i] === 1 && resourceMisses[i] !== undefined);
  if (action === undefined) {
    if (plans.actions.size >= ${EXPLAIN_PLAN_LIMIT}) {
      plans.actions.clear();
      plans.ownBases = 0;
    }
    let base: StatementMiss[] | undefined;
    if (prebuilt.length >= ${OWN_BASE_MIN} && plans.ownBases < ${OWN_BASE_LIMIT}) {
      base = actionMisses.slice();
      for (const i of prebuilt) base[i] = resourceMisses[i]!;
      plans.ownBases++;
    }
    plans.actions.set(candidates, (action = { base, byEnd: new Map() }));
  }
  const met = new Set<number>();
  let on = root;
  at = start;
  for (;;) {
    for (const i of on.deny) met.add(i);
    for (const i of on.allow) met.add(i);
    if (on === node) break;
    const child = on.next!.get(resource.charCodeAt(at))!;
    at += child.label.length;
    on = child;
  }
  const skipped = new Set(prebuilt.filter((i) => !met.has(i)));
  const tested = (i: number): boolean => !skipped.has(i);
  plan = {
    base: action.base ?? actionMisses,
    missed: action.base === undefined ? [...skipped] : [],
    deny: candidates.deny.filter(tested),
    allow: candidates.allow.filter(tested),
  };
  action.byEnd.set(node, plan);
  return plan;
}
`;
