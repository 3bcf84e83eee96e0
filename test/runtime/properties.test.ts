/**
 * Properties that hold for every policy set, checked with fast-check:
 * - [eval] the decision does not depend on the order of statements or policies ("AWS
 *   evaluates all policies that are applicable to the request context");
 * - [eval] "An explicit deny in any policy overrides any allows";
 * - [action] "The prefix and the action name are case insensitive";
 * - [resource]/[ops] resource ARNs are matched case-sensitively;
 * - a compiled set decides exactly as `evaluate`.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compilePolicySet, evaluate } from "../../runtime/index.js";
import type { EvaluationResult, IamConditionBlock, IamStatement, PolicyInput, Request } from "../../runtime/index.js";
import { MARY, policy } from "./support.js";

const ACTIONS = ["apprunner:DescribeService", "apprunner:DeleteService", "apprunner:ListServices", "s3:GetObject"];
const RESOURCES = [
  "arn:aws:apprunner:us-east-1:123456789012:service/web/1",
  "arn:aws:apprunner:us-east-1:123456789012:service/api/2",
  "arn:aws:s3:::bucket/Key",
  "*",
];

const actionPattern = fc.constantFrom("*", "apprunner:*", "apprunner:Describe*", "apprunner:?istServices", ...ACTIONS);
const resourcePattern = fc.constantFrom("*", "arn:aws:apprunner:*:*:service/web/*", "arn:aws:s3:::bucket/*", ...RESOURCES);
const condition: fc.Arbitrary<IamConditionBlock | undefined> = fc.constantFrom<IamConditionBlock | undefined>(
  undefined,
  { StringEquals: { "aws:ResourceTag/team": "alice" } },
  { StringNotEquals: { "aws:ResourceTag/team": "${aws:PrincipalTag/team}" } },
  { "ForAnyValue:StringLike": { "aws:TagKeys": "env*" } },
  { BoolIfExists: { "aws:SecureTransport": "true" } },
);

const statement: fc.Arbitrary<IamStatement> = fc
  .record({
    effect: fc.constantFrom("Allow" as const, "Deny" as const),
    notAction: fc.boolean(),
    actions: fc.array(actionPattern, { minLength: 1, maxLength: 3 }),
    notResource: fc.boolean(),
    resources: fc.array(resourcePattern, { minLength: 1, maxLength: 2 }),
    condition,
  })
  .map(({ effect, notAction, actions, notResource, resources, condition: c }) => ({
    Effect: effect,
    ...(notAction ? { NotAction: actions } : { Action: actions }),
    ...(notResource ? { NotResource: resources } : { Resource: resources }),
    ...(c === undefined ? {} : { Condition: c }),
  }));

const policies = fc.array(fc.array(statement, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 4 });

const requestArb: fc.Arbitrary<Request> = fc.record({
  principal: fc.constant(MARY),
  action: fc.constantFrom(...ACTIONS),
  resource: fc.constantFrom(...RESOURCES),
  context: fc.record(
    {
      "aws:ResourceTag/team": fc.constantFrom("alice", "bob"),
      "aws:PrincipalTag/team": fc.constantFrom("alice", "bob"),
      "aws:TagKeys": fc.array(fc.constantFrom("env", "cost"), { maxLength: 2 }),
      "aws:SecureTransport": fc.constantFrom("true", "false"),
    },
    { requiredKeys: [] },
  ),
});

const toInputs = (sets: IamStatement[][]): PolicyInput[] => sets.map((s) => policy(...s));

/** The deciding statements as a sorted list of their identities. */
function summary(result: EvaluationResult, id: (ref: { policy: string; index: number }) => string): [string, string[]] {
  return [result.decision, result.matched.map(id).sort()];
}

describe("properties", () => {
  it("[eval] the decision and the deciding statements are invariant under reordering statements and policies", () => {
    fc.assert(
      fc.property(policies, requestArb, fc.nat(), (sets, req, seed) => {
        // Tag each statement so it can be recognised after shuffling.
        const tagged = sets.map((s, p) => s.map((st, i) => ({ ...st, Sid: `p${p}s${i}` })));
        const shuffled = shuffle(tagged.map((s) => shuffle(s, seed)), seed + 1);
        const bySid = (inputs: IamStatement[][]) => (ref: { policy: string; index: number }) => {
          const position = Number(ref.policy.slice("policy[".length, -1));
          return inputs[position]![ref.index]!.Sid!;
        };
        const before = summary(evaluate(toInputs(tagged), req), bySid(tagged));
        const after = summary(evaluate(toInputs(shuffled), req), bySid(shuffled));
        expect(after).toEqual(before);
      }),
      { numRuns: 300 },
    );
  });

  it("[eval] An explicit deny in any policy overrides any allows", () => {
    const denyEverything: IamStatement = { Effect: "Deny", Action: "*", Resource: "*" };
    fc.assert(
      fc.property(policies, requestArb, fc.nat(), (sets, req, at) => {
        const withDeny = [...sets];
        withDeny.splice(at % (sets.length + 1), 0, [denyEverything]);
        expect(evaluate(toInputs(withDeny), req).decision).toBe("ExplicitDeny");
      }),
      { numRuns: 300 },
    );
  });

  it("[action] The prefix and the action name are case insensitive", () => {
    fc.assert(
      fc.property(policies, requestArb, fc.array(fc.boolean(), { minLength: 32, maxLength: 32 }), (sets, req, flips) => {
        const flipped = [...req.action].map((c, i) => (flips[i % flips.length] ? c.toUpperCase() : c.toLowerCase())).join("");
        const inputs = toInputs(sets);
        expect(evaluate(inputs, { ...req, action: flipped }).decision).toBe(evaluate(inputs, req).decision);
      }),
      { numRuns: 300 },
    );
  });

  it("Resource matching is case-sensitive: an exact Allow does not cover a differently cased ARN", () => {
    const arn = fc.stringMatching(/^arn:aws:s3:::[a-zA-Z]{1,8}\/[a-zA-Z]{1,8}$/);
    fc.assert(
      fc.property(arn, arn, (granted, asked) => {
        const allow: IamStatement = { Effect: "Allow", Action: "s3:GetObject", Resource: granted };
        const req: Request = { principal: MARY, action: "s3:GetObject", resource: asked };
        const want = granted === asked ? "Allow" : "ImplicitDeny";
        expect(evaluate([policy(allow)], req).decision).toBe(want);
      }),
      { numRuns: 300 },
    );
  });

  it("a compiled policy set decides exactly as evaluate, and every statement is accounted for once", () => {
    fc.assert(
      fc.property(policies, requestArb, (sets, req) => {
        const inputs = toInputs(sets);
        const result = compilePolicySet(inputs).evaluate(req);
        expect(result).toEqual(evaluate(inputs, req));
        const total = sets.reduce((n, s) => n + s.length, 0);
        expect(result.matched.length + result.notApplied.length + (result.overridden?.length ?? 0)).toBe(total);
      }),
      { numRuns: 300 },
    );
  });
});

/** A deterministic Fisher–Yates shuffle driven by a seed. */
function shuffle<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let state = seed || 1;
  for (let i = out.length - 1; i > 0; i--) {
    state = (state * 1103515245 + 12345) % 2147483648;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
