/**
 * runtime/operators/ip.ts reads an IPv4 address with a loop over character codes (no
 * allocation per request). Its accept/reject rules are those of the plain reading below —
 * split on `.`, exactly four fields of 1–3 ASCII digits, each at most 255 — which this test
 * keeps as the oracle, on adversarial strings and on random ones.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { inRange, parseCidr, parseIpAddress } from "../../runtime/operators/ip.js";

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
