/**
 * Timing and memory for one contender on one policy: decisions per second over the same seeded
 * requests, the heap a prepared evaluator retains, and the peak heap growth while it decides.
 * The heap figures need a real GC between phases, which `npm run bench` (plain `tsx`) does not
 * expose, so it is switched on from inside the process.
 *
 * Time is bounded, not passes: a warm-up stops after `WARM_UP_MILLIS` (or three passes), and a
 * timed round stops once its time is up, even part-way through the requests, so a contender
 * that takes milliseconds per decision costs the bench what a fast one does. Rounds go on from
 * where the last one stopped, so together they cover the requests in turn.
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

/** A checksum of decisions, so no decision can be optimised away. */
let sink = 0;

/** The longest warm-up of one contender on one policy. */
export const WARM_UP_MILLIS = 500;

/** How long each batch of decisions between looks at the clock (and the heap) should take. */
const BATCH_MILLIS = 5;

/** Where a contender's timed rounds are in its requests, and how many decisions make a batch. */
export interface Cursor {
  at: number;
  batch: number;
}

/**
 * Decides requests (up to three passes) until `WARM_UP_MILLIS` have gone, so the JIT has seen
 * the contender before it is timed, and returns a cursor whose batch takes about `BATCH_MILLIS`.
 */
export function warmedUp(decide: Decide, requests: readonly Request[]): Cursor {
  const started = performance.now();
  let decisions = 0;
  while (decisions < 3 * requests.length) {
    sink += decide(requests[decisions % requests.length]!).length;
    decisions++;
    if ((decisions & 15) === 0 && performance.now() - started > WARM_UP_MILLIS) break;
  }
  const perDecision = (performance.now() - started) / decisions;
  return { at: 0, batch: Math.max(1, Math.min(requests.length, Math.round(BATCH_MILLIS / perDecision))) };
}

/** Decides from `cursor` on for at least `minMillis`, in batches, and reports. */
export function measure(decide: Decide, requests: readonly Request[], setupBytes: number, minMillis: number, cursor: Cursor): Measurement {
  const baseline = collect();
  let peak = 0;
  let decisions = 0;
  let at = cursor.at;
  const started = performance.now();
  let elapsed = 0;
  while (elapsed < minMillis) {
    for (let k = 0; k < cursor.batch; k++) {
      sink += decide(requests[at]!).length;
      if (++at === requests.length) at = 0;
    }
    decisions += cursor.batch;
    peak = Math.max(peak, process.memoryUsage().heapUsed - baseline);
    elapsed = performance.now() - started;
  }
  cursor.at = at;
  if (sink === -1) console.log("unreachable");
  return { decisionsPerSecond: (decisions / elapsed) * 1000, setupBytes, peakBytes: peak };
}
