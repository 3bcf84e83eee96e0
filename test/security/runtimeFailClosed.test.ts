/**
 * The runtime fails closed (issue #8): a malformed policy document is refused with a
 * PolicyValidationError, a malformed request with an InvalidRequestError, and neither ever
 * yields Allow where the well-formed equivalent would not. Random mutations of valid inputs,
 * then each concrete case from the issue.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compilePolicySet, evaluate, InvalidRequestError, PolicyValidationError, REQUEST_LIMITS } from "../../runtime/index.js";
import type { Decision, IamPolicyDocument, IamStatement, PolicyInput, PolicySet, RequestInput } from "../../runtime/index.js";

const ALICE = "arn:aws:iam::123456789012:user/alice";
const SVC = "arn:aws:apprunner:us-east-1:123456789012:service";
const PROD = `${SVC}/prod/1`;
const ACTIONS = ["apprunner:DescribeService", "apprunner:DeleteService", "s3:GetObject"];
const RESOURCES = [PROD, `${SVC}/web/2`, "*"];

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Statement = Record<string, Json>;

// ---- valid statements and their malformed mutations ----------------------------------------

const CONDITIONS: readonly Record<string, Record<string, Json>>[] = [
  { NumericGreaterThan: { "aws:MultiFactorAuthAge": "3600" } },
  { Bool: { "aws:MultiFactorAuthPresent": "false" } },
  { StringEquals: { "aws:PrincipalTag/role": "admin" } },
  { StringNotEquals: { "aws:PrincipalTag/team": ["web", "api"] } },
  { NotIpAddress: { "aws:SourceIp": "10.0.0.0/8" } },
  { DateLessThan: { "aws:CurrentTime": "2030-01-01T00:00:00Z" } },
];

const statementArb: fc.Arbitrary<Statement> = fc
  .record({
    effect: fc.constantFrom("Allow", "Deny"),
    action: fc.constantFrom<Json>("*", "apprunner:*", "apprunner:Delete*", ["s3:GetObject", "apprunner:Describe*"]),
    resource: fc.constantFrom<Json>("*", `${SVC}/*`, PROD, [PROD, `${SVC}/web/*`]),
    condition: fc.option(fc.constantFrom(...CONDITIONS), { freq: 2 }),
  })
  .map(({ effect, action, resource, condition }) => ({
    Effect: effect,
    Action: action,
    Resource: resource,
    ...(condition === null ? {} : { Condition: condition }),
  }));

/** A mutation that makes a statement one IAM rejects. */
type Mutation = (s: Statement) => Statement;

function firstOperator(s: Statement): [string, Record<string, Json>] | undefined {
  const c = s.Condition as Record<string, Record<string, Json>> | undefined;
  const op = c === undefined ? undefined : Object.keys(c)[0];
  return op === undefined ? undefined : [op, c![op]!];
}

function withOperator(s: Statement, rename: (op: string) => string, block?: (b: Record<string, Json>) => Json): Statement {
  const first = firstOperator(s) ?? ["StringEquals", { "aws:username": "alice" }];
  return { ...s, Condition: { [rename(first[0])]: block === undefined ? first[1] : block(first[1]) } };
}

const TYPED_GARBAGE: readonly [string, string, string][] = [
  ["NumericNotEquals", "s3:max-keys", "abc"],
  ["NotIpAddress", "aws:SourceIp", "not-an-ip"],
  ["DateNotEquals", "aws:CurrentTime", "2024-13-01"],
  ["Bool", "aws:SecureTransport", "yes"],
  ["BinaryEquals", "custom:Blob", "%%%"],
  ["Null", "aws:TokenIssueTime", "maybe"],
];

const MUTATIONS: readonly (readonly [string, Mutation])[] = [
  ["effect lower case", (s) => ({ ...s, Effect: String(s.Effect).toLowerCase() })],
  ["effect trailing space", (s) => ({ ...s, Effect: `${String(s.Effect)} ` })],
  ["effect upper case", (s) => ({ ...s, Effect: String(s.Effect).toUpperCase() })],
  ["effect not a string", (s) => ({ ...s, Effect: s.Effect === "Allow" })],
  ["operator typo (last letter dropped)", (s) => withOperator(s, (op) => op.slice(0, -1))],
  ["operator typo (letter added)", (s) => withOperator(s, (op) => `${op}x`)],
  ["empty operator block", (s) => withOperator(s, (op) => op, () => ({}))],
  ["empty value list", (s) => withOperator(s, (op) => op, (b) => Object.fromEntries(Object.keys(b).map((k) => [k, []])))],
  ["null value", (s) => withOperator(s, (op) => op, (b) => Object.fromEntries(Object.keys(b).map((k) => [k, null])))],
  ["Condition []", (s) => ({ ...s, Condition: [] })],
  ["Condition null", (s) => ({ ...s, Condition: null })],
  ["Action []", (s) => ({ ...s, Action: [] })],
  ["NotAction []", ({ Action: _a, ...s }) => ({ ...s, NotAction: [] })],
  ["Resource []", (s) => ({ ...s, Resource: [] })],
  ["NotResource []", ({ Resource: _r, ...s }) => ({ ...s, NotResource: [] })],
  ['Resource ""', (s) => ({ ...s, Resource: "" })],
  ["Resource a number", (s) => ({ ...s, Resource: 5 })],
  ["Action removed", ({ Action: _a, ...s }) => s],
  ["Resource removed", ({ Resource: _r, ...s }) => s],
  ['"Actions"', ({ Action: a, ...s }) => ({ ...s, Actions: a! })],
  ['"action"', ({ Action: a, ...s }) => ({ ...s, action: a! })],
  ['"resource"', ({ Resource: r, ...s }) => ({ ...s, resource: r! })],
  ['"Conditions"', (s) => ({ ...s, Conditions: { StringEquals: { "aws:username": "x" } } })],
  ["Action and NotAction", (s) => ({ ...s, NotAction: "iam:*" })],
  ...TYPED_GARBAGE.map(([op, key, value]): readonly [string, Mutation] => [`${op} ${JSON.stringify(value)}`, (s) => ({ ...s, Condition: { [op]: { [key]: value } } })]),
];

function document(statements: readonly Statement[]): IamPolicyDocument {
  return { Version: "2012-10-17", Statement: statements as unknown as IamStatement[] };
}

const requestArb = fc.record({
  action: fc.constantFrom(...ACTIONS),
  resource: fc.constantFrom(...RESOURCES),
  age: fc.constantFrom("100", "7200"),
  present: fc.constantFrom("true", "false"),
  role: fc.constantFrom("admin", "dev"),
});

function stringRequest(r: { action: string; resource: string; age: string; present: string; role: string }): RequestInput {
  return {
    principal: ALICE,
    action: r.action,
    resource: r.resource,
    context: { "aws:MultiFactorAuthAge": r.age, "aws:MultiFactorAuthPresent": r.present, "aws:PrincipalTag/role": r.role, "aws:SourceIp": "10.1.2.3" },
  };
}

describe("malformed documents are refused, never decided", () => {
  it("every mutation of a valid statement into one IAM rejects throws PolicyValidationError naming that statement", () => {
    fc.assert(
      fc.property(
        fc.array(statementArb, { minLength: 1, maxLength: 4 }),
        fc.nat(),
        fc.constantFrom(...MUTATIONS),
        requestArb,
        (statements, at, [, mutate], r) => {
          const index = at % statements.length;
          const original = [{ name: "P", document: document(statements) }];
          const originalDecision = evaluate(original, stringRequest(r)).decision;
          const mutated = statements.map((s, i) => (i === index ? mutate(s) : s));
          let decision: Decision | undefined;
          try {
            decision = evaluate([{ name: "P", document: document(mutated) }], stringRequest(r)).decision;
          } catch (error) {
            expect(error).toBeInstanceOf(PolicyValidationError);
            expect(error).toMatchObject({ policy: "P", statement: index });
            return;
          }
          // Not refused: then it must not allow more than the well-formed original (and it is a failure
          // of this test's mutations, which are all meant to be invalid).
          expect({ decision, originalDecision }).toEqual({ decision: originalDecision === "Allow" ? decision : "not Allow", originalDecision });
          expect.unreachable(`mutation was accepted: ${JSON.stringify(mutated[index])}`);
        },
      ),
      { numRuns: 400, seed: 8008 },
    );
  });

  it("rewrites IAM reads as equal (a value unquoted, a single value listed, operator case) decide as before", () => {
    const equivalent = (s: Statement): Statement => {
      const first = firstOperator(s);
      const out: Statement = { ...s, Action: Array.isArray(s.Action) ? s.Action : [s.Action!] };
      if (first === undefined) return out;
      const [op, block] = first;
      const unquote = (v: Json): Json => (typeof v === "string" && /^\d+$/.test(v) ? Number(v) : v === "false" ? false : v === "true" ? true : v);
      const values = Object.fromEntries(Object.entries(block).map(([k, v]) => [k, Array.isArray(v) ? v.map(unquote) : [unquote(v)]]));
      return { ...out, Condition: { [op.toLowerCase()]: values } };
    };
    fc.assert(
      fc.property(fc.array(statementArb, { minLength: 1, maxLength: 4 }), requestArb, (statements, r) => {
        const want = evaluate([{ name: "P", document: document(statements) }], stringRequest(r)).decision;
        const got = evaluate([{ name: "P", document: document(statements.map(equivalent)) }], stringRequest(r)).decision;
        expect(got).toBe(want);
      }),
      { numRuns: 300, seed: 8009 },
    );
  });
});

// ---- malformed requests ---------------------------------------------------------------------

/** A deny on MFA age > 3600, a deny when MFA is absent-as-false, a deny on the prod ARN, an allow for admins. */
const GUARDED: PolicyInput[] = [
  {
    name: "guarded",
    document: document([
      { Effect: "Allow", Action: "*", Resource: "*", Condition: { StringEquals: { "aws:PrincipalTag/role": "admin" } } },
      { Effect: "Allow", Action: "apprunner:Describe*", Resource: "*" },
      { Effect: "Deny", Action: "*", Resource: "*", Condition: { NumericGreaterThan: { "aws:MultiFactorAuthAge": "3600" } } },
      { Effect: "Deny", Action: "*", Resource: "*", Condition: { Bool: { "aws:MultiFactorAuthPresent": "false" } } },
      { Effect: "Deny", Action: "apprunner:DeleteService", Resource: PROD },
    ]),
  },
];
const guarded: PolicySet = compilePolicySet(GUARDED);

/** A request as an app might pass it, and the string request it means (undefined: it must throw). */
interface Variant {
  readonly input: unknown;
  readonly means: RequestInput | undefined;
}

type ValueVariant = readonly [unknown, string | readonly string[] | undefined | "invalid"];

/** Ways to give one string value: equivalents that must decide alike, and invalid ones. */
function valueVariants(value: string): ValueVariant[] {
  const out: ValueVariant[] = [
    [value, value],
    [[value], [value]],
    [undefined, undefined],
    [null, "invalid"],
    [new String(value), "invalid"],
    [{ 0: value, length: 1 }, "invalid"],
    [[, value], "invalid"],
    [[value, null], "invalid"],
    [{ value }, "invalid"],
    [Number.NaN, "invalid"],
    [Symbol(value), "invalid"],
    [BigInt(7), "invalid"],
    [() => value, "invalid"],
    ["x".repeat(REQUEST_LIMITS.maxStringLength + 1), "invalid"],
  ];
  if (/^-?\d+$/.test(value)) out.push([Number(value), value], [new Number(Number(value)), "invalid"], [Number.POSITIVE_INFINITY, "invalid"]);
  if (value === "true" || value === "false") out.push([value === "true", value], [new Boolean(value === "true"), "invalid"]);
  return out;
}

const FIELD_VARIANTS: readonly (readonly [unknown, boolean])[] = [
  [undefined, false],
  [null, false],
  ["", false],
  [5, false],
  [["x"], false],
  [{ toString: () => "x" }, false],
];

const contextEntryArb = fc.tuple(
  fc.constantFrom("aws:MultiFactorAuthAge", "aws:MultiFactorAuthPresent", "aws:PrincipalTag/role", "AWS:PRINCIPALTAG/ROLE"),
  fc.constantFrom("7200", "100", "0", "-0", "true", "false", "admin", "dev", ""),
  fc.nat(),
);

const malformedRequestArb: fc.Arbitrary<Variant> = fc
  .record({
    action: fc.constantFrom(...ACTIONS),
    resource: fc.constantFrom(...RESOURCES),
    entries: fc.array(contextEntryArb, { maxLength: 4 }),
    brokenField: fc.option(fc.tuple(fc.constantFrom("principal", "action", "resource"), fc.nat()), { freq: 5 }),
    inherited: fc.constantFrom("none", "context-proto", "request-proto"),
  })
  .map(({ action, resource, entries, brokenField, inherited }): Variant => {
    const context: Record<string, unknown> = {};
    const means: Record<string, string | readonly string[]> = {};
    // Keys holding an invalid value; a later value under the same exact key replaces it.
    const invalidKeys = new Set<string>();
    for (const [key, value, pick] of entries) {
      const variants = valueVariants(value === "-0" ? "0" : value);
      const [given, meaning] = variants[pick % variants.length]!;
      const input = value === "-0" && given === 0 ? -0 : given;
      context[key] = input;
      // The last spelling of a key (ignoring case) wins, as it does for the runtime.
      for (const k of Object.keys(means)) if (k.toLowerCase() === key.toLowerCase()) delete means[k];
      invalidKeys.delete(key);
      if (meaning === "invalid") invalidKeys.add(key);
      else if (meaning !== undefined) means[key] = meaning;
    }
    let invalid = invalidKeys.size > 0;
    const fields: Record<string, unknown> = { principal: ALICE, action, resource };
    if (brokenField !== null) {
      const [field, pick] = brokenField;
      fields[field] = FIELD_VARIANTS[pick % FIELD_VARIANTS.length]![0];
      invalid = true;
    }
    const meant: RequestInput | undefined = invalid ? undefined : { principal: ALICE, action, resource, context: means as RequestInput["context"] };
    if (inherited === "context-proto") {
      // An inherited key is never read: the request means only its own keys.
      const withProto = Object.assign(Object.create({ "aws:PrincipalTag/role": "admin", "aws:MultiFactorAuthAge": "1" }) as object, context);
      return { input: { ...fields, context: withProto }, means: meant };
    }
    if (inherited === "request-proto") {
      // Fields inherited from a prototype are not the request's own: such a request is invalid.
      return { input: Object.assign(Object.create(fields) as object, { context }), means: undefined };
    }
    return { input: { ...fields, context }, means: meant };
  });

function outcome(decide: () => Decision): Decision | "InvalidRequestError" {
  try {
    return decide();
  } catch (error) {
    if (error instanceof InvalidRequestError) return "InvalidRequestError";
    throw error;
  }
}

describe("malformed requests throw InvalidRequestError or decide as the string request they mean", () => {
  it("wrong types, missing fields, numbers, booleans, null, boxed values, array-likes, sparse arrays, inherited keys", () => {
    fc.assert(
      fc.property(malformedRequestArb, ({ input, means }) => {
        const got = outcome(() => guarded.evaluate(input as RequestInput).decision);
        const want = means === undefined ? "InvalidRequestError" : guarded.evaluate(means).decision;
        expect(got).toBe(want);
      }),
      { numRuns: 1500, seed: 8010 },
    );
  });

  it("with a polluted Object.prototype (restored after), inherited keys still never decide", () => {
    const proto = Object.prototype as Record<string, unknown>;
    fc.assert(
      fc.property(malformedRequestArb, ({ input, means }) => {
        const want = means === undefined ? "InvalidRequestError" : guarded.evaluate(means).decision;
        proto["aws:PrincipalTag/role"] = "admin";
        proto.resource = "*";
        try {
          expect(outcome(() => guarded.evaluate(input as RequestInput).decision)).toBe(want);
        } finally {
          delete proto["aws:PrincipalTag/role"];
          delete proto.resource;
        }
      }),
      { numRuns: 300, seed: 8011 },
    );
    expect(Object.hasOwn(Object.prototype, "resource")).toBe(false);
  });
});

// ---- the concrete cases ---------------------------------------------------------------

describe("issue #8 cases", () => {
  const ask = (request: unknown) => outcome(() => guarded.evaluate(request as RequestInput).decision);
  const base = { principal: ALICE, action: "apprunner:DescribeService", resource: `${SVC}/web/2` };

  it('3: JSON numbers and booleans deny as their strings do ("aws:MultiFactorAuthAge":7200, "aws:MultiFactorAuthPresent":false)', () => {
    expect(ask({ ...base, context: { "aws:MultiFactorAuthAge": "7200" } })).toBe("ExplicitDeny");
    expect(ask({ ...base, context: JSON.parse('{"aws:MultiFactorAuthAge":7200}') })).toBe("ExplicitDeny");
    expect(ask({ ...base, context: JSON.parse('{"aws:MultiFactorAuthPresent":false}') })).toBe("ExplicitDeny");
  });

  it("3: new String and array-likes throw instead of being read character by character", () => {
    expect(ask({ ...base, context: { "aws:PrincipalTag/role": new String("admin") } })).toBe("InvalidRequestError");
    expect(ask({ ...base, context: { "aws:PrincipalTag/role": { 0: "admin", length: 1 } } })).toBe("InvalidRequestError");
  });

  it("3: a missing resource or principal throws where an exact-ARN deny should apply", () => {
    const del = { ...base, action: "apprunner:DeleteService", resource: PROD, context: { "aws:PrincipalTag/role": "admin" } };
    expect(ask(del)).toBe("ExplicitDeny");
    const { resource: _r, ...noResource } = del;
    const { principal: _p, ...noPrincipal } = del;
    expect(ask(noResource)).toBe("InvalidRequestError");
    expect(ask(noPrincipal)).toBe("InvalidRequestError");
  });

  it("4: a broken Deny no longer lets the Allow through: it is refused", () => {
    const broken: Record<string, unknown>[] = [
      { Effect: "deny", Action: "*", Resource: "*" },
      { Effect: "Deny ", Action: "*", Resource: "*" },
      { Effect: "Deny", Action: "*", Resource: "*", Condition: { StringEqual: { "aws:username": "alice" } } },
      { Effect: "Deny", Actions: "*", Resource: "*" },
      { Effect: "Deny", action: "*", Resource: "*" },
      { Effect: "Deny", Action: "*", Resource: "" },
    ];
    for (const deny of broken) {
      expect(() => evaluate([document([{ Effect: "Allow", Action: "*", Resource: "*" }, deny as Statement])], base)).toThrow(PolicyValidationError);
    }
  });

  it("4: documents that allowed on their own are refused", () => {
    const allows: Record<string, unknown>[] = [
      { Effect: "Allow", Action: "*" },
      { Effect: "Allow", NotAction: [], Resource: "*" },
      { Effect: "Allow", Action: "*", NotResource: [] },
      { Effect: "Allow", Action: "*", Resource: "*", Condition: { StringEquals: {} } },
      { Effect: "Allow", Action: "*", Resource: "*", Condition: [] },
      { Effect: "Allow", Action: "*", Resource: "*", Condition: null },
      { Effect: "Allow", Action: "*", Resource: "*", Condition: { StringNotEquals: { "aws:username": [] } } },
      { Effect: "Allow", Action: "*", Resource: "*", Condition: { NumericNotEquals: { "s3:max-keys": "abc" } } },
      { Effect: "Allow", Action: "*", Resource: "*", Condition: { NotIpAddress: { "aws:SourceIp": "not-an-ip" } } },
    ];
    for (const allow of allows) expect(() => evaluate([document([allow as Statement])], base)).toThrow(PolicyValidationError);
  });

  it("5: a polluted Object.prototype does not allow with context {}", () => {
    const proto = Object.prototype as Record<string, unknown>;
    proto["aws:PrincipalTag/role"] = "admin";
    try {
      expect(ask({ ...base, action: "s3:GetObject", context: {} })).toBe("ImplicitDeny");
    } finally {
      delete proto["aws:PrincipalTag/role"];
    }
  });

  it("5: evaluate()'s cache cannot serve a decision for policies that changed: they are frozen", () => {
    const policies: PolicyInput[] = [document([{ Effect: "Allow", Action: "*", Resource: "*" }])];
    expect(evaluate(policies, base).decision).toBe("Allow");
    expect(() => policies.push(document([{ Effect: "Deny", Action: "*", Resource: "*" }]))).toThrow(TypeError);
    const statement = ((policies[0] as IamPolicyDocument).Statement as IamStatement[])[0]!;
    expect(() => {
      (statement as { Effect: string }).Effect = "Deny";
    }).toThrow(TypeError);
    expect(evaluate(policies, base).decision).toBe("Allow");
  });

  it("5: compilePolicySet takes a snapshot: later changes to the objects do not change it", () => {
    const statements: IamStatement[] = [{ Effect: "Allow", Action: "*", Resource: "*" }];
    const set = compilePolicySet([document(statements as unknown as Statement[])]);
    statements[0]!.Effect = "Deny";
    statements.push({ Effect: "Deny", Action: "*", Resource: "*" });
    expect(set.evaluate(base).decision).toBe("Allow");
  });

  it("8: ${constructor}, ${toString} and ${__proto__} are variables (context keys), not escapes", () => {
    for (const name of ["constructor", "toString", "__proto__", "hasOwnProperty"]) {
      const policies = [document([{ Effect: "Allow", Action: "*", Resource: `arn:aws:s3:::b/\${${name}}` }])];
      const context = JSON.parse(`{${JSON.stringify(name)}: "x"}`) as Record<string, string>;
      expect(evaluate(policies, { ...base, resource: "arn:aws:s3:::b/x", context }).decision).toBe("Allow");
      expect(evaluate(policies, { ...base, resource: "arn:aws:s3:::b/x" }).decision).toBe("ImplicitDeny");
    }
  });

  it("9: a resource past the limit throws at once; the worst ? pattern on the longest resource decides in milliseconds", () => {
    const started = performance.now();
    expect(ask({ ...base, resource: `arn:${"a".repeat(1 << 20)}` })).toBe("InvalidRequestError");
    const pattern = `arn:*${"?".repeat(2000)}b*`;
    const set = compilePolicySet([document([{ Effect: "Allow", Action: "*", Resource: pattern }])]);
    const resource = `arn:${"a".repeat(REQUEST_LIMITS.maxStringLength - 4)}`;
    for (let i = 0; i < 10; i++) expect(set.evaluate({ ...base, resource }).decision).toBe("ImplicitDeny");
    // 10 decisions and a 1 MB rejection; the old naive search took ~16M steps per decision here.
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
