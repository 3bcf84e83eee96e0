// The golden corpus: each `<case>.arp` sits beside what it must produce. `<case>.json` holds
// the compiled policies (name → document) and role, user and group bundles (`<Role>.role`,
// `<User>.user`, `<Group>.group` → bundle) when it
// compiles; `<case>.diagnostics.txt` holds the rendered diagnostics when there are any,
// including failed `test` expectations. A first line `// set: a=1 b=2` sets parameters.
// `npx vitest run -u` rewrites the expectations (test/support/golden.ts); review the diff like code.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { compile, runPolicyTests } from "../../compiler/index.js";
import { renderDiagnostics } from "../../compiler/diagnostics/render.js";
import { sortDiagnostics, type Diagnostic } from "../../grammar/diagnostics/diagnostic.js";

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

function key(d: Diagnostic): string {
  return `${d.code}@${d.span.file}:${d.span.start}-${d.span.end}:${d.message}`;
}

export function runCase(name: string): CorpusOutcome {
  const path = `${name}.arp`;
  const text = readFileSync(join(CORPUS_DIR, path), "utf8");
  const input = { path, text };
  // `lint-*` cases also run `arp lint`'s checks.
  const result = compile(input, { params: settings(text), lint: name.startsWith("lint-") });
  // Files with `test` blocks also run them, so test failures have goldens too.
  const tests = result.ok && /^\s*test\s/m.test(text) ? runPolicyTests([input], { params: settings(text) }) : undefined;
  const seen = new Set(result.diagnostics.map(key));
  const diagnostics = sortDiagnostics([...result.diagnostics, ...(tests?.diagnostics ?? []).filter((d) => !seen.has(key(d)))]);
  const out: { json?: string; diagnostics?: string; codes: string[] } = { codes: diagnostics.map((d) => d.code) };
  if (result.ok) {
    const byName = Object.fromEntries([
      ...result.policies.map((p) => [p.name, p.document] as const),
      ...result.roles.map((r) => [`${r.name}.role`, JSON.parse(r.json) as unknown] as const),
      ...result.users.map((u) => [`${u.name}.user`, JSON.parse(u.json) as unknown] as const),
      ...result.groups.map((g) => [`${g.name}.group`, JSON.parse(g.json) as unknown] as const),
    ]);
    out.json = `${JSON.stringify(byName, null, 2)}\n`;
  }
  if (diagnostics.length > 0) {
    out.diagnostics = `${renderDiagnostics(diagnostics, result.sources, { color: false })}\n`;
  }
  return out;
}
