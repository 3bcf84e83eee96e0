/** The TypeScript emitter: IAM policy documents to a standalone, specialised evaluator module. */
export { generateEvaluator, generatePrincipalEvaluator, type GenerateOptions, type PolicySource, type PrincipalSetSource } from "./generateEvaluator.js";
