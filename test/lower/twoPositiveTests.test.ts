// Two tests of one single-valued key with the same positive operator that must both hold. A
// Condition block holds each operator and key once, and IAM reads several values of one test as
// "any of them" ("If a single condition operator includes multiple values for one key, that
// condition operator is evaluated using a logical `OR`", reference_policies_multi-value-conditions.md),
// so merging the values would be an OR. The
// second test is written with the operator's IfExists form instead ("If the policy key is present
// in the context of the request, process the key as specified in the policy. If the key is not
// present, evaluate the condition element as true", reference_policies_elements_condition_operators.md,
// quoted, not read): the first test already fails when the key is missing, so the pair decides
// as both tests.
import { describe, expect, it } from "vitest";
import { compile, runPolicyTests } from "../../compiler/index.js";

const POLICY = 'allow apprunner:UpdateService on service/* when tag name like "web-*" and tag name like "*-prod"';

describe("two positive tests of one key", () => {
  it("writes the second with IfExists", () => {
    const result = compile(POLICY);
    expect(result.ok).toBe(true);
    const [statement] = [result.policies[0]!.document.Statement].flat();
    expect(statement?.Condition).toEqual({
      StringLike: { "aws:ResourceTag/name": "web-*" },
      StringLikeIfExists: { "aws:ResourceTag/name": "*-prod" },
    });
  });

  it("decides as both tests: allowed only when the tag matches both, denied when it is missing", () => {
    const cases: [string, "allow" | "deny"][] = [
      ['"web-prod"', "allow"],
      ['"web-eu-prod"', "allow"],
      ['"web-dev"', "deny"],
      ['"api-prod"', "deny"],
      ["", "deny"],
      ['""', "deny"],
    ];
    const tests = cases.map(([tag, want], i) =>
      `test "t${i}" { expect ${want} apprunner:UpdateService on "arn:aws:apprunner:us-east-1:123456789012:service/x/1"${tag === "" ? "" : ` with tag name = ${tag}`} }`);
    const run = runPolicyTests([{ path: "p.arp", text: `${POLICY}\n${tests.join("\n")}\n` }]);
    expect(run.outcomes).toHaveLength(cases.length);
    expect(run.outcomes.filter((o) => !o.passed).map((o) => `${o.test} got ${o.got}`)).toEqual([]);
  });

  it("still refuses a third test of the same key and operator: no spelling is left", () => {
    const result = compile(`${POLICY} and tag name like "*-eu-*"`);
    expect(result.ok).toBe(false);
    expect(result.diagnostics.map((d) => d.code)).toContain("ARP3005");
  });
});
