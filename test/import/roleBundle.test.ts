/**
 * A role as `arp compile` writes it (`<Role>.role.json`, CloudFormation's `AWS::IAM::Role`
 * properties) imports back to the role: its trust, its inline policies and its managed
 * policies, and compiles to the same bundle.
 */
import { describe, expect, it } from "vitest";
import { compile } from "../../compiler/index.js";
import { importPolicy } from "../../compiler/import/index.js";

const SOURCE = `policy TeamServices {
  allow apprunner:Describe*, apprunner:List* on *
  allow apprunner:ListServices on service/web/* // arp-ignore ARP2013: kept as written
}
role Deployer "Deploys web" {
  trust federated "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"
    when token.actions.githubusercontent.com:aud = "sts.amazonaws.com"
      and token.actions.githubusercontent.com:sub like "repo:acme/web:*"
  trust service "build.apprunner.amazonaws.com"
  attach TeamServices
  attach AWSAppRunnerReadOnlyAccess
  policy Extra {
    "Pass": allow iam:PassRole on "arn:aws:iam::123456789012:role/app-*"
  }
}
`;

function bundleOf(text: string): string {
  const result = compile({ path: "roles.arp", text });
  expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  const role = result.roles[0];
  expect(role).toBeDefined();
  return role!.json;
}

describe("a role bundle", () => {
  it("imports back to a role that compiles to the same bundle", async () => {
    const json = bundleOf(SOURCE);
    const result = await importPolicy(json, { file: "out/Deployer.role.json" });
    expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(result.kind).toBe("role");
    expect(result.name).toBe("Deployer");
    expect(result.diagnostics.map((d) => d.code)).toEqual(["ARP2013"]);
    expect(JSON.parse(bundleOf(result.arp!))).toEqual(JSON.parse(json));
    expect(result.exact).toBe(true);
  });

  it("is not exact when an inline policy is normalised, though its trust is as written", async () => {
    const bundle = {
      RoleName: "Reader",
      AssumeRolePolicyDocument: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: "tasks.apprunner.amazonaws.com" }, Action: "sts:AssumeRole" }] },
      Policies: [{ PolicyName: "Read", PolicyDocument: { Version: "2012-10-17", Statement: [{ Sid: "Read all!", Effect: "Allow", Action: ["apprunner:ListServices"], Resource: ["*"] }] } }],
    };
    const result = await importPolicy(JSON.stringify(bundle, null, 2), { file: "Reader.role.json" });
    expect(result.diagnostics.map((d) => d.code)).toEqual(["ARP6007"]);
    expect(result.exact).toBe(false);
  });

  it("imports a CloudFormation AWS::IAM::Role resource, naming it from the file without RoleName", async () => {
    const resource = {
      Type: "AWS::IAM::Role",
      Properties: {
        AssumeRolePolicyDocument: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: "tasks.apprunner.amazonaws.com" }, Action: "sts:AssumeRole" }] },
        Policies: [{ PolicyName: "Read", PolicyDocument: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "apprunner:ListServices", Resource: "*" }] } }],
        Path: "/service/",
      },
    };
    const result = await importPolicy(JSON.stringify(resource, null, 2), { file: "templates/instance.role.json" });
    expect(result.diagnostics.map((d) => [d.code, d.severity])).toEqual([["ARP6005", "warning"]]);
    expect(result.name).toBe("instance");
    const bundle = JSON.parse(bundleOf(result.arp!));
    expect(bundle).toEqual({ RoleName: "instance", ...resource.Properties, Path: undefined });
  });

  it("refuses a bundle whose trust policy is not one", async () => {
    const bundle = { RoleName: "R", AssumeRolePolicyDocument: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:GetObject", Resource: "*" }] } };
    const result = await importPolicy(JSON.stringify(bundle), { file: "R.role.json" });
    expect(result.arp).toBeUndefined();
    expect(result.diagnostics.map((d) => d.code)).toContain("ARP6002");
  });
});
