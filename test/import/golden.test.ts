/**
 * Golden files beside each fixture: `x.arp` is what `arp import x.json` writes, and
 * `x.diagnostics.txt` what it reports (with code frames into the JSON). Review them like
 * code; regenerate with `npx vitest run -u test/import/golden.test.ts` (test/support/golden.ts).
 * Every `.arp` golden is formatted: the formatter is the importer's printer, so
 * `arp fmt --check` passes on what `arp import` writes.
 */
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { renderDiagnostics } from "../../compiler/diagnostics/render.js";
import { format } from "../../compiler/format/index.js";
import { importPolicy } from "../../compiler/import/index.js";
import { expectGolden } from "../support/golden.js";
import { FIXTURES, fixtureNames, readFixture } from "./support.js";

function golden(name: string, actual: string | undefined): Promise<void> {
  return expectGolden(actual, fileURLToPath(new URL(name, FIXTURES)));
}

describe("import goldens", () => {
  for (const name of fixtureNames()) {
    it(name, async () => {
      const result = await importPolicy(readFixture(name), { file: `${name}.json` });
      await golden(`${name}.arp`, result.arp);
      const rendered = result.diagnostics.length === 0 ? undefined : `${renderDiagnostics(result.diagnostics, result.sources)}\n`;
      await golden(`${name}.diagnostics.txt`, rendered);
    });
  }
});

describe("import goldens are formatted", () => {
  const arps = readdirSync(FIXTURES).filter((f) => f.endsWith(".arp")).sort();

  it("cover every importable fixture", () => {
    expect(arps.length).toBeGreaterThanOrEqual(15);
  });

  for (const file of arps) {
    it(`${file} formats to itself`, async () => {
      const text = readFileSync(new URL(file, FIXTURES), "utf8");
      expect(await format(text, { filepath: file })).toBe(text);
    });
  }
});
