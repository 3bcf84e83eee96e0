/**
 * The generated evaluator fails closed: requests come from applications that pass parsed JSON
 * straight in, so a malformed request (wrong types, missing fields, inherited or polluted keys,
 * boxed strings, array-likes, holes) either throws `InvalidRequestError` before anything is
 * decided, or decides exactly as its well-formed string equivalent does (a JSON number or
 * boolean means its text, as the request contract in the README says). It never allows where
 * the well-formed request would not.
 */
import { beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  generateEvaluator,
  type PolicySource,
} from "../../compiler/emit/typescript/index.js";
import type { Request } from "../../runtime/index.js";
import { loadEvaluator, type GeneratedEvaluator } from "../codegen/support.js";

const PROD = "arn:aws:apprunner:us-east-1:123456789012:service/prod/1";
const MALLORY = "arn:aws:iam::123456789012:user/mallory";

/** Denies that a malformed request could slip past, beside allows it could reach. */
const POLICIES: PolicySource[] = [
  {
    name: "guard",
    document: {
      Version: "2012-10-17",
      Statement: [
        {
          Sid: "OldMfa",
          Effect: "Deny",
          Action: "apprunner:*",
          Resource: "*",
          Condition: {
            NumericGreaterThan: { "aws:MultiFactorAuthAge": "3600" },
          },
        },
        {
          Sid: "NoMfa",
          Effect: "Deny",
          Action: "apprunner:*",
          Resource: "*",
          Condition: { Bool: { "aws:MultiFactorAuthPresent": "false" } },
        },
        {
          Sid: "Prod",
          Effect: "Deny",
          Action: "apprunner:DeleteService",
          Resource: PROD,
        },
        {
          Sid: "Mallory",
          Effect: "Deny",
          Action: "apprunner:*",
          Resource: "*",
          Condition: { StringEquals: { "aws:PrincipalArn": MALLORY } },
        },
        {
          Sid: "Secret",
          Effect: "Deny",
          Action: "apprunner:*",
          Resource: "*",
          Condition: {
            "ForAnyValue:StringEquals": { "aws:TagKeys": "secret" },
          },
        },
      ],
    },
  },
  {
    name: "grant",
    document: {
      Version: "2012-10-17",
      Statement: [
        {
          Sid: "Everyone",
          Effect: "Allow",
          Action: ["apprunner:DeleteService", "apprunner:ListServices"],
          Resource: "*",
        },
        {
          Sid: "Admins",
          Effect: "Allow",
          Action: "apprunner:*",
          Resource: "*",
          Condition: { StringEquals: { "aws:PrincipalTag/role": "admin" } },
        },
      ],
    },
  },
];

interface InvalidRequestErrorLike extends TypeError {
  readonly field: string;
}

let evaluator: GeneratedEvaluator & {
  InvalidRequestError: new (
    field: string,
    problem: string,
  ) => InvalidRequestErrorLike;
};

beforeAll(async () => {
  evaluator = loadEvaluator(
    await generateEvaluator(POLICIES),
  ) as typeof evaluator;
}, 60_000);

/** The decision, or the field an InvalidRequestError names; anything else thrown fails the test. */
function outcome(request: unknown): string {
  try {
    return evaluator.authorize(request as Request);
  } catch (error) {
    expect(error).toBeInstanceOf(evaluator.InvalidRequestError);
    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).name).toBe("InvalidRequestError");
    expect((error as Error).message).toMatch(/^invalid request: /);
    return `throws ${(error as InvalidRequestErrorLike).field}`;
  }
}

/** Whether explain() agrees: it throws exactly when authorize() does, else decides the same. */
function explainOutcome(request: unknown): string {
  try {
    return evaluator.explain(request as Request).decision;
  } catch (error) {
    expect(error).toBeInstanceOf(evaluator.InvalidRequestError);
    return `throws ${(error as InvalidRequestErrorLike).field}`;
  }
}

const principal = "arn:aws:iam::123456789012:user/alice";
const base = (context?: Record<string, unknown>): Record<string, unknown> => ({
  principal,
  action: "apprunner:ListServices",
  resource: "*",
  ...(context !== undefined ? { context } : {}),
});

describe("generated evaluator: invalid requests (issue #8's cases)", () => {
  it("decides a JSON number or boolean as its text: the denies on MFA age and presence apply", () => {
    expect(outcome(base(JSON.parse('{"aws:MultiFactorAuthAge":7200}')))).toBe(
      "ExplicitDeny",
    );
    expect(outcome(base(JSON.parse('{"aws:MultiFactorAuthAge":"7200"}')))).toBe(
      "ExplicitDeny",
    );
    expect(
      outcome(base(JSON.parse('{"aws:MultiFactorAuthPresent":false}'))),
    ).toBe("ExplicitDeny");
    expect(
      outcome(
        base(
          JSON.parse(
            '{"aws:MultiFactorAuthAge":60,"aws:MultiFactorAuthPresent":true}',
          ),
        ),
      ),
    ).toBe("Allow");
    expect(outcome(base({ "aws:TagKeys": [1, true, "secret"] }))).toBe(
      "ExplicitDeny",
    );
  });

  it("throws on a missing or non-string principal, action or resource instead of skipping an exact-ARN deny", () => {
    const del = {
      principal,
      action: "apprunner:DeleteService",
      resource: PROD,
    };
    expect(outcome(del)).toBe("ExplicitDeny");
    expect(outcome({ ...del, resource: undefined })).toBe("throws resource");
    expect(outcome({ action: del.action, resource: PROD })).toBe(
      "throws principal",
    );
    expect(outcome({ ...del, principal: new String(MALLORY) })).toBe(
      "throws principal",
    );
    expect(outcome({ ...del, action: "" })).toBe("throws action");
    expect(outcome({ ...del, resource: "r".repeat(8193) })).toBe(
      "throws resource",
    );
    expect(outcome(null)).toBe("throws request");
    expect(outcome([del])).toBe("throws request");
  });

  it("throws on boxed strings, array-likes, holes, null and non-finite numbers in the context", () => {
    expect(
      outcome(base({ "aws:PrincipalTag/role": new String("admin") })),
    ).toBe('throws context["aws:PrincipalTag/role"]');
    expect(outcome(base({ "aws:TagKeys": { length: 1, 0: "secret" } }))).toBe(
      'throws context["aws:TagKeys"]',
    );
    // eslint-disable-next-line no-sparse-arrays
    expect(outcome(base({ "aws:TagKeys": [, "x"] }))).toBe(
      'throws context["aws:TagKeys"]',
    );
    expect(outcome(base({ "aws:MultiFactorAuthAge": null }))).toBe(
      'throws context["aws:MultiFactorAuthAge"]',
    );
    expect(
      outcome(base({ "aws:MultiFactorAuthAge": Number.POSITIVE_INFINITY })),
    ).toBe('throws context["aws:MultiFactorAuthAge"]');
    expect(outcome(base({ "aws:MultiFactorAuthAge": Number.NaN }))).toBe(
      'throws context["aws:MultiFactorAuthAge"]',
    );
    expect(outcome({ ...base(), context: [] })).toBe("throws context");
    expect(outcome({ ...base(), context: null })).toBe("throws context");
    expect(outcome(base({ "": "x" }))).toBe('throws context[""]');
    expect(
      outcome(
        base(
          Object.fromEntries(
            Array.from({ length: 1025 }, (_, i) => [`k${i}`, "v"]),
          ),
        ),
      ),
    ).toBe("throws context");
  });

  it("reads only the request's own fields: a missing resource is never filled from a polluted Object.prototype", () => {
    const proto = Object.prototype as Record<string, unknown>;
    try {
      proto.resource = "*";
      proto.context = { "aws:PrincipalTag/role": "admin" };
      expect(outcome({ principal, action: "apprunner:PauseService" })).toBe(
        "throws resource",
      );
      expect(
        outcome({ principal, action: "apprunner:PauseService", resource: "*" }),
      ).toBe("ImplicitDeny");
    } finally {
      delete proto.resource;
      delete proto.context;
    }
    // A prototype of the request's own never lends a field either; a request without one reads as any.
    expect(
      outcome(
        Object.assign(Object.create({ resource: "*" }) as object, {
          principal,
          action: "apprunner:PauseService",
        }),
      ),
    ).toBe("throws resource");
    const bare = Object.assign(Object.create(null) as object, {
      principal,
      action: "apprunner:PauseService",
      resource: "*",
    });
    expect(outcome(bare)).toBe(
      outcome({ principal, action: "apprunner:PauseService", resource: "*" }),
    );
    // Nor can a plain read be trusted: a proxy answering every read, or a getter on
    // Object.prototype that hides itself from Object.prototype, lends fields the request does not hold.
    const lent: Record<string, unknown> = {
      principal,
      action: "apprunner:PauseService",
      resource: "*",
    };
    expect(
      outcome(new Proxy({}, { get: (_target, k) => lent[k as string] })),
    ).toBe("throws principal");
    try {
      Object.defineProperty(proto, "resource", {
        configurable: true,
        get(this: unknown) {
          return this === proto ? undefined : "*";
        },
      });
      expect(outcome({ principal, action: "apprunner:PauseService" })).toBe(
        "throws resource",
      );
    } finally {
      delete proto.resource;
    }
  });

  it("reads only own context keys: neither an object's prototype nor a polluted Object.prototype decides", () => {
    expect(
      outcome(
        base({
          "aws:PrincipalTag/role": "admin",
          "aws:MultiFactorAuthPresent": "true",
        }),
      ),
    ).toBe("Allow");
    const action = {
      principal,
      action: "apprunner:PauseService",
      resource: "*",
    };
    expect(
      outcome({
        ...action,
        context: Object.create({ "aws:PrincipalTag/role": "admin" }) as object,
      }),
    ).toBe("ImplicitDeny");
    const proto = Object.prototype as Record<string, unknown>;
    try {
      proto["aws:PrincipalTag/role"] = "admin";
      expect(outcome({ ...action, context: {} })).toBe("ImplicitDeny");
      expect(
        outcome({ ...action, context: { "aws:SourceIp": "10.0.0.1" } }),
      ).toBe("ImplicitDeny");
    } finally {
      delete proto["aws:PrincipalTag/role"];
    }
    const arrayProto = Array.prototype as unknown as Record<number, unknown>;
    try {
      arrayProto[0] = "secret";
      // eslint-disable-next-line no-sparse-arrays
      expect(outcome(base({ "aws:TagKeys": [, "x"] }))).toBe(
        'throws context["aws:TagKeys"]',
      );
    } finally {
      delete arrayProto[0];
    }
  });
});

/** A context value that is valid, with the string form the contract gives it. */
const validValue: fc.Arbitrary<{
  readonly value: unknown;
  readonly text: string | readonly string[] | undefined;
}> = fc.oneof(
  fc
    .constantFrom("admin", "true", "false", "7200", "60", "secret", "", "x")
    .map((s) => ({ value: s, text: s })),
  fc
    .oneof(
      fc.integer({ min: -10, max: 10_000 }),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.constant(-0),
    )
    .map((n) => ({
      value: n,
      text: String(n),
    })),
  fc.boolean().map((b) => ({ value: b, text: b ? "true" : "false" })),
  fc.constant({ value: undefined, text: undefined }),
  fc
    .array(
      fc.oneof(
        fc.constantFrom("secret", "team"),
        fc.integer({ min: 0, max: 9 }),
        fc.boolean(),
      ),
      { maxLength: 3 },
    )
    .map((a) => ({
      value: a,
      text: a.map((v) => String(v)),
    })),
);

/** A context value the contract rejects. */
const invalidValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(
    null,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    1n,
    Symbol("s"),
    () => "admin",
    {},
    { toString: () => "admin" },
  ),
  fc.constantFrom("admin", "secret", "false").map((s) => new String(s)),
  fc.constantFrom<unknown>(
    new Number(7200),
    new Boolean(false),
    { length: 1, 0: "secret" },
    [null],
    [{}],
    [new String("secret")],
    ["x".repeat(8193)],
  ),
  // eslint-disable-next-line no-sparse-arrays
  fc.constant<unknown>([, "secret"]),
);

const KEYS = [
  "aws:MultiFactorAuthAge",
  "aws:MultiFactorAuthPresent",
  "aws:PrincipalTag/role",
  "AWS:PrincipalTag/Role",
  "aws:TagKeys",
  "aws:PrincipalArn",
];
const ACTIONS = [
  "apprunner:ListServices",
  "apprunner:DeleteService",
  "apprunner:PauseService",
];
const RESOURCES = ["*", PROD];
const PRINCIPALS = [principal, MALLORY];

/** A wrong value for a request field, or the field left out. */
const wrongField: fc.Arbitrary<unknown> = fc.constantFrom<unknown>(
  undefined,
  null,
  1,
  true,
  {},
  [],
  "",
  new String(PROD),
  ["*"],
  "x".repeat(8193),
);

describe("generated evaluator: fail-closed properties", () => {
  it("a context of numbers, booleans, absent values and arrays decides as its string equivalent; invalid values throw", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...PRINCIPALS),
        fc.constantFrom(...ACTIONS),
        fc.constantFrom(...RESOURCES),
        fc.array(fc.tuple(fc.constantFrom(...KEYS), validValue), {
          maxLength: 5,
        }),
        fc.option(fc.tuple(fc.constantFrom(...KEYS), invalidValue), {
          nil: undefined,
        }),
        (p, action, resource, entries, invalid) => {
          const given: Record<string, unknown> = {};
          const texts = new Map<
            string,
            string | readonly string[] | undefined
          >();
          for (const [key, { value, text }] of entries) {
            given[key] = value;
            texts.set(key, text);
          }
          // Key names ignore case, so the last spelling of a key wins, and one given as `undefined`
          // leaves the key absent (the request contract, as runtime/request.ts reads it).
          const equivalent: Record<string, string | readonly string[]> = {};
          for (const k of Object.keys(given)) {
            for (const earlier of Object.keys(equivalent))
              if (earlier.toLowerCase() === k.toLowerCase())
                delete equivalent[earlier];
            const text = texts.get(k);
            if (text !== undefined) equivalent[k] = text;
          }
          const wellFormed = {
            principal: p,
            action,
            resource,
            context: equivalent,
          };
          const expected = outcome(wellFormed);
          expect(expected).not.toMatch(/^throws/);
          if (invalid !== undefined) given[invalid[0]] = invalid[1];
          const request = { principal: p, action, resource, context: given };
          const got = outcome(request);
          expect(explainOutcome(request)).toBe(got);
          if (invalid !== undefined)
            expect(got).toBe(`throws context[${JSON.stringify(invalid[0])}]`);
          else expect(got).toBe(expected);
        },
      ),
      {
        numRuns: 300,
        // A later spelling given as `undefined` removes the key an earlier spelling set.
        examples: [
          [
            principal,
            "apprunner:PauseService",
            "*",
            [
              ["AWS:PrincipalTag/Role", { value: "admin", text: "admin" }],
              ["aws:PrincipalTag/role", { value: undefined, text: undefined }],
            ],
            undefined,
          ],
        ],
      },
    );
  });

  it("a wrong or missing principal, action, resource or context throws, never decides", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("principal", "action", "resource", "context"),
        wrongField,
        fc.constantFrom(...ACTIONS),
        (field, wrong, action) => {
          const request: Record<string, unknown> = {
            principal,
            action,
            resource: PROD,
            context: {},
          };
          if (wrong === undefined) delete request[field];
          else request[field] = wrong;
          const got = outcome(request);
          // A context may be absent, and a context that is an empty object or array-free object is fine.
          if (
            field === "context" &&
            (wrong === undefined ||
              (typeof wrong === "object" &&
                wrong !== null &&
                !Array.isArray(wrong)))
          ) {
            expect(got).toBe(outcome({ principal, action, resource: PROD }));
          } else expect(got).toBe(`throws ${field}`);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("inherited context keys, through a prototype or a polluted Object.prototype, never decide", () => {
    const proto = Object.prototype as Record<string, unknown>;
    fc.assert(
      fc.property(
        fc.constantFrom(...PRINCIPALS),
        fc.constantFrom(...ACTIONS),
        fc.constantFrom(...RESOURCES),
        fc.dictionary(
          fc.constantFrom(...KEYS),
          fc.constantFrom("admin", "true", "false", "60", "7200"),
        ),
        fc.dictionary(
          fc.constantFrom(...KEYS),
          fc.constantFrom("admin", "true", "false", "60", "7200", "secret"),
        ),
        (p, action, resource, own, inherited) => {
          const expected = outcome({
            principal: p,
            action,
            resource,
            context: { ...own },
          });
          const viaPrototype = Object.assign(
            Object.create(inherited) as object,
            own,
          );
          expect(
            outcome({ principal: p, action, resource, context: viaPrototype }),
          ).toBe(expected);
          const polluted = Object.keys(inherited).filter(
            (k) => !Object.prototype.hasOwnProperty.call(proto, k),
          );
          try {
            for (const k of polluted) proto[k] = inherited[k];
            expect(
              outcome({ principal: p, action, resource, context: { ...own } }),
            ).toBe(expected);
          } finally {
            for (const k of polluted) delete proto[k];
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
