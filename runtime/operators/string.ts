/**
 * String condition operators ("IAM JSON policy elements: Condition operators", String):
 * `StringEquals` "Exact matching, case sensitive"; `StringEqualsIgnoreCase` "Exact matching,
 * ignoring case"; `StringLike` "Case-sensitive matching. The values can include
 * multi-character match wildcards (*) and single-character match wildcards (?) anywhere in the
 * string"; each with a negated twin. "Policy variables – Supported".
 */
import { compileWildcard, type Wildcard } from "../wildcard.js";
import type { BehaviourOf, OperatorBehaviour } from "./types.js";

const equals: OperatorBehaviour<string> = {
  prepare: (text) => text,
  matches: (value, expected) => value === expected,
};

const equalsIgnoreCase: OperatorBehaviour<string> = {
  prepare: (text) => text.toLowerCase(),
  matches: (value, expected) => value.toLowerCase() === expected,
};

const like: OperatorBehaviour<Wildcard> = {
  prepare: (_text, tokens) => compileWildcard(tokens, false),
  matches: (value, pattern) => pattern.test(value),
};

/** A negated operator shares its positive twin's behaviour. */
export const stringBehaviour: BehaviourOf = (row) => {
  if (row.arp === "like" || row.arp === "not like") return like;
  return row.ignoreCase ? equalsIgnoreCase : equals;
};
