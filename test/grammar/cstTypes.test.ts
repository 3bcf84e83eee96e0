/**
 * `grammar/cst.d.ts` types the CST the builder reads; it must match the grammar. Regenerate
 * with `UPDATE_CST=1 npx vitest run test/grammar/cstTypes.test.ts`.
 */
import { readFileSync, writeFileSync } from "node:fs";
// The same chevrotain instance as the parser: its grammar classes are checked with instanceof.
import { generateCstDts } from "../../grammar/chevrotain.js";
import { expect, test } from "vitest";
import { arpParser } from "../../grammar/parser.js";

const file = new URL("../../grammar/cst.d.ts", import.meta.url);
const header =
  "// Generated from grammar/parser.ts by test/grammar/cstTypes.test.ts (UPDATE_CST=1); do not edit.\n";

test("cst.d.ts matches the grammar", () => {
  const want = header + generateCstDts(arpParser.getGAstProductions(), { includeVisitorInterface: false });
  if (process.env["UPDATE_CST"]) writeFileSync(file, want);
  expect(readFileSync(file, "utf8")).toBe(want);
});
