// IAM users and groups are written as `<Name>.user.json` and `<Name>.group.json`: the
// properties of AWS::IAM::User and AWS::IAM::Group. What the files hold is what decides: "For an
// IAM user, these include user policies and policies from groups to which the user belongs"
// (reference_policies_evaluation-logic.md), so the evaluator's answers for each user are the
// runtime's over the user's file, its groups' files and the managed policies they name.
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compile, compileFiles, generateEvaluatorModule } from "../../compiler/index.js";
import { validateIamDocument } from "../../compiler/validate/index.js";
import { compilePolicySet, type EvaluationResult, type Request } from "../../runtime/index.js";
import type { IamPolicyDocument } from "../../runtime/policyDocument.js";
import { loadEvaluator } from "../codegen/support.js";
import { runInProcess, type CliRun } from "../fuzz/cliHarness.js";
import { tempDir } from "../support/tempDir.js";

const TEAM = `
param account = "123456789012"

group developers {
  attach AWSAppRunnerReadOnlyAccess
  policy Deploy {
    allow apprunner:StartDeployment on service/web/*
  }
}

user alice {
  group developers
  policy NoDeletes {
    deny apprunner:DeleteService on service/*
  }
}

user bob {
  attach AWSAppRunnerFullAccess
  policy NoPause {
    deny apprunner:PauseService on service/*
  }
}
`;

interface Bundle {
  readonly UserName?: string;
  readonly GroupName?: string;
  readonly Groups?: readonly string[];
  readonly ManagedPolicyArns?: readonly string[];
  readonly Policies?: readonly { readonly PolicyName: string; readonly PolicyDocument: IamPolicyDocument }[];
}

function arp(args: string[]): Promise<CliRun> {
  return runInProcess([...args, "--no-color"]);
}

function read(dir: string, name: string): Bundle {
  return JSON.parse(readFileSync(join(dir, name), "utf8")) as Bundle;
}

const SERVICE = "arn:aws:apprunner:us-east-1:123456789012:service/web/abc";
const REQUESTS: readonly Request[] = ["StartDeployment", "DeleteService", "PauseService", "DescribeService", "ListServices", "CreateService"].map((a) => ({
  principal: "arn:aws:iam::123456789012:user/someone",
  action: `apprunner:${a}`,
  resource: a === "ListServices" || a === "CreateService" ? "*" : SERVICE,
}));

describe("users and groups as output files", () => {
  it("writes a bundle per user and group, lists them in the manifest, and removes one no longer compiled", async () => {
    const root = tempDir("arp-users-");
    const file = join(root, "team.arp");
    const out = join(root, "out");
    writeFileSync(file, TEAM);
    const first = await arp(["compile", file, "--out", out]);
    expect(first.code).toBe(0);
    expect(first.stderr).toContain("wrote 0 policies, 2 users and 1 group");
    expect(readdirSync(out).sort()).toEqual(["alice.user.json", "arp.manifest.json", "bob.user.json", "developers.group.json"]);

    expect(read(out, "alice.user.json")).toEqual({
      UserName: "alice",
      Groups: ["developers"],
      Policies: [{ PolicyName: "NoDeletes", PolicyDocument: { Version: "2012-10-17", Statement: [{ Effect: "Deny", Action: "apprunner:DeleteService", Resource: "arn:aws:apprunner:*:123456789012:service/*" }] } }],
    });
    expect(read(out, "bob.user.json").ManagedPolicyArns).toEqual(["arn:aws:iam::aws:policy/AWSAppRunnerFullAccess"]);
    expect(read(out, "bob.user.json").Groups).toBeUndefined();
    const group = read(out, "developers.group.json");
    expect(group.GroupName).toBe("developers");
    expect(group.ManagedPolicyArns).toEqual(["arn:aws:iam::aws:policy/AWSAppRunnerReadOnlyAccess"]);
    expect(group.Policies?.map((p) => p.PolicyName)).toEqual(["Deploy"]);
    for (const [name, kind] of [["alice.user.json", "userBundle"], ["bob.user.json", "userBundle"], ["developers.group.json", "groupBundle"]] as const) {
      expect(validateIamDocument(read(out, name), kind).filter((f) => f.severity === "error"), name).toEqual([]);
    }

    const manifest = JSON.parse(readFileSync(join(out, "arp.manifest.json"), "utf8")) as {
      files: string[];
      users: { name: string; output?: string; groups: string[]; managedPolicyArns: string[]; inlinePolicies: string[] }[];
      groups: { name: string; output?: string; managedPolicyArns: string[]; inlinePolicies: string[] }[];
    };
    expect(manifest.files).toEqual(["alice.user.json", "arp.manifest.json", "bob.user.json", "developers.group.json"]);
    expect(manifest.users.map((u) => [u.name, u.output, u.groups, u.inlinePolicies])).toEqual([
      ["alice", "alice.user.json", ["developers"], ["NoDeletes"]],
      ["bob", "bob.user.json", [], ["NoPause"]],
    ]);
    expect(manifest.groups.map((g) => [g.name, g.output, g.managedPolicyArns, g.inlinePolicies])).toEqual([
      ["developers", "developers.group.json", ["arn:aws:iam::aws:policy/AWSAppRunnerReadOnlyAccess"], ["Deploy"]],
    ]);

    // bob is renamed carol: bob.user.json was arp's, so it goes; a file arp did not write stays.
    writeFileSync(join(out, "NOTES.md"), "kept\n");
    writeFileSync(file, TEAM.replace("user bob", "user carol"));
    const second = await arp(["compile", file, "--out", out]);
    expect(second.code).toBe(0);
    expect(second.stderr).toMatch(/removed what an earlier compile wrote and this one did not: bob\.user\.json/);
    expect(readdirSync(out).sort()).toEqual(["NOTES.md", "alice.user.json", "arp.manifest.json", "carol.user.json", "developers.group.json"]);

    // Without the group, its file goes too, and alice names no group.
    writeFileSync(file, "user alice { policy Read { allow apprunner:ListServices on * } }\n");
    expect((await arp(["compile", file, "--out", out])).code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(["NOTES.md", "alice.user.json", "arp.manifest.json"]);
  });

  it("decides for each user exactly as the runtime does over the policies its files name", async () => {
    const result = compile({ path: "team.arp", text: TEAM });
    expect(result.diagnostics).toEqual([]);
    const evaluator = loadEvaluator(await generateEvaluatorModule(result)) as unknown as {
      explain(set: string, request: Request): EvaluationResult;
    };
    // The stdlib's AWS managed policies, by the ARN a bundle attaches them with.
    const stdlib = compileFiles(["stdlib"]);
    const managed = new Map(stdlib.policies.map((p) => [`arn:aws:iam::aws:policy/${p.name}`, p.document]));
    const files = new Map([...result.users, ...result.groups].map((b) => [b.name, JSON.parse(b.json) as Bundle]));
    const policiesOf = (b: Bundle): IamPolicyDocument[] => [
      ...(b.Policies ?? []).map((p) => p.PolicyDocument),
      ...(b.ManagedPolicyArns ?? []).map((arn) => managed.get(arn) ?? expect.fail(`no content for ${arn}`)),
    ];
    const answers: Record<string, string[]> = {};
    for (const user of result.users) {
      const bundle = files.get(user.name)!;
      const documents = [bundle, ...(bundle.Groups ?? []).map((g) => files.get(g)!)].flatMap(policiesOf);
      const set = result.principals.find((p) => p.name === user.name)!;
      // The set the evaluator decides with holds exactly what the files name.
      expect(set.policies.map((p) => p.document).sort(byText)).toEqual([...documents].sort(byText));
      const fromFiles = compilePolicySet(set.policies.map((p, i) => ({ ...p, document: documents.find((d) => byText(d, p.document) === 0) ?? expect.fail(`policy ${i}`) })));
      answers[user.name] = REQUESTS.map((r) => {
        const decided = evaluator.explain(user.name, r);
        expect(decided, `${user.name} ${r.action}`).toEqual(fromFiles.evaluate(r));
        return decided.decision;
      });
    }
    // Each user gets its own answers: alice's deny never reaches bob, bob's full access never reaches alice.
    expect(answers).toEqual({
      alice: ["Allow", "ExplicitDeny", "ImplicitDeny", "Allow", "Allow", "ImplicitDeny"],
      bob: ["Allow", "Allow", "ExplicitDeny", "Allow", "Allow", "Allow"],
    });
  });

  it("checks names and the inline totals IAM allows a user (2,048) and a group (5,120)", () => {
    const codes = (text: string): string[] => compile({ path: "t.arp", text }).diagnostics.map((d) => d.code);
    expect(codes('user "alice smith" {}')).toEqual(["ARP5012"]);
    expect(codes(`user "${"u".repeat(64)}" {}\ngroup "${"g".repeat(128)}" {}`)).toEqual([]);
    expect(codes(`group "${"g".repeat(129)}" {}`)).toEqual(["ARP5012"]);
    const services = (n: number): string => Array.from({ length: n }, (_, i) => `service/svc${String(i).padStart(6, "0")}/*`).join(", ");
    const inline = (owner: string, n: number): string => `${owner} { policy A { allow apprunner:PauseService on ${services(n)} } policy B { allow apprunner:ResumeService on ${services(n)} } }`;
    // Two policies of 20 resources total 1,969 characters; of 24, 2,321.
    expect(codes(inline("user alice", 20))).toEqual([]);
    const big = compile({ path: "t.arp", text: inline("user alice", 24) }).diagnostics;
    expect(big.map((d) => [d.code, d.severity])).toEqual([["ARP4004", "error"]]);
    expect(big[0]!.message).toMatch(/inline policies of user `alice` total \d+ characters without whitespace; IAM allows 2048 per user/);
    // What is too much for a user fits a group.
    // Of 50 resources, 4,609 characters; of 60, over 5,120.
    expect(codes(inline("group devs", 24))).toEqual([]);
    expect(codes(inline("group devs", 50))).toEqual([]);
    expect(codes(inline("group devs", 60))).toEqual(["ARP4004"]);
  });

  it("a user and a policy whose files would clash are ARP4011, as is a user named like a Windows device", () => {
    const d = compile({ path: "t.arp", text: 'policy "alice.user" { allow apprunner:ListServices on * }\nuser alice {}' }).diagnostics;
    expect(d.map((x) => x.code)).toEqual(["ARP4011"]);
    expect(d[0]!.message).toContain("`alice.user.json`");
    // A user and a group may share a name (IAM keeps them apart, and so do their files); a
    // Windows device name may not start a file name.
    expect(compile({ path: "t.arp", text: "group devs {}\nuser devs { group devs }" }).diagnostics).toEqual([]);
    expect(compile({ path: "t.arp", text: "user con {}" }).diagnostics.map((x) => [x.code, x.message])).toEqual([
      ["ARP4011", "user `con` would be written to `con.user.json`, which Windows opens as the device `con` instead of a file"],
    ]);
  });
});

function byText(a: unknown, b: unknown): number {
  const [x, y] = [JSON.stringify(a), JSON.stringify(b)];
  return x < y ? -1 : x > y ? 1 : 0;
}
