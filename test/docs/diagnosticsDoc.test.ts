// docs/diagnostics.md documents exactly the codes of the table: a section per code, headed by
// the code, opening with its severity, name and summary as `codes.ts` has them. Each ```arp
// example in a section reports that section's code, so the examples cannot drift either; a
// line `With \`--set NAME=VALUE\`:` in the section sets a parameter for its examples.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { Codes } from "../../grammar/diagnostics/codes.js";
import { check } from "../../compiler/index.js";

const doc = readFileSync(new URL("../../docs/diagnostics.md", import.meta.url), "utf8");

interface Section {
  readonly code: string;
  readonly body: string;
}

function sections(markdown: string): Section[] {
  const parts = markdown.split(/^### (?=ARP\d{4}\b)/m).slice(1);
  return parts.map((part) => {
    const code = part.slice(0, 7);
    // A section ends at the next heading of any level.
    const body = part.slice(7).split(/^#{1,3} /m)[0]!;
    return { code, body };
  });
}

const found = sections(doc);
const byCode = new Map(found.map((s) => [s.code, s]));
const table = Object.entries(Codes).map(([name, info]) => ({ name, ...info }));

describe("docs/diagnostics.md", () => {
  it("has one section per code of the table, in the table's order", () => {
    expect(found.map((s) => s.code)).toEqual(table.map((c) => c.code));
  });

  it("mentions no code that does not exist", () => {
    const known = new Set(table.map((c) => c.code));
    const mentioned = [...new Set(doc.match(/ARP\d{4}/g) ?? [])];
    expect(mentioned.filter((c) => !known.has(c))).toEqual([]);
  });

  for (const info of table) {
    describe(info.code, () => {
      it("opens with the severity, name and summary of codes.ts", () => {
        const section = byCode.get(info.code);
        expect(section, `no section for ${info.code}`).toBeDefined();
        expect(section!.body.trim().split("\n")[0]).toBe(`**${info.severity}** · \`${info.name}\` · ${info.summary}`);
      });

      const examples = [...(byCode.get(info.code)?.body ?? "").matchAll(/```arp\n([\s\S]*?)```/g)].map((m) => m[1]!);
      examples.forEach((example, i) => {
        it(`example ${i + 1} reports ${info.code}`, () => {
          const body = byCode.get(info.code)!.body;
          const params = Object.fromEntries([...body.matchAll(/^With `--set (\w+)=([^`\s]+)`/gm)].map((m) => [m[1]!, m[2]!]));
          const codes = check({ path: "example.arp", text: example }, { params, lint: info.code.startsWith("ARP7") }).diagnostics.map((d) => d.code);
          expect(codes).toContain(info.code);
        });
      });
    });
  }
});
