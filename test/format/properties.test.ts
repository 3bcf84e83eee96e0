/**
 * Properties of the formatter over every `.arp` of the repository and over random programs:
 * formatting is idempotent, the AST (spans aside) is unchanged, and every comment survives,
 * in order. Random programs run at CI size; `ARP_FUZZ_SCALE` (test/support/fuzzScale.ts) runs more.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { format } from "../../compiler/format/index.js";
import { program } from "./arbitrary.js";
import { checkFormatting, syntaxErrors } from "./helpers.js";
import { scaled } from "../support/fuzzScale.js";

const ROOT = new URL("../../", import.meta.url).pathname;

function arpFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return arpFiles(path);
    return entry.endsWith(".arp") ? [path] : [];
  });
}

describe("every .arp in the repository", () => {
  const files = ["test/corpus", "examples", "stdlib"].flatMap((d) => arpFiles(join(ROOT, d)));
  for (const file of files) {
    const text = readFileSync(file, "utf8");
    if (syntaxErrors(text).length > 0) continue;
    it(file.slice(ROOT.length), async () => {
      await checkFormatting(text);
    });
  }
});

describe("random programs", () => {
  it("without comments", async () => {
    await fc.assert(fc.asyncProperty(program(false), (text) => checkFormatting(text).then(() => undefined)), { numRuns: scaled(100) });
  });
  it("with comments in random places", async () => {
    await fc.assert(fc.asyncProperty(program(true), (text) => checkFormatting(text).then(() => undefined)), { numRuns: scaled(150) });
  });
  it("with comments, at a narrow width (nearly everything breaks)", async () => {
    const narrow = { printWidth: 40 };
    await fc.assert(fc.asyncProperty(program(true), (text) => checkFormatting(text, narrow).then(() => undefined)), { numRuns: scaled(100) });
  });
  it("with Windows line endings", async () => {
    await fc.assert(
      fc.asyncProperty(program(true), async (text) => {
        const lf = await format(text);
        expect(await format(text.replace(/\n/g, "\r\n"))).toBe(lf);
      }),
      { numRuns: scaled(40) },
    );
  });
});
