/**
 * Timing and memory for one contender on one policy: decisions per second over repeated passes
 * of the same seeded requests, the heap a prepared evaluator retains, and the peak heap growth
 * while it decides. The heap figures need a real GC between phases, which `npm run bench`
 * (plain `tsx`) does not expose, so it is switched on from inside the process.
 */
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import type { Request } from "../runtime/index.js";
import type { Decide } from "./contenders.js";

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

/** Collects twice: the second pass frees what the first one's finalizers released. */
function collect(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

/** One contender on one policy. */
export interface Measurement {
  readonly decisionsPerSecond: number;
  /** Heap retained by the prepared evaluator (after GC), bytes. */
  readonly setupBytes: number;
  /** Highest heap growth seen while deciding, over the post-GC baseline, bytes. */
  readonly peakBytes: number;
}

/** Prepares with `prepare`, reporting the heap it retains. */
export async function prepared<T>(prepare: () => Promise<T>): Promise<{ value: T; setupBytes: number }> {
  const before = collect();
  const value = await prepare();
  const after = collect();
  return { value, setupBytes: Math.max(0, after - before) };
}

/** A checksum of decisions, so no pass can be optimised away. */
let sink = 0;

function pass(decide: Decide, requests: readonly Request[]): void {
  for (let i = 0; i < requests.length; i++) sink += decide(requests[i]!).length;
}

/** Runs passes over `requests` for at least `minMillis` (after warming up) and reports. */
export function measure(decide: Decide, requests: readonly Request[], setupBytes: number, minMillis = 1500): Measurement {
  for (let i = 0; i < 3; i++) pass(decide, requests);
  const baseline = collect();
  let peak = 0;
  let decisions = 0;
  const started = performance.now();
  let elapsed = 0;
  while (elapsed < minMillis) {
    pass(decide, requests);
    decisions += requests.length;
    peak = Math.max(peak, process.memoryUsage().heapUsed - baseline);
    elapsed = performance.now() - started;
  }
  if (sink === -1) console.log("unreachable");
  return { decisionsPerSecond: (decisions / elapsed) * 1000, setupBytes, peakBytes: peak };
}
