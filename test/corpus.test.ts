import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Codes } from "../grammar/diagnostics/codes.js";
import { expectGolden } from "./support/golden.js";
import { CORPUS_DIR, corpusCases, runCase } from "./corpus/corpus.js";

describe("golden corpus", () => {
  const cases = corpusCases();
  const seen = new Set<string>();
  for (const name of cases) {
    it(name, async () => {
      const outcome = runCase(name);
      outcome.codes.forEach((c) => seen.add(c));
      await expectGolden(outcome.json, join(CORPUS_DIR, `${name}.json`));
      await expectGolden(outcome.diagnostics, join(CORPUS_DIR, `${name}.diagnostics.txt`));
    });
  }

  // Codes of phases that `.arp` compilation does not reach are covered by their own tests.
  const elsewhere = /^ARP[69]/;
  it("has a case for every diagnostic code", () => {
    for (const name of cases) runCase(name).codes.forEach((c) => seen.add(c));
    const missing = Object.values(Codes).map((c) => c.code).filter((c) => !elsewhere.test(c) && !seen.has(c));
    expect(missing).toEqual([]);
  });
});
