/**
 * IAM's policy grammar as the importer checks it: each malformed document gets the right code,
 * pointing at the offending JSON (asserted as the text under the span), and no `.arp`.
 */
import { describe, expect, it } from "vitest";
import { importPolicy } from "../../compiler/import/index.js";

interface Found {
  readonly code: string;
  /** The JSON text the diagnostic points at. */
  readonly at: string;
}

async function problems(json: string): Promise<Found[]> {
  const result = await importPolicy(json, { file: "p.json" });
  if (result.diagnostics.some((d) => d.severity === "error")) expect(result.arp).toBeUndefined();
  return result.diagnostics.map((d) => ({ code: d.code, at: json.slice(d.span.start, d.span.end) }));
}

/** A policy of one statement with `fields` merged into a valid base. */
function statement(fields: Record<string, unknown>, drop: string[] = []): string {
  const base: Record<string, unknown> = { Effect: "Allow", Action: "apprunner:ListServices", Resource: "*", ...fields };
  for (const d of drop) delete base[d];
  return JSON.stringify({ Version: "2012-10-17", Statement: [base] }, null, 2);
}

describe("documents that are not policies (ARP6002)", () => {
  it.each([
    ["an array", "[1, 2]", "[1, 2]"],
    ["a string", '"policy"', '"policy"'],
    ["an object without Statement", '{"Version": "2012-10-17"}', "{"],
  ])("%s", async (_, json, at) => {
    expect(await problems(json)).toEqual([{ code: "ARP6002", at }]);
  });

  it("points at a wrapper that holds the policy", async () => {
    expect(await problems('{"PolicyName": "P", "PolicyDocument": {"Statement": []}}')).toEqual([
      { code: "ARP6002", at: '"PolicyDocument"' },
    ]);
  });
});

describe("elements of the wrong type or name (ARP6003)", () => {
  it.each<[string, string, string]>([
    ["Statement: \"x\"", '{"Version": "2012-10-17", "Statement": "x"}', '"x"'],
    ["Statement: []", '{"Version": "2012-10-17", "Statement": []}', "[]"],
    ["a statement that is a string", '{"Version": "2012-10-17", "Statement": ["Allow"]}', '"Allow"'],
    ["Version: 2012", '{"Version": 2012, "Statement": {"Effect": "Allow", "Action": "a:B", "Resource": "*"}}', "2012"],
    ["an unknown Version", '{"Version": "2012-10-18", "Statement": {"Effect": "Allow", "Action": "a:B", "Resource": "*"}}', '"2012-10-18"'],
    ["an unknown top-level element", '{"Version": "2012-10-17", "Statment": [], "Statement": {"Effect": "Allow", "Action": "a:B", "Resource": "*"}}', '"Statment"'],
    ["Id: 7", '{"Version": "2012-10-17", "Id": 7, "Statement": {"Effect": "Allow", "Action": "a:B", "Resource": "*"}}', "7"],
    // IAM's element names are case-sensitive: a misspelt policy, not JSON of another kind.
    ["a lower-case statement", '{"version": "2012-10-17", "statement": {"Effect": "Allow", "Action": "a:B", "Resource": "*"}}', '"statement"'],
  ])("%s", async (_, json, at) => {
    expect(await problems(json)).toEqual([{ code: "ARP6003", at }]);
  });

  it.each<[string, string, string]>([
    ["Action: 5", statement({ Action: 5 }), "5"],
    ["Action: []", statement({ Action: [] }), "[]"],
    ["Action: [\"a:B\", 3]", statement({ Action: ["apprunner:ListServices", 3] }), "3"],
    ["Resource: {}", statement({ Resource: {} }), "{}"],
    ["Effect: true", statement({ Effect: true }), "true"],
    ["Effect: \"allow\"", statement({ Effect: "allow" }), '"allow"'],
    ["Effect: \"Permit\"", statement({ Effect: "Permit" }), '"Permit"'],
    ["Sid: 1", statement({ Sid: 1 }), "1"],
    ["Condition: []", statement({ Condition: [] }), "[]"],
    ["an operator block that is a string", statement({ Condition: { StringEquals: "x" } }), '"x"'],
    ["a condition value that is null", statement({ Condition: { StringEquals: { "aws:PrincipalTag/team": null } } }), "null"],
    ["a condition value that is an object", statement({ Condition: { StringEquals: { "aws:PrincipalTag/team": { v: 1 } } } }), '{\n            "v": 1\n          }'],
    ["a nested list of values", statement({ Condition: { StringEquals: { "aws:PrincipalTag/team": [["a"]] } } }), '[\n              "a"\n            ]'],
    ["an unknown element", statement({ Actions: "a:B" }), '"Actions"'],
    ["Principal: \"me\"", statement({ Principal: "me" }, ["Resource"]), '"me"'],
    ["an unknown principal field", statement({ Principal: { User: "x" } }, ["Resource"]), '"User"'],
  ])("%s", async (_, json, at) => {
    expect(await problems(json)).toEqual([{ code: "ARP6003", at }]);
  });

  it("renames a Sid IAM rejects (only A-Z, a-z, 0-9 are allowed) to its letters and digits, unique in the policy", async () => {
    const json = JSON.stringify({
      Version: "2012-10-17",
      Statement: [
        { Sid: "IAMPassRole_SplitCandidate", Effect: "Allow", Action: "iam:PassRole", Resource: "*" },
        { Sid: "IAMPassRoleSplitCandidate", Effect: "Allow", Action: "apprunner:ListServices", Resource: "*" },
        { Sid: "_-_", Effect: "Allow", Action: "apprunner:DescribeService", Resource: "*" },
      ],
    });
    const result = await importPolicy(json, { file: "p.json" });
    expect(result.diagnostics.map((d) => [d.code, d.severity, json.slice(d.span.start, d.span.end)])).toEqual([
      ["ARP6007", "warning", '"IAMPassRole_SplitCandidate"'],
      ["ARP6007", "warning", '"_-_"'],
    ]);
    expect(result.arp).toContain('"IAMPassRoleSplitCandidate2": allow iam:PassRole on *');
    expect(result.arp).toContain('"Statement": allow apprunner:DescribeService on *');
  });

  it("reports a missing Effect, and a statement with neither Action nor NotAction", async () => {
    expect((await problems(statement({}, ["Effect", "Action"]))).map((p) => p.code)).toEqual(["ARP6003", "ARP6003"]);
  });

  it("reports both Action and NotAction at the second", async () => {
    expect(await problems(statement({ NotAction: "apprunner:DeleteService" }))).toEqual([{ code: "ARP6003", at: '"NotAction"' }]);
  });

  it("reports both Resource and NotResource", async () => {
    expect(await problems(statement({ NotResource: "arn:aws:apprunner:*:*:service/*" }))).toEqual([{ code: "ARP6003", at: '"NotResource"' }]);
  });

  it("reports an identity statement without a resource", async () => {
    expect(await problems(statement({}, ["Resource"]))).toEqual([{ code: "ARP6003", at: "{" }]);
  });

  it("reports a trust statement without a principal beside one with", async () => {
    const json = JSON.stringify({
      Version: "2012-10-17",
      Statement: [
        { Effect: "Allow", Principal: { Service: "build.apprunner.amazonaws.com" }, Action: "sts:AssumeRole" },
        { Effect: "Allow", Action: "sts:AssumeRole" },
      ],
    });
    expect(await problems(json)).toEqual([{ code: "ARP6003", at: "{" }]);
  });

  // "In IAM, the Sid value must be unique within a JSON policy" (reference_policies_elements_sid):
  // a Sid changes no decision, so a repeat is renamed as a Sid of other characters is.
  it("renames a repeated Sid, and one that repeats another but for case, with a number", async () => {
    const json = JSON.stringify({
      Version: "2012-10-17",
      Statement: [
        { Sid: "Read", Effect: "Allow", Action: "apprunner:ListServices", Resource: "*" },
        { Sid: "Read", Effect: "Allow", Action: "apprunner:DescribeService", Resource: "*" },
        { Sid: "READ", Effect: "Allow", Action: "apprunner:ListOperations", Resource: "*" },
      ],
    });
    const result = await importPolicy(json, { file: "p.json" });
    expect(result.diagnostics.map((d) => [d.code, d.severity, d.message])).toEqual([
      ["ARP6007", "warning", "the `Sid` `Read` is already used in this policy: it is imported as `Read2`"],
      ["ARP6007", "warning", "`READ` differs only in case from the `Sid` `Read`: it is imported as `READ3`"],
    ]);
    expect(result.diagnostics.map((d) => json.slice(d.span.start, d.span.end))).toEqual(['"Read"', '"READ"']);
    expect(result.diagnostics[0]!.related?.map((r) => r.span.start)).toEqual([json.indexOf('"Read"')]);
    expect(result.exact).toBe(false);
    const labels = [...result.arp!.matchAll(/^  "(\w+)":/gm)].map((m) => m[1]);
    expect(labels).toEqual(["Read", "Read2", "READ3"]);
  });

  it("reports a key written twice, and keys that differ only in case", async () => {
    const json = '{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Effect": "Deny", "Action": "a:B", "Resource": "*",\n' +
      '"Condition": {"StringEquals": {"aws:PrincipalTag/team": "a", "aws:principaltag/TEAM": "b"}}}}';
    expect(await problems(json)).toEqual([
      { code: "ARP6003", at: '"Effect"' },
      { code: "ARP6003", at: '"aws:principaltag/TEAM"' },
    ]);
  });
});

describe("condition operators", () => {
  it.each<[string, string]>([
    ["StringEqualz", "StringEquals"],
    ["stringequals", "StringEquals"],
    ["StringEqualsIfExist", "StringEqualsIfExists"],
    ["ForAnyValues:StringLike", "ForAnyValue:StringLike"],
    ["NullIfExists", "Null"],
    ["ForAllValues:Null", "Null"],
    ["IfExists", ""],
  ])("`%s` is not an IAM operator", async (operator, suggestion) => {
    const result = await importPolicy(statement({ Condition: { [operator]: { "aws:PrincipalTag/team": "web" } } }), { file: "p.json" });
    expect(result.diagnostics.map((d) => d.code)).toEqual(["ARP6003"]);
    const hint = result.diagnostics[0]?.hint;
    if (suggestion === "") expect(hint).toBeUndefined();
    else expect(hint).toContain(`\`${suggestion}\``);
  });

  it("reports every bad operator of a block", async () => {
    const found = await problems(statement({ Condition: { StringEqualz: { "aws:PrincipalTag/a": "x" }, NumericLessThen: { "aws:MultiFactorAuthAge": "1" } } }));
    expect(found).toEqual([
      { code: "ARP6003", at: '"StringEqualz"' },
      { code: "ARP6003", at: '"NumericLessThen"' },
    ]);
  });

  it("reports an empty list of values as not importable (ARP6004)", async () => {
    expect(await problems(statement({ Condition: { StringEquals: { "aws:PrincipalTag/team": [] } } }))).toEqual([{ code: "ARP6004", at: "[]" }]);
  });
});
