/**
 * The CLI fuzz property in CI size: for each command, a few dozen hostile cases (random bytes,
 * mutated examples and corpus files, huge lines, control characters, prototype names, deep
 * nesting, odd arguments and paths) run in process; each must exit 0, 1 or 2 without a stack
 * trace or an internal error and write nothing outside its directory. `npm run fuzz` runs the
 * same property with many more cases.
 */
import { describe, it } from "vitest";
import { CLI_COMMANDS, knownOutsideCli, runCliFuzz } from "../fuzz/cliFuzz.js";

// Few enough that each command stays well under 10 s on a loaded machine.
const RUNS = 30;

describe("arp on hostile files and arguments", () => {
  for (const command of CLI_COMMANDS) {
    it(`${command === "meta" ? "--version, --help and unknown commands" : `arp ${command}`} exits 0, 1 or 2 without a stack trace`, async () => {
      // knownOutsideCli: wildcards with many `*` hang in the catalog matcher (issue #8, item 6).
      await runCliFuzz(command, { numRuns: RUNS, exclude: knownOutsideCli });
    });
  }
});
