import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 60_000,
    setupFiles: ["test/support/yieldBetweenTests.ts"],
    // Every lexer and parser the tests build checks its grammar (grammar/chevrotain.ts).
    env: { ARP_VALIDATE_GRAMMAR: "1" },
  },
});
