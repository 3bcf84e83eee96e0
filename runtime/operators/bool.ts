/**
 * `Bool`: "restrict access based on comparing a key to `true` or `false`". The operator page
 * says "Policy variables – Supported" for Boolean while the variables page lists `Boolean`
 * among operators that cannot take a variable; we follow the operator page, the more specific
 * of the two. Choice: the comparison ignores case (`True` equals `true`).
 */
import type { BehaviourOf, OperatorBehaviour } from "./types.js";

const bool: OperatorBehaviour<string> = {
  prepare: (text) => text.toLowerCase(),
  matches: (value, expected) => value.toLowerCase() === expected,
};

export const boolBehaviour: BehaviourOf = () => bool;
