/**
 * Bytes allocated per decision on both workloads of bench/run.ts, for the contenders whose
 * allocation the issue targets (the generated `authorize` should allocate nothing beyond what a
 * request forces). Measured in a
 * child `node --expose-gc` whose young generation is fixed at 64 MB, so no scavenge runs
 * during a batch: collect, read the heap, decide N pre-built requests, read the heap again;
 * the growth over N is what one decision allocates. Two known functions check the method: one
 * that allocates nothing and one that allocates one two-field object per call.
 *
 * `npm run bench` prints it as a section after the speed tables; `tsx bench/allocation.ts` runs
 * it alone.
 */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { Request } from "../runtime/index.js";
import { CONTENDERS, type Decide } from "./contenders.js";
import { teamRequests } from "../test/support/appRunnerWorkload.js";
import { actionPool, WORKLOADS } from "./workloads.js";

const SIZES = [10, 100, 1000];
const MEASURED = ["hand-written", "generated authorize", "generated explain", "runtime interpreter"];
const REQUESTS = 5000;
/** A batch allocates at most about this much, well inside the 64 MB young generation. */
const BATCH_BYTES = 16 * 1024 * 1024;
const SEMI_SPACE_MB = 64;

/** One measured figure: bytes per call for a contender at a size (or a check function). */
interface Figure {
  readonly name: string;
  readonly workload?: string;
  readonly size?: number;
  readonly bytesPerCall: number;
  readonly calls: number;
}

/** Keeps what the check function allocates reachable, so it cannot be optimised away. */
const kept: unknown[] = [undefined];
let sink = 0;

/** Heap growth over `calls` decisions, starting from a collected heap. */
function allocated(decide: Decide, requests: readonly Request[], calls: number): number {
  const gc = (globalThis as { gc?: () => void }).gc!;
  gc();
  gc();
  const before = process.memoryUsage().heapUsed;
  for (let i = 0, at = 0; i < calls; i++) {
    sink += decide(requests[at]!).length;
    if (++at === requests.length) at = 0;
  }
  return process.memoryUsage().heapUsed - before;
}

/**
 * Bytes per call. Warm-up batches let the JIT compile the loop and the contender first (its
 * code and feedback are heap too); a probe batch sizes the real ones so they stay well inside
 * the young generation; the least of three is kept, since nothing but the JIT can add to a
 * batch's growth.
 */
function bytesPerCall(name: string, decide: Decide, requests: readonly Request[], size?: number, workload?: string): Figure {
  allocated(decide, requests, requests.length);
  const probe = Math.max(0, allocated(decide, requests, 500)) / 500;
  const calls = Math.max(500, Math.min(10 * requests.length, Math.floor(BATCH_BYTES / Math.max(1, probe))));
  const least = Math.min(...[0, 1, 2].map(() => allocated(decide, requests, calls)));
  return { name, workload, size, bytesPerCall: Math.max(0, least) / calls, calls };
}

/** In the child: every figure, as JSON on stdout. */
async function child(): Promise<void> {
  const figures: Figure[] = [];
  const plain = teamRequests(10, REQUESTS);
  figures.push(bytesPerCall("check: allocates nothing", () => "Allow", plain));
  figures.push(
    bytesPerCall(
      "check: one {a, b} object",
      (request) => {
        kept[0] = { a: request, b: request };
        return "Allow";
      },
      plain,
    ),
  );
  const pool = await actionPool();
  for (const workload of WORKLOADS) {
    for (const size of SIZES) {
      const policy = workload.policy(size, pool);
      const requests = workload.requests(policy, size, pool, REQUESTS);
      for (const contender of CONTENDERS) {
        if (!MEASURED.includes(contender.name)) continue;
        if (contender.sizes !== undefined && !contender.sizes.includes(size)) continue;
        if (contender.workloads !== undefined && !contender.workloads.includes(workload.name)) continue;
        await contender.build?.(policy);
        figures.push(bytesPerCall(contender.name, await contender.load(policy), requests, size, workload.name));
      }
    }
  }
  if (sink === -1) console.error("unreachable");
  console.log(JSON.stringify(figures));
}

/** Runs the child and renders its figures as a markdown section. */
export function allocationSection(): string[] {
  const args = ["--import", "tsx", "--expose-gc", `--min-semi-space-size=${SEMI_SPACE_MB}`, `--max-semi-space-size=${SEMI_SPACE_MB}`];
  const r = spawnSync(process.execPath, [...args, fileURLToPath(import.meta.url), "--child"], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) return [`allocation could not be measured: ${r.stderr.trim().split("\n").slice(-3).join(" ")}`];
  const figures = JSON.parse(r.stdout.trim().split("\n").pop()!) as Figure[];
  const bytes = (n: number): string => (n < 10 ? n.toFixed(2) : Math.round(n).toLocaleString("en-US"));
  const lines = [
    `Bytes allocated per decision (${REQUESTS.toLocaleString("en-US")} requests per workload and size; heap growth over a batch in \`node ${args.slice(2).join(" ")}\`, no collection during it):`,
    "",
    `| workload | contender | ${SIZES.map((s) => `${s.toLocaleString("en-US")} stmts`).join(" | ")} |`,
    `|---|---|${SIZES.map(() => "---:").join("|")}|`,
  ];
  for (const workload of [...new Set(figures.flatMap((f) => (f.workload === undefined ? [] : [f.workload])))]) {
    for (const name of MEASURED) {
      const cells = SIZES.map((s) => figures.find((f) => f.workload === workload && f.name === name && f.size === s));
      if (cells.every((c) => c === undefined)) continue;
      lines.push(`| ${workload} | ${name} | ${cells.map((c) => (c === undefined ? "–" : `${bytes(c.bytesPerCall)} B`)).join(" | ")} |`);
    }
  }
  const checks = figures.filter((f) => f.size === undefined).map((f) => `${f.name.replace("check: ", "")} ${bytes(f.bytesPerCall)} B`);
  lines.push("", `Method check, functions of known allocation per call: ${checks.join("; ")}.`);
  return lines;
}

if (process.argv.includes("--child")) await child();
else if (process.argv[1] === fileURLToPath(import.meta.url)) console.log(allocationSection().join("\n"));
