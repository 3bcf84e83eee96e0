/**
 * The generated `authorize` reads every request through one reused view: array values go into
 * buffers kept from request to request, and odd spellings the spelling cache no longer takes
 * are matched by folding case letter by letter. Neither may let one request's values reach the
 * next, or change which key a spelling names: each request below is decided as the runtime
 * decides it, in a sequence built to reuse buffers at growing and shrinking lengths.
 */
import { describe, expect, it } from "vitest";
import { generateEvaluator, type PolicySource } from "../../compiler/emit/typescript/index.js";
import { compilePolicySet, type Request, type RequestInput } from "../../runtime/index.js";
import { loadEvaluator } from "./support.js";

const POLICY: PolicySource = {
  name: "reuse",
  document: {
    Version: "2012-10-17",
    Statement: [
      {
        Sid: "TaggedCreate",
        Effect: "Allow",
        Action: "apprunner:CreateService",
        Resource: "*",
        Condition: {
          "ForAllValues:StringEquals": { "aws:TagKeys": ["team", "env"] },
          "ForAnyValue:StringEquals": { "aws:CalledVia": "cloudformation.amazonaws.com" },
          StringEquals: { "aws:PrincipalTag/team": "blue" },
        },
      },
    ],
  },
  sources: [{ file: "reuse.arp", line: 1, column: 1 }],
};

const base = { principal: "arn:aws:iam::123456789012:user/alice", action: "apprunner:CreateService", resource: "*" };
const VIA = "cloudformation.amazonaws.com";

/** A spelling of `key` with each letter's case from the bits of `n`. */
function spelled(key: string, n: number): string {
  return [...key].map((c, i) => ((n >> i % 24) & 1 ? c.toUpperCase() : c.toLowerCase())).join("");
}

describe("generated authorize with a reused view", () => {
  it("decides a sequence of array values of changing lengths as the runtime does", async () => {
    const generated = loadEvaluator(await generateEvaluator([POLICY], { moduleName: "reuse" }));
    const runtime = compilePolicySet([POLICY]);
    const tagKeys: unknown[] = [
      ["team", "env", "team", "env", "team"],
      ["team"],
      ["team", "owner"],
      [],
      ["env", "team", "env"],
      "team",
      ["owner"],
      Array.from({ length: 100 }, (_, i) => (i % 2 === 0 ? "team" : "env")),
      ["team", "env", "cost"],
      ["env"],
      [1, true],
      undefined,
    ];
    const calledVia: unknown[] = [[VIA], ["x", "y", "z"], [], [VIA, "x"], ["y"], VIA, undefined];
    const requests: RequestInput[] = [];
    for (let i = 0; i < 60; i++) {
      const context: Record<string, unknown> = { "aws:PrincipalTag/team": "blue" };
      context[i % 3 === 0 ? "AWS:TagKeys" : "aws:TagKeys"] = tagKeys[i % tagKeys.length];
      context["aws:CalledVia"] = calledVia[i % calledVia.length];
      // A second spelling of the same key, sometimes: the last one wins, array or not.
      if (i % 5 === 0) context["aws:tagkeys"] = tagKeys[(i + 1) % tagKeys.length];
      requests.push({ ...base, context } as RequestInput);
    }
    const decisions = requests.map((r) => generated.authorize(r as Request));
    expect(decisions).toEqual(requests.map((r) => runtime.evaluate(r).decision));
    expect(new Set(decisions)).toEqual(new Set(["Allow", "ImplicitDeny"]));
  });

  it("finds a key by any spelling after the spelling cache is full, and no other key by it", async () => {
    const generated = loadEvaluator(await generateEvaluator([POLICY], { moduleName: "reuse" }));
    const runtime = compilePolicySet([POLICY]);
    const decide = (context: Record<string, unknown>) => {
      const request = { ...base, context } as RequestInput;
      const decision = generated.authorize(request as Request);
      expect(decision).toBe(runtime.evaluate(request).decision);
      return decision;
    };
    // Fill the cache with spellings of a key no statement reads, as long as aws:TagKeys.
    for (let n = 0; n < 5000; n++) decide({ [`x:${n.toString(36).padStart(9, "0")}`]: "v" });
    const allowed = { "aws:TagKeys": ["team"], "aws:CalledVia": [VIA] };
    for (let n = 1; n < 40; n++) {
      expect(decide({ ...allowed, [spelled("aws:PrincipalTag/team", n * 7919)]: "blue" })).toBe("Allow");
      expect(decide({ ...allowed, [spelled("aws:PrincipalTag/teal", n * 7919)]: "blue" })).toBe("ImplicitDeny");
      expect(decide({ "aws:PrincipalTag/team": "blue", [spelled("aws:CalledVia", n * 31)]: ["x"], "aws:TagKeys": ["team"] })).toBe("ImplicitDeny");
    }
    // A non-ASCII spelling is lower-cased as the rule says: the Kelvin sign lower-cases to "k".
    const kelvin = "aws:Tag\u212Aeys";
    expect(kelvin.toLowerCase()).toBe("aws:tagkeys");
    expect(decide({ "aws:PrincipalTag/team": "blue", "aws:CalledVia": [VIA], [kelvin]: ["owner"] })).toBe("ImplicitDeny");
    expect(decide({ "aws:PrincipalTag/team": "blue", "aws:CalledVia": [VIA], "aws:TagKeys": ["owner"], [kelvin]: ["team"] })).toBe("Allow");
  });
});
