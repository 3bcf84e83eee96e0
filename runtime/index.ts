/**
 * The arp runtime: an IAM-faithful evaluator of identity policy documents, with no
 * dependencies. See `evaluate.ts` for the decision rules and `conditions.ts` for conditions.
 */
export { compilePolicySet, evaluate, type PolicySet } from "./evaluate.js";
export { explain } from "./explain.js";
export { formatDenial, parseDenial, type Denial } from "./denial.js";
export {
  compileWildcard,
  matchWildcard,
  wildcardSteps,
  type PatternToken,
  type Wildcard,
} from "./wildcard.js";
export {
  OPERATORS,
  parseOperator,
  type OperatorFamily,
  type OperatorImpl,
  type ParsedOperator,
} from "./operators/index.js";
export type * from "./types.js";
export type * from "./policyDocument.js";
