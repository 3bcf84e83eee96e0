/**
 * Compiling one statement and deciding whether it applies to a request.
 *
 * - Action: "The prefix and the action name are case insensitive. For example,
 *   `iam:ListAccessKeys` is the same as `IAM:listaccesskeys`." (IAM JSON policy elements: Action)
 * - Resource: "You can use wildcard characters (* and ?) within any ARN segment … An asterisk
 *   (*) represents any combination of characters and a question mark (?) represents any
 *   single character." (IAM JSON policy elements: Resource). Matching is case-sensitive, as
 *   for `StringLike`/`ArnLike`. A `*` that ends an ARN segment may span colons
 *   (`arn:aws:ec2:*` covers every EC2 ARN); one inside a segment, and `?`, stay inside it;
 *   policy variables are substituted only after the fifth colon: see resourcePattern.ts.
 * - NotAction / NotResource: the statement applies to everything except what is listed.
 * - A statement with neither Resource nor NotResource (only valid in a role trust policy)
 *   applies to any resource. Malformed statements never reach this module: `validatePolicy`
 *   rejects them.
 * - A variable with no value: "the resource that includes a policy variable with no value
 *   will not match any resource" (Policy variables with no value) — in NotResource such an
 *   entry therefore excludes nothing.
 */
import { compileConditions, evaluateCondition, type CompiledCondition } from "./conditions.js";
import type { ContextLookup } from "./context.js";
import type { StatementMiss, StatementRef } from "./types.js";
import type { ValidStatement } from "./validatePolicy.js";
import { compileResourcePattern, isConfinedSegment, parseResourceTemplate, splitResourcePrefix } from "./resourcePattern.js";
import { formatVariable, resolveTemplate, staticTokens, type Template } from "./variables.js";
import { compileWildcard, type PatternToken, type Wildcard } from "./wildcard.js";

interface ResourceEntry {
  readonly template: Template;
  /** Compiled once when the entry has no variables. */
  readonly wildcard: Wildcard | undefined;
  /** How the entry is compiled after substitution: decided once, from the fixed prefix. */
  readonly compile: (tokens: readonly PatternToken[]) => Wildcard;
}

/** A statement ready to evaluate, with its common misses built once. */
export interface CompiledStatement {
  readonly ref: StatementRef;
  readonly effect: "Allow" | "Deny";
  readonly actionElement: "Action" | "NotAction";
  readonly actions: readonly Wildcard[];
  readonly resourceElement: "Resource" | "NotResource" | undefined;
  readonly resources: readonly ResourceEntry[];
  readonly conditions: readonly CompiledCondition[];
  readonly actionMiss: StatementMiss;
  readonly resourceMiss: StatementMiss;
}

/** Compiles one validated statement; `variables` is false for policy Version 2008-10-17. */
export function compileStatement(
  statement: ValidStatement,
  ref: StatementRef,
  variables: boolean,
): CompiledStatement {
  const { effect, actionElement, resourceElement } = statement;
  const actions = statement.actions.map((a) => compileWildcard([{ text: a, wild: true }], true));
  const resources = statement.resources.map((r) => {
    const template = parseResourceTemplate(r, variables);
    const tokens = staticTokens(template);
    // Variables sit after the fifth colon, so whether a segment-bound wildcard is there is known now.
    const plain = !splitResourcePrefix(r).segments.some(isConfinedSegment);
    const compile = plain ? (t: readonly PatternToken[]) => compileWildcard(t) : compileResourcePattern;
    return { template, wildcard: tokens === undefined ? undefined : compile(tokens), compile };
  });
  // Every answer shares these records: frozen with their reasons, so one caller's change to an
  // answer cannot reach the next answer.
  const miss = (reason: StatementMiss["reason"]): StatementMiss => Object.freeze({ ...ref, effect, reason: Object.freeze(reason) });
  return {
    ref,
    effect,
    actionElement,
    actions,
    resourceElement,
    resources,
    conditions: compileConditions(statement.conditions, variables),
    actionMiss: miss({ kind: "action", element: actionElement }),
    resourceMiss: miss(
      resourceElement === undefined ? { kind: "resource" } : { kind: "resource", element: resourceElement },
    ),
  };
}

/**
 * The context keys a statement may read, as written: each condition's key and every variable
 * in its condition values and resources.
 */
export function keysRead(statement: CompiledStatement): string[] {
  const names: string[] = [];
  const variablesOf = (template: Template): void => {
    for (const part of template.parts) if ("name" in part) names.push(part.name);
  };
  for (const condition of statement.conditions) {
    names.push(condition.key);
    for (const value of condition.values) variablesOf(value.template);
  }
  for (const entry of statement.resources) variablesOf(entry.template);
  return names;
}

/** Whether the statement's Action/NotAction covers an already lower-cased action. */
export function actionApplies(statement: CompiledStatement, lowerAction: string): boolean {
  let listed = false;
  for (const pattern of statement.actions) {
    if (pattern.test(lowerAction)) {
      listed = true;
      break;
    }
  }
  return listed === (statement.actionElement === "Action");
}

/** Checks Resource and Condition (Action was checked by the caller); undefined when it applies. */
export function remainingMiss(
  statement: CompiledStatement,
  resource: string,
  context: ContextLookup,
): StatementMiss | undefined {
  const resourceMiss = resourceCheck(statement, resource, context);
  if (resourceMiss !== undefined) return resourceMiss;
  for (const condition of statement.conditions) {
    const failure = evaluateCondition(condition, context);
    if (failure === undefined) continue;
    if (failure.unresolved === undefined) return withReason(statement, { kind: "condition", failure });
    const names = failure.unresolved.map((n) => `\`${formatVariable(n)}\``).join(", ");
    const detail = `condition ${failure.operator} ${failure.key}: variable ${names} has no value`;
    return withReason(statement, { kind: "unresolvable", detail, failure });
  }
  return undefined;
}

function resourceCheck(
  statement: CompiledStatement,
  resource: string,
  context: ContextLookup,
): StatementMiss | undefined {
  if (statement.resourceElement === undefined) return undefined;
  let listed = false;
  const unresolved: string[] = [];
  let unresolvedEntries = 0;
  for (const entry of statement.resources) {
    let wildcard = entry.wildcard;
    if (wildcard === undefined) {
      const resolution = resolveTemplate(entry.template, (name) => context.single(name));
      if (!resolution.ok) {
        unresolved.push(...resolution.unresolved);
        unresolvedEntries++;
        continue;
      }
      wildcard = entry.compile(resolution.tokens);
    }
    if (wildcard.test(resource)) {
      listed = true;
      break;
    }
  }
  if (listed === (statement.resourceElement === "Resource")) return undefined;
  const allUnresolvable = unresolvedEntries > 0 && unresolvedEntries === statement.resources.length;
  if (statement.resourceElement !== "Resource" || !allUnresolvable) return statement.resourceMiss;
  const names = [...new Set(unresolved)].map((n) => `\`${formatVariable(n)}\``).join(", ");
  return withReason(statement, { kind: "unresolvable", detail: `Resource variable ${names} has no value` });
}

function withReason(statement: CompiledStatement, reason: StatementMiss["reason"]): StatementMiss {
  return { ...statement.ref, effect: statement.effect, reason };
}
