/**
 * Identity-policy evaluation, per "Policy evaluation logic"
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html):
 * "By default, all requests are implicitly denied", "An explicit allow in an identity-based or
 * resource-based policy overrides this default", "An explicit deny in any policy overrides any
 * allows." Only identity-based policies are modelled: no SCPs, boundaries, session or
 * resource policies, and `Principal`/`NotPrincipal` are not evaluated.
 *
 * Every statement is examined (not only until the first Deny) so that the result names all
 * deciding statements and says why each other one did not apply.
 */
import { ContextLookup } from "./context.js";
import type { IamPolicyDocument, IamStatement } from "./policyDocument.js";
import { actionApplies, compileStatement, remainingMiss, type CompiledStatement } from "./statement.js";
import type { EvaluationResult, PolicyInput, Request, StatementMiss, StatementRef } from "./types.js";

/** A policy set compiled once and evaluated many times. */
export interface PolicySet {
  /** Decides one request. */
  evaluate(request: Request): EvaluationResult;
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

/** Compiles policies once: wildcards, condition values and prebuilt miss records. */
export function compilePolicySet(policies: readonly PolicyInput[]): PolicySet {
  const statements = policies.flatMap((policy, i) => compilePolicy(policy, i));
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
    evaluate: (request) => decide(statements, planFor(request.action.toLowerCase()), request),
  };
}

function planAction(statements: readonly CompiledStatement[], lowerAction: string): ActionPlan {
  const candidates: number[] = [];
  const skeleton = statements.map((statement, i) => {
    if (statement.malformed !== undefined) return statement.malformed;
    if (!actionApplies(statement, lowerAction)) return statement.actionMiss;
    candidates.push(i);
    return undefined;
  });
  return { candidates, skeleton };
}

const compiledSets = new WeakMap<readonly PolicyInput[], PolicySet>();

/**
 * Evaluates a request against identity policies. The compiled form is cached by the identity
 * of the `policies` array, so pass the same array to reuse it (and do not mutate it).
 */
export function evaluate(policies: readonly PolicyInput[], request: Request): EvaluationResult {
  let set = compiledSets.get(policies);
  if (set === undefined) {
    set = compilePolicySet(policies);
    compiledSets.set(policies, set);
  }
  return set.evaluate(request);
}

function decide(
  statements: readonly CompiledStatement[],
  plan: ActionPlan,
  request: Request,
): EvaluationResult {
  const context = new ContextLookup(request);
  const denies: StatementRef[] = [];
  const allows: StatementRef[] = [];
  const notApplied = plan.skeleton.slice();
  const applied: number[] = [];
  for (const i of plan.candidates) {
    const statement = statements[i]!;
    const miss = remainingMiss(statement, request.resource, context);
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

function compilePolicy(policy: PolicyInput, position: number): CompiledStatement[] {
  const named = "document" in policy;
  const document: IamPolicyDocument = named ? policy.document : policy;
  const name = named ? policy.name : `policy[${position}]`;
  const sources = named ? policy.sources : undefined;
  const statements: IamStatement[] = Array.isArray(document.Statement)
    ? document.Statement
    : [document.Statement];
  // "Variables were introduced in version 2012-10-17. … variables like ${aws:username} are
  // treated as literal strings in the policy" otherwise.
  const variables = document.Version === "2012-10-17";
  return statements.map((statement, index) => {
    const source = sources?.[index];
    const ref: StatementRef = {
      policy: name,
      index,
      ...(statement.Sid === undefined ? {} : { sid: statement.Sid }),
      ...(source === undefined ? {} : { source }),
    };
    return compileStatement(statement, Object.freeze(ref), variables);
  });
}
