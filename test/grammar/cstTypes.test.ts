/**
 * `grammar/cst.d.ts` types the CST the builder reads; it must match the grammar. Regenerate
 * with `npx vitest run -u test/grammar/cstTypes.test.ts` (test/support/golden.ts).
 */
import { fileURLToPath } from "node:url";
// The same chevrotain instance as the parser: its grammar classes are checked with instanceof.
import { generateCstDts } from "../../grammar/chevrotain.js";
import { test } from "vitest";
import { arpParser } from "../../grammar/parser.js";
import { expectGolden } from "../support/golden.js";

const file = new URL("../../grammar/cst.d.ts", import.meta.url);
const header =
  "// Generated from grammar/parser.ts by test/grammar/cstTypes.test.ts (`npx vitest run -u`); do not edit.\n";

test("cst.d.ts matches the grammar", async () => {
  const want = header + generateCstDts(arpParser.getGAstProductions(), { includeVisitorInterface: false });
  await expectGolden(want, fileURLToPath(file));
});
