/**
 * A user or group as `arp compile` writes it (`<User>.user.json`, `<Group>.group.json`: the
 * `AWS::IAM::User` and `AWS::IAM::Group` properties arp knows) imports back to the `user` or
 * `group`, and the two compile to the same bundles; a CloudFormation template's users and
 * groups import as well, never passed over in silence.
 */
import { describe, expect, it } from "vitest";
import { compile } from "../../compiler/index.js";
import { importDocuments, importPolicy } from "../../compiler/import/index.js";

const SOURCE = `group developers {
  attach AWSAppRunnerReadOnlyAccess
  policy Deploy { allow apprunner:StartDeployment on "arn:aws:apprunner:us-east-1:123456789012:service/web/*" }
}
group auditors {
  policy Read { allow apprunner:Describe*, apprunner:List* on * }
}
user alice {
  group developers, auditors
  attach "arn:aws:iam::123456789012:policy/boundary-free"
  policy NoDeletes { deny apprunner:DeleteService on "arn:aws:apprunner:*:123456789012:service/*" }
}
`;

function bundles(sources: { path: string; text: string }[]): Map<string, unknown> {
  const result = compile(sources);
  expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return new Map<string, unknown>([
    ...result.users.map((u) => [`${u.name}.user.json`, JSON.parse(u.json)] as const),
    ...result.groups.map((g) => [`${g.name}.group.json`, JSON.parse(g.json)] as const),
  ]);
}

describe("a user or group bundle", () => {
  it("imports back to users and groups that compile to the same bundles", async () => {
    const written = bundles([{ path: "people.arp", text: SOURCE }]);
    const imported: { path: string; text: string }[] = [];
    for (const [file, bundle] of written) {
      const result = await importPolicy(JSON.stringify(bundle, null, 2), { file: `out/${file}` });
      expect(result.diagnostics).toEqual([]);
      expect([result.kind, result.name, result.exact]).toEqual([file.endsWith(".user.json") ? "user" : "group", file.replace(/\.(user|group)\.json$/, ""), true]);
      imported.push({ path: `${result.name}.arp`, text: result.arp! });
    }
    expect(bundles(imported)).toEqual(written);
  });

  it("imports a user alone: its groups are names, which arp check wants declared beside it", async () => {
    const alice = bundles([{ path: "people.arp", text: SOURCE }]).get("alice.user.json");
    const result = await importPolicy(JSON.stringify(alice), { file: "alice.user.json" });
    expect(result.diagnostics).toEqual([]);
    expect(result.arp).toContain("group developers, auditors");
    expect(compile({ path: "alice.arp", text: result.arp! }).diagnostics.map((d) => d.code)).toEqual(["ARP5009", "ARP5009"]);
  });

  it("imports a template's AWS::IAM::User and AWS::IAM::Group, reporting what arp does not keep", async () => {
    const policy = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "apprunner:ListServices", Resource: "*" }] };
    const template = JSON.stringify({ Resources: {
      Dev: { Type: "AWS::IAM::User", Properties: { UserName: "dev", Groups: ["devs"], Path: "/people/", Policies: [{ PolicyName: "own", PolicyDocument: policy }] } },
      Devs: { Type: "AWS::IAM::Group", Properties: { GroupName: "devs", ManagedPolicyArns: ["arn:aws:iam::aws:policy/ReadOnlyAccess"] } },
      Queue: { Type: "AWS::SQS::Queue" },
    } }, null, 2);
    const results = await importDocuments(template, { file: "stack.json" });
    expect(results.map((r) => [r.resource, r.kind, r.name])).toEqual([["Dev", "user", "dev"], ["Devs", "group", "devs"]]);
    expect(results[0]!.diagnostics.map((d) => [d.code, template.slice(d.span.start, d.span.end)])).toEqual([["ARP6005", '"Path"']]);
    const compiled = bundles(results.map((r) => ({ path: `${r.name}.arp`, text: r.arp! })));
    expect(compiled.get("dev.user.json")).toEqual({ UserName: "dev", Groups: ["devs"], Policies: [{ PolicyName: "own", PolicyDocument: policy }] });
    expect(compiled.get("devs.group.json")).toEqual({ GroupName: "devs", ManagedPolicyArns: ["arn:aws:iam::aws:policy/ReadOnlyAccess"] });
  });
});
