/**
 * `Null`: "use either `true` (the key doesn't exist — it is null) or `false` (the key exists
 * and its value is not null)." "You can not use a policy variable with the `Null` condition
 * operator." It tests presence, not values, so the condition evaluator handles it before
 * looking at values; `matches` here compares the policy's `true`/`false` with whether the key
 * is null, given as `"true"`/`"false"`. A key is null when absent, given as `[]`, or when every
 * value is `""` (context.ts).
 */
import type { BehaviourOf, OperatorBehaviour } from "./types.js";

const presence: OperatorBehaviour<string> = {
  prepare: (text) => text.toLowerCase(),
  matches: (isNull, expected) => isNull === expected,
};

export const nullBehaviour: BehaviourOf = () => presence;
