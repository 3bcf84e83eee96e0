import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // No test should need more than 10 s on a loaded 2-core machine. 30 s leaves room for a
    // machine far more loaded than that (the import property test took 25 s at a load of 15)
    // and still fails well before vitest's own RPC timeout (about a minute) would.
    testTimeout: 30_000,
    // Tests slower than this are named in the report, so a test growing towards the limit shows.
    slowTestThreshold: 5_000,
    // Every lexer and parser the tests build checks its grammar (grammar/chevrotain.ts).
    env: { ARP_VALIDATE_GRAMMAR: "1" },
  },
});
