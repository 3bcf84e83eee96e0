/**
 * IP address condition operators: "The value must be in the standard CIDR format (for example,
 * 203.0.113.0/24 or 2001:DB8:1234:5678::/64). If you specify an IP address without the
 * associated routing prefix, IAM uses the default prefix value of `/32`." "Policy variables –
 * Not supported", "Wildcards – Not supported".
 *
 * Choices: a bare IPv6 address gets `/128` (the IPv6 equivalent of the documented `/32`); host
 * bits set in a policy range are ignored (`203.0.113.7/24` is `203.0.113.0/24`); IPv4 and IPv6
 * are separate families, so an IPv4-mapped IPv6 address does not match an IPv4 range; an
 * unparsable policy or context value never matches (`NotIpAddress` holds for it).
 */
import type { BehaviourOf, OperatorBehaviour } from "./types.js";

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

/** Parses `a.b.c.d` or an IPv6 address (with `::` and an optional trailing IPv4 part): an array of its own. */
export function parseIpAddress(text: string): Address | undefined {
  const address = requestAddress(text);
  return typeof address === "object" ? [...address] : address;
}

/** The groups of the IPv6 address `requestAddress` read last: one array, reused. */
const REQUEST_IPV6: number[] = [0, 0, 0, 0, 0, 0, 0, 0];

/**
 * A request's address, read as `parseIpAddress` reads it, for one test: an IPv6 address's
 * groups go into one array that every call reuses (so reading a request's address allocates
 * nothing), which the next call overwrites. Use the result before reading another address.
 */
export function requestAddress(text: string): Address | undefined {
  if (!text.includes(":")) return parseIpv4(text, 0, text.length);
  return readIpv6(text, REQUEST_IPV6) ? REQUEST_IPV6 : undefined;
}

/** Parses a CIDR range or a bare address. */
export function parseCidr(text: string): Cidr | undefined {
  const slash = text.indexOf("/");
  const address = parseIpAddress(slash < 0 ? text : text.slice(0, slash));
  if (address === undefined) return undefined;
  const groups = typeof address === "number" ? ipv4Groups(address) : address;
  const bits = groups.length * 16;
  if (slash < 0) return { groups, prefix: bits };
  const prefixText = text.slice(slash + 1);
  if (!/^\d{1,3}$/.test(prefixText) || Number(prefixText) > bits) return undefined;
  return { groups, prefix: Number(prefixText) };
}

/** Whether the address lies in the range (same family, equal leading `prefix` bits). */
export function inRange(address: Address, range: Cidr): boolean {
  if (typeof address === "number") {
    if (range.groups.length !== 2) return false;
    // `<< 32` shifts by 0 in JavaScript, so a /0 range needs its own mask.
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
 * Parses `a.b.c.d` from `text`'s characters `start` to `end`: four decimal octets of 1–3 ASCII
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

/** An IPv4 address's two 16-bit groups. */
function ipv4Groups(address: number): number[] {
  return [(address >>> 16) & 0xffff, address & 0xffff];
}

/**
 * Reads an IPv6 address into `out`'s 8 groups: hex groups of 1–4 digits separated by `:`, at
 * most one `::` standing for one or more zero groups, and a dotted IPv4 address (two groups) as
 * the last field on either side of it. False when `text` is not one (`out` then holds no address).
 */
function readIpv6(text: string, out: number[]): boolean {
  const gap = text.indexOf("::");
  if (gap < 0) return readGroups(text, 0, text.length, out, 0) === 8;
  if (text.indexOf("::", gap + 2) >= 0) return false;
  const head = readGroups(text, 0, gap, out, 0);
  if (head < 0) return false;
  const end = readGroups(text, gap + 2, text.length, out, head);
  // `::` stands for at least one group.
  if (end < 0 || end > 7) return false;
  // The tail was read just after the head: move it to the end (last group first, as it moves
  // right) and fill the gap with zeros.
  const tail = end - head;
  for (let k = 1; k <= tail; k++) out[8 - k] = out[end - k]!;
  for (let k = head; k < 8 - tail; k++) out[k] = 0;
  return true;
}

/**
 * Reads the colon-separated groups of `text` from `start` to `end` into `out` from `at` on;
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

/** The value of 1–4 ASCII hex digits from `start` to `end`; -1 when they are not that. */
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

const ipAddress: OperatorBehaviour<Cidr | undefined> = {
  prepare: (text) => parseCidr(text),
  matches: (value, range) => {
    const address = range === undefined ? undefined : requestAddress(value);
    return address !== undefined && inRange(address, range!);
  },
};

export const ipBehaviour: BehaviourOf = () => ipAddress;
