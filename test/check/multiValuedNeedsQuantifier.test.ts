// ARP3003 is an error in every form. reference_policies_multi-value-conditions.md:
// "Multivalued context keys require a condition set operator." Without one, a plain negated
// operator holds only when no value matches, so `not K` (BoolIfExists "false") and `K` (Bool
// "true") would both hold on `["true", "false"]`.
import { describe, expect, it } from "vitest";
import { check, compile } from "../../compiler/index.js";

const KEY = "codebuild:secondarySources.insecureSsl";

function errors(condition: string, action = "codebuild:CreateProject"): string[] {
  return check(`deny ${action} on * when ${condition}`).diagnostics.filter((d) => d.severity === "error").map((d) => d.code);
}

describe("a multi-valued key needs any or all", () => {
  it("in a comparison", () => {
    expect(errors('aws:TagKeys = "team"', "apprunner:TagResource")).toEqual(["ARP3003"]);
  });

  it("as a bare boolean key and under `not`, at the key", () => {
    expect(errors(KEY)).toEqual(["ARP3003"]);
    expect(errors(`not ${KEY}`)).toEqual(["ARP3003"]);
    const d = check(`deny codebuild:CreateProject on * when not ${KEY}`).diagnostics.find((x) => x.code === "ARP3003")!;
    expect(d.severity).toBe("error");
    expect(d.hint).toContain(`any ${KEY} = true`);
  });

  it("and compiles with any/all to a set operator, negated exactly", () => {
    expect(errors(`any ${KEY} = true`)).toEqual([]);
    const doc = compile(`deny codebuild:CreateProject on * when not any ${KEY} = true`).policies[0]!.document;
    const [statement] = Array.isArray(doc.Statement) ? doc.Statement : [doc.Statement];
    expect(statement!.Condition).toEqual({ "ForAllValues:Bool": { [KEY]: "false" } });
  });

  it("but `exists` and `missing` need none: Null tests the key, not its values", () => {
    expect(errors("aws:TagKeys exists", "apprunner:TagResource")).toEqual([]);
  });
});
