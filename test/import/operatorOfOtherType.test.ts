/**
 * Operators of another type than the key's (compiler/import/operatorOfOtherType.ts). The IAM
 * User Guide says `aws:EpochTime` "Works with date operators or numeric operators" and "accepts
 * the number of seconds since January 1, 1970", and date operators take values "in epoch (UNIX)
 * time": a Numeric operator on it imports as the Date operator (ARP6020), and decides alike on
 * requests whose `aws:EpochTime` is epoch seconds, as every request's is. `BinaryEquals`
 * "compares the value of the specified key byte for byte against a base-64 encoded
 * representation": on a string key it imports as `StringEquals` of every base-64 spelling of
 * the value's bytes (ARP6021). A Numeric operator on a string key has no such reading and is
 * refused at the operator.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { importPolicy } from "../../compiler/import/index.js";
import { base64Spellings } from "../../compiler/import/operatorOfOtherType.js";
import { binaryBytes, isBase64 } from "../../runtime/operators/binary.js";
import { evaluate, type IamPolicyDocument, type Request } from "../../runtime/index.js";
import { compileImport } from "./support.js";

function policy(condition: Record<string, Record<string, string | string[]>>): IamPolicyDocument {
  return { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:GetObject", Resource: "*", Condition: condition }] } as IamPolicyDocument;
}

async function imported(doc: IamPolicyDocument) {
  const json = JSON.stringify(doc, null, 2);
  const result = await importPolicy(json, { file: "p.json" });
  return { result, found: result.diagnostics.map((d) => [d.code, d.severity, json.slice(d.span.start, d.span.end)]) };
}

function request(context: Record<string, string>): Request {
  return { principal: "arn:aws:iam::123456789012:user/alice", action: "s3:GetObject", resource: "arn:aws:s3:::b/k", context };
}

/** Decides both documents alike on `requests`; returns the decisions seen. */
function sameDecisions(input: IamPolicyDocument, compiled: IamPolicyDocument, requests: fc.Arbitrary<Request>): Set<string> {
  const seen = new Set<string>();
  fc.assert(fc.property(requests, (r) => {
    const want = evaluate([input], r).decision;
    seen.add(want);
    expect(evaluate([compiled], r).decision).toBe(want);
  }), { numRuns: 400, seed: 6020 });
  return seen;
}

const EPOCH = 1700000000;
/** A request's `aws:EpochTime`, around the policy's values, or missing. */
const epochRequest = fc.option(fc.integer({ min: EPOCH - 3, max: EPOCH + 3 }), { freq: 6 })
  .map((n) => request(n === null ? {} : { "aws:EpochTime": String(n) }));

describe("a Numeric operator on aws:EpochTime", () => {
  for (const operator of ["NumericLessThan", "NumericLessThanEquals", "NumericGreaterThan", "NumericGreaterThanEquals", "NumericEquals", "NumericNotEquals", "NumericLessThanIfExists", "NumericNotEqualsIfExists"]) {
    it(`imports ${operator} as the Date operator, with ARP6020, deciding alike`, async () => {
      const input = policy({ [operator]: { "aws:EpochTime": [String(EPOCH), String(EPOCH + 2)] } });
      const { result, found } = await imported(input);
      expect(found).toEqual([["ARP6020", "warning", `"${operator}"`]]);
      const compiled = compileImport(result.arp!, "policy");
      const dateOperator = operator.replace("Numeric", "Date");
      expect(Object.keys((compiled.Statement as { Condition: object }[])[0]!.Condition)).toEqual([dateOperator]);
      expect(sameDecisions(input, compiled, epochRequest).size).toBe(2);
    });
  }

  it("is refused at a value that is not epoch seconds", async () => {
    for (const value of ["-5", "1e9", "+17"]) {
      const { result, found } = await imported(policy({ NumericLessThan: { "aws:EpochTime": value } }));
      expect(result.arp).toBeUndefined();
      expect(found).toEqual([["ARP6004", "error", `"${value}"`]]);
    }
  });

  it("is refused on a date key whose requests carry ISO 8601 text", async () => {
    const { result, found } = await imported(policy({ NumericLessThan: { "aws:CurrentTime": "1700000000" } }));
    expect(result.arp).toBeUndefined();
    expect(found).toEqual([["ARP6004", "error", '"NumericLessThan"']]);
  });
});

describe("a Numeric operator on a string key", () => {
  it("is refused at the operator, saying why no string test decides alike", async () => {
    const { result } = await imported(policy({ NumericEquals: { "aws:PrincipalTag/n": "5" } }));
    expect(result.arp).toBeUndefined();
    const [only] = result.diagnostics;
    expect(result.diagnostics).toHaveLength(1);
    expect(only!.code).toBe("ARP6004");
    expect(only!.message).toContain("compares `aws:PrincipalTag/n` as a number");
  });
});

const bytes = fc.array(fc.integer({ min: 0, max: 255 }), { maxLength: 7 }).map((b) => String.fromCharCode(...b));

describe("base-64 spellings", () => {
  it("are every text the runtime decodes to the same bytes", () => {
    fc.assert(fc.property(bytes, fc.nat(), fc.constantFrom("A", "z", "+", "/", "=", "0"), (b, at, c) => {
      const spellings = base64Spellings(b);
      for (const s of spellings) {
        expect(isBase64(s)).toBe(true);
        expect(binaryBytes(s)).toBe(b);
      }
      // A text one character away from a spelling decodes to the same bytes only if it is one.
      const s = spellings[at % spellings.length]!;
      const i = at % (s.length + 1);
      for (const near of [s.slice(0, i) + c + s.slice(i + 1), s.slice(0, i) + c + s.slice(i), s.slice(0, i) + s.slice(i + 1)]) {
        if (isBase64(near)) expect(binaryBytes(near) === b).toBe(spellings.includes(near));
      }
    }), { numRuns: 500, seed: 6021 });
  });
});

describe("BinaryEquals on a string key", () => {
  for (const operator of ["BinaryEquals", "BinaryEqualsIfExists"]) {
    it(`imports ${operator} as StringEquals of the base-64 spellings, with ARP6021, deciding alike`, async () => {
      const values = ["YWJj", "YQ==", "YWI"];
      const input = policy({ [operator]: { "aws:PrincipalTag/blob": values } });
      const { result, found } = await imported(input);
      expect(found).toEqual([["ARP6021", "warning", `"${operator}"`]]);
      const compiled = compileImport(result.arp!, "policy");
      expect(Object.keys((compiled.Statement as { Condition: object }[])[0]!.Condition)).toEqual([operator.replace("Binary", "String")]);
      const spellings = values.flatMap((v) => base64Spellings(binaryBytes(v)));
      const tag = fc.option(fc.oneof(fc.constantFrom(...spellings), fc.constantFrom("YWJk", "abc", "", "YQ=", "YWJj==")), { freq: 6 });
      const requests = tag.map((v) => request(v === null ? {} : { "aws:PrincipalTag/blob": v }));
      expect(sameDecisions(input, compiled, requests).size).toBe(2);
    });
  }
});
