/**
 * A whole CloudFormation template imports as one `.arp` per IAM resource, each decision-equal
 * to the document it came from; a Terraform `aws_iam_policy_document`'s rendered JSON imports
 * as the policy it is. CloudFormation's template anatomy: "Resources: Specifies the stack
 * resources and their properties" (CloudFormation User Guide, template anatomy; not read by
 * the test). Terraform renders `aws_iam_policy_document` with an empty `"Sid": ""` on every
 * statement without a `sid` (the provider's rendered `json` attribute).
 */
import { describe, expect, it } from "vitest";
import { runImport, type ImportIo } from "../../compiler/cli/importCommand.js";
import { compile } from "../../compiler/index.js";
import { importDocuments } from "../../compiler/import/index.js";
import { assertSameDecisions, compileImport } from "./support.js";

const MANAGED = {
  Version: "2012-10-17",
  Statement: [
    { Sid: "Read", Effect: "Allow", Action: ["apprunner:DescribeService", "apprunner:ListOperations"], Resource: "arn:aws:apprunner:us-east-1:123456789012:service/web/*" },
    { Effect: "Deny", Action: "apprunner:DeleteService", Resource: "*", Condition: { StringNotEquals: { "aws:PrincipalTag/team": "platform" } } },
  ],
};
const INLINE = {
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Action: "apprunner:StartDeployment", Resource: "arn:aws:apprunner:*:123456789012:service/api-*/*" }],
};
const TRUST = {
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Principal: { Service: "build.apprunner.amazonaws.com" }, Action: "sts:AssumeRole" }],
};

const TEMPLATE = JSON.stringify({
  AWSTemplateFormatVersion: "2010-09-09",
  Resources: {
    Bucket: { Type: "AWS::S3::Bucket", Properties: { BucketName: "assets" } },
    AccessRole: { Type: "AWS::IAM::Role", Properties: { AssumeRolePolicyDocument: TRUST } },
    WebReaders: { Type: "AWS::IAM::ManagedPolicy", Properties: { PolicyDocument: MANAGED } },
    DeployPolicy: { Type: "AWS::IAM::Policy", Properties: { PolicyName: "deploy-api", PolicyDocument: INLINE, Roles: [{ Ref: "AccessRole" }] } },
  },
}, null, 2);

function memoryIo(files: Record<string, string>): ImportIo & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, readStdin: () => "", readFile: (p) => files[p] ?? "", stdout: (t) => out.push(t), stderr: (t) => err.push(t) };
}

describe("a CloudFormation template", () => {
  it("imports each IAM resource on its own, decision-equal, named from its name or logical ID", async () => {
    const results = await importDocuments(TEMPLATE, { file: "stack/template.json" });
    expect(results.map((r) => [r.name, r.kind])).toEqual([["AccessRole", "role"], ["WebReaders", "policy"], ["deploy-api", "policy"]]);
    for (const r of results) expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const [role, managed, inline] = results;
    expect(role!.arp).toContain("role AccessRole");
    expect(role!.document).toEqual(TRUST);
    assertSameDecisions(MANAGED, compileImport(managed!.arp!, "policy"), 300);
    assertSameDecisions(INLINE, compileImport(inline!.arp!, "policy"), 300);
    // Where the inline policy is attached changes none of its decisions: reported, at its key.
    const dropped = inline!.diagnostics.filter((d) => d.code === "ARP6005").map((d) => TEMPLATE.slice(d.span.start, d.span.end));
    expect(dropped).toEqual(['"Roles"']);
  });

  it("refuses, at the resource, only the resource IAM would refuse; the others still import", async () => {
    const broken = JSON.stringify({ Resources: {
      Good: { Type: "AWS::IAM::ManagedPolicy", Properties: { PolicyDocument: MANAGED } },
      NoEffect: { Type: "AWS::IAM::ManagedPolicy", Properties: { PolicyDocument: { Version: "2012-10-17", Statement: [{ Action: "apprunner:ListServices", Resource: "*" }] } } },
    } }, null, 2);
    const [good, bad] = await importDocuments(broken, { file: "t.json" });
    expect(good!.arp).toBeDefined();
    expect(bad!.arp).toBeUndefined();
    const error = bad!.diagnostics.find((d) => d.severity === "error");
    expect(error!.span.start).toBeGreaterThan(broken.indexOf('"NoEffect"'));
  });

  it("reports a template without IAM resources as not importable", async () => {
    const [result] = await importDocuments(JSON.stringify({ Resources: { Bucket: { Type: "AWS::S3::Bucket" } } }), { file: "t.json" });
    expect(result!.arp).toBeUndefined();
    expect(result!.diagnostics.map((d) => d.code)).toEqual(["ARP6004"]);
  });

  it("prints every resource's .arp from the command line and exits 0", async () => {
    const io = memoryIo({ "template.json": TEMPLATE });
    expect(await runImport(["template.json"], { format: "text", color: false }, io)).toBe(0);
    const text = io.out.join("");
    expect(text).toContain("role AccessRole");
    expect(text).toContain("policy WebReaders");
    expect(text).toContain("policy deploy-api");
  });
});

describe("a Terraform aws_iam_policy_document, rendered", () => {
  it("imports decision-equal, empty Sids and all", async () => {
    const rendered = {
      Version: "2012-10-17",
      Statement: [
        { Sid: "", Effect: "Allow", Action: ["apprunner:ListServices", "apprunner:DescribeService"], Resource: "*" },
        { Sid: "", Effect: "Deny", Action: "apprunner:DeleteService", Resource: "arn:aws:apprunner:us-east-1:123456789012:service/prod-*/*", Condition: { StringEquals: { "aws:RequestedRegion": ["us-east-1"] } } },
      ],
    };
    const [result] = await importDocuments(JSON.stringify(rendered, null, 2), { file: "tf/apprunner.json" });
    expect(result!.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    assertSameDecisions(rendered, compileImport(result!.arp!, "policy"), 300);
  });
});

/** The template's policy with CloudFormation's substitution done for one stack. */
function deployed(doc: unknown, stack: { account: string; region: string; partition: string }): unknown {
  return JSON.parse(JSON.stringify(doc)
    .replaceAll("${AWS::AccountId}", stack.account).replaceAll("${AWS::Region}", stack.region).replaceAll("${AWS::Partition}", stack.partition));
}

describe("intrinsic functions in a template's policies", () => {
  const SUBBED = {
    Version: "2012-10-17",
    Statement: [
      { Effect: "Allow", Action: "apprunner:DescribeService", Resource: { "Fn::Sub": "arn:${AWS::Partition}:apprunner:${AWS::Region}:${AWS::AccountId}:service/web/*" } },
      { Effect: "Allow", Action: "s3:GetObject", Resource: { "Fn::Join": ["", ["arn:aws:s3:::assets-", { Ref: "AWS::AccountId" }, "/*"]] } },
      { Effect: "Deny", Action: "apprunner:DeleteService", Resource: "*", Condition: { StringNotEquals: { "aws:ResourceAccount": { Ref: "AWS::AccountId" } } } },
    ],
  };
  /** What CloudFormation deploys, with the intrinsics written as `Fn::Sub` strings. */
  const SUBBED_AS_TEXT = {
    Version: "2012-10-17",
    Statement: [
      { Effect: "Allow", Action: "apprunner:DescribeService", Resource: "arn:${AWS::Partition}:apprunner:${AWS::Region}:${AWS::AccountId}:service/web/*" },
      { Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::assets-${AWS::AccountId}/*" },
      { Effect: "Deny", Action: "apprunner:DeleteService", Resource: "*", Condition: { StringNotEquals: { "aws:ResourceAccount": "${AWS::AccountId}" } } },
    ],
  };

  it("resolves Fn::Sub, Fn::Join and Ref of pseudo-parameters into parameters the stack's compile sets", async () => {
    const template = JSON.stringify({ Resources: { Readers: { Type: "AWS::IAM::ManagedPolicy", Properties: { PolicyDocument: SUBBED } } } }, null, 2);
    const [result] = await importDocuments(template, { file: "t.json" });
    expect(result!.diagnostics).toEqual([]);
    expect(result!.arp).toMatch(/^param account$/m);
    expect(result!.arp).toMatch(/^param region$/m);
    expect(result!.arp).toContain("arn:aws:s3:::assets-${account}/*");
    for (const stack of [{ account: "123456789012", region: "us-east-1", partition: "aws" }, { account: "210987654321", region: "cn-north-1", partition: "aws-cn" }]) {
      const compiled = compile({ path: "Readers.arp", text: result!.arp! }, { params: stack });
      expect(compiled.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
      expect(compiled.policies[0]!.document).toEqual(deployed(SUBBED_AS_TEXT, stack));
    }
    // Left unset, they are the built-in parameters' `*`, as in any `.arp` (docs/language.md).
    expect(JSON.stringify(compile({ path: "Readers.arp", text: result!.arp! }).policies[0]!.document)).toContain("arn:aws:s3:::assets-*/*");
  });

  it("refuses only the resource whose value is known when deployed (ARP6022, at the function), and imports the others", async () => {
    const template = JSON.stringify({ Resources: {
      Good: { Type: "AWS::IAM::ManagedPolicy", Properties: { PolicyDocument: MANAGED } },
      ByAttribute: { Type: "AWS::IAM::ManagedPolicy", Properties: { PolicyDocument: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:GetObject", Resource: { "Fn::GetAtt": ["Bucket", "Arn"] } }] } } },
      ByCondition: { Type: "AWS::IAM::ManagedPolicy", Properties: { PolicyDocument: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:GetObject", Resource: { "Fn::If": ["Prod", "arn:aws:s3:::a/*", "arn:aws:s3:::b/*"] } }] } } },
      ByResource: { Type: "AWS::IAM::ManagedPolicy", Properties: { PolicyDocument: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:GetObject", Resource: { "Fn::Sub": "arn:aws:s3:::${Bucket}/*" } }] } } },
      Bucket: { Type: "AWS::S3::Bucket" },
    } }, null, 2);
    const results = await importDocuments(template, { file: "t.json" });
    expect(results.map((r) => [r.resource, r.arp !== undefined])).toEqual([["Good", true], ["ByAttribute", false], ["ByCondition", false], ["ByResource", false]]);
    for (const [r, at] of [[results[1]!, '"Fn::GetAtt"'], [results[2]!, '"Fn::If"'], [results[3]!, '"arn:aws:s3:::${Bucket}/*"']] as const) {
      const [only] = r.diagnostics;
      expect(r.diagnostics.map((d) => [d.code, d.severity])).toEqual([["ARP6022", "error"]]);
      expect(template.slice(only!.span.start, only!.span.end)).toContain(at);
    }
  });

  it("warns (ARP6023) where it takes a parameter's Default, and names from the logical ID what only the stack names", async () => {
    const template = JSON.stringify({
      Parameters: { Env: { Type: "String", Default: "prod" } },
      Resources: { Deploy: { Type: "AWS::IAM::ManagedPolicy", Properties: {
        ManagedPolicyName: { "Fn::Sub": "${AWS::StackName}-deploy" },
        PolicyDocument: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "apprunner:StartDeployment", Resource: { "Fn::Sub": "arn:aws:apprunner:us-east-1:123456789012:service/${Env}-web/*" } }] },
      } } },
    }, null, 2);
    const [result] = await importDocuments(template, { file: "t.json" });
    expect(result!.name).toBe("Deploy");
    expect(result!.diagnostics.map((d) => [d.code, d.severity])).toEqual([["ARP6023", "warning"], ["ARP6023", "warning"]]);
    expect(result!.arp).toContain("prod-web/*");
  });

  it("imports a role with a PermissionsBoundary, warning that the boundary is not imported (ARP6024)", async () => {
    const template = JSON.stringify({ Resources: { Bounded: { Type: "AWS::IAM::Role", Properties: {
      AssumeRolePolicyDocument: TRUST,
      PermissionsBoundary: { "Fn::Sub": "arn:aws:iam::${AWS::AccountId}:policy/boundary" },
    } } } }, null, 2);
    const [result] = await importDocuments(template, { file: "t.json" });
    expect(result!.diagnostics.map((d) => [d.code, template.slice(d.span.start, d.span.end)])).toEqual([["ARP6024", '"PermissionsBoundary"']]);
    expect(result!.document).toEqual(TRUST);
  });

  it("attaches the template's own managed policies by their ARN in the stack's partition and account", async () => {
    const template = JSON.stringify({ Resources: {
      Deployer: { Type: "AWS::IAM::Role", Properties: { AssumeRolePolicyDocument: TRUST, ManagedPolicyArns: [{ Ref: "Named" }, { Ref: "Unnamed" }, "arn:aws:iam::aws:policy/ReadOnlyAccess"] } },
      Named: { Type: "AWS::IAM::ManagedPolicy", Properties: { ManagedPolicyName: "web-readers", Path: "/teams/", PolicyDocument: MANAGED } },
      Unnamed: { Type: "AWS::IAM::ManagedPolicy", Properties: { PolicyDocument: MANAGED } },
    } }, null, 2);
    const [role] = await importDocuments(template, { file: "t.json" });
    // CloudFormation names a managed policy without `ManagedPolicyName` itself: approximated.
    expect(role!.diagnostics.map((d) => [d.code, template.slice(d.span.start, d.span.end).replace(/\s+/g, "")])).toEqual([["ARP6023", '{"Ref":"Unnamed"}']]);
    const compiled = compile({ path: "Deployer.arp", text: role!.arp! }, { params: { account: "123456789012", partition: "aws" } });
    expect(compiled.roles[0]!.managedPolicyArns).toEqual([
      "arn:aws:iam::123456789012:policy/teams/web-readers", "arn:aws:iam::123456789012:policy/Unnamed", "arn:aws:iam::aws:policy/ReadOnlyAccess",
    ]);
  });

  it("a role that trusts or attaches by the stack's account needs that account set: its stand-in `*` would trust every account", async () => {
    const template = JSON.stringify({ Resources: {
      Deployer: { Type: "AWS::IAM::Role", Properties: {
        AssumeRolePolicyDocument: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { AWS: { "Fn::Sub": "arn:${AWS::Partition}:iam::${AWS::AccountId}:root" } }, Action: "sts:AssumeRole" }] },
        ManagedPolicyArns: [{ Ref: "Named" }],
      } },
      Named: { Type: "AWS::IAM::ManagedPolicy", Properties: { ManagedPolicyName: "web-readers", PolicyDocument: MANAGED } },
    } }, null, 2);
    const [role] = await importDocuments(template, { file: "t.json" });
    expect(role!.diagnostics).toEqual([]);
    // Unset, `param account` must not compile to `"AWS": "*"` nor to `arn:aws:iam::*:policy/...`.
    const unset = compile({ path: "Deployer.arp", text: role!.arp! });
    expect(unset.ok).toBe(false);
    const lineOf = (d: { span: { start: number } }): string => role!.arp!.slice(0, d.span.start).split("\n").length.toString();
    const lines = role!.arp!.split("\n");
    expect(unset.diagnostics.map((d) => [d.code, lines[Number(lineOf(d)) - 1]!.trim()])).toEqual([
      ["ARP2010", 'trust account "${account}"'],
      ["ARP2010", 'attach "arn:${partition}:iam::${account}:policy/web-readers"'],
    ]);
    expect(unset.diagnostics[0]!.message).toBe("parameter `account` has no value, and its stand-in `*` would trust every AWS account");
    // Of a role's ARN, `*` makes no principal at all; once set, it is that account's role.
    const ciRole = 'param account\nrole r {\n  trust arn "arn:aws:iam::${account}:role/ci"\n}\n';
    expect(compile({ path: "r.arp", text: ciRole }).diagnostics.map((d) => [d.code, d.message])).toEqual([
      ["ARP2010", "parameter `account` has no value, and its stand-in `*` makes a principal IAM rejects (a principal is named in full)"],
    ]);
    expect(compile({ path: "r.arp", text: ciRole }, { params: { account: "123456789012" } }).roles[0]!.trust.document.Statement).toEqual([
      { Effect: "Allow", Principal: { AWS: "arn:aws:iam::123456789012:role/ci" }, Action: "sts:AssumeRole" },
    ]);
    const set = compile({ path: "Deployer.arp", text: role!.arp! }, { params: { account: "123456789012" } });
    expect(set.diagnostics).toEqual([]);
    expect(set.roles[0]!.trust.document).toEqual({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { AWS: "arn:aws:iam::123456789012:root" }, Action: "sts:AssumeRole" }] });
    expect(set.roles[0]!.managedPolicyArns).toEqual(["arn:aws:iam::123456789012:policy/web-readers"]);
  });

  it("prints a line per template resource: what it became, or why not", async () => {
    const template = JSON.stringify({ Resources: {
      Good: { Type: "AWS::IAM::ManagedPolicy", Properties: { PolicyDocument: MANAGED } },
      Bad: { Type: "AWS::IAM::ManagedPolicy", Properties: { PolicyDocument: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:GetObject", Resource: { "Fn::GetAtt": ["B", "Arn"] } }] } } },
    } });
    const io = memoryIo({ "stack.json": template });
    expect(await runImport(["stack.json"], { format: "text", color: false }, io)).toBe(1);
    const lines = io.err.join("").split("\n");
    expect(lines).toContain("stack.json Good: imported as policy Good");
    expect(lines).toContain("stack.json Bad: not imported (ARP6022)");
    expect(io.out.join("")).toContain("policy Good");
  });
});
