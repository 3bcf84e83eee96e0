// No diagnostic is reported twice: every corpus case and example, compiled and with its tests
// run, reports each (code, place, message) once.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compile, compileFiles, runPolicyTests, type Diagnostic } from "../../compiler/index.js";
import { loadSources } from "../../compiler/driver/loadSources.js";
import { CORPUS_DIR, corpusCases } from "../corpus/corpus.js";

function repeated(diagnostics: readonly Diagnostic[]): string[] {
  const seen = new Set<string>();
  const twice: string[] = [];
  for (const d of diagnostics) {
    const key = `${d.code} ${d.span.file}:${d.span.start}-${d.span.end} ${d.message}`;
    if (seen.has(key)) twice.push(key);
    seen.add(key);
  }
  return twice;
}

describe("each diagnostic is reported once", () => {
  it("in every corpus case", () => {
    const cases = corpusCases();
    expect(cases.length).toBeGreaterThan(50);
    let total = 0;
    for (const name of cases) {
      const input = { path: `${name}.arp`, text: readFileSync(join(CORPUS_DIR, `${name}.arp`), "utf8") };
      const compiled = compile(input);
      const tested = runPolicyTests([input]);
      total += compiled.diagnostics.length;
      expect(repeated(compiled.diagnostics), name).toEqual([]);
      expect(repeated(tested.diagnostics), name).toEqual([]);
    }
    expect(total).toBeGreaterThan(50);
  });

  it("in every example", () => {
    for (const dir of readdirSync("examples").map((d) => `examples/${d}`)) {
      expect(repeated(compileFiles([dir]).diagnostics), dir).toEqual([]);
      expect(repeated(runPolicyTests(loadSources([dir]).sources).diagnostics), dir).toEqual([]);
    }
  });
});
