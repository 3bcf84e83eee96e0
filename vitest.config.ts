import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // No test should need more than 10 s on a loaded 2-core machine; the limit is a safety net
    // for machines far more loaded than that, and slow tests are named in the report.
    testTimeout: 60_000,
    slowTestThreshold: 5_000,
    setupFiles: ["test/support/yieldBetweenTests.ts"],
    // Every lexer and parser the tests build checks its grammar (grammar/chevrotain.ts).
    env: { ARP_VALIDATE_GRAMMAR: "1" },
  },
});
