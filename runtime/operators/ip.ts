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

/** Parses `a.b.c.d` or an IPv6 address (with `::` and an optional trailing IPv4 part). */
export function parseIpAddress(text: string): Address | undefined {
  return text.includes(":") ? parseIpv6(text) : parseIpv4(text);
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
 * Parses `a.b.c.d`: four decimal octets of 1–3 ASCII digits
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

const ipAddress: OperatorBehaviour<Cidr | undefined> = {
  prepare: (text) => parseCidr(text),
  matches: (value, range) => {
    const address = range === undefined ? undefined : parseIpAddress(value);
    return address !== undefined && inRange(address, range!);
  },
};

export const ipBehaviour: BehaviourOf = () => ipAddress;
