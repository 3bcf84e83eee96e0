/**
 * Golden files beside each fixture: `x.arp` is what `arp import x.json` writes, and
 * `x.diagnostics.txt` what it reports (with code frames into the JSON). Review them like
 * code; regenerate with `UPDATE_GOLDEN=1 npx vitest run test/import/golden.test.ts`.
 * Every `.arp` golden is formatted: the formatter is the importer's printer, so
 * `arp fmt --check` passes on what `arp import` writes.
 */
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { renderDiagnostics } from "../../compiler/diagnostics/render.js";
import { format } from "../../compiler/format/index.js";
import { importPolicy } from "../../compiler/import/index.js";
import { FIXTURES, fixtureNames, readFixture } from "./support.js";

const UPDATE = process.env.UPDATE_GOLDEN === "1";

function golden(name: string, actual: string | undefined): void {
  const url = new URL(name, FIXTURES);
  if (UPDATE) {
    if (actual === undefined) rmSync(url, { force: true });
    else writeFileSync(url, actual);
    return;
  }
  const expected = existsSync(url) ? readFileSync(url, "utf8") : undefined;
  expect(actual, `${name} (regenerate with UPDATE_GOLDEN=1)`).toBe(expected);
}

describe("import goldens", () => {
  for (const name of fixtureNames()) {
    it(name, async () => {
      const result = await importPolicy(readFixture(name), { file: `${name}.json` });
      golden(`${name}.arp`, result.arp);
      const rendered = result.diagnostics.length === 0 ? undefined : `${renderDiagnostics(result.diagnostics, result.sources)}\n`;
      golden(`${name}.diagnostics.txt`, rendered);
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
