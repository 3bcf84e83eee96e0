// A Condition with `ArnLike` and `StringLike` on one ARN key: IAM accepts it and ANDs the two.
// arp reads `StringLike` on an ARN key as `ArnLike` (ARP6008), so the statement holds two
// `ArnLike` tests of one key, which one Condition block cannot hold twice; the second is
// written `ArnLikeIfExists`, which the first test's need for the key makes equal. Found by the
// random App Runner property at 10,000 policies (3 refusals before).
import { describe, expect, it } from "vitest";
import { importPolicy } from "../../compiler/import/index.js";
import { evaluate, type IamPolicyDocument } from "../../runtime/index.js";
import { assertSameDecisions, compileImport } from "./support.js";

/** A policy of one statement on `*` with `condition`. */
function policyOf(effect: "Allow" | "Deny", actions: string[], condition: Record<string, Record<string, string | string[]>>): IamPolicyDocument {
  return { Version: "2012-10-17", Statement: [{ Effect: effect, Action: actions, Resource: "*", Condition: condition }] };
}

const POLICY = policyOf("Allow", ["apprunner:CreateService", "apprunner:UpdateService"], {
  ArnLike: { "apprunner:ConnectionArn": "arn:aws:apprunner:*:*:connection/github*" },
  StringLike: { "apprunner:ConnectionArn": "arn:aws:apprunner:*:*:connection/*/*" },
});

// IAM ANDs `ForAllValues:StringEquals` and `ForAllValues:StringEqualsIfExists` of one key; the
// import drops `IfExists` after a quantifier (ARP3008), leaving two `ForAllValues:StringEquals`
// of one key, which the second now spells `ForAllValues:StringEqualsIfExists` again. Found by
// the random policies property at 250 policies (1 refusal before).
const QUANTIFIED = policyOf("Deny", ["apprunner:DescribeService", "apprunner:StartDeployment"], {
  "ForAllValues:StringEquals": { "aws:CalledVia": ["team", "env"] },
  "ForAllValues:StringEqualsIfExists": { "aws:CalledVia": ["env", "cloudformation.amazonaws.com"] },
});

describe("two quantified tests of one key", () => {
  it("import, compile as the JSON has them, and decide as the input", async () => {
    const result = await importPolicy(JSON.stringify(QUANTIFIED, null, 2), { file: "p.json" });
    expect(result.diagnostics.map((d) => [d.code, d.severity])).toEqual([["ARP3008", "warning"]]);
    const compiled = compileImport(result.arp!, "policy");
    expect(compiled).toEqual(QUANTIFIED);
    assertSameDecisions(QUANTIFIED, compiled, 2_000);
  });

  it("any and any of one key compile too, the second as its IfExists form", async () => {
    const compiled = compileImport("policy q {\n  allow apprunner:ListServices on * when any aws:CalledVia in [\"a\", \"b\"] and any aws:CalledVia in [\"b\", \"c\"]\n}\n", "policy");
    expect([compiled.Statement].flat()[0]!.Condition).toEqual({
      "ForAnyValue:StringEquals": { "aws:CalledVia": ["a", "b"] },
      "ForAnyValue:StringEqualsIfExists": { "aws:CalledVia": ["b", "c"] },
    });
    // Both must hold: a request whose one value is in only one list is not allowed.
    const request = (values: string[]) => ({ principal: "arn:aws:iam::123456789012:user/a", action: "apprunner:ListServices", resource: "*", context: values.length === 0 ? {} : { "aws:CalledVia": values } });
    expect([["b"], ["a"], ["a", "c"], []].map((v) => evaluate([compiled], request(v)).decision)).toEqual(["Allow", "ImplicitDeny", "Allow", "ImplicitDeny"]);
  });
});

describe("two like tests of one ARN key", () => {
  it("import, compile to ArnLike beside ArnLikeIfExists, and decide as the input", async () => {
    const result = await importPolicy(JSON.stringify(POLICY, null, 2), { file: "p.json" });
    expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const compiled = compileImport(result.arp!, "policy");
    const [statement] = [compiled.Statement].flat();
    expect(Object.keys(statement!.Condition ?? {})).toEqual(["ArnLike", "ArnLikeIfExists"]);
    assertSameDecisions(POLICY, compiled, 2_000);
  });
});
