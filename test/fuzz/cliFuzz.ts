/**
 * The CLI fuzz property, per command: on hostile files and arguments, `arp` exits 0, 1 or 2,
 * prints no stack trace and no internal error, and writes nothing outside its directory. The
 * vitest suite (test/cli/fuzz.test.ts) and `npm run fuzz` run it; they differ in how many cases.
 */
import fc from "fast-check";
import { cliCase, type CliCommand } from "./cliArbitraries.js";
import { runCase, type CliCase } from "./cliHarness.js";

export { CLI_COMMANDS, type CliCommand } from "./cliArbitraries.js";

export interface CliFuzzOptions {
  readonly numRuns: number;
  readonly seed?: number;
  /** Cases known to fail for reasons outside the CLI, each named in a comment where it is passed. */
  readonly exclude?: (c: CliCase) => boolean;
  /** Called with each case that took longer than `slowMs` (a hang shows up here before it ends). */
  readonly onSlow?: (c: CliCase, milliseconds: number) => void;
  readonly slowMs?: number;
  /** Called before each case runs: a run that never ends can still name the case it is in. */
  readonly onCase?: (c: CliCase) => void;
}

/** A case printed so that it can be replayed by hand. */
export function describeCase(c: CliCase): string {
  const files = c.files.map((f) => `  ${JSON.stringify(f.name)}: ${typeof f.content === "string" ? JSON.stringify(f.content.slice(0, 2000)) : `bytes ${Buffer.from(f.content).toString("hex").slice(0, 400)}`}`);
  return `arp ${c.argv.map((a) => JSON.stringify(a)).join(" ")}\nfiles:\n${files.join("\n")}`;
}

/** Checks `numRuns` random cases of `command`; throws with the (shrunk) failing case. */
export async function runCliFuzz(command: CliCommand, options: CliFuzzOptions): Promise<void> {
  const exclude = options.exclude ?? (() => false);
  await fc.assert(
    fc.asyncProperty(cliCase(command).filter((c) => !exclude(c)), async (c) => {
      options.onCase?.(c);
      const started = Date.now();
      const { run, problem } = await runCase(c);
      const took = Date.now() - started;
      if (took > (options.slowMs ?? 5000)) options.onSlow?.(c, took);
      if (problem !== undefined) {
        throw new Error(`${problem}\n${describeCase(c)}\nexit ${run.code}\nstdout: ${run.stdout.slice(0, 1500)}\nstderr: ${run.stderr.slice(0, 1500)}`);
      }
    }),
    { numRuns: options.numRuns, ...(options.seed !== undefined ? { seed: options.seed } : {}) },
  );
}
