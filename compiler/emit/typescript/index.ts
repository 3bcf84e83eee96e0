/** The TypeScript emitter: IAM policy documents to a standalone, specialised evaluator module. */
export { generateEvaluator, type GenerateOptions, type PolicySource } from "./generateEvaluator.js";
