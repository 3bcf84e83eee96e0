/**
 * `npm run fuzz [sets] [requests-per-set] [seed]`: the differential property of
 * test/codegen (generated evaluator vs runtime interpreter, whole explanations compared) with
 * many more cases than CI runs, type-checking every 10th generated module too. Prints the
 * number of decisions compared and the time taken.
 */
import { runDifferential } from "../codegen/differential.js";

const [sets = 2000, requestsPerSet = 100, seed] = process.argv.slice(2).map(Number);

const report = await runDifferential({
  sets,
  requestsPerSet,
  compareExplanations: true,
  shrink: true,
  typeCheckEvery: 10,
  ...(seed !== undefined && !Number.isNaN(seed) ? { seed } : {}),
});
console.log(`${report.cases} decisions agreed across ${sets} policy sets in ${(report.milliseconds / 1000).toFixed(1)} s`);
