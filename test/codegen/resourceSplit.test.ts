/**
 * Resource patterns of the common shape (literal partition and service, region and account
 * literal or `*`, a resource part of `*`, `text` or `text*`) are tested in the generated module
 * on the resource cut at its colons (compiler/emit/typescript/resources.ts, `splitArnTest`),
 * with the glob kept for a resource of another shape. Both must match exactly as the runtime's
 * matcher: here on random patterns of that shape and random resources with too few, exactly
 * five or more colons, empty fields and fields that overlap the pattern's text.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  generateEvaluator,
  type PolicySource,
} from "../../compiler/emit/typescript/index.js";
import { evaluate, type Request } from "../../runtime/index.js";
import { loadEvaluator } from "./support.js";

const PARTITIONS = ["aws", "a"];
const SERVICES = ["apprunner", "ap"];
const REGIONS = ["*", "**", "us-east-1", "", "u"];
const ACCOUNTS = ["*", "123456789012", "", "1"];
const RESTS = [
  "*",
  "",
  "service/t0-*",
  "service/t0-",
  "s",
  "s*",
  "**",
  "a:b*",
  "service/*",
];

const patternArb = fc
  .tuple(
    fc.constantFrom(...PARTITIONS),
    fc.constantFrom(...SERVICES),
    fc.constantFrom(...REGIONS),
    fc.constantFrom(...ACCOUNTS),
    fc.constantFrom(...RESTS),
  )
  .map(
    ([partition, service, region, account, rest]) =>
      `arn:${partition}:${service}:${region}:${account}:${rest}`,
  );

/** Fields that meet the patterns' texts, and colons, in any number. */
const FIELDS = [
  "arn",
  "aws",
  "a",
  "apprunner",
  "ap",
  "us-east-1",
  "u",
  "",
  "123456789012",
  "1",
  "service/t0-x",
  "service/t0-",
  "s",
  "service/t1-y",
  "a",
  "b",
  "*",
];
const fieldsArb = (min: number, max: number) =>
  fc
    .array(fc.constantFrom(...FIELDS), { minLength: min, maxLength: max })
    .map((fields) => fields.join(":"));
/** Mostly an ARN of the patterns' partitions and services, with any number of fields after. */
const resourceArb = fc
  .oneof(
    {
      weight: 4,
      arbitrary: fc
        .tuple(
          fc.constantFrom(...PARTITIONS),
          fc.constantFrom(...SERVICES),
          fc.constantFrom("us-east-1", "u", "", "x"),
          fc.constantFrom("123456789012", "1", "", "2"),
          fc.constantFrom(
            "service/t0-x",
            "service/t0-",
            "s",
            "sx",
            "service/t1-y",
            "",
            "a",
            "a:b",
            "service/t0-x:1",
          ),
        )
        .map((fields) => `arn:${fields.join(":")}`),
    },
    {
      weight: 3,
      arbitrary: fc
        .tuple(
          fc.constantFrom(...PARTITIONS),
          fc.constantFrom(...SERVICES),
          fieldsArb(0, 6),
        )
        .map(([p, s, rest]) => `arn:${p}:${s}:${rest}`),
    },
    { weight: 1, arbitrary: fieldsArb(1, 9) },
  )
  .filter((resource) => resource !== "");

function policyOf(patterns: readonly string[]): PolicySource {
  return {
    name: "split",
    document: {
      Version: "2012-10-17",
      Statement: patterns.map((pattern, i) => ({
        Sid: `S${i}`,
        Effect: "Allow",
        Action: "apprunner:DescribeService",
        Resource: pattern,
      })),
    },
  };
}

describe("resource patterns tested on the resource cut at its colons", () => {
  it("match every resource as the runtime does", async () => {
    const patterns = fc.sample(patternArb, { numRuns: 60, seed: 5 });
    const resources = [
      ...fc.sample(resourceArb, { numRuns: 600, seed: 6 }),
      "arn:aws:apprunner:us-east-1:123456789012:service/t0-x",
      "arn:aws:apprunner:us-east-1:123456789012:service/t0-x:1",
      "arn:aws:apprunner:us-east-1:123456789012:a:b",
      "arn:aws:apprunner:us:east-1:123456789012:service/t0-x",
      "arn:aws:apprunner::123456789012:",
      "arn:aws:apprunner:::",
      "*",
    ];
    const policy = policyOf(patterns);
    const evaluator = loadEvaluator(await generateEvaluator([policy]));
    let matched = 0;
    for (const resource of resources) {
      const request: Request = {
        principal: "arn:aws:iam::123456789012:user/u",
        action: "apprunner:DescribeService",
        resource,
      };
      const want = evaluate([policy], request);
      expect(evaluator.explain(request), resource).toEqual(want);
      expect(evaluator.authorize(request), resource).toBe(want.decision);
      matched += want.matched.length;
    }
    // The sample must exercise both outcomes often, or it proves little.
    expect(matched).toBeGreaterThan(200);
    expect(matched).toBeLessThan(resources.length * patterns.length - 200);
  });
});
