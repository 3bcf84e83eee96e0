// ARP3008. reference_policies_multi-value-conditions.md: ForAnyValue "For no matching key or a
// null dataset, the condition returns false"; ForAllValues "also returns true if there are no
// keys in the request". A quantifier already decides the missing key (and AWS denies a request
// without tag keys under an allow whose only condition is ForAnyValue:StringEqualsIfExists), so
// `if exists` after `any`/`all` changes nothing: a warning at the `if exists`, and no IfExists
// suffix in the compiled operator.
import { describe, expect, it } from "vitest";
import { compile } from "../../compiler/index.js";

function compiled(condition: string) {
  const text = `allow apprunner:TagResource on * when ${condition}`;
  const result = compile(text);
  const doc = result.policies[0]!.document;
  const [statement] = Array.isArray(doc.Statement) ? doc.Statement : [doc.Statement];
  return { text, result, condition: statement!.Condition };
}

describe("if exists after any/all", () => {
  for (const q of ["any", "all"] as const) {
    it(`warns at the \`if exists\` after \`${q}\` and emits no IfExists`, () => {
      const { text, result, condition } = compiled(`${q} aws:TagKeys like "team*" if exists`);
      const d = result.diagnostics.find((x) => x.code === "ARP3008")!;
      expect(d.severity).toBe("warning");
      expect(text.slice(d.span.start, d.span.end)).toBe("if exists");
      const operator = q === "any" ? "ForAnyValue:StringLike" : "ForAllValues:StringLike";
      expect(condition).toEqual({ [operator]: { "aws:TagKeys": "team*" } });
    });
  }

  it("says nothing about `if exists` without a quantifier, where it does matter", () => {
    const { result, condition } = compiled('aws:RequestedRegion = "eu-west-1" if exists');
    expect(result.diagnostics.map((d) => d.code)).toEqual([]);
    expect(condition).toEqual({ StringEqualsIfExists: { "aws:RequestedRegion": "eu-west-1" } });
  });
});
