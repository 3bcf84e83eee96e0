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
