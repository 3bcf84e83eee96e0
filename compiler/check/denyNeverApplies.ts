/**
 * A `deny` whose condition can never hold is a lost protection: IAM accepts it and it never
 * denies anything. The condition cannot hold when, with every key that none of the statement's
 * actions sends read as missing, it is false whatever the other keys hold. A key an action
 * does not send is absent from its requests, and on a missing key positive operators and
 * `ForAnyValue` fail, while negated operators, `IfExists`, `ForAllValues` and `Null true` hold
 * (docs/language.md, "Conditions").
 */
import { modernResourceTagKey, type CatalogAction } from "../catalog/index.js";
import { NULL_OPERATOR, parseOperator } from "../../runtime/operators/index.js";
import { operatorName, type CheckedCondition, type ConditionTest } from "./checkedCondition.js";
import type { CheckContext } from "./context.js";

/** Whether a condition holds: surely, surely not, or depending on keys the actions do send. */
type Holds = "yes" | "no" | "depends";

/** Whether `test` holds on a request that lacks its key. */
function holdsOnMissing(test: ConditionTest): boolean {
  const parsed = parseOperator(operatorName(test));
  if (parsed === undefined) return false;
  if (parsed.set === "all") return true;
  if (parsed.set === "any") return false;
  if (parsed.ifExists) return true;
  if (parsed.impl.name === NULL_OPERATOR.name) return !test.values.every((v) => v === "false");
  return parsed.impl.negated;
}

function evaluate(cond: CheckedCondition, sent: (key: string) => boolean, absent: string[]): Holds {
  switch (cond.kind) {
    case "Test": {
      if (sent(cond.test.key)) return "depends";
      if (holdsOnMissing(cond.test)) return "yes";
      absent.push(cond.test.key);
      return "no";
    }
    case "Not": {
      const inner = evaluate(cond.operand, sent, []);
      return inner === "yes" ? "no" : inner === "no" ? "yes" : "depends";
    }
    case "And": {
      const parts = cond.operands.map((c) => evaluate(c, sent, absent));
      return parts.includes("no") ? "no" : parts.every((p) => p === "yes") ? "yes" : "depends";
    }
    case "Or": {
      const parts = cond.operands.map((c) => evaluate(c, sent, absent));
      return parts.includes("yes") ? "yes" : parts.every((p) => p === "no") ? "no" : "depends";
    }
  }
}

/**
 * The keys that make the condition false on every request of `actions`, when it can never
 * hold; undefined when it may. An empty `actions` (as for `* except ...`) is never judged.
 */
export function keysThatNeverHold(ctx: CheckContext, condition: CheckedCondition, actions: readonly CatalogAction[]): string[] | undefined {
  if (actions.length === 0) return undefined;
  // A legacy `apprunner:ResourceTag/K` kept as written (ARP2011) comes with App Runner's
  // requests, beside the `aws:` key.
  const sent = (key: string): boolean => {
    const modern = modernResourceTagKey(key);
    return actions.some((a) => ctx.catalog.keyAppliesToAction(key, a) || (modern !== undefined && a.service === "apprunner" && ctx.catalog.keyAppliesToAction(modern, a)));
  };
  const absent: string[] = [];
  return evaluate(condition, sent, absent) === "no" ? [...new Set(absent)] : undefined;
}
