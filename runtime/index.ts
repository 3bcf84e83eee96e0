/**
 * The arp runtime: an IAM-faithful evaluator of identity policy documents, with no
 * dependencies. See `evaluate.ts` for the decision rules, `conditions.ts` for conditions,
 * `validatePolicy.ts` for the documents it refuses and `request.ts` for the request contract.
 */
export { compilePolicySet, evaluate, type PolicySet } from "./evaluate.js";
export { explain } from "./explain.js";
export { InvalidRequestError, REQUEST_LIMITS } from "./request.js";
export { PolicyValidationError } from "./policyError.js";
export { formatDenial, parseDenial, type Denial } from "./denial.js";
export {
  describeResidual,
  evaluatePartial,
  type AppliedStatement,
  type DependentStatement,
  type PartialOptions,
  type PartialResult,
  type ResidualCondition,
  type Tristate,
} from "./partial.js";
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
