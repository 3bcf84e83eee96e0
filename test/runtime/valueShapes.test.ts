/**
 * Each condition value shape has one home (runtime/valueShapes.ts); the runtime's policy
 * validator, the checker and the IAM document validator must therefore accept and refuse the
 * same values. Shapes, from reference_policies_elements_condition_operators.md: numeric
 * operators compare "an integer or decimal value"; IP address values are "in the standard CIDR
 * format (for example, 203.0.113.0/24 or 2001:DB8:1234:5678::/64)"; `Bool` compares "`true` or
 * `false`"; dates are "one of the W3C implementations of the ISO 8601 date formats or in epoch
 * (UNIX) time"; `BinaryEquals` takes "a base-64 encoded representation of the binary value".
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { problemWith } from "../../compiler/check/checkValues.js";
import type { KeyFamily } from "../../compiler/check/operatorsForType.js";
import { valueTypeProblem } from "../../compiler/validate/conditionValues.js";
import { validatePolicy } from "../../runtime/validatePolicy.js";
import { isArnPattern } from "../../runtime/valueShapes.js";

const OPERATOR: Readonly<Record<Exclude<KeyFamily, "String" | "ARN">, string>> = {
  Numeric: "NumericEquals",
  Date: "DateEquals",
  IPAddress: "IpAddress",
  Bool: "Bool",
  Binary: "BinaryEquals",
};
type Shaped = keyof typeof OPERATOR;

function runtimeAccepts(family: Shaped, value: string): boolean {
  const document = {
    Version: "2012-10-17",
    Statement: [{ Effect: "Allow", Action: "*", Resource: "*", Condition: { [OPERATOR[family]]: { "aws:Key": value } } }],
  };
  try {
    validatePolicy(document, 0);
    return true;
  } catch {
    return false;
  }
}

const SAMPLES: Readonly<Record<Shaped, readonly string[]>> = {
  Numeric: ["1", "-1", "+1", "1.5", ".5", "1.", "1e3", "0x10", "", " 1", "1,000", "NaN"],
  Date: ["2027", "2027-01", "2027-01-01", "2028-02-29", "2027-02-29", "2027-01-01T24:00Z", "2027-01-01T00:00+0100",
    "2027-01-01 00:00Z", "20270101T000000Z", "1.5", "-1", "", "2027-01-01T00:00:00.5+01:00"],
  IPAddress: ["203.0.113.0/24", "2001:DB8:1234:5678::/64", "10.0.0.1", "10.0.0.0/33", "::", ":", "1::2::3",
    "fe80::1%eth0", "::ffff:1.2.3.4", "2001:db8::/129", "256.0.0.1", ""],
  Bool: ["true", "false", "TRUE", "False", "yes", "1", "", " true"],
  Binary: ["QmluYXJ5", "QmluYXJ5VmFsdWVJbkJhc2U2NA==", "QQ", "Q", "a b", "%%%%"],
};

describe("one shape per condition value type", () => {
  for (const family of Object.keys(OPERATOR) as Shaped[]) {
    it(`the runtime, the checker and the validator agree on ${family} values`, () => {
      const sample = fc.sample(fc.oneof(fc.constantFrom(...SAMPLES[family]), fc.string({ maxLength: 12 })), { numRuns: 300, seed: 10 });
      for (const value of [...SAMPLES[family], ...sample]) {
        const runtime = runtimeAccepts(family, value);
        expect(valueTypeProblem(family, value) === undefined, `validator, ${JSON.stringify(value)}`).toBe(runtime);
        // An empty value is null to every operator (condition element page); the checker
        // refuses it for Binary too, where base-64 alone would take it.
        if (value !== "") expect(problemWith(value, family) === undefined, `checker, ${JSON.stringify(value)}`).toBe(runtime);
      }
    });
  }

  it("reads the documented examples as their types", () => {
    for (const [family, value] of [["IPAddress", "203.0.113.0/24"], ["IPAddress", "2001:DB8:1234:5678::/64"], ["Numeric", "1.5"],
      ["Bool", "true"], ["Date", "2027-01-01T00:00:00Z"], ["Binary", "QmluYXJ5VmFsdWVJbkJhc2U2NA=="]] as const) {
      expect(runtimeAccepts(family, value), value).toBe(true);
    }
    expect(runtimeAccepts("IPAddress", "10.0.0.0/33")).toBe(false);
    expect(runtimeAccepts("Date", "2027-02-30")).toBe(false);
  });

  it("checks ARN values only in the checker: IAM takes any text in an ARN condition", () => {
    expect(isArnPattern("arn:aws:apprunner:us-east-1:123456789012:service/web")).toBe(true);
    expect(isArnPattern("*")).toBe(true);
    expect(isArnPattern("arn:aws:apprunner")).toBe(false);
    expect(problemWith("arn:aws:apprunner", "ARN")).toBe("an ARN");
    expect(valueTypeProblem("ARN", "arn:aws:apprunner")).toBeUndefined();
  });
});
