/**
 * The generated evaluator reads request values with the runtime's readers, carried as source
 * text extracted from runtime/ (compiler/emit/typescript/snippetsValues.ts; the extraction is
 * valueSnippetsSource.test.ts). Transpiled as the generated module is, each must still read
 * every value as the runtime does: decimals (runtime/operators/numeric.ts), request IP addresses
 * (runtime/operators/ip.ts) and base-64 bytes (runtime/operators/binary.ts). Dates have their
 * own test (dates.test.ts).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BINARY, IP, NUMBER } from "../../compiler/emit/typescript/snippetsValues.js";
import { binaryBytes } from "../../runtime/operators/binary.js";
import { parseIpAddress } from "../../runtime/operators/ip.js";
import { parseDecimal } from "../../runtime/operators/numeric.js";
import { snippetFunction } from "./snippetParser.js";

const RUNS = { numRuns: 2000 };
const text = (chars: string, maxLength: number): fc.Arbitrary<string> =>
  fc.string({ unit: fc.constantFrom(...chars), maxLength });

describe("the generated evaluator's value readers agree with the runtime", () => {
  it("decimals", () => {
    const snippet = snippetFunction<(s: string) => number>(NUMBER, "parseDecimal");
    const values = fc.oneof(
      text("0123456789+-.eE x", 10),
      fc.double().map(String),
      fc.constantFrom("", "1", "-1", "+1", "1.", ".5", "1e3", "1E-3", "0x10", "Infinity", "NaN", " 1"),
    );
    fc.assert(fc.property(values, (s) => Object.is(snippet(s), parseDecimal(s))), RUNS);
  });

  it("request IP addresses", () => {
    const snippet = snippetFunction<(s: string) => number | readonly number[] | undefined>(IP, "requestAddress");
    const v4 = fc.tuple(fc.nat(300), fc.nat(300), fc.nat(300), fc.nat(300)).map((o) => o.join("."));
    const group = fc.oneof(fc.nat(0xffff).map((n) => n.toString(16)), fc.constantFrom("0", "00000", "g", "", "1.2.3.4"));
    // Groups around an optional `::`, too few and too many: the counts are where readers slip.
    const v6 = fc
      .tuple(fc.array(group, { maxLength: 9 }), fc.array(group, { maxLength: 9 }), fc.boolean())
      .map(([head, tail, compressed]) => (compressed ? `${head.join(":")}::${tail.join(":")}` : [...head, ...tail].join(":")));
    const values = fc.oneof(
      v4,
      v6,
      fc.ipV4(),
      fc.ipV6(),
      text("0123456789abcdefABCDEF:./%", 24),
      fc.constantFrom("", "::", ":", "1::2::3", "::ffff:1.2.3.4", "fe80::1%eth0", "10.0.0.1/8", "01.2.3.4", "1.2.3", "1.2.3.4.5", "256.0.0.0", " 1.2.3.4", "+1.2.3.4", "255.255.255.255", "١.٢.٣.٤"),
    );
    fc.assert(fc.property(values, (s) => {
      // requestAddress reuses one array for IPv6: copy it before the next read.
      const read = snippet(s);
      expect(typeof read === "object" ? [...read] : read).toEqual(parseIpAddress(s));
    }), RUNS);
  });

  it("base-64 bytes", () => {
    const snippet = snippetFunction<(s: string) => string>(BINARY, "binaryBytes");
    const values = fc.oneof(
      fc.uint8Array({ maxLength: 12 }).map((b) => btoa(String.fromCharCode(...b))),
      fc.uint8Array({ maxLength: 12 }).map((b) => btoa(String.fromCharCode(...b)).replace(/=+$/, "")),
      text("ABCabc019+/=-_ ", 12),
    );
    fc.assert(fc.property(values, (s) => snippet(s) === binaryBytes(s)), RUNS);
  });
});
