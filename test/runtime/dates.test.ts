/**
 * runtime/dates.ts is the one reading of IAM date values. Date condition operators: "You must
 * specify date/time values with one of the W3C implementations of the ISO 8601 date formats or
 * in epoch (UNIX) time." (reference_policies_elements_condition_operators.md). The W3C note
 * (NOTE-datetime) lists YYYY, YYYY-MM, YYYY-MM-DD, YYYY-MM-DDThh:mmTZD, YYYY-MM-DDThh:mm:ssTZD
 * and YYYY-MM-DDThh:mm:ss.sTZD, with TZD = Z or +hh:mm or -hh:mm.
 *
 * The generated evaluator carries the parser as source text extracted from runtime/dates.ts
 * (compiler/emit/typescript/snippetsValues.ts, kept fresh by valueSnippetsSource.test.ts); the
 * property below checks the transpiled copy reads every sampled string, adversarial ones
 * included, exactly as the runtime does, and that the parser's fast path for `aws:CurrentTime`'s
 * form agrees with its general reader.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DATE } from "../../compiler/emit/typescript/snippetsValues.js";
import { dateOrder, isIamDate, parseIamDate } from "../../runtime/dates.js";
import { snippetFunction } from "./snippetParser.js";

describe("IAM dates", () => {
  it("reads each W3C form, a missing zone as UTC", () => {
    expect(parseIamDate("2027")).toBe(Date.UTC(1970, 0, 1, 0, 33, 47)); // digits are epoch seconds
    expect(parseIamDate("2027-03")).toBe(Date.UTC(2027, 2, 1));
    expect(parseIamDate("2027-03-04")).toBe(Date.UTC(2027, 2, 4));
    expect(parseIamDate("2027-03-04T05:06Z")).toBe(Date.UTC(2027, 2, 4, 5, 6));
    expect(parseIamDate("2027-03-04T05:06:07+01:00")).toBe(Date.UTC(2027, 2, 4, 4, 6, 7));
    expect(parseIamDate("2027-03-04T05:06:07.891-02:30")).toBe(Date.UTC(2027, 2, 4, 7, 36, 7, 891));
    expect(parseIamDate("2027-03-04T05:06:07")).toBe(Date.UTC(2027, 2, 4, 5, 6, 7));
  });

  it("reads epoch seconds, with a fraction", () => {
    expect(parseIamDate("1800000000")).toBe(1_800_000_000_000);
    expect(parseIamDate("1.5")).toBe(1500);
  });

  it("takes leap days only in leap years", () => {
    expect(isIamDate("2028-02-29")).toBe(true);
    expect(isIamDate("2000-02-29")).toBe(true);
    expect(isIamDate("2027-02-29")).toBe(false);
    expect(isIamDate("2100-02-29")).toBe(false);
    expect(isIamDate("2027-04-31")).toBe(false);
  });

  it("counts every valid instant of 0000-9999 as JavaScript's Date does", () => {
    const daysIn = (y: number, mo: number): number => new Date(new Date(0).setUTCFullYear(y, mo, 0)).getUTCDate();
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 9999 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 31 }),
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: 0, max: 59 }),
        fc.integer({ min: 0, max: 59 }),
        fc.integer({ min: 0, max: 999 }),
        (y, mo, day, h, mi, sec, ms) => {
          const d = Math.min(day, daysIn(y, mo));
          const want = new Date(Date.UTC(2000, 0, 1, h, mi, sec, ms)).setUTCFullYear(y, mo - 1, d);
          const pad = (n: number, width: number): string => String(n).padStart(width, "0");
          const text = `${pad(y, 4)}-${pad(mo, 2)}-${pad(d, 2)}T${pad(h, 2)}:${pad(mi, 2)}:${pad(sec, 2)}`;
          expect(parseIamDate(`${text}.${pad(ms, 3)}Z`)).toBe(want);
          expect(parseIamDate(`${text}Z`)).toBe(want - ms);
        },
      ),
      { numRuns: 5000, seed: 4 },
    );
  });

  it.each([
    ["24:00", "2027-01-01T24:00Z"],
    ["a leap second", "2027-01-01T23:59:60Z"],
    ["an offset without its colon", "2027-01-01T00:00+0100"],
    ["a space for T", "2027-01-01 00:00Z"],
    ["the basic form", "20270101T000000Z"],
    ["a signed epoch", "-1"],
    ["a plus-signed epoch", "+1"],
    ["surrounding whitespace", " 2027-01-01"],
    ["a trailing newline", "2027-01-01\n"],
    ["the empty string", ""],
    ["month 13", "2027-13"],
    ["day 0", "2027-01-00"],
  ])("refuses %s", (_what, text) => {
    expect(parseIamDate(text)).toBeNaN();
    expect(isIamDate(text)).toBe(false);
  });
});

/**
 * IAM's Date type: "String adhering to the W3C Profile of ISO 8601"
 * (reference_policies_elements_datatypes.md). The W3C note: "YYYY = four-digit year", and
 * ISO 8601 counts years in the proleptic Gregorian calendar, so 0000-0099 are years 0-99 (not
 * 1900-1999, which JavaScript's Date.UTC makes of two-digit years), 0000 is a leap year (a
 * multiple of 400) and 0100 is not.
 */
describe("IAM dates in the years 0000-0099", () => {
  const year = (y: number, ...rest: number[]): number => {
    const d = new Date(0);
    d.setUTCFullYear(y, rest[0] ?? 0, rest[1] ?? 1);
    d.setUTCHours(rest[2] ?? 0, rest[3] ?? 0, rest[4] ?? 0, 0);
    return d.getTime();
  };

  it.each(["0000", "0001", "0050", "0099"])("reads %s-01-01 as that year, not as 19xx", (y) => {
    const parsed = parseIamDate(`${y}-01-01`);
    expect(new Date(parsed).getUTCFullYear()).toBe(Number(y));
    expect(parsed).toBe(year(Number(y)));
    expect(parsed).not.toBe(Date.UTC(Number(y), 0, 1));
  });

  it("reads the year 99 in every W3C form, the fast path's too", () => {
    expect(parseIamDate("0099")).toBe(99_000); // digits alone stay epoch seconds
    expect(parseIamDate("0099-12")).toBe(year(99, 11, 1));
    expect(parseIamDate("0099-12-31T23:59:59Z")).toBe(year(99, 11, 31, 23, 59, 59));
    expect(parseIamDate("0099-12-31T23:59:59+01:00")).toBe(year(99, 11, 31, 22, 59, 59));
    expect(parseIamDate("0099-12-31T23:59")).toBe(year(99, 11, 31, 23, 59));
    expect(parseIamDate("0099-12-31T23:59:59Z") < parseIamDate("0100-01-01T00:00:00Z")).toBe(true);
  });

  it("keeps the Gregorian leap years: 0000 and 0004 have a 29 February, 0100 has not", () => {
    expect(isIamDate("0000-02-29")).toBe(true);
    expect(isIamDate("0004-02-29T00:00:00Z")).toBe(true);
    expect(isIamDate("0001-02-29")).toBe(false);
    expect(isIamDate("0100-02-29T00:00:00Z")).toBe(false);
  });
});

const pad = (n: number, width: number): string => String(n).padStart(width, "0");

/** Strings near and inside the accepted forms: every field one step out of range, truncated, or decorated. */
const adversarialDate: fc.Arbitrary<string> = fc.oneof(
  // aws:CurrentTime's form, which the snippet reads on a fast path of its own.
  {
    weight: 3,
    arbitrary: fc
      .tuple(
        fc.oneof(fc.constantFrom(0, 99, 100, 1900, 2000, 2027, 2028, 2100), fc.integer({ min: 0, max: 9999 })),
        fc.constantFrom(2, 2, 2, 1, 4, 12, 0, 13),
        fc.constantFrom(28, 29, 29, 30, 31, 0, 1, 32),
        fc.constantFrom(0, 0, 0, 12, 23, 24, 99),
        fc.constantFrom(0, 0, 0, 59, 60),
        fc.constantFrom(0, 0, 0, 59, 60),
      )
      .map(([y, mo, d, h, mi, s]) => `${pad(y, 4)}-${pad(mo, 2)}-${pad(d, 2)}T${pad(h, 2)}:${pad(mi, 2)}:${pad(s, 2)}Z`),
  },
  fc
    .record({
      year: fc.oneof(fc.constantFrom(0, 1, 99, 100, 1900, 1970, 2000, 2024, 2100, 9999), fc.integer({ min: 0, max: 9999 })),
      month: fc.integer({ min: 0, max: 13 }),
      day: fc.oneof(fc.constantFrom(28, 29, 30, 31), fc.integer({ min: 0, max: 32 })),
      hour: fc.oneof(fc.constantFrom(0, 23, 24), fc.integer({ min: 0, max: 25 })),
      minute: fc.oneof(fc.constantFrom(0, 59, 60), fc.integer({ min: 0, max: 61 })),
      second: fc.oneof(fc.constantFrom(0, 59, 60), fc.integer({ min: 0, max: 61 })),
      fraction: fc.constantFrom("", ".5", ".123", ".999999999", ".", ".1234567890123"),
      zone: fc.constantFrom("Z", "", "+01:00", "-14:00", "+23:59", "+0100", "z", "+1:00", "Z ", "+01:00:00"),
      separator: fc.constantFrom("T", "T", " ", "t"),
      fields: fc.integer({ min: 1, max: 6 }),
    })
    .map(({ year, month, day, hour, minute, second, fraction, zone, separator, fields }) => {
      const parts = [pad(year, 4), `-${pad(month, 2)}`, `-${pad(day, 2)}`, `${separator}${pad(hour, 2)}:${pad(minute, 2)}`, `:${pad(second, 2)}`, fraction];
      return parts.slice(0, fields).join("") + (fields >= 4 ? zone : "");
    }),
  fc
    .record({
      sign: fc.constantFrom("", "", "-", "+"),
      whole: fc.oneof(fc.nat(), fc.constantFrom(0, 2027, 20270101, 1_800_000_000, 99_999_999_999)),
      fraction: fc.constantFrom("", ".5", ".", ".000001"),
      space: fc.constantFrom("", "", " ", "\t", "\n"),
    })
    .map(({ sign, whole, fraction, space }) => `${space}${sign}${whole}${fraction}`),
  fc.constantFrom("", " ", "T", "Z", "2027-01-01T", "2027-1-1", "2027-01-01T00:00:00.Z", "NaN", "Infinity", "1e3"),
  fc.string({ unit: fc.constantFrom(..."0123456789-:TZ.+ "), maxLength: 26 }),
);

/** The order bit dateOrder should give, from the general reading: before 1, equal 2, after 4, none 0. */
function expectedOrder(text: string, bound: number): number {
  const n = parseIamDate(text);
  return n < bound ? 1 : n > bound ? 4 : n === bound ? 2 : 0;
}

/** Bounds around `text`'s own instant (each side and equal), and fixed ones. */
function boundsFor(text: string): number[] {
  const n = parseIamDate(text);
  const fixed = [0, -1, 1_893_456_000_000, Date.UTC(2027, 2, 4, 5, 6, 7)];
  return Number.isNaN(n) ? fixed : [n - 1, n, n + 1, ...fixed];
}

describe("the generated evaluator's date comparison", () => {
  // The generated module compares with dateOrder alone (a float it returned would be boxed).
  const snippet = snippetFunction<(text: string, bound: number) => number>(DATE, "dateOrder");

  const agree = (text: string): void => {
    for (const bound of boundsFor(text)) {
      expect(snippet(text, bound), `${text} against ${bound}`).toBe(expectedOrder(text, bound));
      expect(dateOrder(text, bound), `${text} against ${bound}`).toBe(expectedOrder(text, bound));
    }
  };

  it("orders the documented forms as runtime/dates.ts reads them", () => {
    for (const text of ["2027-03-04T05:06:07Z", "0099-12-31T23:59:59Z", "2027-02-29T00:00:00Z", "2100-02-29T00:00:00Z", "2000-02-29T00:00:00Z", "2027-01-01T24:00:00Z", "2027-03-04", "1800000000", "1.5"]) {
      agree(text);
    }
    // Both outcomes of the layout: an instant, and fields that are none.
    expect(dateOrder("2027-03-04T05:06:07Z", Date.UTC(2027, 2, 4, 5, 6, 7))).toBe(2);
    expect(dateOrder("2027-02-29T00:00:00Z", 0)).toBe(0);
  });

  it("orders the years 0000-0099 as runtime/dates.ts reads them", () => {
    for (const text of ["0000-02-29", "0000-01-01T00:00:00Z", "0050-06-15T12:00Z", "0099-12-31T23:59:59Z", "0099-12-31T23:59:59.5-01:00"]) agree(text);
  });

  it("orders sampled and adversarial strings as runtime/dates.ts reads them", () => {
    fc.assert(fc.property(adversarialDate, (text) => agree(text)), { numRuns: 3000 });
  });
});

describe("the fast path for aws:CurrentTime's form", () => {
  // `YYYY-MM-DDThh:mm:ssZ` is read without the regular expression; written with the zone as
  // `+00:00` (UTC too) the same text takes the general reader.
  it("agrees with the general reader", () => {
    const currentTime = fc.oneof(
      adversarialDate.filter((s) => s.length === 20 && s.endsWith("Z")),
      fc.string({ unit: fc.constantFrom(..."0123456789-:TZ"), minLength: 19, maxLength: 19 }).map((s) => `${s}Z`),
    );
    fc.assert(
      fc.property(currentTime, (text) => Object.is(parseIamDate(text), parseIamDate(`${text.slice(0, 19)}+00:00`))),
      { numRuns: 3000 },
    );
  });
});
