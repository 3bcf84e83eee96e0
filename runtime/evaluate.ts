/**
 * Identity-policy evaluation, per "Policy evaluation logic"
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html):
 * "By default, all requests are implicitly denied", "An explicit allow in an identity-based or
 * resource-based policy overrides this default", "An explicit deny in any policy overrides any
 * allows." Only identity-based policies and role trust policies are modelled: no SCPs,
 * boundaries, session or other resource policies, and a trust policy's
 * `Principal`/`NotPrincipal` is validated but not evaluated.
 *
 * Every entry point validates before deciding: the policies (`PolicyValidationError` for a
 * document IAM rejects) and the request (`InvalidRequestError`, see `request.ts`).
 *
 * Every statement is examined (not only until the first Deny) so that the result names all
 * deciding statements and says why each other one did not apply.
 */
import { ContextLookup } from "./context.js";
import { ContextKeys } from "./contextKeys.js";
import { deepFreeze } from "./freeze.js";
import { checkRequest } from "./request.js";
import { actionApplies, compileStatement, keysRead, remainingMiss, type CompiledStatement } from "./statement.js";
import type { EvaluationResult, PolicyInput, RequestInput, StatementMiss, StatementRef } from "./types.js";
import { validatePolicies, type ValidPolicy } from "./validatePolicy.js";

/** A policy set compiled once and evaluated many times. */
export interface PolicySet {
  /**
   * Decides one request. Throws `InvalidRequestError` (and decides nothing) when the request
   * breaks the request contract.
   */
  evaluate(request: RequestInput): EvaluationResult;
  /** The number of statements across all policies. */
  readonly statementCount: number;
}

/**
 * What one action needs from a policy set, computed once per distinct action: the statements
 * whose Action/NotAction covers it, and the `notApplied` list as it would be if all of those
 * missed, so that a decision copies one array instead of visiting every statement.
 */
interface ActionPlan {
  readonly candidates: readonly number[];
  /** A prebuilt miss per statement; undefined at the candidates' positions. */
  readonly skeleton: readonly (StatementMiss | undefined)[];
}

/** Bounds the memory of cached plans (statement slots across all cached actions). */
const PLAN_CACHE_SLOTS = 1_000_000;

/** Beyond this many applying statements, one compaction pass beats repeated splices. */
const SPLICE_LIMIT = 8;

/**
 * Validates and compiles policies once: wildcards, condition values and prebuilt miss records.
 * Throws `PolicyValidationError` for any document IAM would reject. The set is a snapshot:
 * changing the policies afterwards does not change it.
 */
export function compilePolicySet(policies: readonly PolicyInput[]): PolicySet {
  const statements = validatePolicies(policies).flatMap(compilePolicy);
  const keys = new ContextKeys(statements.flatMap(keysRead));
  const plans = new Map<string, ActionPlan>();
  const limit = Math.max(16, Math.floor(PLAN_CACHE_SLOTS / Math.max(1, statements.length)));
  const planFor = (lowerAction: string): ActionPlan => {
    let plan = plans.get(lowerAction);
    if (plan === undefined) {
      plan = planAction(statements, lowerAction);
      if (plans.size >= limit) plans.clear();
      plans.set(lowerAction, plan);
    }
    return plan;
  };
  return {
    statementCount: statements.length,
    evaluate: (request) => {
      const checked = checkRequest(request, keys);
      return decide(statements, planFor(checked.action.toLowerCase()), new ContextLookup(checked, keys), checked.resource);
    },
  };
}

function planAction(statements: readonly CompiledStatement[], lowerAction: string): ActionPlan {
  const candidates: number[] = [];
  const skeleton = statements.map((statement, i) => {
    if (!actionApplies(statement, lowerAction)) return statement.actionMiss;
    candidates.push(i);
    return undefined;
  });
  return { candidates, skeleton };
}

const compiledSets = new WeakMap<readonly PolicyInput[], PolicySet>();

/**
 * Evaluates a request against identity policies (and role trust policies).
 *
 * Throws `PolicyValidationError` for a document IAM would reject and `InvalidRequestError`
 * for a request that breaks the request contract, before deciding anything.
 *
 * The compiled form is cached by the identity of the `policies` array. So that the cache can
 * never serve a stale decision, the first call with an array deep-freezes it: the array, each
 * policy, document, statement and every value inside them. Changing them afterwards throws a
 * TypeError (in strict-mode code) instead of being silently ignored; build a new array to
 * change the policies, or use `compilePolicySet`, which takes a snapshot and leaves the
 * objects as they are.
 */
export function evaluate(policies: readonly PolicyInput[], request: RequestInput): EvaluationResult {
  let set = compiledSets.get(policies);
  if (set === undefined) {
    set = compilePolicySet(policies);
    deepFreeze(policies);
    compiledSets.set(policies, set);
  }
  return set.evaluate(request);
}

function decide(
  statements: readonly CompiledStatement[],
  plan: ActionPlan,
  context: ContextLookup,
  resource: string,
): EvaluationResult {
  const denies: StatementRef[] = [];
  const allows: StatementRef[] = [];
  const notApplied = plan.skeleton.slice();
  const applied: number[] = [];
  for (const i of plan.candidates) {
    const statement = statements[i]!;
    const miss = remainingMiss(statement, resource, context);
    if (miss !== undefined) notApplied[i] = miss;
    else {
      applied.push(i);
      (statement.effect === "Deny" ? denies : allows).push(statement.ref);
    }
  }
  const misses = removeApplied(notApplied, applied);
  if (denies.length > 0) {
    return allows.length > 0
      ? { decision: "ExplicitDeny", matched: denies, notApplied: misses, overridden: allows }
      : { decision: "ExplicitDeny", matched: denies, notApplied: misses };
  }
  if (allows.length > 0) return { decision: "Allow", matched: allows, notApplied: misses };
  return { decision: "ImplicitDeny", matched: [], notApplied: misses };
}

/** Drops the slots of statements that applied (the only undefined entries left). */
function removeApplied(slots: (StatementMiss | undefined)[], applied: readonly number[]): StatementMiss[] {
  if (applied.length > SPLICE_LIMIT) return slots.filter((s): s is StatementMiss => s !== undefined);
  for (let k = applied.length - 1; k >= 0; k--) slots.splice(applied[k]!, 1);
  return slots as StatementMiss[];
}

function compilePolicy(policy: ValidPolicy): CompiledStatement[] {
  return policy.statements.map((statement, index) => {
    const source = policy.sources[index];
    const ref: StatementRef = {
      policy: policy.name,
      index,
      ...(statement.sid === undefined ? {} : { sid: statement.sid }),
      ...(source === undefined ? {} : { source }),
    };
    return compileStatement(statement, Object.freeze(ref), policy.variables);
  });
}
