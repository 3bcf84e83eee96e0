/**
 * The request contract (README, "Runtime"): requests are checked before anything is decided;
 * JSON numbers and booleans mean what IAM's keys expect; only own properties are read.
 */
import { describe, expect, it } from "vitest";
import { compilePolicySet, evaluate, explain, InvalidRequestError, REQUEST_LIMITS } from "../../runtime/index.js";
import type { IamStatement, RequestInput } from "../../runtime/index.js";
import { MARY, policy } from "./support.js";

const allowAll: IamStatement = { Effect: "Allow", Action: "*", Resource: "*" };
const base = { principal: MARY, action: "apprunner:DescribeService", resource: "*" };
const set = compilePolicySet([policy(allowAll)]);

function thrown(request: unknown): InvalidRequestError | undefined {
  try {
    set.evaluate(request as RequestInput);
    return undefined;
  } catch (error) {
    if (error instanceof InvalidRequestError) return error;
    throw error;
  }
}

describe("InvalidRequestError", () => {
  it("is a TypeError named InvalidRequestError with the field and a message of the contract's form", () => {
    const error = thrown({ ...base, resource: "" });
    expect(error).toBeInstanceOf(TypeError);
    expect(error?.name).toBe("InvalidRequestError");
    expect(error?.field).toBe("resource");
    expect(error?.message).toMatch(/^invalid request: resource must be a non-empty string/);
  });

  it("names a context key as context[<key as JSON>]", () => {
    expect(thrown({ ...base, context: { "aws:MultiFactorAuthAge": null } })?.field).toBe('context["aws:MultiFactorAuthAge"]');
  });
});

describe("request shape", () => {
  const rows: readonly [string, unknown, string][] = [
    ["null", null, "request"],
    ["an array", [base], "request"],
    ["a string", "x", "request"],
    ["missing principal", { action: base.action, resource: base.resource }, "principal"],
    ["missing resource", { principal: MARY, action: base.action }, "resource"],
    ["a number action", { ...base, action: 5 }, "action"],
    ["a boxed String resource", { ...base, resource: new String("*") }, "resource"],
    ["an empty principal", { ...base, principal: "" }, "principal"],
    ["an inherited resource", Object.assign(Object.create({ resource: "*" }) as object, { principal: MARY, action: base.action }), "resource"],
    ["context null", { ...base, context: null }, "context"],
    ["context an array", { ...base, context: [] }, "context"],
    ["context a string", { ...base, context: "k=v" }, "context"],
  ];
  for (const [what, request, field] of rows) {
    it(`${what} throws for ${field}`, () => expect(thrown(request)?.field).toBe(field));
  }

  it("explain checks the request too", () => {
    const result = set.evaluate(base);
    expect(() => explain(result, { ...base, principal: 1 } as unknown as RequestInput)).toThrow(InvalidRequestError);
  });

  it("evaluate() checks the request before deciding", () => {
    expect(() => evaluate([policy(allowAll)], { ...base, action: undefined } as unknown as RequestInput)).toThrow(InvalidRequestError);
  });
});

describe("context values", () => {
  const key = "aws:MultiFactorAuthAge";
  const invalid: readonly [string, unknown][] = [
    ["null", null],
    ["NaN", Number.NaN],
    ["Infinity", Number.POSITIVE_INFINITY],
    ["a bigint", 10n],
    ["a symbol", Symbol("x")],
    ["a function", () => "x"],
    ["a plain object", { value: "x" }],
    ["a boxed String", new String("yes")],
    ["a boxed Number", new Number(1)],
    ["a boxed Boolean", new Boolean(false)],
    ["an array-like", { 0: "a", length: 1 }],
    ["a sparse array", [, "a"]],
    ["an array holding null", ["a", null]],
    ["a nested array", [["a"]]],
  ];
  for (const [what, value] of invalid) {
    it(`${what} throws`, () => expect(thrown({ ...base, context: { [key]: value } })?.field).toMatch(/^context\["aws:MultiFactorAuthAge"\]/));
  }

  it("numbers and booleans read as IAM's strings; undefined is an absent key; [] has no value", () => {
    const probe = compilePolicySet([
      policy({ ...allowAll, Condition: { StringEquals: { "a:n": "7200", "a:z": "0", "a:b": "false", "a:l": ["1", "true"] }, Null: { "a:u": "true", "a:e": "true" } } }),
    ]);
    const context = { "a:n": 7200, "a:z": -0, "a:b": false, "a:l": [1, true], "a:u": undefined, "a:e": [] };
    expect(probe.evaluate({ ...base, context }).decision).toBe("Allow");
  });
});

describe("limits", () => {
  const long = "x".repeat(REQUEST_LIMITS.maxStringLength);

  it("are 8,192 characters per string, 1,024 context keys, 1,024 values per key", () => {
    expect(REQUEST_LIMITS).toEqual({ maxStringLength: 8192, maxContextKeys: 1024, maxValuesPerKey: 1024 });
  });

  it("a string at the limit is accepted, one past it throws (principal, resource, key, value)", () => {
    expect(thrown({ ...base, resource: `arn:${long}`.slice(0, REQUEST_LIMITS.maxStringLength) })).toBeUndefined();
    expect(thrown({ ...base, resource: `${long}x` })?.field).toBe("resource");
    expect(thrown({ ...base, principal: `${long}x` })?.field).toBe("principal");
    expect(thrown({ ...base, context: { [`${long}x`]: "v" } })?.field).toMatch(/^context\[/);
    expect(thrown({ ...base, context: { k: long } })).toBeUndefined();
    expect(thrown({ ...base, context: { k: [`${long}x`] } })?.field).toBe('context["k"][0]');
  });

  it("1,024 keys and 1,024 values are accepted, one more throws", () => {
    const keys = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`k:${i}`, "v"]));
    expect(thrown({ ...base, context: keys(1024) })).toBeUndefined();
    expect(thrown({ ...base, context: keys(1025) })?.field).toBe("context");
    expect(thrown({ ...base, context: { k: Array(1024).fill("v") } })).toBeUndefined();
    expect(thrown({ ...base, context: { k: Array(1025).fill("v") } })?.field).toBe('context["k"]');
  });

  it("an empty key throws", () => expect(thrown({ ...base, context: { "": "v" } })?.field).toBe('context[""]'));

  it("too many keys is the problem reported, even when an earlier key is malformed too", () => {
    const context: Record<string, unknown> = { "aws:SourceIp": null, "": "v" };
    for (let i = 0; i < REQUEST_LIMITS.maxContextKeys; i++) context[`k:${i}`] = "v";
    expect(thrown({ ...base, context })?.message).toMatch(/has more than 1024 keys/);
  });
});

describe("context keys the policies read and those they do not", () => {
  const probe = compilePolicySet([policy({ ...allowAll, Condition: { StringEquals: { "aws:PrincipalTag/team": "blue" } } })]);
  const decide = (context: Record<string, unknown>) => probe.evaluate({ ...base, context } as RequestInput).decision;

  it("a key no statement reads is still checked, and its problem named", () => {
    const problem = (() => {
      try {
        probe.evaluate({ ...base, context: { "aws:PrincipalTag/team": "blue", "x:unread": [null] } } as unknown as RequestInput);
      } catch (error) {
        return error instanceof InvalidRequestError ? error.field : "other";
      }
      return undefined;
    })();
    expect(problem).toBe('context["x:unread"][0]');
    expect(decide({ "aws:PrincipalTag/team": "blue", "x:unread": ["a", 1] })).toBe("Allow");
  });

  it("any spelling of a read key finds it; of several spellings the last wins, and undefined removes it", () => {
    expect(decide({ "AWS:PRINCIPALTAG/TEAM": "blue" })).toBe("Allow");
    expect(decide({ "aws:principaltag/team": "red", "Aws:PrincipalTag/Team": "blue" })).toBe("Allow");
    expect(decide({ "aws:PrincipalTag/team": "blue", "AWS:principaltag/TEAM": "red" })).toBe("ImplicitDeny");
    expect(decide({ "aws:PrincipalTag/team": "blue", "aws:principalTag/team": undefined })).toBe("ImplicitDeny");
    // The same spelling again, after other requests taught the table those spellings.
    expect(decide({ "AWS:PRINCIPALTAG/TEAM": "blue" })).toBe("Allow");
  });
});
