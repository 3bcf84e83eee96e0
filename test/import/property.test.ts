/**
 * Random policies, shaped like real ones: whenever the import produces `.arp`, compiling it
 * gives the document the importer promised and the same runtime decisions as the input; when
 * it does not, an error says why; and the `.arp` is formatted. The differential check itself
 * notices a wrong import. 50 policies at CI size; `ARP_FUZZ_SCALE` (test/support/fuzzScale.ts) runs more.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { format } from "../../compiler/format/index.js";
import { importPolicy } from "../../compiler/import/index.js";
import type { IamPolicyDocument, IamStatement } from "../../runtime/index.js";
import { assertSameDecisions, compileImport, readFixture } from "./support.js";
import { scaled } from "../support/fuzzScale.js";

const ACTIONS = [
  "apprunner:*", "apprunner:List*", "apprunner:Describe*", "apprunner:CreateService", "apprunner:UpdateService",
  "apprunner:DeleteService", "apprunner:TagResource", "apprunner:StartDeployment", "APPRUNNER:describeservice",
  "s3:GetObject", "iam:PassRole", "ecr:BatchGetImage",
];
const RESOURCES = [
  "*", "*", "arn:aws:apprunner:*:*:service/*", "arn:aws:apprunner:us-east-1:123456789012:service/web/*",
  "arn:aws:apprunner:us-east-1:123456789012:service/${aws:username}/*", "arn:aws:apprunner:*:*:connection/*",
  "arn:aws:s3:::bucket/${aws:PrincipalTag/team}/*", "arn:aws:s3:::bucket/${*}", "arn:aws:iam::123456789012:role/app-*",
];
const TESTS: Record<string, { keys: string[]; operators: string[]; values: string[] }> = {
  string: {
    keys: ["aws:ResourceTag/team", "aws:RequestTag/env", "aws:PrincipalTag/team", "aws:RequestedRegion", "aws:username", "aws:resourcetag/Team"],
    operators: ["StringEquals", "StringNotEquals", "StringEqualsIgnoreCase", "StringNotEqualsIgnoreCase", "StringLike", "StringNotLike"],
    values: ["web", "Web", "api", "us-east-1", "${aws:username}", "${aws:PrincipalTag/team}", "team-*", "${aws:PrincipalTag/team, 'none'}", "${*}x", "123456789012"],
  },
  multi: {
    keys: ["aws:TagKeys", "aws:CalledVia"],
    operators: ["ForAnyValue:StringEquals", "ForAllValues:StringEquals", "ForAnyValue:StringLike", "ForAllValues:StringNotLike", "ForAnyValue:StringNotEquals"],
    values: ["team", "env", "aws:*", "cloudformation.amazonaws.com"],
  },
  numeric: { keys: ["aws:MultiFactorAuthAge"], operators: ["NumericLessThan", "NumericGreaterThanEquals", "NumericEquals", "NumericNotEquals"], values: ["0", "900", "3600"] },
  date: { keys: ["aws:CurrentTime"], operators: ["DateLessThan", "DateGreaterThan", "DateEquals"], values: ["2026-01-01T00:00:00Z", "2027-06-01"] },
  bool: { keys: ["aws:SecureTransport", "aws:MultiFactorAuthPresent"], operators: ["Bool"], values: ["true", "false"] },
  ip: { keys: ["aws:SourceIp"], operators: ["IpAddress", "NotIpAddress"], values: ["10.0.0.0/8", "203.0.113.7", "2001:db8::/32"] },
  arn: { keys: ["aws:SourceArn", "aws:PrincipalArn"], operators: ["ArnLike", "ArnEquals", "ArnNotLike", "StringLike"], values: ["arn:aws:iam::123456789012:role/*", "arn:aws:apprunner:*:*:service/*"] },
};

const condition = fc
  .array(
    fc.record({
      family: fc.constantFrom(...Object.keys(TESTS)),
      pick: fc.nat(),
      ifExists: fc.boolean(),
      null: fc.nat(8),
      values: fc.array(fc.nat(), { minLength: 1, maxLength: 3 }),
    }),
    { maxLength: 3 },
  )
  .map((tests) => {
    const block: Record<string, Record<string, string | string[]>> = {};
    for (const t of tests) {
      const family = TESTS[t.family]!;
      const key = family.keys[t.pick % family.keys.length]!;
      if (t.null === 0) {
        (block.Null ??= {})[key] = t.pick % 2 === 0 ? "true" : "false";
        continue;
      }
      const operator = family.operators[t.pick % family.operators.length]! + (t.ifExists && t.pick % 3 === 0 ? "IfExists" : "");
      const values = [...new Set(t.values.map((v) => family.values[v % family.values.length]!))];
      (block[operator] ??= {})[key] = values.length === 1 ? values[0]! : values;
    }
    return block;
  });

const statement: fc.Arbitrary<IamStatement> = fc
  .record({
    sid: fc.option(fc.constantFrom("Read", "Write", "Guard"), { freq: 3 }),
    effect: fc.constantFrom("Allow", "Deny"),
    not: fc.nat(6),
    actions: fc.uniqueArray(fc.constantFrom(...ACTIONS), { minLength: 1, maxLength: 3 }),
    resources: fc.uniqueArray(fc.constantFrom(...RESOURCES), { minLength: 1, maxLength: 2 }),
    condition,
  })
  .map((r) => {
    const s: IamStatement = { Effect: r.effect as "Allow" | "Deny" };
    if (r.sid !== null) s.Sid = r.sid;
    s[r.not === 0 ? "NotAction" : "Action"] = r.actions.length === 1 ? r.actions[0]! : r.actions;
    s[r.not === 1 ? "NotResource" : "Resource"] = r.resources.length === 1 ? r.resources[0]! : r.resources;
    if (Object.keys(r.condition).length > 0) s.Condition = r.condition;
    return s;
  });

const document: fc.Arbitrary<IamPolicyDocument> = fc
  .record({ version: fc.constantFrom("2012-10-17", "2012-10-17", "2012-10-17", "2008-10-17"), statements: fc.array(statement, { minLength: 1, maxLength: 4 }) })
  .map(({ version, statements }) => {
    const sids = new Set<string>();
    for (const s of statements) {
      if (s.Sid !== undefined && sids.has(s.Sid)) delete s.Sid;
      if (s.Sid !== undefined) sids.add(s.Sid);
    }
    return { Version: version as IamPolicyDocument["Version"], Statement: statements };
  });

describe("random policies", () => {
  it("import to .arp that decides alike, or say why not", async () => {
    let imported = 0;
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(document, async (doc) => {
        runs++;
        const result = await importPolicy(JSON.stringify(doc, null, 2), { file: "random.json" });
        if (result.arp === undefined) {
          expect(result.diagnostics.some((d) => d.severity === "error")).toBe(true);
          return;
        }
        imported++;
        expect(await format(result.arp), "the import is formatted").toBe(result.arp);
        const compiled = compileImport(result.arp, "policy");
        expect(compiled).toEqual(result.document);
        assertSameDecisions(doc, compiled, 150);
      }),
      { numRuns: scaled(50), seed: 7 },
    );
    // Every one imports: a String operator on an ARN key (`StringLike` on `aws:SourceArn`) as
    // the ARN operator that decides alike (ARP6008).
    expect(imported).toBe(runs);
  });
});

describe("the differential check", () => {
  /** Wrong imports of fixtures, each of which the check must notice. */
  const WRONG: readonly [string, (doc: any) => void][] = [
    ["team-services", (d) => { d.Statement[4].Condition = { Bool: { "aws:SecureTransport": "false" } }; }],
    ["team-services", (d) => { d.Statement[2].Condition["ForAnyValue:StringEquals"] = d.Statement[2].Condition["ForAllValues:StringEquals"]; delete d.Statement[2].Condition["ForAllValues:StringEquals"]; }],
    ["if-exists", (d) => { d.Statement[1].Condition.StringEquals = d.Statement[1].Condition.StringEqualsIfExists; delete d.Statement[1].Condition.StringEqualsIfExists; }],
    ["multiple-operators", (d) => { d.Statement[0].Condition.StringEqualsIgnoreCase["aws:RequestedRegion"] = "us-east-1"; d.Statement[0].Condition.StringEquals["aws:RequestedRegion"] = "US-EAST-1"; delete d.Statement[0].Condition.StringEqualsIgnoreCase; }],
    ["variables", (d) => { d.Statement[0].Resource[0] = "arn:aws:s3:::team-artifacts/home/${$}{aws:username}/*"; }],
    ["not-resource", (d) => { d.Statement[0].Resource = d.Statement[0].NotResource; delete d.Statement[0].NotResource; }],
    ["deny-without-mfa", (d) => { d.Statement[0].Action = d.Statement[0].NotAction; delete d.Statement[0].NotAction; }],
  ];

  for (const [name, spoil] of WRONG) {
    it(`notices a wrong import of ${name}`, () => {
      const input = JSON.parse(readFixture(name));
      const wrong = structuredClone(input);
      spoil(wrong);
      expect(() => assertSameDecisions(input, wrong)).toThrow();
    });
  }
});
