// `not any K ... if exists` (issue 9, item 1). `arp test` and the source must decide alike.
//
// What the source means, from the IAM User Guide:
// - reference_policies_elements_condition.md: "For condition keys that are defined by the user,
//   such as passing tags in a request, it is possible to include an empty string. In this case,
//   the value in the request context is null." So tag keys `[""]` are null, like no tag keys.
// - reference_policies_multi-value-conditions.md, ForAnyValue: "For no matching key or a null
//   dataset, the condition returns false." AWS's reported behaviour keeps it false with
//   `IfExists` too (an allow whose only condition is ForAnyValue:StringEqualsIfExists on
//   aws:TagKeys denies a request without tag keys), so `if exists` after `any` changes nothing.
// Hence `any aws:TagKeys like "aws:*" if exists` is false on `[""]`, its `not` is TRUE, and the
// deny applies: the issue's `expect allow ... with tag keys = [""]` was the wrong expectation
// under these semantics; the tests below expect deny.
import { describe, expect, it } from "vitest";
import { compile, runPolicyTests } from "../../compiler/index.js";

const POLICY = [
  "policy P {",
  "  allow apprunner:TagResource on *",
  '  deny apprunner:TagResource on * when not any aws:TagKeys like "aws:*" if exists',
  "}",
].join("\n");

function decisions(cases: readonly (readonly [string, "allow" | "deny"])[]): string {
  const tests = cases.map(([keys, want], i) =>
    `test "t${i}" for P { expect ${want} apprunner:TagResource on *${keys === "" ? "" : ` with tag keys = ${keys}`} }`);
  return `${POLICY}\n${tests.join("\n")}\n`;
}

describe("not any K like ... if exists", () => {
  it("compiles to ForAllValues:StringNotLike alone: no IfExists after the quantifier, no Null guard", () => {
    const result = compile(POLICY);
    expect(result.ok).toBe(true);
    const statements = [result.policies[0]!.document.Statement].flat();
    const deny = statements.find((s) => s.Effect === "Deny");
    expect(deny?.Condition).toEqual({ "ForAllValues:StringNotLike": { "aws:TagKeys": "aws:*" } });
    expect(result.diagnostics.map((d) => d.code)).toEqual(["ARP3008"]);
  });

  it("decides as the source reads on null, empty, missing and present tag keys", () => {
    const cases = [
      // null: `any` fails, so its `not` holds and the deny applies
      ['[""]', "deny"],
      ["", "deny"],
      // present: `any` holds when some key is like aws:*; a "" beside it is an ordinary value
      ['["aws:cloudformation:stack"]', "allow"],
      ['["", "aws:cloudformation:stack"]', "allow"],
      ['["team"]', "deny"],
      ['["", "team"]', "deny"],
    ] as const;
    const source = decisions(cases);
    const run = runPolicyTests([{ path: "p.arp", text: source }]);
    expect(run.outcomes).toHaveLength(cases.length);
    expect(run.outcomes.filter((o) => !o.passed).map((o) => `${o.test} got ${o.got}`)).toEqual([]);
  });
});
