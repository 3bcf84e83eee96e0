// What the compiler needs to report a finding at the `.arp` statement it came from, and the
// validator's robustness on values that are not documents at all.
import { describe, expect, it } from "vitest";
import { bundlePartOf, pathText, statementIndexOf, validateIamDocument } from "../../compiler/validate/index.js";

describe("statementIndexOf", () => {
  it("reads the statement index of a path", () => {
    expect(statementIndexOf(["Statement", 3, "Condition", "StringEquals", "aws:TagKeys", 0])).toBe(3);
    expect(statementIndexOf(["Policies", 1, "PolicyDocument", "Statement", 2, "Action"])).toBe(2);
  });
  it("a single statement written as an object is statement 0", () => expect(statementIndexOf(["Statement", "Effect"])).toBe(0));
  it("a finding about the whole document has no statement", () => {
    expect(statementIndexOf([])).toBeUndefined();
    expect(statementIndexOf(["Version"])).toBeUndefined();
    expect(statementIndexOf(["Statement"])).toBeUndefined();
  });
  it("a finding's path leads back to its statement", () => {
    const doc = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "apprunner:ListServices", Resource: "*" }, { Effect: "Allow", Action: "apprunner:ListServices", Resource: "*", Sid: "a_b" }] };
    const [finding] = validateIamDocument(doc, "identity");
    expect(finding?.rule).toBe("sid-characters");
    expect(statementIndexOf(finding!.path)).toBe(1);
  });
});

describe("bundlePartOf", () => {
  it("tells the trust policy, an inline policy and the bundle apart", () => {
    expect(bundlePartOf(["AssumeRolePolicyDocument", "Statement", 0])).toEqual({ part: "trust" });
    expect(bundlePartOf(["Policies", 2, "PolicyDocument", "Statement", 0])).toEqual({ part: "inline", index: 2 });
    expect(bundlePartOf(["Policies", 2, "PolicyName"])).toEqual({ part: "bundle" });
    expect(bundlePartOf(["RoleName"])).toEqual({ part: "bundle" });
  });
});

describe("pathText", () => {
  it("prints a path", () => expect(pathText(["Statement", 3, "Condition", "StringEquals"])).toBe("Statement[3].Condition.StringEquals"));
});

describe("values that are not documents", () => {
  const odd: unknown[] = [null, 5, "x", [], {}, { Statement: null }, { Statement: [null, 1, "s"] }, JSON.parse('{"__proto__": {"Effect": "Allow"}, "Statement": {"toString": 1, "Effect": "Allow", "Action": [], "Resource": [{}]}}')];
  for (const kind of ["identity", "inline", "trust", "roleBundle"] as const) {
    it(`${kind}: every one is reported as an error, never thrown`, () => {
      for (const doc of odd) expect(validateIamDocument(doc, kind).some((f) => f.severity === "error")).toBe(true);
    });
  }
});
