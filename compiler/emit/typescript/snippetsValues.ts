// Generated from runtime/ by test/runtime/valueSnippetsSource.test.ts (`npx vitest run -u`); do not edit.
/**
 * Generated-code snippets that read request values the way the runtime's operators do:
 * decimals, IAM dates, IP addresses, base-64 bytes. Each is the runtime function's own source
 * (with what it calls), which helpers.ts emits only when a condition of that family appears.
 */

/** Emitted source: `parseDecimal` of runtime/operators/numeric.ts. */
export const NUMBER = `
const DECIMAL = /^[+-]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?$/;

/** Parses an integer or decimal; NaN for anything else (including empty and hex). */
function parseDecimal(text: string): number {
  return DECIMAL.test(text) ? Number(text) : Number.NaN;
}
`;

/** Emitted source: `dateOrder` of runtime/dates.ts. */
export const DATE = `
const EPOCH = /^\\d+(?:\\.\\d+)?$/;

const W3C =
  /^(\\d{4})(?:-(\\d{2})(?:-(\\d{2})(?:T(\\d{2}):(\\d{2})(?::(\\d{2})(?:\\.(\\d+))?)?(Z|[+-]\\d{2}:\\d{2})?)?)?)?$/;

/**
 * How the date \`text\` orders against the instant \`bound\` (milliseconds), as a bit: 1 before, 2
 * equal, 4 after; 0 when \`text\` is not a date (so no comparison holds, as with NaN). The usual layout
 * (\`aws:CurrentTime\`'s) is read and compared inside this function: a float that a call returns
 * is a new heap object, and the instant is one, where each part read here is a small integer.
 */
function dateOrder(text: string, bound: number): number {
  const day = text.length === 20 ? utcDay(text) : NOT_UTC;
  if (day === NO_DAY) return 0;
  const instant = day === NOT_UTC ? parseW3cOrEpoch(text) : day * 86_400_000 + utcSecondOfDay(text) * 1000;
  return instant < bound ? 1 : instant > bound ? 4 : instant === bound ? 2 : 0;
}

/** What \`utcDay\` answers for a text not laid out \`YYYY-MM-DDThh:mm:ssZ\` in ASCII digits. */
const NOT_UTC = -2_000_000_000;

/** What \`utcDay\` answers for fields that are no instant (month 13, 24:00, a second 60, ...). */
const NO_DAY = -1_000_000_000;

/**
 * Days from 1970-01-01 of a 20-character \`YYYY-MM-DDThh:mm:ssZ\` text, the form \`aws:CurrentTime\`
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

/** The second of the day of a text \`utcDay\` read as an instant. */
function utcSecondOfDay(text: string): number {
  return (digits(text, 11, 13) * 60 + digits(text, 14, 16)) * 60 + digits(text, 17, 19);
}

/** Digits of \`text\` from \`at\` to \`end\` as a number; -1 when one is not an ASCII digit. */
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
  const millis = m[7] === undefined ? 0 : Math.floor(Number(\`0.\${m[7]}\`) * 1000);
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
 * arithmetic, where a \`Date\` object costs an allocation a date test, and \`Date.UTC\` alone
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
`;

/** Emitted source: `requestAddress`, `inRange` and `Cidr` of runtime/operators/ip.ts. */
export const IP = `
/**
 * An address: IPv4 as its 32 bits in one signed 32-bit integer (a request's address is read on
 * every decision that tests it, and a number costs no allocation where an array would), IPv6 as
 * its 8 16-bit groups.
 */
type Address = number | readonly number[];

/** A range: the address's 16-bit groups (2 for IPv4, 8 for IPv6) and a prefix length in bits. */
interface Cidr {
  readonly groups: readonly number[];
  readonly prefix: number;
}

/** The groups of the IPv6 address \`requestAddress\` read last: one array, reused. */
const REQUEST_IPV6: number[] = [0, 0, 0, 0, 0, 0, 0, 0];

/**
 * A request's address, read as \`parseIpAddress\` reads it, for one test: an IPv6 address's
 * groups go into one array that every call reuses (so reading a request's address allocates
 * nothing), which the next call overwrites. Use the result before reading another address.
 */
function requestAddress(text: string): Address | undefined {
  if (!text.includes(":")) return parseIpv4(text, 0, text.length);
  return readIpv6(text, REQUEST_IPV6) ? REQUEST_IPV6 : undefined;
}

/** Whether the address lies in the range (same family, equal leading \`prefix\` bits). */
function inRange(address: Address, range: Cidr): boolean {
  if (typeof address === "number") {
    if (range.groups.length !== 2) return false;
    // \`<< 32\` shifts by 0 in JavaScript, so a /0 range needs its own mask.
    const mask = range.prefix === 0 ? 0 : -1 << (32 - range.prefix);
    return ((address ^ ((range.groups[0]! << 16) | range.groups[1]!)) & mask) === 0;
  }
  if (address.length !== range.groups.length) return false;
  let remaining = range.prefix;
  for (let i = 0; remaining > 0; i++, remaining -= 16) {
    const mask = remaining >= 16 ? 0xffff : (0xffff << (16 - remaining)) & 0xffff;
    if ((address[i]! & mask) !== (range.groups[i]! & mask)) return false;
  }
  return true;
}

/**
 * Parses \`a.b.c.d\` from \`text\`'s characters \`start\` to \`end\`: four decimal octets of 1–3 ASCII
 * digits (leading zeros allowed), each at most 255. A loop over character codes, so reading a
 * request's address allocates nothing.
 */
function parseIpv4(text: string, start: number, end: number): number | undefined {
  let address = 0;
  let octet = 0;
  let digits = 0;
  let dots = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x2e) {
      if (digits === 0 || dots === 3) return undefined;
      address = (address << 8) | octet;
      dots++;
      octet = 0;
      digits = 0;
    } else if (c >= 0x30 && c <= 0x39 && digits < 3) {
      octet = octet * 10 + (c - 0x30);
      if (octet > 255) return undefined;
      digits++;
    } else return undefined;
  }
  if (dots !== 3 || digits === 0) return undefined;
  return (address << 8) | octet;
}

/**
 * Reads an IPv6 address into \`out\`'s 8 groups: hex groups of 1–4 digits separated by \`:\`, at
 * most one \`::\` standing for one or more zero groups, and a dotted IPv4 address (two groups) as
 * the last field on either side of it. False when \`text\` is not one (\`out\` then holds no address).
 */
function readIpv6(text: string, out: number[]): boolean {
  const gap = text.indexOf("::");
  if (gap < 0) return readGroups(text, 0, text.length, out, 0) === 8;
  if (text.indexOf("::", gap + 2) >= 0) return false;
  const head = readGroups(text, 0, gap, out, 0);
  if (head < 0) return false;
  const end = readGroups(text, gap + 2, text.length, out, head);
  // \`::\` stands for at least one group.
  if (end < 0 || end > 7) return false;
  // The tail was read just after the head: move it to the end (last group first, as it moves
  // right) and fill the gap with zeros.
  const tail = end - head;
  for (let k = 1; k <= tail; k++) out[8 - k] = out[end - k]!;
  for (let k = head; k < 8 - tail; k++) out[k] = 0;
  return true;
}

/**
 * Reads the colon-separated groups of \`text\` from \`start\` to \`end\` into \`out\` from \`at\` on;
 * the last field may be a dotted IPv4 address (two groups). The new count, or -1 when a field
 * is not a group or there would be more than 8 (no address has more).
 */
function readGroups(text: string, start: number, end: number, out: number[], at: number): number {
  if (start === end) return at;
  let field = start;
  for (let i = start; i <= end; i++) {
    if (i < end && text.charCodeAt(i) !== 0x3a) continue;
    if (i === end && text.lastIndexOf(".", end - 1) >= field) {
      const v4 = parseIpv4(text, field, end);
      if (v4 === undefined || at > 6) return -1;
      out[at++] = (v4 >>> 16) & 0xffff;
      out[at++] = v4 & 0xffff;
    } else {
      const group = hexGroup(text, field, i);
      if (group < 0 || at > 7) return -1;
      out[at++] = group;
    }
    field = i + 1;
  }
  return at;
}

/** The value of 1–4 ASCII hex digits from \`start\` to \`end\`; -1 when they are not that. */
function hexGroup(text: string, start: number, end: number): number {
  if (end <= start || end - start > 4) return -1;
  let value = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    const digit = c >= 0x30 && c <= 0x39 ? c - 0x30 : c >= 0x61 && c <= 0x66 ? c - 0x57 : c >= 0x41 && c <= 0x46 ? c - 0x37 : -1;
    if (digit < 0) return -1;
    value = value * 16 + digit;
  }
  return value;
}
`;

/** Emitted source: `binaryBytes` of runtime/operators/binary.ts. */
export const BINARY = `
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=|[A-Za-z0-9+/]{2,3})?$/;

/**
 * The decoded bytes as a binary string, or the input prefixed so it cannot equal any bytes.
 * Decoded by hand rather than with \`atob\`: the generated evaluator carries this function as
 * source and reads only the ES2022 library, which has no \`atob\`.
 */
function binaryBytes(text: string): string {
  if (!BASE64.test(text)) return \`\\u0000text:\${text}\`;
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  let out = "";
  let bits = 0;
  let buffer = 0;
  for (const ch of text) {
    if (ch === "=") break;
    buffer = ((buffer << 6) | alphabet.indexOf(ch)) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += String.fromCharCode((buffer >> bits) & 0xff);
    }
  }
  return out;
}
`;
