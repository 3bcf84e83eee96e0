/** Every ```arp block of docs/formatting.md is formatted: the page shows the layout it describes. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { format } from "../../compiler/format/index.js";

const doc = readFileSync(new URL("../../docs/formatting.md", import.meta.url), "utf8");
const blocks = [...doc.matchAll(/```arp\n([\s\S]*?)```/g)].map((m) => m[1]!);

describe("docs/formatting.md", () => {
  it("has examples", () => expect(blocks.length).toBeGreaterThan(4));
  blocks.forEach((block, i) => {
    it(`block ${i + 1} is formatted`, async () => {
      expect(await format(block)).toBe(block);
    });
  });
});
