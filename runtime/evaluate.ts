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

/** Bounds the per-set cache of which statements each action selects. */
const ACTION_CACHE_LIMIT = 4096;

/** Compiles policies once: wildcards, condition values and prebuilt miss records. */
export function compilePolicySet(policies: readonly PolicyInput[]): PolicySet {
  const statements = policies.flatMap((policy, i) => compilePolicy(policy, i));
  const actionCache = new Map<string, Uint8Array>();
  const actionFlags = (lowerAction: string): Uint8Array => {
    let flags = actionCache.get(lowerAction);
    if (flags === undefined) {
      flags = Uint8Array.from(statements, (s) => (actionApplies(s, lowerAction) ? 1 : 0));
      if (actionCache.size >= ACTION_CACHE_LIMIT) actionCache.clear();
      actionCache.set(lowerAction, flags);
    }
    return flags;
  };
  return {
    statementCount: statements.length,
    evaluate: (request) => decide(statements, actionFlags(request.action.toLowerCase()), request),
  };
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
  actionFlags: Uint8Array,
  request: Request,
): EvaluationResult {
  const context = new ContextLookup(request);
  const denies: StatementRef[] = [];
  const allows: StatementRef[] = [];
  const notApplied: StatementMiss[] = [];
  for (let i = 0; i < statements.length; i++) {
    const statement = statements[i]!;
    const miss =
      statement.malformed ??
      (actionFlags[i] === 0 ? statement.actionMiss : remainingMiss(statement, request.resource, context));
    if (miss !== undefined) notApplied.push(miss);
    else (statement.effect === "Deny" ? denies : allows).push(statement.ref);
  }
  if (denies.length > 0) {
    return allows.length > 0
      ? { decision: "ExplicitDeny", matched: denies, notApplied, overridden: allows }
      : { decision: "ExplicitDeny", matched: denies, notApplied };
  }
  if (allows.length > 0) return { decision: "Allow", matched: allows, notApplied };
  return { decision: "ImplicitDeny", matched: [], notApplied };
}

function compilePolicy(policy: PolicyInput, position: number): CompiledStatement[] {
  const named = "document" in policy;
  const document: IamPolicyDocument = named ? policy.document : policy;
  const name = named ? policy.name : `policy[${position}]`;
  const sources = named ? policy.sources : undefined;
  const statements: IamStatement[] = Array.isArray(document.Statement) ? document.Statement : [document.Statement];
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
