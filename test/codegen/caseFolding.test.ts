/**
 * Comparisons that ignore case (`Bool`, `StringEqualsIgnoreCase`) in the generated module read
 * a value already in lower case as it is and lower-case any other, with
 * `String.prototype.toLowerCase` as the runtime does: each value below is decided as the
 * runtime decides it.
 */
import { describe, expect, it } from "vitest";
import { generateEvaluator, type PolicySource } from "../../compiler/emit/typescript/index.js";
import { compilePolicySet, type Request } from "../../runtime/index.js";
import { loadEvaluator } from "./support.js";

const POLICY: PolicySource = {
  name: "folding",
  document: {
    Version: "2012-10-17",
    Statement: [
      { Sid: "Tls", Effect: "Allow", Action: "apprunner:ListServices", Resource: "*", Condition: { Bool: { "aws:SecureTransport": "true" } } },
      { Sid: "Team", Effect: "Allow", Action: "apprunner:DescribeService", Resource: "*", Condition: { StringEqualsIgnoreCase: { "aws:PrincipalTag/team": ["kilo", "blue-team"] } } },
    ],
  },
  sources: [{ file: "folding.arp", line: 1, column: 1 }],
};

const base = { principal: "arn:aws:iam::123456789012:user/alice", resource: "*" };

describe("generated case-insensitive comparisons", () => {
  it("decide every spelling of a value as the runtime does", async () => {
    const generated = loadEvaluator(await generateEvaluator([POLICY], { moduleName: "folding" }));
    const runtime = compilePolicySet([POLICY]);
    const requests: Request[] = [
      ...["true", "TRUE", "True", "tRUE", "false", "truee", "", "tru\u00e9"].map((v) => ({ ...base, action: "apprunner:ListServices", context: { "aws:SecureTransport": v } })),
      // The Kelvin sign lower-cases to "k"; the dotted capital I to two characters.
      ...["kilo", "KILO", "\u212Ailo", "Blue-Team", "blue-team", "BLUE-TEAM ", "\u0130ilo"].map((v) => ({ ...base, action: "apprunner:DescribeService", context: { "aws:PrincipalTag/team": v } })),
    ];
    const decisions = requests.map((r) => generated.authorize(r));
    expect(decisions).toEqual(requests.map((r) => runtime.evaluate(r).decision));
    expect(decisions.filter((d) => d === "Allow")).toHaveLength(9);
  });
});
