/**
 * Cedar as a benchmark contender: each bench policy translated to Cedar and decided by
 * cedar-wasm (test/support/cedarDecider.ts describes the translation's coverage and costs).
 * Every statement of the 10-, 100- and 1,000-statement policies translates, so `sizes` is not
 * limited.
 */
import type { PolicySource } from "../../compiler/emit/typescript/index.js";
import { loadCedar } from "../../test/support/cedarDecider.js";
import type { Contender, Decide } from "../contenders.js";

export const cedarWasm: Contender = {
  name: "cedar-wasm",
  // Each decision crosses into WebAssembly with JSON: a sample keeps the check against the runtime short.
  requests: 500,
  load: (policy: PolicySource): Promise<Decide> => loadCedar(policy),
};
