/**
 * CloudFormation policy resources import as the identity policy they hold. CloudFormation's
 * resource reference: "AWS::IAM::ManagedPolicy ... PolicyDocument: The JSON policy document that
 * you want to use as the content for the new policy" and "AWS::IAM::Policy ... Adds or updates an
 * inline policy document that is embedded in the specified IAM group, user or role" (copied
 * from the CloudFormation User Guide; not read by the test).
 */
import { describe, expect, it } from "vitest";
import { importPolicy } from "../../compiler/import/index.js";
import { assertSameDecisions, compileImport } from "./support.js";

const DOCUMENT = {
  Version: "2012-10-17",
  Statement: [
    { Sid: "Read", Effect: "Allow", Action: ["apprunner:DescribeService", "apprunner:ListOperations"], Resource: "arn:aws:apprunner:us-east-1:123456789012:service/web/*" },
    { Effect: "Deny", Action: "apprunner:DeleteService", Resource: "*", Condition: { StringNotEquals: { "aws:PrincipalTag/team": "platform" } } },
  ],
};

function resource(type: string, properties: Record<string, unknown>): string {
  return JSON.stringify({ Type: type, Properties: properties }, null, 2);
}

describe("a CloudFormation policy resource", () => {
  it("imports an AWS::IAM::ManagedPolicy's PolicyDocument decision-equal, named from ManagedPolicyName", async () => {
    const json = resource("AWS::IAM::ManagedPolicy", { ManagedPolicyName: "WebReaders", Description: "read web", PolicyDocument: DOCUMENT, Roles: ["deployer"] });
    const result = await importPolicy(json, { file: "template/web.json" });
    expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(result.kind).toBe("policy");
    expect(result.name).toBe("WebReaders");
    expect(result.arp).toContain("policy WebReaders");
    expect(result.exact).toBe(true);
    // Description and Roles change no decision of the policy: reported as dropped, at their keys.
    const dropped = result.diagnostics.filter((d) => d.code === "ARP6005").map((d) => json.slice(d.span.start, d.span.end));
    expect(dropped).toEqual(['"Description"', '"Roles"']);
    assertSameDecisions(DOCUMENT, compileImport(result.arp!, "policy"), 300);
  });

  it("imports an AWS::IAM::Policy (an inline policy) named from PolicyName", async () => {
    const result = await importPolicy(resource("AWS::IAM::Policy", { PolicyName: "inline-web", PolicyDocument: DOCUMENT, Roles: [{ Ref: "Role" }] }), { file: "x.json" });
    expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(result.name).toBe("inline-web");
    expect(result.document).toEqual(DOCUMENT);
  });

  it("names the policy from the file when the name is computed by CloudFormation, and --name wins", async () => {
    const json = resource("AWS::IAM::ManagedPolicy", { ManagedPolicyName: { "Fn::Sub": "${AWS::StackName}-web" }, PolicyDocument: DOCUMENT });
    expect((await importPolicy(json, { file: "dir/web-readers.json" })).name).toBe("web-readers");
    expect((await importPolicy(json, { file: "dir/web-readers.json", name: "Chosen" })).name).toBe("Chosen");
  });

  it("points an IAM rejection inside the PolicyDocument at its place in the template", async () => {
    const json = resource("AWS::IAM::ManagedPolicy", { PolicyDocument: { Version: "2012-10-17", Statement: [{ Action: "apprunner:ListServices", Resource: "*" }] } });
    const result = await importPolicy(json, { file: "t.json" });
    expect(result.arp).toBeUndefined();
    const errors = result.diagnostics.filter((d) => d.severity === "error");
    expect(errors.length).toBeGreaterThan(0);
    expect(errors[0]!.span.start).toBeGreaterThan(json.indexOf("PolicyDocument"));
  });

  it("refuses a resource without a PolicyDocument, and one whose document names principals", async () => {
    const missing = await importPolicy(resource("AWS::IAM::ManagedPolicy", { ManagedPolicyName: "x" }), { file: "t.json" });
    expect(missing.arp).toBeUndefined();
    expect(missing.diagnostics.map((d) => d.code)).toContain("ARP6003");
    const trust = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: "tasks.apprunner.amazonaws.com" }, Action: "sts:AssumeRole" }] };
    const named = await importPolicy(resource("AWS::IAM::ManagedPolicy", { PolicyDocument: trust }), { file: "t.json" });
    expect(named.arp).toBeUndefined();
    expect(named.diagnostics.map((d) => d.code)).toContain("ARP6004");
  });
});
