// Every ```arp block in docs/language.md that is followed by a ```json block must compile to
// exactly that JSON, so the language reference cannot drift from the compiler.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { compile } from "../../compiler/index.js";

interface Example {
  readonly arp: string;
  readonly json: string;
  readonly params: Record<string, string>;
  readonly line: number;
}

function examples(markdown: string): Example[] {
  const blocks = [...markdown.matchAll(/```(arp|json)\n([\s\S]*?)```/g)];
  const out: Example[] = [];
  for (let i = 0; i + 1 < blocks.length; i++) {
    const [a, b] = [blocks[i]!, blocks[i + 1]!];
    if (a[1] !== "arp" || b[1] !== "json") continue;
    const between = markdown.slice(a.index! + a[0].length, b.index!);
    const params = Object.fromEntries([...between.matchAll(/--set (\w+)=([^`\s]+)/g)].map((m) => [m[1]!, m[2]!]));
    out.push({ arp: a[2]!, json: b[2]!, params, line: markdown.slice(0, a.index!).split("\n").length });
  }
  return out;
}

const doc = readFileSync(new URL("../../docs/language.md", import.meta.url), "utf8");

describe("docs/language.md", () => {
  const found = examples(doc);
  it("has examples", () => expect(found.length).toBeGreaterThan(8));
  for (const ex of found) {
    it(`example at line ${ex.line} compiles to the JSON shown`, () => {
      const result = compile(ex.arp, { params: ex.params });
      expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
      const outputs = [...result.policies, ...result.roles, ...result.users, ...result.groups].map((o) => o.json);
      expect(outputs).toHaveLength(1);
      expect(outputs[0]).toBe(ex.json);
    });
  }
});
