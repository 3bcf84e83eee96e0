/**
 * `npm run bench`: decisions per second and heap for every contender in bench/contenders.ts on
 * the same seeded policies (10, 100 and 1,000 statements) and requests, printed as markdown
 * tables of ratios measured in this one run. Before timing, each contender must decide every
 * request exactly as the runtime interpreter does; a contender that disagrees is reported and
 * left out rather than timed.
 *
 * Then, for the App Runner workload, the bytes each decision allocates (bench/allocation.ts).
 *
 * Arguments: `[requests per policy] [milliseconds per contender and size, over all rounds]`.
 */
import { cpus, loadavg } from "node:os";
import { compilePolicySet } from "../runtime/index.js";
import type { Request } from "../runtime/index.js";
import type { PolicySource } from "../compiler/emit/typescript/index.js";
import { CONTENDERS, type Decide } from "./contenders.js";
import { measure, prepared, warmedUp, type Cursor, type Measurement } from "./measure.js";
import { policyOf, requestsFor } from "../test/support/samplePolicies.js";
import { actionPool, WORKLOADS, type Pool, type Workload } from "./workloads.js";

// `npm run bench -- --processes`: the command line's whole-process budgets instead.
if (process.argv.includes("--processes")) {
  await import("./processes.js");
  process.exit();
}
// `npm run bench -- --allocation`: only the bytes allocated per decision (bench/allocation.ts).
if (process.argv.includes("--allocation")) {
  const { allocationSection } = await import("./allocation.js");
  console.log(allocationSection().join("\n"));
  process.exit();
}
// `npm run bench -- --evaluator-load`: generated evaluators' size and load time instead.
if (process.argv.includes("--evaluator-load")) {
  await import("./evaluatorLoad.js");
  process.exit();
}

const SIZES = [10, 100, 1000];
const ROUNDS = 5;
const args = process.argv.slice(2);
const FLAGS = ["--workload", "--contender"];
/** The values given to a repeatable flag. */
const flagValues = (flag: string): string[] => args.flatMap((a, i) => (args[i - 1] === flag ? [a] : []));
/** `--workload NAME` (repeatable) runs only the named workloads; `--contender NAME`, only the named contenders. */
const only = flagValues("--workload");
const onlyContenders = flagValues("--contender");
const [requestCount = 20_000, minMillis = 5000] = args.filter((a, i) => !a.startsWith("--") && !FLAGS.includes(args[i - 1] ?? "")).map(Number);

interface Row {
  readonly workload: string;
  readonly size: number;
  readonly contender: string;
  readonly result: Measurement;
}

/** How many requests a decision function decides differently from the runtime. */
function disagreements(decide: (r: Request) => string, requests: readonly Request[], expected: readonly string[]): number {
  let count = 0;
  for (let i = 0; i < requests.length; i++) if (decide(requests[i]!) !== expected[i]) count++;
  return count;
}

const kb = (bytes: number): string => `${Math.round(bytes / 1024).toLocaleString("en-US")} KB`;
const rate = (n: number): string => Math.round(n).toLocaleString("en-US");
/** A ratio of speeds: "1.13×", or "962×" once the digits after the point stop mattering. */
const times = (n: number | undefined): string =>
  n === undefined ? "–" : `${n >= 100 ? Math.round(n).toLocaleString("en-US") : n.toFixed(2)}×`;

interface Prepared {
  readonly contender: string;
  readonly decide: Decide;
  readonly setupBytes: number;
  /** The requests it is checked and timed on (a prefix of the workload's for slow contenders). */
  readonly requests: readonly Request[];
}

/** Builds and loads every contender that can decide `policy` and agrees with the runtime. */
async function prepareAll(workload: string, policy: PolicySource, requests: readonly Request[], expected: readonly string[]): Promise<Prepared[]> {
  const ready: Prepared[] = [];
  const size = [policy.document.Statement].flat().length;
  for (const contender of CONTENDERS) {
    if (contender.sizes !== undefined && !contender.sizes.includes(size)) continue;
    if (contender.workloads !== undefined && !contender.workloads.includes(workload)) continue;
    if (onlyContenders.length > 0 && !onlyContenders.includes(contender.name)) continue;
    let loaded: { value: Decide; setupBytes: number };
    try {
      await contender.build?.(policy);
      loaded = await prepared(() => contender.load(policy));
    } catch (error) {
      // A contender may not handle every policy (say, one it cannot translate): report, skip.
      console.error(`${contender.name} cannot decide the ${size}-statement policy: ${(error as Error).message}`);
      continue;
    }
    const { value: decide, setupBytes } = loaded;
    const own = contender.requests === undefined ? requests : requests.slice(0, contender.requests);
    const wrong = disagreements(decide, own, expected);
    if (wrong > 0) {
      console.error(`${contender.name} disagrees with the runtime on ${wrong} of ${own.length} requests (${size} statements); not timed`);
      continue;
    }
    ready.push({ contender: contender.name, decide, setupBytes, requests: own });
  }
  return ready;
}

/**
 * Times every contender in turns, several rounds each, and keeps each one's best round: on a
 * shared machine the least disturbed round is the best estimate, and taking turns spreads any
 * disturbance over all contenders instead of the one that happened to run during it.
 */
async function benchSize(workload: Workload, size: number, pool: Pool): Promise<Row[]> {
  const policy = workload.policy(size, pool);
  const requests = workload.requests(policy, size, pool, requestCount);
  const reference = compilePolicySet([policy]);
  const expected = requests.map((r) => reference.evaluate(r).decision);
  const ready = await prepareAll(workload.name, policy, requests, expected);
  const best = new Map<string, Measurement>();
  const cursors = new Map<string, Cursor>(ready.map((p) => [p.contender, warmedUp(p.decide, p.requests)]));
  for (let round = 0; round < ROUNDS; round++) {
    for (const p of ready) {
      const m = measure(p.decide, p.requests, p.setupBytes, minMillis / ROUNDS, cursors.get(p.contender)!);
      const previous = best.get(p.contender);
      const peakBytes = Math.max(m.peakBytes, previous?.peakBytes ?? 0);
      if (previous === undefined || m.decisionsPerSecond > previous.decisionsPerSecond) best.set(p.contender, { ...m, peakBytes });
      else best.set(p.contender, { ...previous, peakBytes });
    }
  }
  return ready.map((p) => ({ workload: workload.name, size, contender: p.contender, result: best.get(p.contender)! }));
}

function ratioTable(rows: readonly Row[]): string[] {
  const lines = [
    "| statements | contender | decisions/s | ns/decision | this ÷ hand-written | this ÷ straightforward | generated ÷ this | setup heap | peak heap while deciding |",
    "| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
  ];
  for (const row of rows) {
    const same = rows.filter((r) => r.size === row.size);
    const speed = (name: string): number | undefined => same.find((r) => r.contender === name)?.result.decisionsPerSecond;
    const hand = speed("hand-written");
    const plain = speed("straightforward generator");
    const generated = speed("generated authorize");
    const own = row.result.decisionsPerSecond;
    lines.push(
      `| ${row.size.toLocaleString("en-US")} | ${row.contender} | ${rate(own)} | ${(1e9 / own).toFixed(0)} | ${times(hand === undefined ? undefined : own / hand)} | ${times(plain === undefined ? undefined : own / plain)} | ${times(generated === undefined ? undefined : generated / own)} | ${kb(row.result.setupBytes)} | ${kb(row.result.peakBytes)} |`,
    );
  }
  return lines;
}

function growthTable(rows: readonly Row[]): string[] {
  const names = [...new Set(rows.map((r) => r.contender))];
  const head = SIZES.map((s) => `${s.toLocaleString("en-US")} stmts`);
  const lines = [`| contender | ${head.join(" | ")} | slowdown 10 → 1,000 (statements ×100) |`, `|---|${SIZES.map(() => "---:").join("|")}|---:|`];
  for (const name of names) {
    const perSize = SIZES.map((s) => rows.find((r) => r.contender === name && r.size === s)?.result.decisionsPerSecond);
    const first = perSize[0];
    const last = perSize[perSize.length - 1];
    const slowdown = first !== undefined && last !== undefined ? times(first / last) : "–";
    lines.push(`| ${name} | ${perSize.map((v) => (v === undefined ? "–" : rate(v))).join(" | ")} | ${slowdown} |`);
  }
  return lines;
}

/** Loads every contender once on a tiny policy, so one-time costs (module loaders, JIT of shared code) are not charged to the first size. */
async function warmUp(pool: Pool): Promise<void> {
  const policy = { ...policyOf(1, pool), name: "warmup" };
  const requests = requestsFor(policy, pool, 100);
  for (const contender of CONTENDERS) {
    try {
      await contender.build?.(policy);
      const decide = await contender.load(policy);
      for (const r of requests) decide(r);
    } catch {
      // Reported when the contender is measured.
    }
  }
}

const startedAt = performance.now();
const loadAtStart = loadavg();
const pool = await actionPool();
await warmUp(pool);
const chosen = WORKLOADS.filter((w) => only.length === 0 || only.includes(w.name));
const results = new Map<Workload, Row[]>();
for (const workload of chosen) {
  const rows: Row[] = [];
  for (const size of SIZES) rows.push(...(await benchSize(workload, size, pool)));
  results.set(workload, rows);
}
const load = (l: readonly number[]): string => l.map((n) => n.toFixed(2)).join(", ");
console.log(`\n${requestCount.toLocaleString("en-US")} seeded requests per policy, node ${process.version}, ${cpus()[0]?.model ?? "unknown CPU"} × ${cpus().length}`);
console.log(`Load average (1, 5, 15 min) ${load(loadAtStart)} at the start, ${load(loadavg())} at the end; the run took ${Math.round((performance.now() - startedAt) / 1000)} s.`);
const sampled = CONTENDERS.filter((c) => c.requests !== undefined && c.requests < requestCount);
if (sampled.length > 0) console.log(`Slow contenders decide the first requests only: ${sampled.map((c) => `${c.name} ${c.requests!.toLocaleString("en-US")}`).join(", ")}.`);
for (const [workload, rows] of results) {
  console.log(`\n### Workload "${workload.name}": ${workload.description}\n`);
  console.log(ratioTable(rows).join("\n"));
  console.log("\nDecisions per second as statements grow:\n");
  console.log(growthTable(rows).join("\n"));
}
// Allocation per decision, on the App Runner workload (`--no-allocation` skips it).
if (chosen.some((w) => w.name === "apprunner") && !args.includes("--no-allocation")) {
  const { allocationSection } = await import("./allocation.js");
  console.log(`\n### Allocation per decision\n\n${allocationSection().join("\n")}`);
}
