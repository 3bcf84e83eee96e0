// Checking comes before lowering (issue #10): trust has a checked form, produced in check/, and
// lower/lowerTrust turns it into statements, so nothing in check/ imports lower/.
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const CHECK = new URL("../../compiler/check/", import.meta.url);

describe("check/ and lower/", () => {
  it("no file of compiler/check imports compiler/lower", () => {
    const importers = readdirSync(CHECK)
      .filter((f) => f.endsWith(".ts"))
      .filter((f) => /from\s+["']\.\.\/lower\//.test(readFileSync(new URL(f, CHECK), "utf8")));
    expect(importers).toEqual([]);
  });

});
