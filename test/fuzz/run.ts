/**
 * `npm run fuzz [sets] [requests-per-set] [seed] [--seed N] [--cli N] [--lowering N]
 *  [--scale N] [--only differential|team|cli|lowering|properties]`:
 *
 * - the differential property of test/codegen (generated evaluator vs runtime interpreter,
 *   whole explanations compared) with many more cases than CI runs, type-checking every 10th
 *   generated module too;
 * - the same comparison on the App Runner team workload (test/codegen/teamDifferential.ts) at
 *   10, 100 and 1,000 statements, 5,000 requests each (`--only team`);
 * - the CLI property of test/cli/fuzz.test.ts (every command on hostile files and arguments
 *   exits 0, 1 or 2, with no stack trace, writing nothing outside its directory), `--cli N`
 *   cases per command (500 by default);
 * - the lowering property of test/properties (random `and`/`or`/`not` conditions compiled by
 *   arp decide, on every request of their domain, as their `.arp` meaning), `--lowering N`
 *   conditions (2,000 by default), each failure class printed once, shrunk.
 *
 * - the property tests of `npm test` (the import, formatter, codegen and lint-claims properties) run by
 *   vitest with `ARP_FUZZ_SCALE=N` (test/support/fuzzScale.ts), `--scale N` times their CI
 *   size (10 by default): the same code, more cases (`--only properties`).
 *
 * Prints what was checked and the time taken; exits 1 on the first failure, printing the case
 * (the lowering property prints every class of failure it met before exiting 1).
 */
import { spawnSync } from "node:child_process";
import { rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runDifferential } from "../codegen/differential.js";
import { runTeamDifferential } from "../codegen/teamDifferential.js";
import { describeReport, runLowering } from "../properties/loweringRun.js";
import { CLI_COMMANDS, describeCase, runCliFuzz } from "./cliFuzz.js";

function parseArgs(argv: readonly string[]) {
  const positional: number[] = [];
  let cliRuns = 500;
  let loweringRuns = 2000;
  let scale = 10;
  let only: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === "--cli") cliRuns = Number(argv[++i]);
    else if (a === "--lowering") loweringRuns = Number(argv[++i]);
    else if (a === "--only") only = argv[++i];
    else if (a === "--scale") scale = Number(argv[++i]);
    else if (a === "--seed") positional[2] = Number(argv[++i]);
    else positional.push(Number(a));
  }
  const [sets = 2000, requestsPerSet = 100, seed] = positional;
  if (!Number.isInteger(cliRuns) || cliRuns < 0) throw new Error("--cli takes a number of cases per command");
  if (!Number.isInteger(loweringRuns) || loweringRuns < 0) throw new Error("--lowering takes a number of conditions");
  if (only !== undefined && !["differential", "team", "cli", "lowering", "properties"].includes(only)) throw new Error("--only takes `differential`, `team`, `cli`, `lowering` or `properties`");
  if (!(scale > 0)) throw new Error("--scale takes a positive number");
  return { sets, requestsPerSet, seed: seed !== undefined && !Number.isNaN(seed) ? seed : undefined, cliRuns, loweringRuns, scale, only };
}

const args = parseArgs(process.argv.slice(2));

if (args.only === undefined || args.only === "differential") {
  const report = await runDifferential({
    sets: args.sets,
    requestsPerSet: args.requestsPerSet,
    compareExplanations: true,
    shrink: true,
    typeCheckEvery: 10,
    ...(args.seed !== undefined ? { seed: args.seed } : {}),
  });
  console.log(`${report.cases} decisions agreed across ${args.sets} policy sets in ${(report.milliseconds / 1000).toFixed(1)} s`);
}

if (args.only === undefined || args.only === "team") {
  for (const statements of [10, 100, 1000]) {
    const started = Date.now();
    const report = await runTeamDifferential(statements, 5000);
    console.log(`team workload, ${statements} statements: ${report.cases} decisions and explanations agreed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
}

if (args.only === undefined || args.only === "cli") {
  // The case in progress, so that one that never ends can be found and replayed.
  const current = join(tmpdir(), `arp-fuzz-current-${process.pid}.txt`);
  const seed = args.seed ?? Date.now() % 2 ** 31;
  console.log(`CLI fuzz with seed ${seed}; the case in progress is kept in ${current}`);
  for (const command of CLI_COMMANDS) {
    const started = Date.now();
    await runCliFuzz(command, {
      numRuns: args.cliRuns,
     
      onCase: (c) => writeFileSync(current, `${describeCase(c)}\n${JSON.stringify(c)}\n`),
      onSlow: (c, ms) => console.log(`slow (${(ms / 1000).toFixed(1)} s):\n${describeCase(c).slice(0, 600)}`),
      seed,
    });
    const name = command === "meta" ? "--version/--help" : command;
    console.log(`arp ${name}: ${args.cliRuns} hostile cases, exit codes 0-2 only, in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  rmSync(current, { force: true });
}

if (args.only === undefined || args.only === "lowering") {
  const seed = args.seed ?? Date.now() % 2 ** 31;
  console.log(`lowering property with seed ${seed}`);
  const report = runLowering({ cases: args.loweringRuns, seed, shrinkLimit: 1000 });
  console.log(describeReport(report));
  if (report.classes.length > 0) process.exitCode = 1;
}

/** The property tests whose size `ARP_FUZZ_SCALE` sets. */
const SCALED_TESTS = [
  "test/codegen/differential.test.ts",
  "test/import/property.test.ts",
  "test/import/appRunnerProperty.test.ts",
  "test/format/properties.test.ts",
  "test/lint/redundancyClaims.test.ts",
];

if (args.only === undefined || args.only === "properties") {
  const started = Date.now();
  const vitest = new URL("../../node_modules/vitest/vitest.mjs", import.meta.url).pathname;
  const run = spawnSync(process.execPath, [vitest, "run", ...SCALED_TESTS, "--testTimeout=0"], {
    stdio: "inherit",
    env: { ...process.env, ARP_FUZZ_SCALE: String(args.scale) },
  });
  console.log(`property tests at ${args.scale}× their CI size in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (run.status !== 0) process.exitCode = 1;
}
