import { configDefaults, defineConfig } from "vitest/config";

/**
 * Test files that replace something process-wide for their own duration (a mocked `node:fs`,
 * the global `RegExp`, a spy counting the shared catalog's lookups): each runs in a fresh
 * module graph. Every other file shares its worker's modules with the files before it, which
 * saves each file re-loading the compiler, chevrotain's grammar checks and the catalog (about
 * two thirds of the suite's CPU time when each file was isolated).
 */
const ISOLATED = [
  "test/cli/fsFailures.test.ts",
  "test/security/compilerRedos.test.ts",
  "test/check/checkResourceTypesCost.test.ts",
];

export default defineConfig({
  test: {
    // The test files are test/**/*.test.ts, in the two projects below.
    // No test should need more than 10 s on a loaded 2-core machine; the limit is a safety net
    // for machines far more loaded than that, and slow tests are named in the report.
    testTimeout: 60_000,
    // The same safety net for set-up hooks (the playground test builds the page once).
    hookTimeout: 60_000,
    slowTestThreshold: 5_000,
    setupFiles: ["test/support/yieldBetweenTests.ts"],
    // Every lexer and parser the tests build checks its grammar (grammar/chevrotain.ts).
    env: { ARP_VALIDATE_GRAMMAR: "1" },
    // The shared files run in child processes, not threads: the CLI tests change the working
    // directory, which a worker thread cannot. Vitest decides isolation per pool, not per
    // project, so the isolated files run in the threads pool (isolated by default). Vitest's
    // default is one worker fewer than the cores, so one on a 2-core machine; two take about a
    // third off the wall time for the same CPU time.
    maxWorkers: 2,
    minWorkers: 1,
    poolOptions: { forks: { isolate: false } },
    projects: [
      { extends: true, test: { name: "shared", pool: "forks", include: ["test/**/*.test.ts"], exclude: [...configDefaults.exclude, ...ISOLATED] } },
      { extends: true, test: { name: "isolated", pool: "threads", include: ISOLATED } },
    ],
  },
});
