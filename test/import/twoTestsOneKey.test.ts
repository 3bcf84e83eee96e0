// A Condition with `ArnLike` and `StringLike` on one ARN key: IAM accepts it and ANDs the two.
// arp reads `StringLike` on an ARN key as `ArnLike` (ARP6008), so the statement holds two
// `ArnLike` tests of one key, which one Condition block cannot hold twice; the second is
// written `ArnLikeIfExists`, which the first test's need for the key makes equal. Found by the
// random App Runner property at 10,000 policies (3 refusals before).
import { describe, expect, it } from "vitest";
import { importPolicy } from "../../compiler/import/index.js";
import type { IamPolicyDocument } from "../../runtime/index.js";
import { assertSameDecisions, compileImport } from "./support.js";

const POLICY: IamPolicyDocument = {
  Version: "2012-10-17",
  Statement: [{
    Effect: "Allow",
    Action: ["apprunner:CreateService", "apprunner:UpdateService"],
    Resource: "*",
    Condition: {
      ArnLike: { "apprunner:ConnectionArn": "arn:aws:apprunner:*:*:connection/github*" },
      StringLike: { "apprunner:ConnectionArn": "arn:aws:apprunner:*:*:connection/*/*" },
    },
  }],
};

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
