/**
 * The classes of numbers, dates and IP addresses that comparisons with constants draw. Every
 * such test holds on an interval of an ordered line (`< 5`, `>= 2020-01-01`, an address inside
 * `10.0.0.0/24`), so the line falls into the pieces between the constants: each constant, the
 * stretch between two neighbours, below the least, above the greatest. One value of each piece,
 * plus a value that does not parse (never equal, less or greater; the negated operators hold
 * for it), represents every value. IPv4 and IPv6 are separate lines, as the runtime keeps them.
 */
import { parseIamDate } from "../../runtime/dates.js";
import { parseCidr } from "../../runtime/operators/ip.js";
import { parseDecimal } from "../../runtime/operators/numeric.js";

/** A value none of these tests can read. */
export const UNPARSABLE = "zz-fresh";

/** One point of each piece of the line the `bounds` cut: below, at, between, above. */
function pieces(bounds: readonly number[]): number[] {
  const sorted = [...new Set(bounds.filter((b) => Number.isFinite(b)))].sort((a, b) => a - b);
  if (sorted.length === 0) return [0];
  const out: number[] = [sorted[0]! - 1];
  sorted.forEach((b, i) => {
    out.push(b);
    const next = sorted[i + 1];
    const middle = next === undefined ? b + 1 : (b + next) / 2;
    // Neighbours with nothing between them (adjacent floats) have no piece there.
    if (middle !== b && middle !== next) out.push(middle);
  });
  return out;
}

/** One number of each piece the constants cut. */
export function numberClasses(values: readonly string[]): string[] {
  return [...pieces(values.map(parseDecimal)).map(String), UNPARSABLE];
}

/** The IAM date of a time in milliseconds, or undefined outside the range JavaScript dates hold. */
function dateText(ms: number): string | undefined {
  const d = new Date(Math.round(ms));
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}

/** One date of each piece the constants cut (to the millisecond). */
export function dateClasses(values: readonly string[]): string[] {
  const times = values.map(parseIamDate).filter((t) => Number.isFinite(t));
  // Dates compare by milliseconds: a piece between two neighbours a millisecond apart is empty.
  const points = pieces(times).map(Math.round);
  return [...new Set(points.flatMap((t) => dateText(t) ?? []))].concat(UNPARSABLE);
}

function addressText(n: bigint, bits: number): string {
  if (bits === 32) return [24n, 16n, 8n, 0n].map((s) => String((n >> s) & 255n)).join(".");
  const groups: string[] = [];
  for (let s = 112n; s >= 0n; s -= 16n) groups.push(((n >> s) & 0xffffn).toString(16));
  return groups.join(":");
}

/**
 * One address of each piece the ranges cut: a range is the interval from its first address to
 * its last, so the pieces start at 0, at each first address and just after each last one.
 */
export function addressClasses(values: readonly string[]): string[] {
  // A line no range is on is one piece, which the unparsable value already stands for.
  const starts = new Map<number, Set<bigint>>();
  for (const v of values) {
    const range = parseCidr(v);
    if (range === undefined) continue;
    const bits = range.groups.length * 16;
    const address = range.groups.reduce((n, g) => (n << 16n) | BigInt(g), 0n);
    const size = 1n << BigInt(bits - range.prefix);
    const first = (address / size) * size;
    const afterLast = first + size;
    const line = starts.get(bits) ?? starts.set(bits, new Set([0n])).get(bits)!;
    line.add(first);
    if (afterLast < 1n << BigInt(bits)) line.add(afterLast);
    // The last address too: where a range ends is the likeliest place for a change to show.
    line.add(afterLast - 1n);
  }
  const out: string[] = [];
  for (const [bits, points] of starts) for (const p of [...points].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))) out.push(addressText(p, bits));
  return [...out, UNPARSABLE];
}
