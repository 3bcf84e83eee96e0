/**
 * The CLI fuzz property in CI size: for each command, a few dozen hostile cases (random bytes,
 * mutated examples and corpus files, huge lines, control characters, prototype names, deep
 * nesting, odd arguments and paths) run in process; each must exit 0, 1 or 2 without a stack
 * trace or an internal error and write nothing outside its directory. `npm run fuzz` runs the
 * same property with many more cases.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { CLI_COMMANDS, runCliFuzz } from "../fuzz/cliFuzz.js";
import { runCase } from "../fuzz/cliHarness.js";

// Few enough that each command stays well under 10 s on a loaded machine. A fixed seed keeps
// CI reproducible (ARP_FUZZ_SEED picks another); `npm run fuzz` explores with random seeds.
const RUNS = 40;
const SEED = Number(process.env.ARP_FUZZ_SEED ?? 2026);

describe("arp on hostile files and arguments", () => {
  // The first `--target ts` loads the TypeScript toolchain (seconds on a loaded machine): pay
  // that once here, so that the per-command tests time the fuzzing alone.
  beforeAll(async () => {
    const warm = await runCase({ files: [{ name: "p.arp", content: "allow apprunner:ListServices on *\n" }], argv: ["compile", "p.arp", "--out", "out", "--target", "ts"] });
    expect(warm.run.code).toBe(0);
  }, 60_000);

  for (const command of CLI_COMMANDS) {
    it(`${command === "meta" ? "--version, --help and unknown commands" : `arp ${command}`} exits 0, 1 or 2 without a stack trace`, async () => {
      await runCliFuzz(command, { numRuns: RUNS, seed: SEED });
    });
  }
});
