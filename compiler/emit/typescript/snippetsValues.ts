/**
 * Generated-code snippets that read request values the way the runtime's operators do:
 * decimals, IAM dates, IP addresses and CIDR ranges, base-64 bytes. Each is TypeScript source
 * that helpers.ts emits only when a condition of that family appears.
 */

/** Emitted source: `parseDecimal`, as runtime/operators/numeric.ts reads numbers. */
export const NUMBER = `
/** An integer or decimal as IAM's numeric operators read it; NaN for anything else. */
function parseDecimal(s: string): number {
  return /^[+-]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?$/.test(s) ? Number(s) : Number.NaN;
}
`;

/** Emitted source: `parseIamDate`, as runtime/operators/date.ts reads dates, with a fast path. */
export const DATE = `
/** Days in a month of the proleptic Gregorian calendar (for years from 100 on). */
function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Digits of \`s\` from \`at\` to \`end\` as a number; -1 when one is not a digit. */
function digits(s: string, at: number, end: number): number {
  let n = 0;
  for (let i = at; i < end; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/** \`YYYY-MM-DDThh:mm:ssZ\`, the form aws:CurrentTime takes, read without a regular expression. */
function parseUtcSeconds(s: string): number | undefined {
  if (s[4] !== "-" || s[7] !== "-" || s[10] !== "T" || s[13] !== ":" || s[16] !== ":" || s[19] !== "Z") return undefined;
  const year = digits(s, 0, 4);
  const month = digits(s, 5, 7);
  const day = digits(s, 8, 10);
  const hour = digits(s, 11, 13);
  const minute = digits(s, 14, 16);
  const second = digits(s, 17, 19);
  // Years below 100 take the general path: Date.UTC reads them as 19xx, as the runtime does.
  if (year < 100 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) return undefined;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return Number.NaN;
  if (hour > 23 || minute > 59 || second > 59) return Number.NaN;
  return Date.UTC(year, month - 1, day, hour, minute, second);
}

const EPOCH = /^\\d+(?:\\.\\d+)?$/;
const W3C = /^(\\d{4})(?:-(\\d{2})(?:-(\\d{2})(?:T(\\d{2}):(\\d{2})(?::(\\d{2})(?:\\.(\\d+))?)?(Z|[+-]\\d{2}:\\d{2})?)?)?)?$/;

/**
 * A date as IAM's date operators read it: epoch seconds (digits), or a W3C profile of ISO 8601
 * (\`YYYY\` up to \`YYYY-MM-DDThh:mm:ss.sTZD\`, no zone meaning UTC). Milliseconds, or NaN.
 */
function parseIamDate(s: string): number {
  if (s.length === 20) {
    const fast = parseUtcSeconds(s);
    if (fast !== undefined) return fast;
  }
  if (EPOCH.test(s)) return Number(s) * 1000;
  const m = W3C.exec(s);
  if (m === null) return Number.NaN;
  const year = Number(m[1]);
  const month = m[2] === undefined ? 1 : Number(m[2]);
  const day = m[3] === undefined ? 1 : Number(m[3]);
  const hour = m[4] === undefined ? 0 : Number(m[4]);
  const minute = m[5] === undefined ? 0 : Number(m[5]);
  const second = m[6] === undefined ? 0 : Number(m[6]);
  const millis = m[7] === undefined ? 0 : Math.floor(Number("0." + m[7]) * 1000);
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (month < 1 || month > 12 || day < 1 || day > days || hour > 23 || minute > 59 || second > 59) return Number.NaN;
  const zone = m[8];
  const offset =
    zone === undefined || zone === "Z"
      ? 0
      : (zone[0] === "-" ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6))) * 60000;
  return Date.UTC(year, month - 1, day, hour, minute, second, millis) - offset;
}
`;

/** Emitted source: `parseIpAddress` and `inRange`, as runtime/operators/ip.ts reads addresses. */
export const IP = `
/** An IP range: 2 (IPv4) or 8 (IPv6) 16-bit groups and a prefix length in bits. */
interface Cidr {
  readonly groups: readonly number[];
  readonly prefix: number;
}

function parseIpv4(s: string): number[] | undefined {
  const octets = s.split(".");
  if (octets.length !== 4 || !octets.every((o) => /^\\d{1,3}$/.test(o) && Number(o) <= 255)) return undefined;
  const [a, b, c, d] = octets.map(Number) as [number, number, number, number];
  return [(a << 8) | b, (c << 8) | d];
}

function parseGroups(text: string): number[] | undefined {
  if (text === "") return [];
  const groups: number[] = [];
  const fields = text.split(":");
  for (let i = 0; i < fields.length; i++) {
    const field = fields[i]!;
    if (i === fields.length - 1 && field.includes(".")) {
      const v4 = parseIpv4(field);
      if (v4 === undefined) return undefined;
      groups.push(...v4);
    } else if (/^[0-9a-fA-F]{1,4}$/.test(field)) groups.push(parseInt(field, 16));
    else return undefined;
  }
  return groups;
}

function parseIpv6(s: string): number[] | undefined {
  const halves = s.split("::");
  if (halves.length > 2) return undefined;
  const head = parseGroups(halves[0]!);
  const tail = halves.length === 2 ? parseGroups(halves[1]!) : [];
  if (head === undefined || tail === undefined) return undefined;
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return undefined;
  return [...head, ...new Array<number>(halves.length === 2 ? missing : 0).fill(0), ...tail];
}

/** A request's address (no prefix allowed), as 16-bit groups; undefined when invalid. */
function parseIpAddress(s: string): readonly number[] | undefined {
  return s.includes(":") ? parseIpv6(s) : parseIpv4(s);
}

/** Whether an address lies in a range of the same family (equal leading prefix bits). */
function inRange(address: readonly number[], range: Cidr): boolean {
  if (address.length !== range.groups.length) return false;
  let remaining = range.prefix;
  for (let i = 0; remaining > 0; i++, remaining -= 16) {
    const mask = remaining >= 16 ? 0xffff : (0xffff << (16 - remaining)) & 0xffff;
    if ((address[i]! & mask) !== (range.groups[i]! & mask)) return false;
  }
  return true;
}
`;

/** Emitted source: `binaryBytes`, as runtime/operators/binary.ts compares base-64 values. */
export const BINARY = `
/**
 * BinaryEquals compares bytes: a valid base-64 value is decoded (so two encodings of the same
 * bytes match); anything else is kept as text that can never equal decoded bytes.
 */
function binaryBytes(s: string): string {
  if (!/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=|[A-Za-z0-9+/]{2,3})?$/.test(s)) {
    return "\\u0000text:" + s;
  }
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  let out = "";
  let bits = 0;
  let buffer = 0;
  for (const ch of s) {
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
