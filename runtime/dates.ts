/**
 * IAM dates, read once for the runtime, the checker and the document validator. Date condition
 * operators: "You must specify date/time values with one of the W3C implementations of the
 * ISO 8601 date formats or in epoch (UNIX) time." (Date condition operators). The W3C note
 * (NOTE-datetime) lists `YYYY`, `YYYY-MM`, `YYYY-MM-DD`, `YYYY-MM-DDThh:mmTZD`,
 * `YYYY-MM-DDThh:mm:ssTZD` and `YYYY-MM-DDThh:mm:ss.sTZD`, with TZD `Z` or `±hh:mm`.
 *
 * Choices where the docs are silent: a string of digits only (optionally with a fraction) is
 * epoch seconds (so `2020` is 1970-01-01T00:33:40Z, not the year, because `aws:EpochTime`
 * values are digits); a sign, surrounding whitespace, the basic form (`20270101T000000Z`), a
 * space for `T`, an offset without its colon, `24:00` and a second 60 are not dates; a time
 * without a zone is UTC. A value that is not a date parses to NaN and never compares.
 * The generated evaluator carries a copy of this parser (compiler/emit/typescript/snippetsValues.ts);
 * test/runtime/dates.test.ts checks the copy agrees.
 */

const EPOCH = /^\d+(?:\.\d+)?$/;
const W3C =
  /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(Z|[+-]\d{2}:\d{2})?)?)?)?$/;

/** Milliseconds since the epoch of an IAM date value, or NaN when it is not one. */
export function parseIamDate(text: string): number {
  if (EPOCH.test(text)) return Number(text) * 1000;
  const m = W3C.exec(text);
  if (m === null) return Number.NaN;
  const field = (i: number, absent: number): number => (m[i] === undefined ? absent : Number(m[i]));
  const [year, month, day] = [field(1, 0), field(2, 1), field(3, 1)];
  const [hour, minute, second] = [field(4, 0), field(5, 0), field(6, 0)];
  const millis = m[7] === undefined ? 0 : Math.floor(Number(`0.${m[7]}`) * 1000);
  if (!validFields(year, month, day, hour, minute, second)) return Number.NaN;
  const utc = Date.UTC(year, month - 1, day, hour, minute, second, millis);
  return utc - zoneOffsetMillis(m[8]);
}

/** Whether IAM's date operators can compare `text` (an ISO 8601 form above or epoch seconds). */
export function isIamDate(text: string): boolean {
  return !Number.isNaN(parseIamDate(text));
}

function validFields(y: number, mo: number, d: number, h: number, mi: number, s: number): boolean {
  const daysInMonth = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth && h <= 23 && mi <= 59 && s <= 59;
}

function zoneOffsetMillis(zone: string | undefined): number {
  if (zone === undefined || zone === "Z") return 0;
  const sign = zone[0] === "-" ? -1 : 1;
  return sign * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6))) * 60_000;
}
