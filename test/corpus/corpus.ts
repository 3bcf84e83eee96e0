// The golden corpus: each `<case>.arp` sits beside what it must produce. `<case>.json` holds
// the compiled policies (name → document) when it compiles; `<case>.diagnostics.txt` holds
// the rendered diagnostics when there are any. A first line `// set: a=1 b=2` sets parameters.
// `npm run golden` rewrites the expectations; review the diff like code.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { compile } from "../../compiler/index.js";
import { renderDiagnostics } from "../../compiler/diagnostics/render.js";

export const CORPUS_DIR = new URL(".", import.meta.url).pathname;

export interface CorpusOutcome {
  readonly json?: string;
  readonly diagnostics?: string;
  readonly codes: readonly string[];
}

export function corpusCases(): string[] {
  return readdirSync(CORPUS_DIR)
    .filter((f) => f.endsWith(".arp"))
    .map((f) => f.slice(0, -".arp".length))
    .sort();
}

function settings(text: string): Record<string, string> {
  const m = /^\/\/ set: (.*)$/m.exec(text.split("\n")[0] ?? "");
  if (m === null) return {};
  return Object.fromEntries(m[1]!.trim().split(/\s+/).map((kv) => kv.split("=") as [string, string]));
}

export function runCase(name: string): CorpusOutcome {
  const path = `${name}.arp`;
  const text = readFileSync(join(CORPUS_DIR, path), "utf8");
  const result = compile({ path, text }, { params: settings(text) });
  const out: { json?: string; diagnostics?: string; codes: string[] } = { codes: result.diagnostics.map((d) => d.code) };
  if (result.ok) {
    const byName = Object.fromEntries(result.policies.map((p) => [p.name, p.document]));
    out.json = `${JSON.stringify(byName, null, 2)}\n`;
  }
  if (result.diagnostics.length > 0) {
    out.diagnostics = `${renderDiagnostics(result.diagnostics, result.sources, { color: false })}\n`;
  }
  return out;
}
