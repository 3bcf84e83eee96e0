/**
 * The semantics decided against the AWS documentation for empty values, `ForAnyValue` with
 * `IfExists`, policy variables in a Resource ARN and wildcards inside ARN segments. Every case
 * is decided by the runtime interpreter (`evaluate`) and by a generated evaluator, which must
 * both give the decision written here. Each case quotes the sentence it relies on.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { generateEvaluator, type PolicySource } from "../../compiler/emit/typescript/index.js";
import { compileResourcePattern } from "../../runtime/resourcePattern.js";
import { evaluate } from "../../runtime/index.js";
import type { ContextValue, Decision, IamStatement, Request } from "../../runtime/index.js";
import { loadEvaluator } from "../codegen/support.js";

const ALICE = "arn:aws:iam::123456789012:user/alice";

interface Case {
  /** The documentation sentence the case relies on, or the decision it records. */
  readonly doc: string;
  readonly statements: readonly IamStatement[];
  readonly requests: readonly (readonly [Partial<Request>, Decision])[];
}

const allow = (s: Omit<IamStatement, "Effect">): IamStatement => ({ Effect: "Allow", ...s });
const deny = (s: Omit<IamStatement, "Effect">): IamStatement => ({ Effect: "Deny", ...s });
const when = (condition: IamStatement["Condition"]): IamStatement => allow({ Action: "*", Resource: "*", Condition: condition });
const at = (resource: string): Partial<Request> => ({ resource });

async function decideBoth(c: Case): Promise<void> {
  const policies: PolicySource[] = [{ name: "p", document: { Version: "2012-10-17", Statement: [...c.statements] } }];
  const generated = loadEvaluator(await generateEvaluator(policies));
  for (const [fields, want] of c.requests) {
    const request: Request = { principal: ALICE, action: "apprunner:TagResource", resource: "*", ...fields };
    const label = JSON.stringify(fields);
    expect(evaluate(policies, request).decision, `runtime ${label}`).toBe(want);
    expect(generated.authorize(request), `generated authorize ${label}`).toBe(want);
    expect(generated.explain(request).decision, `generated explain ${label}`).toBe(want);
  }
}

function cases(title: string, list: readonly Case[]): void {
  describe(title, () => {
    for (const c of list) it(c.doc, () => decideBoth(c), 10_000);
  });
}

const tags = (value: ContextValue): Partial<Request> => ({ context: { "aws:TagKeys": value } });

cases("S1: a key whose values are all \"\" is null for every operator", [
  {
    doc: 'Condition: "it is possible to include an empty string. In this case, the value in the request context is *null*" — Null "false" fails on "", [""] and [], holds on a mixed array',
    statements: [when({ Null: { "aws:TagKeys": "false" } })],
    requests: [
      [tags(""), "ImplicitDeny"],
      [tags([""]), "ImplicitDeny"],
      [tags(["", ""]), "ImplicitDeny"],
      [tags([]), "ImplicitDeny"],
      [tags(["", "env"]), "Allow"],
      [tags("env"), "Allow"],
    ],
  },
  {
    doc: 'Condition: the value "" in the request context is null — Null "true" holds on it as on a missing key',
    statements: [when({ Null: { "aws:RequestTag/team": "true" } })],
    requests: [
      [{ context: { "aws:RequestTag/team": "" } }, "Allow"],
      [{}, "Allow"],
      [{ context: { "aws:RequestTag/team": "web" } }, "ImplicitDeny"],
    ],
  },
  {
    doc: 'Condition: "If the key that you specify in a policy condition is not present in the request context, the values do not match" — so StringEquals "" fails on a null "" and StringNotEquals holds',
    statements: [
      allow({ Action: "a:Equals", Resource: "*", Condition: { StringEquals: { "aws:RequestTag/team": "" } } }),
      allow({ Action: "a:NotEquals", Resource: "*", Condition: { StringNotEquals: { "aws:RequestTag/team": "web" } } }),
    ],
    requests: [
      [{ action: "a:Equals", context: { "aws:RequestTag/team": "" } }, "ImplicitDeny"],
      [{ action: "a:Equals", context: { "aws:RequestTag/team": ["", "x"] } }, "Allow"],
      [{ action: "a:NotEquals", context: { "aws:RequestTag/team": "" } }, "Allow"],
      [{ action: "a:NotEquals", context: { "aws:RequestTag/team": [""] } }, "Allow"],
    ],
  },
  {
    doc: 'Issue case: `not any aws:TagKeys like "aws:*" if exists` lowered to ForAllValues:StringNotLike + Null "false" no longer denies tag keys [""] (multi-value conditions: "null data set, such as an empty string")',
    statements: [
      allow({ Action: "apprunner:TagResource", Resource: "*" }),
      deny({ Action: "apprunner:TagResource", Resource: "*", Condition: { "ForAllValues:StringNotLike": { "aws:TagKeys": "aws:*" }, Null: { "aws:TagKeys": "false" } } }),
    ],
    requests: [
      [tags([""]), "Allow"],
      [tags(""), "Allow"],
      [tags(["aws:x"]), "Allow"],
      [tags(["team"]), "ExplicitDeny"],
    ],
  },
  {
    doc: 'Variables: "the resource that includes a policy variable with no value will not match any resource" — a variable whose key is "" has no value',
    statements: [
      allow({ Action: "a:Own", Resource: "arn:aws:s3:::bucket/${aws:PrincipalTag/team}/*" }),
      allow({ Action: "a:Cond", Resource: "*", Condition: { StringNotEquals: { "aws:ResourceTag/team": "${aws:PrincipalTag/team}" } } }),
    ],
    requests: [
      [{ action: "a:Own", resource: "arn:aws:s3:::bucket//x", context: { "aws:PrincipalTag/team": "" } }, "ImplicitDeny"],
      [{ action: "a:Own", resource: "arn:aws:s3:::bucket/web/x", context: { "aws:PrincipalTag/team": "web" } }, "Allow"],
      // "Inverted condition operators like StringNotEquals … do match against a null value".
      [{ action: "a:Cond", context: { "aws:PrincipalTag/team": "", "aws:ResourceTag/team": "web" } }, "Allow"],
      [{ action: "a:Cond", context: { "aws:PrincipalTag/team": "web", "aws:ResourceTag/team": "web" } }, "ImplicitDeny"],
    ],
  },
]);

cases("S2: ForAnyValue:…IfExists on a missing or null key is false", [
  {
    doc: 'Multi-value conditions: ForAnyValue "For no matching context key or if the key does not exist, the condition returns false" wins over "If the key is not present, evaluate the condition element as true"',
    statements: [allow({ Action: "apprunner:TagResource", Resource: "*", Condition: { "ForAnyValue:StringEqualsIfExists": { "aws:TagKeys": "env" } } })],
    requests: [
      [{}, "ImplicitDeny"],
      [tags([]), "ImplicitDeny"],
      [tags([""]), "ImplicitDeny"],
      [tags(["env", "team"]), "Allow"],
      [tags(["team"]), "ImplicitDeny"],
    ],
  },
  {
    doc: 'ForAllValues "also returns true if there are no context keys in the request", with or without IfExists; a plain IfExists still holds on a missing key',
    statements: [
      allow({ Action: "a:All", Resource: "*", Condition: { "ForAllValues:StringEqualsIfExists": { "aws:TagKeys": "env" } } }),
      allow({ Action: "a:Plain", Resource: "*", Condition: { StringEqualsIfExists: { "aws:RequestTag/env": "prod" } } }),
    ],
    requests: [
      [{ action: "a:All" }, "Allow"],
      [{ action: "a:All", ...tags([""]) }, "Allow"],
      [{ action: "a:All", ...tags(["team"]) }, "ImplicitDeny"],
      [{ action: "a:Plain" }, "Allow"],
      [{ action: "a:Plain", context: { "aws:RequestTag/env": "" } }, "Allow"],
      [{ action: "a:Plain", context: { "aws:RequestTag/env": "dev" } }, "ImplicitDeny"],
    ],
  },
]);

cases("S4: Resource variables are substituted only after the fifth colon", [
  {
    doc: 'Variables: "You can use a policy variable in the Resource element, but only in the resource portion of the ARN. This portion of the ARN appears after the fifth colon (:)"',
    statements: [
      allow({ Action: "a:After", Resource: "arn:aws:s3:::bucket/${aws:username}/*" }),
      allow({ Action: "a:Before", Resource: "arn:aws:apprunner:${aws:PrincipalTag/region}:123456789012:service/*" }),
    ],
    requests: [
      [{ action: "a:After", resource: "arn:aws:s3:::bucket/alice/notes" }, "Allow"],
      [{ action: "a:After", resource: "arn:aws:s3:::bucket/bob/notes" }, "ImplicitDeny"],
      // "You can't use a variable to replace parts of the ARN before the fifth colon": literal text there.
      [{ action: "a:Before", resource: "arn:aws:apprunner:us-east-1:123456789012:service/web", context: { "aws:PrincipalTag/region": "us-east-1" } }, "ImplicitDeny"],
      [{ action: "a:Before", resource: "arn:aws:apprunner:${aws:PrincipalTag/region}:123456789012:service/web", context: { "aws:PrincipalTag/region": "us-east-1" } }, "Allow"],
    ],
  },
  {
    doc: 'Variables: "If there is no value, the resource that includes a policy variable with no value will not match any resource"; in NotResource it then excludes nothing',
    statements: [
      allow({ Action: "a:In", Resource: "arn:aws:s3:::bucket/${aws:PrincipalTag/team}/*" }),
      allow({ Action: "a:Out", NotResource: "arn:aws:s3:::bucket/${aws:PrincipalTag/team}/*" }),
    ],
    requests: [
      [{ action: "a:In", resource: "arn:aws:s3:::bucket/x/y" }, "ImplicitDeny"],
      [{ action: "a:In", resource: "arn:aws:s3:::bucket/${aws:PrincipalTag/team}/y" }, "ImplicitDeny"],
      [{ action: "a:Out", resource: "arn:aws:s3:::bucket/x/y" }, "Allow"],
      [{ action: "a:Out", resource: "arn:aws:s3:::bucket/x/y", context: { "aws:PrincipalTag/team": "x" } }, "ImplicitDeny"],
    ],
  },
]);

cases("Resource wildcards and ARN segments", [
  {
    doc: 'Resource: "If the * wildcard is the last character of a resource ARN segment, it can expand to match beyond the colon boundaries" — so a * inside a segment cannot',
    statements: [
      allow({ Action: "a:Inside", Resource: "arn:aws:sqs:us-*-1:123456789012:q" }),
      allow({ Action: "a:Last", Resource: "arn:aws:sqs:us-*:123456789012:q" }),
    ],
    requests: [
      [{ action: "a:Inside", ...at("arn:aws:sqs:us-east:999999999999:x-1:123456789012:q") }, "ImplicitDeny"],
      [{ action: "a:Inside", ...at("arn:aws:sqs:us-east-1:123456789012:q") }, "Allow"],
      [{ action: "a:Last", ...at("arn:aws:sqs:us-east:999999999999:x-1:123456789012:q") }, "Allow"],
      [{ action: "a:Last", ...at("arn:aws:sqs:us-east-1:123456789012:q") }, "Allow"],
      [{ action: "a:Last", ...at("arn:aws:sqs:eu-west-1:123456789012:q") }, "ImplicitDeny"],
    ],
  },
  {
    doc: 'Resource: wildcards "within the individual segments of an ARN (the parts separated by colons)" — a ? in the first five segments is one character other than a colon',
    statements: [allow({ Action: "a:In", Resource: "arn:aws:s?s:us-east-1:123456789012:q" }), allow({ Action: "a:Out", NotResource: "arn:aws:s?s:*" })],
    requests: [
      [{ action: "a:In", ...at("arn:aws:sqs:us-east-1:123456789012:q") }, "Allow"],
      [{ action: "a:In", ...at("arn:aws:s:s:us-east-1:123456789012:q") }, "ImplicitDeny"],
      [{ action: "a:Out", ...at("arn:aws:sns:us-east-1:123456789012:q") }, "ImplicitDeny"],
      [{ action: "a:Out", ...at("arn:aws:s:s:us-east-1:123456789012:q") }, "Allow"],
    ],
  },
  {
    doc: 'Resource: the resource part after the fifth colon is one segment ("The asterisk (*) character can expand to replace everything within a segment"): its * and ? match its colons',
    statements: [
      allow({ Action: "a:Star", Resource: "arn:aws:lambda:us-east-1:123456789012:function:*-fn" }),
      allow({ Action: "a:One", Resource: "arn:aws:lambda:us-?ast-1:123456789012:function?my-fn" }),
    ],
    requests: [
      [{ action: "a:Star", ...at("arn:aws:lambda:us-east-1:123456789012:function:a:b-fn") }, "Allow"],
      [{ action: "a:One", ...at("arn:aws:lambda:us-east-1:123456789012:function:my-fn") }, "Allow"],
      [{ action: "a:One", ...at("arn:aws:lambda:us-east-1:123456789012:functionXmy-fn") }, "Allow"],
      [{ action: "a:One", ...at("arn:aws:lambda:us-east-1:123456789012:function::my-fn") }, "ImplicitDeny"],
    ],
  },
  {
    doc: "Resource: the S3 example arn:aws:s3:::DOC-EXAMPLE-BUCKET/*/test/* applies to each listed object and to none of the three it would not match",
    statements: [allow({ Action: "s3:GetObject", Resource: "arn:aws:s3:::DOC-EXAMPLE-BUCKET/*/test/*" })],
    requests: [
      ...[
        "1/test/object.jpg",
        "1/2/test/object.jpg",
        "1/2/test/3/object.jpg",
        "1/2/3/test/4/object.jpg",
        "1///test///object.jpg",
        "1/test/.jpg",
        "/test/object.jpg",
        "1/test/",
      ].map((key) => [{ action: "s3:GetObject", ...at(`arn:aws:s3:::DOC-EXAMPLE-BUCKET/${key}`) }, "Allow"] as const),
      ...["1-test/object.jpg", "test/object.jpg", "1/2/test.jpg"].map(
        (key) => [{ action: "s3:GetObject", ...at(`arn:aws:s3:::DOC-EXAMPLE-BUCKET/${key}`) }, "ImplicitDeny"] as const,
      ),
    ],
  },
]);

describe("segment-bound Resource matching stays linear", () => {
  it("decides a colon-dense 8,192-character resource against a long confined pattern quickly", () => {
    // Every field a candidate, a head as long as half the value: a per-candidate re-scan would be quadratic.
    const value = "arn:aws:s3:" + "a:".repeat(4090);
    const pattern = compileResourcePattern([{ text: `arn:aws:s?:*:a:${"a:".repeat(2000)}b*`, wild: true }]);
    const started = performance.now();
    for (let i = 0; i < 100; i++) expect(pattern.test(value)).toBe(false);
    expect(pattern.test(`${value}b`)).toBe(true);
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});

/**
 * The segment rules written out independently, as an O(n·m) dynamic programme: before the
 * pattern's fifth colon a `*` with only stars between it and the next `:` or the pattern's
 * end matches anything, any other `*` a run without colons and `?` one character other than a colon;
 * after it, `*` matches anything and `?` any one character.
 */
function reference(pattern: string, value: string): boolean {
  type Unit = { kind: "lit"; ch: string } | { kind: "star"; colons: boolean } | { kind: "one"; colons: boolean };
  const units: Unit[] = [];
  let colons = 0;
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]!;
    const resource = colons >= 5;
    let after = i + 1;
    while (pattern[after] === "*") after++;
    // Last in its segment: nothing but stars before the next colon or the end.
    if (ch === "*") units.push({ kind: "star", colons: resource || after === pattern.length || pattern[after] === ":" });
    else if (ch === "?") units.push({ kind: "one", colons: resource });
    else units.push({ kind: "lit", ch });
    if (ch === ":") colons++;
  }
  let row = Array.from({ length: value.length + 1 }, (_, j) => j === 0);
  for (const u of units) {
    const next = new Array<boolean>(value.length + 1).fill(false);
    for (let j = 0; j <= value.length; j++) {
      if (u.kind === "star") next[j] = row[j]! || (j > 0 && next[j - 1]! && (u.colons || value[j - 1] !== ":"));
      else if (j > 0 && row[j - 1]) next[j] = u.kind === "lit" ? value[j - 1] === u.ch : u.colons || value[j - 1] !== ":";
    }
    row = next;
  }
  return row[value.length]!;
}

const patternArb = fc.array(fc.constantFrom("a", "b", ":", ":", "*", "?"), { maxLength: 14 }).map((cs) => `arn:${cs.join("")}`);
const valueArb = fc.array(fc.constantFrom("a", "b", ":"), { maxLength: 14 }).map((cs) => `arn:${cs.join("")}`);

describe("Resource matching agrees with the segment rules written out", () => {
  it("runtime: random patterns and values over a, b, : (with * and ? in patterns)", () => {
    fc.assert(
      fc.property(patternArb, valueArb, (pattern, value) => {
        expect(compileResourcePattern([{ text: pattern, wild: true }]).test(value), `${pattern} ~ ${value}`).toBe(reference(pattern, value));
      }),
      { numRuns: 20_000, seed: 20261204 },
    );
  });

  it("generated evaluator: 60 random patterns, each its own statement, on 200 random values", async () => {
    const patterns = fc.sample(patternArb, { numRuns: 60, seed: 20261204 });
    const values = fc.sample(valueArb, { numRuns: 200, seed: 20261205 });
    const statements = patterns.map((pattern, i): IamStatement => ({ Effect: "Allow", Action: `a:s${i}`, Resource: pattern }));
    const generated = loadEvaluator(await generateEvaluator([{ name: "p", document: { Version: "2012-10-17", Statement: statements } }]));
    for (const [i, pattern] of patterns.entries()) {
      for (const value of values) {
        const decision = generated.authorize({ principal: ALICE, action: `a:s${i}`, resource: value });
        expect(decision === "Allow", `${pattern} ~ ${value}`).toBe(reference(pattern, value));
      }
    }
  }, 10_000);
});
