/**
 * How many cases the property and differential tests run. `npm test` runs each property at its
 * CI size (scale 1), small enough that no test takes long on a loaded 2-core machine;
 * `npm run fuzz -- --only properties` runs the same tests with `ARP_FUZZ_SCALE=10` (or any
 * scale given), so the long runs use the same code, only more cases.
 */
const raw = process.env.ARP_FUZZ_SCALE;
const scale = raw === undefined || raw === "" ? 1 : Number(raw);
if (!Number.isFinite(scale) || scale <= 0) throw new Error(`ARP_FUZZ_SCALE must be a positive number, not ${JSON.stringify(raw)}`);

/** The scale `ARP_FUZZ_SCALE` sets (1 by default). */
export const FUZZ_SCALE = scale;

/** `ciCount` cases times the scale, at least one. */
export function scaled(ciCount: number): number {
  return Math.max(1, Math.round(ciCount * scale));
}
