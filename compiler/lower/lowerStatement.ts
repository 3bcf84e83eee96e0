/**
 * Lowers a checked statement to IR statements: one per conjunction of its condition's
 * disjunctive normal form, each with one IAM Condition block.
 */
import type { CheckedStatement } from "../check/checkStatement.js";
import { operatorName, type ConditionTest } from "../check/checkedCondition.js";
import type { CheckContext } from "../check/context.js";
import { report } from "../check/context.js";
import type { IrCondition, IrStatement } from "../ir.js";
import { OPERATOR_TABLE } from "../../runtime/operators/index.js";
import { toDnf } from "./toDnf.js";

export function lowerStatement(ctx: CheckContext, stmt: CheckedStatement): IrStatement[] {
  const base = {
    effect: stmt.effect,
    actions: { not: stmt.actions.except, values: unique(stmt.actions.items.map((a) => a.text)) },
    resources: { not: stmt.resources.negated, values: unique(stmt.resources.items.map((r) => r.arn)) },
    span: stmt.source.span,
  };
  if (stmt.condition === undefined) return [{ ...withSid(stmt.sid, 0), ...base, conditions: [] }];
  const result = toDnf(stmt.condition);
  if ("error" in result) {
    report(ctx, result.tooMany === true ? "TooManyStatements" : "NotExpressible",
      result.span ?? stmt.source.condition?.span ?? stmt.source.span,
      result.error, { hint: result.hint ?? "rewrite the condition, or split the statement by hand" });
    return [];
  }
  const out: IrStatement[] = [];
  for (const [i, conjunction] of uniqueConjunctions(result.dnf).entries()) {
    const conditions = conditionBlock(ctx, conjunction);
    if (conditions === undefined) return [];
    out.push({ ...withSid(stmt.sid, i), ...base, conditions });
  }
  return out;
}

/** The first statement keeps the label; the rest of an `or` split get `Label2`, `Label3`, ... */
function withSid(sid: string | undefined, index: number): { sid?: string } {
  if (sid === undefined) return {};
  return { sid: index === 0 ? sid : `${sid}${index + 1}` };
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}

function conjunctionKey(tests: readonly ConditionTest[]): string {
  return tests.map((t) => `${operatorName(t)}\u0000${t.key.toLowerCase()}\u0000${t.values.join("\u0001")}`).sort().join("\u0002");
}

function uniqueConjunctions(dnf: readonly ConditionTest[][]): ConditionTest[][] {
  const seen = new Map<string, ConditionTest[]>();
  for (const c of dnf) {
    const k = conjunctionKey(c);
    if (!seen.has(k)) seen.set(k, c);
  }
  return [...seen.values()];
}

/**
 * One Condition block holds each operator/key pair once. Two tests of the same key with the
 * same operator that must both hold become one test only when IAM's reading of several values
 * gives their AND: a negated operator holds when no value matches (NOR), so `K != a and K != b`
 * is `K != [a, b]`. A positive operator holds when any value matches, which is an OR.
 */
function conditionBlock(ctx: CheckContext, tests: readonly ConditionTest[]): IrCondition[] | undefined {
  const byPair = new Map<string, IrCondition>();
  for (const t of tests) {
    const operator = operatorName(t);
    const pair = `${operator}\u0000${t.key.toLowerCase()}`;
    const prior = byPair.get(pair);
    if (prior === undefined) {
      byPair.set(pair, { operator, key: t.key, values: t.values, span: t.span });
      continue;
    }
    if (prior.values.join("\u0001") === t.values.join("\u0001")) continue;
    if (valuesAreAnded(t)) {
      byPair.set(pair, { ...prior, values: unique([...prior.values, ...t.values]) });
      continue;
    }
    const spare = ifExistsSpare(t);
    if (spare !== undefined) {
      const sparePair = `${spare}\u0000${t.key.toLowerCase()}`;
      const taken = byPair.get(sparePair);
      if (taken === undefined) {
        byPair.set(sparePair, { operator: spare, key: t.key, values: t.values, span: t.span });
        continue;
      }
      if (taken.values.join("\u0001") === t.values.join("\u0001")) continue;
    }
    report(ctx, "NotExpressible", t.span,
      `IAM cannot test \`${t.key}\` twice with \`${operator}\` in one statement: both tests must hold, but IAM would accept either value`,
      { hint: "combine the tests into one, or split the statement", related: [{ message: "the other test", span: prior.span }] });
    return undefined;
  }
  return [...byPair.values()];
}

/**
 * Operators whose values are NORed, so that merging two tests' values ANDs them. Under
 * `ForAnyValue` that fails: "some value differs from a" and "some value differs from b" may
 * be met by different values, so only unqualified and `ForAllValues` tests merge.
 */
const NOR_OPERATORS: ReadonlySet<string> = new Set(OPERATOR_TABLE.filter((r) => r.negated).map((r) => r.name));

/**
 * The second spelling of a test that must hold beside one of the same operator and key: its
 * `IfExists` form, which differs from it only on a missing key, where the first test decides
 * the AND alone. On a single-valued key (an unqualified positive test; arp refuses those on
 * multi-valued keys) the first test already fails when the key is missing, so "K like a and
 * (K missing or K like b)" is "K like a and K like b". Under a quantifier the first test fails
 * (`any`) or holds (`all`) on a missing key whatever `IfExists` is taken to do there (ARP3008),
 * so `all K in [a, b] and all K in [b, c]` is `ForAllValues:StringEquals` beside
 * `ForAllValues:StringEqualsIfExists`. Undefined when the test is already `IfExists`, an
 * unqualified negated test (those merge), or of an operator that takes no `IfExists` (`Null`).
 */
function ifExistsSpare(t: ConditionTest): string | undefined {
  if (t.ifExists || (t.quantifier === undefined && NOR_OPERATORS.has(t.operator))) return undefined;
  if (OPERATOR_TABLE.find((r) => r.name === t.operator)?.qualifiers !== true) return undefined;
  return operatorName({ ...t, ifExists: true });
}

function valuesAreAnded(t: ConditionTest): boolean {
  return NOR_OPERATORS.has(t.operator) && t.quantifier !== "ForAnyValue";
}
