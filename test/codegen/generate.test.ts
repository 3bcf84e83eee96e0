/**
 * The generated module as a module: it type-checks under `--strict` (and the stricter flags a
 * consumer may use) together with code that uses its exported types, it is deterministic, it
 * holds only the helpers its policies need, and it is specialised (an action index, no
 * regular expressions built from policy patterns).
 */
import { describe, expect, it } from "vitest";
import * as prettier from "prettier";
import { generateEvaluator, type PolicySource } from "../../compiler/emit/typescript/index.js";
import type { IamStatement } from "../../runtime/index.js";
import { loadEvaluator, typeCheck } from "./support.js";

function policy(name: string, ...statements: IamStatement[]): PolicySource {
  return {
    name,
    document: { Version: "2012-10-17", Statement: statements },
    sources: statements.map((_, i) => ({ file: `${name}.arp`, line: 10 + i, column: 3 })),
  };
}

/** A policy set that uses every operator family, variables, wildcards and NotAction/NotResource. */
const EVERYTHING: PolicySource[] = [
  policy(
    "team",
    { Sid: "Read", Effect: "Allow", Action: ["apprunner:Describe*", "apprunner:ListServices"], Resource: "*" },
    {
      Sid: "Deploy",
      Effect: "Allow",
      Action: ["apprunner:UpdateService", "apprunner:StartDeployment"],
      Resource: ["arn:aws:apprunner:*:123456789012:service/${aws:PrincipalTag/team}-*/*", "arn:aws:apprunner:us-east-?:*:service/web/*"],
      Condition: {
        StringEquals: { "aws:ResourceTag/team": "${aws:PrincipalTag/team}" },
        StringLikeIfExists: { "aws:RequestTag/env": ["dev*", "${aws:username, 'x*'}"] },
        "ForAllValues:StringEqualsIgnoreCase": { "aws:TagKeys": ["team", "env"] },
        IpAddress: { "aws:SourceIp": ["10.0.0.0/8", "2001:db8::/32"] },
        NumericLessThanEquals: { "s3:max-keys": "100" },
        DateLessThan: { "aws:CurrentTime": "2030-01-01T00:00:00Z" },
        Bool: { "aws:SecureTransport": "true" },
        BinaryEquals: { "custom:Blob": "YWJj" },
        ArnLike: { "aws:SourceArn": ["arn:aws:apprunner:*:123456789012:service/*", "arn:${aws:PrincipalTag/p}:iam::*:*"] },
        Null: { "aws:TokenIssueTime": "true" },
      },
    },
  ),
  policy(
    "guard",
    { Sid: "NoDeletes", Effect: "Deny", NotAction: ["apprunner:Describe*", "apprunner:List*"], NotResource: "arn:aws:apprunner:*:*:service/sandbox-*" },
    { Effect: "Deny", Action: "apprunner:DeleteService", Resource: "arn:aws:apprunner:*:*:service/${aws:username}/*", Condition: { StringNotEquals: { "aws:PrincipalTag/role": "admin" } } },
  ),
];

/** Uses the module's exported types the way an application would. */
const CONSUMER = `
import { authorize, explain, type Action, type ContextKey, type Request } from "./evaluator.js";
import type { EvaluationResult, Request as RuntimeRequest } from "./runtime/types.js";

const known: Action = "apprunner:UpdateService";
// @ts-expect-error an action no policy names is not an Action
const unknown: Action = "apprunner:DeleteVpcConnector";
const key: ContextKey = "aws:SourceIp";
const request: Request = {
  principal: "arn:aws:iam::123456789012:user/alice",
  action: "ec2:RunInstances",
  resource: "*",
  context: { [key]: "10.1.2.3", "aws:TagKeys": ["team"], "anything:Else": "x" },
};
const fromRuntime: RuntimeRequest = { principal: "p", action: known, resource: "*" };
const decision: "Allow" | "ImplicitDeny" | "ExplicitDeny" = authorize(request);
const asRuntime: EvaluationResult = explain(fromRuntime);
export const used = [unknown, decision, asRuntime];
`;

describe("generateEvaluator: the module", () => {
  it("type-checks under --strict with a consumer of its types", async () => {
    const source = await generateEvaluator(EVERYTHING);
    expect(typeCheck({ "/virtual/evaluator.ts": source, "/virtual/consumer.ts": CONSUMER })).toEqual([]);
  });

  it("type-checks and denies everything for no policies", async () => {
    const source = await generateEvaluator([]);
    expect(typeCheck({ "/virtual/evaluator.ts": source })).toEqual([]);
    expect(loadEvaluator(source).authorize({ principal: "p", action: "s3:GetObject", resource: "*" })).toBe("ImplicitDeny");
  });

  it("imports nothing", async () => {
    const source = await generateEvaluator(EVERYTHING);
    expect(source).not.toMatch(/^\s*import\s/m);
    expect(source).not.toMatch(/\brequire\(/);
  });

  it("is byte-identical for the same input, and already formatted", async () => {
    const first = await generateEvaluator(EVERYTHING, { moduleName: "authz" });
    const second = await generateEvaluator(structuredClone(EVERYTHING), { moduleName: "authz" });
    expect(second).toBe(first);
    expect(await prettier.format(first, { parser: "typescript", printWidth: 100 })).toBe(first);
  });

  it("lays out a module above the prettier limit itself: indented, deterministic, type-checks, decides as prettier's", async () => {
    const formatted = await generateEvaluator(EVERYTHING);
    const laidOut = await generateEvaluator(EVERYTHING, { prettierLimit: 0 });
    expect(await generateEvaluator(structuredClone(EVERYTHING), { prettierLimit: 0 })).toBe(laidOut);
    expect(laidOut).not.toBe(formatted);
    expect(laidOut).toMatch(/\nfunction statement1\(q: View, why: Why \| null\): boolean \{\n  const r = q\.resource;\n/);
    expect(typeCheck({ "/virtual/evaluator.ts": laidOut })).toEqual([]);
    const a = loadEvaluator(formatted);
    const b = loadEvaluator(laidOut);
    const request = {
      principal: "arn:aws:iam::123456789012:user/alice",
      action: "apprunner:DeleteService",
      resource: "arn:aws:apprunner:us-east-1:123456789012:service/web/x",
      context: { "aws:PrincipalTag/role": "dev", "aws:SourceIp": "10.0.0.1" },
    };
    expect(b.explain(request)).toEqual(a.explain(request));
    expect(b.explain({ ...request, action: "apprunner:UpdateService" })).toEqual(a.explain({ ...request, action: "apprunner:UpdateService" }));
  });

  it("names the policies' actions and context keys in its types", async () => {
    const source = await generateEvaluator(EVERYTHING);
    const action = /export type Action =([^;]*);/.exec(source)?.[1]?.replace(/\s+/g, " ").trim();
    expect(action).toBe('| "apprunner:DeleteService" | "apprunner:ListServices" | "apprunner:StartDeployment" | "apprunner:UpdateService"');
    for (const key of ["aws:SourceIp", "aws:PrincipalTag/team", "aws:username", "custom:Blob", "aws:TokenIssueTime"]) {
      expect(source).toContain(`"${key}"`);
    }
  });
});

describe("generateEvaluator: specialisation", () => {
  it("looks actions up in an index built at generation time", async () => {
    const source = await generateEvaluator(EVERYTHING);
    expect(source).toMatch(/const BY_ACTION: ReadonlyMap<string, Candidates> = new Map/);
    expect(source).toContain('["apprunner:updateservice", ACTION');
  });

  it("compiles resource patterns to comparisons, not regular expressions", async () => {
    const source = await generateEvaluator([
      policy(
        "p",
        { Effect: "Allow", Action: "s3:GetObject", Resource: ["arn:aws:s3:::exact", "arn:aws:s3:::logs/*", "*:report.txt", "arn:aws:s3:::a*b", "arn:aws:s3:::*/x?/*", "arn:aws:s?:::x"] },
      ),
    ]);
    expect(source).toContain('r === "arn:aws:s3:::exact"');
    expect(source).toContain('r.startsWith("arn:aws:s3:::logs/")');
    expect(source).toContain('r.endsWith(":report.txt")');
    // A `?` inside one of the first five segments stays inside it: the field-by-field helper.
    expect(source).toMatch(/resourceLike\(r, ARN\d+, GLOB\d+\)/);
    expect(source).toContain('r.length >= 15 && r.startsWith("arn:aws:s3:::a") && r.endsWith("b")');
    expect(source).toMatch(/glob\(r, GLOB\d+\)/);
    expect(source).not.toMatch(/RegExp|\/\^/);
  });

  it("emits only the helpers its conditions use", async () => {
    const plain = await generateEvaluator([policy("p", { Effect: "Allow", Action: "s3:GetObject", Resource: "*" })]);
    for (const helper of ["function glob", "dateOrder", "requestAddress", "parseDecimal", "binaryBytes", "arnParts", "failCondition"]) {
      expect(plain).not.toContain(helper);
    }
    const ip = await generateEvaluator([policy("p", { Effect: "Allow", Action: "s3:GetObject", Resource: "*", Condition: { IpAddress: { "aws:SourceIp": "10.0.0.0/8" } } })]);
    expect(ip).toContain("function requestAddress");
    expect(ip).not.toContain("dateOrder");
    expect(ip).not.toContain("principalKeysOf(principal: string)");
    const user = await generateEvaluator([policy("p", { Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::b/${aws:username}/*" })]);
    expect(user).toContain("function principalKeysOf(principal: string)");
  });

  it("inlines condition values: numbers, dates and ranges become constants", async () => {
    const source = await generateEvaluator(EVERYTHING);
    expect(source).toContain("n <= 100");
    expect(source).toContain(`(dateOrder(x, ${Date.UTC(2030, 0, 1)}) & 1) !== 0`);
    expect(source).toMatch(/: Cidr = \{ groups: \[2560, 0\], prefix: 8 \}/);
  });
});
