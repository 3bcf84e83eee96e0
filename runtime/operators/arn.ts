/**
 * ARN condition operators: "Case-sensitive matching of the ARN. Each of the six
 * colon-delimited components of the ARN is checked separately and each can include
 * multi-character match wildcards (*) or single-character match wildcards (?). The
 * `ArnEquals` and `ArnLike` condition operators behave identically." The docs' example:
 * `arn:aws:someservice:*:111122223333:finance/*` does not ArnLike-match
 * `arn:aws:someservice:us-east-2:999999999999:store/abc:111122223333:finance/document.txt`
 * because "the first asterisk matches only `us-east-2`". "Policy variables – Supported".
 *
 * Components are split at the first five colons; the sixth (resource) keeps any further
 * colons. Choice where the docs are silent: a pattern with fewer than six components lets its
 * last component match the rest of the value, so `*` matches every ARN and `arn:aws:*` every
 * ARN in the `aws` partition; a value with fewer components than the pattern never matches.
 */
import { compileWildcard, type PatternToken, type Wildcard } from "../wildcard.js";
import type { BehaviourOf, OperatorBehaviour } from "./types.js";

const COMPONENTS = 6;

/** Splits tokens at the first `COMPONENTS - 1` colons, keeping each token's wildness. */
export function splitArnTokens(tokens: readonly PatternToken[]): PatternToken[][] {
  const components: PatternToken[][] = [[]];
  for (const token of tokens) {
    let rest = token.text;
    let colon = rest.indexOf(":");
    while (colon >= 0 && components.length < COMPONENTS) {
      components[components.length - 1]!.push({ text: rest.slice(0, colon), wild: token.wild });
      components.push([]);
      rest = rest.slice(colon + 1);
      colon = rest.indexOf(":");
    }
    components[components.length - 1]!.push({ text: rest, wild: token.wild });
  }
  return components;
}

/** A compiled ARN pattern: one wildcard per component. */
export type ArnPattern = readonly Wildcard[];

/** Compiles an ArnLike pattern. */
export function compileArnPattern(tokens: readonly PatternToken[]): ArnPattern {
  return splitArnTokens(tokens).map((component) => compileWildcard(component, false));
}

/** Matches a value against an ARN pattern component by component. */
export function matchArn(value: string, pattern: ArnPattern): boolean {
  let start = 0;
  for (let i = 0; i < pattern.length - 1; i++) {
    const colon = value.indexOf(":", start);
    if (colon < 0 || !pattern[i]!.test(value.slice(start, colon))) return false;
    start = colon + 1;
  }
  return pattern[pattern.length - 1]!.test(value.slice(start));
}

const arnLike: OperatorBehaviour<ArnPattern> = {
  prepare: (_text, tokens) => compileArnPattern(tokens),
  matches: (value, pattern) => matchArn(value, pattern),
};

/** Every ARN operator, negated or not, `Equals` or `Like`, matches alike. */
export const arnBehaviour: BehaviourOf = () => arnLike;
