/**
 * Golden files: each `fixtures/<name>.arp` (deliberately untidy: long lists, comments in odd
 * places, redundant parentheses, quoted names) formats to `fixtures/<name>.formatted.arp`, and
 * formatting that output again changes nothing. Regenerate with `npx vitest run -u` (test/support/golden.ts).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { format } from "../../compiler/format/index.js";
import { expectGolden } from "../support/golden.js";
import { checkFormatting } from "./helpers.js";

const FIXTURES = new URL("./fixtures/", import.meta.url).pathname;

const inputs = readdirSync(FIXTURES)
  .filter((f) => f.endsWith(".arp") && !f.endsWith(".formatted.arp"))
  .map((f) => f.slice(0, -".arp".length));

describe("golden formatting", () => {
  it("has fixtures", () => {
    expect(inputs.length).toBeGreaterThan(0);
  });
  for (const name of inputs) {
    it(name, async () => {
      const input = readFileSync(join(FIXTURES, `${name}.arp`), "utf8");
      const goldenPath = join(FIXTURES, `${name}.formatted.arp`);
      const formatted = await checkFormatting(input);
      await expectGolden(formatted, goldenPath);
      expect(await format(formatted)).toBe(formatted);
    });
  }
});
