/**
 * String condition operators ("IAM JSON policy elements: Condition operators", String):
 * `StringEquals` "Exact matching, case sensitive"; `StringEqualsIgnoreCase` "Exact matching,
 * ignoring case"; `StringLike` "Case-sensitive matching. The values can include
 * multi-character match wildcards (*) and single-character match wildcards (?) anywhere in the
 * string"; each with a negated twin. "Policy variables – Supported".
 */
import { compileWildcard, type Wildcard } from "../wildcard.js";
import { operator, type OperatorBehaviour, type OperatorImpl } from "./types.js";

const equals: OperatorBehaviour<string> = {
  family: "String",
  variables: true,
  prepare: (text) => text,
  matches: (value, expected) => value === expected,
};

const equalsIgnoreCase: OperatorBehaviour<string> = {
  family: "String",
  variables: true,
  prepare: (text) => text.toLowerCase(),
  matches: (value, expected) => value.toLowerCase() === expected,
};

const like: OperatorBehaviour<Wildcard> = {
  family: "String",
  variables: true,
  prepare: (_text, tokens) => compileWildcard(tokens, false),
  matches: (value, pattern) => pattern.test(value),
};

export const stringOperators: readonly OperatorImpl[] = [
  operator("StringEquals", false, equals),
  operator("StringNotEquals", true, equals),
  operator("StringEqualsIgnoreCase", false, equalsIgnoreCase),
  operator("StringNotEqualsIgnoreCase", true, equalsIgnoreCase),
  operator("StringLike", false, like),
  operator("StringNotLike", true, like),
];
