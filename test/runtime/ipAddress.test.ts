/**
 * runtime/operators/ip.ts reads an IPv4 address with a loop over character codes, and an IPv6
 * address into 8 groups without splitting it (a request's address into one reused array), so
 * reading a request allocates nothing. Its accept/reject rules are those of the plain readings
 * below — IPv4: split on `.`, exactly four fields of 1–3 ASCII digits, each at most 255; IPv6:
 * split on `::` and `:`, groups of 1–4 hex digits, a dotted IPv4 address as the last field of
 * either side — which this test keeps as the oracles, on adversarial strings and random ones.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { inRange, parseCidr, parseIpAddress, requestAddress } from "../../runtime/operators/ip.js";

/** The plain reading: the four octets, or undefined. */
function oracleOctets(text: string): number[] | undefined {
  const octets = text.split(".");
  if (octets.length !== 4 || !octets.every((o) => /^\d{1,3}$/.test(o) && Number(o) <= 255)) return undefined;
  return octets.map(Number);
}

/** What parseIpAddress gives for the oracle's octets: the 32 bits as a signed integer. */
function oracleAddress(text: string): number | undefined {
  const o = oracleOctets(text);
  return o === undefined ? undefined : ((o[0]! << 24) | (o[1]! << 16) | (o[2]! << 8) | o[3]!);
}

const ADVERSARIAL = [
  "", ".", "...", "1.2.3", "1.2.3.4.5", "1.2.3.", ".1.2.3", "1..2.3", "1.2.3.4.",
  "256.0.0.0", "0.0.0.256", "255.255.255.255", "0.0.0.0", "999.1.1.1", "1000.1.1.1",
  "01.2.3.4", "001.002.003.004", "0001.2.3.4", "00.0.0.0", "000.000.000.000",
  " 1.2.3.4", "1.2.3.4 ", "1.2.3.4\n", "\t1.2.3.4", "+1.2.3.4", "-1.2.3.4", "1.2.3.+4",
  "1.2.3.4/33", "1.2.3.4/32", "1e2.0.0.0", "0x1.2.3.4", "1.2.3.a",
  "١.٢.٣.٤", "１.２.３.４", "1.2.3.٤", "𝟏.2.3.4",
  "128.0.0.1", "192.168.0.1", "203.0.113.255",
];

describe("reading an IPv4 address", () => {
  it("accepts and rejects adversarial strings as the plain reading does", () => {
    for (const s of ADVERSARIAL) expect(parseIpAddress(s), JSON.stringify(s)).toBe(oracleAddress(s));
    // The list above holds both outcomes, so the comparison is not vacuous.
    expect(ADVERSARIAL.filter((s) => oracleAddress(s) !== undefined).length).toBeGreaterThan(5);
    expect(ADVERSARIAL.filter((s) => oracleAddress(s) === undefined).length).toBeGreaterThan(20);
  });

  it("agrees with the plain reading on random strings", () => {
    const field = fc.oneof(fc.nat(1100).map(String), fc.string({ unit: fc.constantFrom(..."0123456789 +-x/٤"), maxLength: 5 }));
    const values = fc.oneof(
      fc.array(field, { maxLength: 6 }).map((f) => f.join(".")),
      fc.string({ unit: fc.constantFrom(..."0123456789./ "), maxLength: 18 }),
      fc.ipV4(),
    );
    fc.assert(fc.property(values, (s) => parseIpAddress(s) === oracleAddress(s)), { numRuns: 3000 });
  });

  it("matches CIDR ranges over the whole address space, the high half included", () => {
    const cases: [string, string, boolean][] = [
      ["203.0.113.0/24", "203.0.113.1", true],
      ["203.0.113.0/24", "203.0.114.1", false],
      ["203.0.113.7/24", "203.0.113.200", true],
      ["0.0.0.0/0", "255.255.255.255", true],
      ["128.0.0.0/1", "255.0.0.1", true],
      ["128.0.0.0/1", "127.255.255.255", false],
      ["255.255.255.255/32", "255.255.255.255", true],
      ["255.255.255.255/32", "255.255.255.254", false],
      ["10.0.0.0/8", "10.255.255.255", true],
      ["10.0.0.0/8", "11.0.0.0", false],
      ["10.1.2.3", "10.1.2.3", true],
      ["10.1.2.3", "10.1.2.4", false],
      ["192.168.0.0/17", "192.168.127.1", true],
      ["192.168.0.0/17", "192.168.128.1", false],
      ["::/0", "1.2.3.4", false],
    ];
    for (const [range, address, want] of cases) {
      const r = parseCidr(range)!;
      const a = parseIpAddress(address)!;
      expect(inRange(a, r), `${address} in ${range}`).toBe(want);
    }
  });

  it("matches as comparing the leading prefix bits of the octets does", () => {
    const bits = (o: number[]): string => o.map((n) => n.toString(2).padStart(8, "0")).join("");
    const octets = fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(255));
    fc.assert(
      fc.property(octets, octets, fc.nat(32), (range, address, prefix) => {
        const want = bits(range).slice(0, prefix) === bits(address).slice(0, prefix);
        return inRange(parseIpAddress(address.join("."))!, parseCidr(`${range.join(".")}/${prefix}`)!) === want;
      }),
      { numRuns: 3000 },
    );
  });
});

/** The plain reading of colon-separated groups; the last field may be a dotted IPv4 address. */
function oracleGroups(text: string): number[] | undefined {
  if (text === "") return [];
  const fields = text.split(":");
  const groups: number[] = [];
  for (const [i, field] of fields.entries()) {
    if (i === fields.length - 1 && field.includes(".")) {
      const o = oracleOctets(field);
      if (o === undefined) return undefined;
      groups.push((o[0]! << 8) | o[1]!, (o[2]! << 8) | o[3]!);
    } else if (/^[0-9a-fA-F]{1,4}$/.test(field)) groups.push(parseInt(field, 16));
    else return undefined;
  }
  return groups;
}

/** The plain reading of an IPv6 address: its 8 groups, or undefined. */
function oracleIpv6(text: string): number[] | undefined {
  const halves = text.split("::");
  if (halves.length > 2) return undefined;
  const head = oracleGroups(halves[0]!);
  const tail = halves.length === 2 ? oracleGroups(halves[1]!) : [];
  if (head === undefined || tail === undefined) return undefined;
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return undefined;
  return [...head, ...new Array<number>(halves.length === 2 ? missing : 0).fill(0), ...tail];
}

/** The plain reading of either family, as parseIpAddress chooses: IPv6 when there is a colon. */
function oracle(text: string): number | number[] | undefined {
  return text.includes(":") ? oracleIpv6(text) : oracleAddress(text);
}

const ADVERSARIAL_V6 = [
  "::", "::1", "1::", "1::2", "::ffff:1.2.3.4", "1:2:3:4:5:6:7:8", "1:2:3:4:5:6:7::", "::2:3:4:5:6:7:8",
  "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7", "1:2:3:4:5:6:7:8::", "::1:2:3:4:5:6:7:8", "1::2::3", ":::", "::::",
  "1:::2", ":1::2", "1::2:", ":", "1:", ":1", "12345::", "g::", "::g", "1:2:3:4:5:6:1.2.3.4",
  "1:2:3:4:5:6:7:1.2.3.4", "1.2.3.4::", "1.2.3.4::1", "::1.2.3.4:1", "::1.2.3", "::256.1.1.1", "fe80::1%eth0",
  "FFFF::ffff", "0000:0000::", "00000::", "2001:db8::/32", " ::1", "::1 ", "::١", "2001:DB8:1234:5678::",
];

describe("reading an IPv6 address", () => {
  it("accepts and rejects adversarial strings as the plain reading does", () => {
    for (const s of ADVERSARIAL_V6) {
      expect(parseIpAddress(s), JSON.stringify(s)).toEqual(oracleIpv6(s));
      const read = requestAddress(s);
      expect(typeof read === "object" ? [...read] : read, JSON.stringify(s)).toEqual(oracleIpv6(s));
    }
    expect(ADVERSARIAL_V6.filter((s) => oracleIpv6(s) !== undefined).length).toBeGreaterThan(10);
    expect(ADVERSARIAL_V6.filter((s) => oracleIpv6(s) === undefined).length).toBeGreaterThan(20);
  });

  it("agrees with the plain reading on random strings, a request's read after another's", () => {
    const group = fc.oneof(fc.nat(0xffff).map((n) => n.toString(16)), fc.constantFrom("0", "00000", "g", "", "1.2.3.4", "1.2.3", "FfFf"));
    const v6 = fc
      .tuple(fc.array(group, { maxLength: 9 }), fc.array(group, { maxLength: 9 }), fc.boolean())
      .map(([head, tail, gap]) => (gap ? `${head.join(":")}::${tail.join(":")}` : [...head, ...tail].join(":")));
    const values = fc.oneof(v6, fc.ipV6(), fc.string({ unit: fc.constantFrom(..."019afAF:.g"), maxLength: 24 }));
    fc.assert(
      fc.property(values, values, (a, b) => {
        const first = requestAddress(a);
        const kept = typeof first === "object" ? [...first] : first;
        const second = requestAddress(b);
        expect(kept).toEqual(oracle(a));
        expect(typeof second === "object" ? [...second] : second).toEqual(oracle(b));
        expect(parseIpAddress(a)).toEqual(oracle(a));
      }),
      { numRuns: 3000 },
    );
  });

  it("gives a policy's range arrays of its own, which reading requests leaves alone", () => {
    const range = parseCidr("2001:db8::/32")!;
    expect(inRange(requestAddress("2001:db8::7")!, range)).toBe(true);
    expect(inRange(requestAddress("2001:db9::7")!, range)).toBe(false);
    expect(range.groups).toEqual([0x2001, 0xdb8, 0, 0, 0, 0, 0, 0]);
    expect(parseIpAddress("::1")).not.toBe(parseIpAddress("::1"));
  });
});
