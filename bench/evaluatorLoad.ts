/**
 * `npm run bench -- --evaluator-load`: the size of generated evaluators and the time a fresh
 * Node process takes to load one and decide one request, on the App Runner team workload
 * (test/support/appRunnerWorkload.ts) at 10, 100 and 1,000 statements, and as a module of 50
 * principal sets of 20 statements each (what `arp compile --target ts` writes for a program of
 * 50 policies). Each module is transpiled to JavaScript once (types stripped, as a consumer's
 * build does); each run is a new process that times `import()` plus the first `authorize`
 * itself, so process start-up is not counted.
 *
 * Arguments after `--evaluator-load`: `[runs per module]` (default 11).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ts from "typescript";
import { generateEvaluator, generatePrincipalEvaluator, type PolicySource } from "../compiler/emit/typescript/index.js";
import { teamPolicy, teamRequests } from "../test/support/appRunnerWorkload.js";

const afterFlag = process.argv.slice(process.argv.indexOf("--evaluator-load") + 1).map(Number).filter((n) => n > 0);
const RUNS = afterFlag[0] ?? 11;

interface Module {
  readonly name: string;
  readonly source: string;
  /** The principal set to ask, for a module of sets. */
  readonly set?: string;
  readonly statements: number;
}

/** The 1,000-statement team policy as 50 policies of 20 statements, each its own principal set. */
function fiftySets(): { name: string; kind: "policy"; policies: PolicySource[] }[] {
  const all = teamPolicy(1000).document.Statement as unknown[];
  return Array.from({ length: 50 }, (_, i) => ({
    name: `Team${i}`,
    kind: "policy" as const,
    policies: [{ name: `Team${i}`, document: { Version: "2012-10-17", Statement: all.slice(i * 20, i * 20 + 20) } } as PolicySource],
  }));
}

async function modules(): Promise<Module[]> {
  const single = await Promise.all(
    [10, 100, 1000].map(async (n) => ({ name: `team workload, ${n.toLocaleString("en-US")} statements`, source: await generateEvaluator([teamPolicy(n)]), statements: n })),
  );
  const sets = { name: "50 principal sets of 20 statements", source: await generatePrincipalEvaluator(fiftySets()), set: "Team0", statements: 1000 };
  return [...single, sets];
}

const LOADER = `
const started = performance.now();
const m = await import(process.argv[2]);
const request = JSON.parse(process.argv[3]);
const set = process.argv[4];
const decision = set === undefined ? m.authorize(request) : m.authorize(set, request);
const ms = performance.now() - started;
if (typeof decision !== "string") throw new Error("no decision");
process.stdout.write(String(ms));
`;

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};
const kb = (bytes: number): string => `${Math.round(bytes / 1024).toLocaleString("en-US")} KB`;

async function main(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), "arp-bench-load-"));
  try {
    const loader = join(work, "load.mjs");
    writeFileSync(loader, LOADER);
    const request = JSON.stringify(teamRequests(1000, 1)[0]);
    const lines = [
      `\nGenerated evaluators: size, and one new process loading the module and deciding once (median of ${RUNS}; node ${process.version}):\n`,
      "| module | TypeScript | JavaScript | load + first decision (median) | fastest | budget (1,000 statements) |",
      "| --- | ---: | ---: | ---: | ---: | --- |",
    ];
    for (const m of await modules()) {
      const js = ts.transpileModule(m.source, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText;
      const file = join(work, `${lines.length}.mjs`);
      writeFileSync(file, js);
      const times: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const r = spawnSync(process.execPath, [loader, file, request, ...(m.set === undefined ? [] : [m.set])], { encoding: "utf8" });
        if (r.status !== 0) throw new Error(`${m.name}: ${r.stderr}`);
        times.push(Number(r.stdout));
      }
      const med = median(times);
      const budget = m.statements < 1000 ? "–" : Buffer.byteLength(m.source) <= 300 * 1024 && med <= 20 ? "≤ 300 KB, ≤ 20 ms: yes" : "≤ 300 KB, ≤ 20 ms: **no**";
      lines.push(`| ${m.name} | ${kb(Buffer.byteLength(m.source))} | ${kb(Buffer.byteLength(js))} | ${med.toFixed(1)} ms | ${Math.min(...times).toFixed(1)} ms | ${budget} |`);
    }
    console.log(lines.join("\n"));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
