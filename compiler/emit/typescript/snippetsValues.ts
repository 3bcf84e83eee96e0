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

/** Emitted source: `parseIamDate` of runtime/dates.ts. */
export const DATE = `
const EPOCH = /^\\d+(?:\\.\\d+)?$/;

const W3C =
  /^(\\d{4})(?:-(\\d{2})(?:-(\\d{2})(?:T(\\d{2}):(\\d{2})(?::(\\d{2})(?:\\.(\\d+))?)?(Z|[+-]\\d{2}:\\d{2})?)?)?)?$/;

/** Milliseconds since the epoch of an IAM date value, or NaN when it is not one. */
function parseIamDate(text: string): number {
  if (text.length === 20) {
    const fast = parseUtcSeconds(text);
    if (fast !== undefined) return fast;
  }
  return parseW3cOrEpoch(text);
}

/**
 * \`YYYY-MM-DDThh:mm:ssZ\`, the form \`aws:CurrentTime\` takes, read without a regular expression
 * (the common case of a generated evaluator's date test); undefined when \`text\` is not laid
 * out that way, so the general reader decides.
 */
function parseUtcSeconds(text: string): number | undefined {
  if (text[4] !== "-" || text[7] !== "-" || text[10] !== "T" || text[13] !== ":" || text[16] !== ":" || text[19] !== "Z") {
    return undefined;
  }
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 7);
  const day = digits(text, 8, 10);
  const hour = digits(text, 11, 13);
  const minute = digits(text, 14, 16);
  const second = digits(text, 17, 19);
  if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) return undefined;
  if (!validFields(year, month, day, hour, minute, second)) return Number.NaN;
  return utcMillis(year, month, day, hour, minute, second, 0);
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
  const year = mo <= 2 ? y - 1 : y;
  const era = Math.floor(year / 400);
  const yearOfEra = year - era * 400;
  const dayOfYear = Math.floor((153 * ((mo + 9) % 12) + 2) / 5) + d - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  const days = era * 146097 + dayOfEra - 719468;
  return ((days * 24 + h) * 60 + mi) * 60_000 + s * 1000 + ms;
}

function zoneOffsetMillis(zone: string | undefined): number {
  if (zone === undefined || zone === "Z") return 0;
  const sign = zone[0] === "-" ? -1 : 1;
  return sign * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6))) * 60_000;
}
`;

/** Emitted source: `parseIpAddress`, `inRange` and `Cidr` of runtime/operators/ip.ts. */
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

/** Parses \`a.b.c.d\` or an IPv6 address (with \`::\` and an optional trailing IPv4 part). */
function parseIpAddress(text: string): Address | undefined {
  return text.includes(":") ? parseIpv6(text) : parseIpv4(text);
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
 * Parses \`a.b.c.d\`: four decimal octets of 1–3 ASCII digits
 * (leading zeros allowed), each at most 255. A loop over character codes, so reading a request's
 * address allocates nothing.
 */
function parseIpv4(text: string): number | undefined {
  let address = 0;
  let octet = 0;
  let digits = 0;
  let dots = 0;
  for (let i = 0; i < text.length; i++) {
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

/** An IPv4 address's two 16-bit groups. */
function ipv4Groups(address: number): number[] {
  return [(address >>> 16) & 0xffff, address & 0xffff];
}

function parseIpv6(text: string): Address | undefined {
  const halves = text.split("::");
  if (halves.length > 2) return undefined;
  const head = parseGroups(halves[0]!);
  const tail = halves.length === 2 ? parseGroups(halves[1]!) : [];
  if (head === undefined || tail === undefined) return undefined;
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return undefined;
  return [...head, ...new Array<number>(halves.length === 2 ? missing : 0).fill(0), ...tail];
}

/** Colon-separated hex groups; the last may be a dotted IPv4 address (two groups). */
function parseGroups(text: string): number[] | undefined {
  if (text === "") return [];
  const groups: number[] = [];
  const fields = text.split(":");
  for (const [i, field] of fields.entries()) {
    if (i === fields.length - 1 && field.includes(".")) {
      const v4 = parseIpv4(field);
      if (v4 === undefined) return undefined;
      groups.push(...ipv4Groups(v4));
    } else if (/^[0-9a-fA-F]{1,4}$/.test(field)) groups.push(parseInt(field, 16));
    else return undefined;
  }
  return groups;
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
