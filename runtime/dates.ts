/**
 * IAM dates, read once for the runtime, the checker, the document validator and the generated
 * evaluator. Date condition operators: "You must specify date/time values with one of the W3C
 * implementations of the ISO 8601 date formats or in epoch (UNIX) time." (Date condition
 * operators). The W3C note (NOTE-datetime) lists `YYYY`, `YYYY-MM`, `YYYY-MM-DD`,
 * `YYYY-MM-DDThh:mmTZD`, `YYYY-MM-DDThh:mm:ssTZD` and `YYYY-MM-DDThh:mm:ss.sTZD`, with TZD `Z`
 * or `±hh:mm`; `YYYY` is any four-digit year, 0000 to 9999, in the proleptic Gregorian calendar.
 *
 * Choices where the docs are silent: a string of digits only (optionally with a fraction) is
 * epoch seconds (so `2020` is 1970-01-01T00:33:40Z, not the year, because `aws:EpochTime`
 * values are digits); a sign, surrounding whitespace, the basic form (`20270101T000000Z`), a
 * space for `T`, an offset without its colon, `24:00` and a second 60 are not dates; a time
 * without a zone is UTC. A value that is not a date parses to NaN and never compares.
 *
 * The generated evaluator carries this file's `dateOrder` and what it calls as source text
 * (compiler/emit/typescript/snippetsValues.ts, extracted by test/runtime/valueSnippetsSource.test.ts),
 * so the functions below import nothing, read only the ES2022 library and stay strict-clean.
 */

const EPOCH = /^\d+(?:\.\d+)?$/;
const W3C =
  /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(Z|[+-]\d{2}:\d{2})?)?)?)?$/;

/** Milliseconds since the epoch of an IAM date value, or NaN when it is not one. */
export function parseIamDate(text: string): number {
  const day = text.length === 20 ? utcDay(text) : NOT_UTC;
  if (day === NOT_UTC) return parseW3cOrEpoch(text);
  return day === NO_DAY ? Number.NaN : day * 86_400_000 + utcSecondOfDay(text) * 1000;
}

/**
 * How the date `text` orders against the instant `bound` (milliseconds), as a bit: 1 before, 2
 * equal, 4 after; 0 when `text` is not a date (so no comparison holds, as with NaN). The usual layout
 * (`aws:CurrentTime`'s) is read and compared inside this function: a float that a call returns
 * is a new heap object, and the instant is one, where each part read here is a small integer.
 */
export function dateOrder(text: string, bound: number): number {
  const day = text.length === 20 ? utcDay(text) : NOT_UTC;
  if (day === NO_DAY) return 0;
  const instant = day === NOT_UTC ? parseW3cOrEpoch(text) : day * 86_400_000 + utcSecondOfDay(text) * 1000;
  return instant < bound ? 1 : instant > bound ? 4 : instant === bound ? 2 : 0;
}

/** Whether IAM's date operators can compare `text` (an ISO 8601 form above or epoch seconds). */
export function isIamDate(text: string): boolean {
  return !Number.isNaN(parseIamDate(text));
}

/** What `utcDay` answers for a text not laid out `YYYY-MM-DDThh:mm:ssZ` in ASCII digits. */
const NOT_UTC = -2_000_000_000;

/** What `utcDay` answers for fields that are no instant (month 13, 24:00, a second 60, ...). */
const NO_DAY = -1_000_000_000;

/**
 * Days from 1970-01-01 of a 20-character `YYYY-MM-DDThh:mm:ssZ` text, the form `aws:CurrentTime`
 * takes, read without a regular expression; NOT_UTC when it is not laid out so (the general
 * reader decides), NO_DAY when its fields are no instant.
 */
function utcDay(text: string): number {
  if (
    text.charCodeAt(4) !== 0x2d ||
    text.charCodeAt(7) !== 0x2d ||
    text.charCodeAt(10) !== 0x54 ||
    text.charCodeAt(13) !== 0x3a ||
    text.charCodeAt(16) !== 0x3a ||
    text.charCodeAt(19) !== 0x5a
  ) {
    return NOT_UTC;
  }
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 7);
  const day = digits(text, 8, 10);
  const hour = digits(text, 11, 13);
  const minute = digits(text, 14, 16);
  const second = digits(text, 17, 19);
  if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) return NOT_UTC;
  if (!validFields(year, month, day, hour, minute, second)) return NO_DAY;
  return civilDays(year, month, day);
}

/** The second of the day of a text `utcDay` read as an instant. */
function utcSecondOfDay(text: string): number {
  return (digits(text, 11, 13) * 60 + digits(text, 14, 16)) * 60 + digits(text, 17, 19);
}

/** Digits of `text` from `at` to `end` as a number; -1 when one is not an ASCII digit. */
function digits(text: string, at: number, end: number): number {
  let n = 0;
  for (let i = at; i < end; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/** Every accepted form: epoch seconds, or any of the W3C note's six. */
function parseW3cOrEpoch(text: string): number {
  if (EPOCH.test(text)) return Number(text) * 1000;
  const m = W3C.exec(text);
  if (m === null) return Number.NaN;
  const field = (i: number, absent: number): number => (m[i] === undefined ? absent : Number(m[i]));
  const year = field(1, 0);
  const month = field(2, 1);
  const day = field(3, 1);
  const hour = field(4, 0);
  const minute = field(5, 0);
  const second = field(6, 0);
  const millis = m[7] === undefined ? 0 : Math.floor(Number(`0.${m[7]}`) * 1000);
  if (!validFields(year, month, day, hour, minute, second)) return Number.NaN;
  return utcMillis(year, month, day, hour, minute, second, millis) - zoneOffsetMillis(m[8]);
}

function validFields(y: number, mo: number, d: number, h: number, mi: number, s: number): boolean {
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo) && h <= 23 && mi <= 59 && s <= 59;
}

/** Days in a month of the proleptic Gregorian calendar (0000 is a leap year, 0100 is not). */
function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * The instant of valid UTC fields (year 0000 to 9999), counted in days of the proleptic
 * Gregorian calendar from 0000-03-01 in 400-year eras (H. Hinnant's days_from_civil): plain
 * arithmetic, where a `Date` object costs an allocation a date test, and `Date.UTC` alone
 * would read years 0–99 as 1900–1999.
 */
function utcMillis(y: number, mo: number, d: number, h: number, mi: number, s: number, ms: number): number {
  return ((civilDays(y, mo, d) * 24 + h) * 60 + mi) * 60_000 + s * 1000 + ms;
}

/** Days from 1970-01-01 to a valid date (a small integer, so returning it allocates nothing). */
function civilDays(y: number, mo: number, d: number): number {
  const year = mo <= 2 ? y - 1 : y;
  const era = Math.floor(year / 400);
  const yearOfEra = year - era * 400;
  const dayOfYear = Math.floor((153 * ((mo + 9) % 12) + 2) / 5) + d - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

function zoneOffsetMillis(zone: string | undefined): number {
  if (zone === undefined || zone === "Z") return 0;
  const sign = zone[0] === "-" ? -1 : 1;
  return sign * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6))) * 60_000;
}
