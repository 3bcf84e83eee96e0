// `arp lint` on IAM JSON: the same checks as on `.arp`, each finding at the statement or
// condition in the JSON (line and column), for users who keep their policies as JSON.
import { copyFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { lintJsonSources } from "../../compiler/lintJson/lintJsonSources.js";
import { runCli } from "../support/runCli.js";
import { tempDir } from "../support/tempDir.js";

const FIXTURES = join("test", "lint", "fixtures");
const OPS = join(FIXTURES, "ops.json");
const ROLE = join(FIXTURES, "apprunner-instance.role.json");

interface JsonFinding {
  code: string;
  file: string;
  line: number;
  column: number;
  related?: { line: number }[];
}

async function findings(args: readonly string[], cwd?: string): Promise<{ code: number; found: JsonFinding[] }> {
  const run = await runCli(["lint", "--format", "json", ...args], cwd !== undefined ? { cwd } : {});
  return { code: run.code, found: JSON.parse(run.stdout) as JsonFinding[] };
}

const at = (f: JsonFinding): string => `${f.code}@${f.line}:${f.column}`;

describe("arp lint on IAM JSON", () => {
  it("reports what arp check reports on .arp, at the condition in the JSON", async () => {
    const { found } = await findings([join(FIXTURES, "checked.json")]);
    // Each at the key of its test: a wildcard under StringEquals (9:27), ForAnyValue on a
    // single-valued key (10:39), the legacy App Runner tag key (11:25), a request tag on an action
    // that takes none (18:40, with lint's own ARP7010 there too).
    expect(found.map(at)).toEqual(["ARP3007@9:27", "ARP3004@10:39", "ARP2011@11:25", "ARP2007@18:40", "ARP7010@18:40"]);
  });

  it("says a test of a key no action sends always holds when it holds on a missing key, as arp check does", async () => {
    const dir = tempDir("arp-lint-json-");
    const statement = (condition: object) => ({ Effect: "Deny", Action: "apprunner:ListServices", Resource: "*", Condition: condition });
    const document = { Version: "2012-10-17", Statement: [
      statement({ StringEquals: { "aws:RequestTag/team": "a" } }),
      statement({ StringNotEquals: { "aws:RequestTag/team": "a" } }),
      statement({ StringEqualsIfExists: { "aws:RequestTag/team": "a" } }),
      statement({ Null: { "aws:RequestTag/team": "true" } }),
    ] };
    writeFileSync(join(dir, "p.json"), JSON.stringify(document, null, 2));
    const run = await runCli(["lint", "--format", "json", join(dir, "p.json")]);
    const messages = (JSON.parse(run.stdout) as { code: string; message: string }[]).filter((f) => f.code === "ARP2007").map((f) => f.message.replace(/^.*: /, ""));
    expect(messages).toEqual([
      "the condition can never hold",
      "the test always holds, as it does on a request without the key",
      "the test always holds, as it does on a request without the key",
      "the test always holds, as it does on a request without the key",
    ]);
  });

  it("reports open trusts and OIDC trusts without pins (ARP5004), and SAML trusts without an audience (ARP7052), at the statement", async () => {
    const { found } = await findings([join(FIXTURES, "open-trust.json")]);
    expect(found.map(at)).toEqual(["ARP5004@4:5", "ARP5004@9:5", "ARP7052@14:5"]);
  });

  it("stays quiet about a pinned trust and a pattern under StringLike", () => {
    const text = JSON.stringify({
      Version: "2012-10-17",
      Statement: [
        { Effect: "Allow", Principal: { Federated: "arn:aws:iam::123456789012:saml-provider/Okta" }, Action: "sts:AssumeRoleWithSAML", Condition: { StringEquals: { "SAML:aud": "https://signin.aws.amazon.com/saml" } } },
        { Effect: "Allow", Principal: { AWS: "*" }, Action: "sts:AssumeRole", Condition: { StringEquals: { "aws:PrincipalOrgID": "o-abc" } } },
      ],
    });
    const identity = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "apprunner:DescribeService", Resource: "*", Condition: { StringLike: { "aws:ResourceTag/team": "web-*" } } }] });
    const codes = lintJsonSources([{ path: "trust.json", text }, { path: "id.json", text: identity }]).diagnostics.map((d) => d.code);
    expect(codes).toEqual([]);
  });

  it("reports each finding at its statement or condition in the policy document", async () => {
    const { code, found } = await findings([OPS]);
    expect(code).toBe(1);
    // Statement objects open at 4:5, 10:5 and 15:5; the ForAllValues test's key at 19:53 (no
    // Describe action takes aws:TagKeys: ARP2007, as arp check says of the same .arp).
    expect(found.map(at)).toEqual(["ARP7001@4:5", "ARP7002@4:5", "ARP7003@10:5", "ARP7008@15:5", "ARP2007@19:53", "ARP7006@19:53"]);
    expect(found.every((f) => f.file === OPS)).toBe(true);
  });

  it("a folder of JSON is its .json files, recursively, without the manifest or configuration", async () => {
    const dir = tempDir("arp-lint-json-dir-");
    const { mkdirSync } = await import("node:fs");
    mkdirSync(join(dir, "roles"));
    copyFileSync(OPS, join(dir, "ops.json"));
    copyFileSync(ROLE, join(dir, "roles", "apprunner-instance.role.json"));
    writeFileSync(join(dir, "arp.config.json"), "{}");
    writeFileSync(join(dir, "arp.manifest.json"), "{}");
    const { found } = await findings([dir]);
    expect(found.map((f) => `${f.file.slice(dir.length + 1).replace(/\\/g, "/")} ${at(f)}`)).toEqual([
      "ops.json ARP7001@4:5", "ops.json ARP7002@4:5", "ops.json ARP7003@10:5", "ops.json ARP7008@15:5", "ops.json ARP2007@19:53", "ops.json ARP7006@19:53",
      "roles/apprunner-instance.role.json ARP7011@6:7", "roles/apprunner-instance.role.json ARP7007@19:11",
    ]);
  });

  it("reads a role bundle as a role: its trust and its inline policies together", async () => {
    const { found } = await findings([ROLE]);
    expect(found.map(at)).toEqual(["ARP7011@6:7", "ARP7007@19:11"]);
    expect(found[1]!.related?.map((r) => r.line)).toEqual([20]);
  });

  it("text output frames the JSON line", async () => {
    const run = await runCli(["lint", "--no-color", OPS]);
    expect(run.stderr).toContain(`${OPS}:19:53 - security warning ARP7006`);
    expect(run.stderr).toContain(`"Condition": { "ForAllValues:StringEquals": { "aws:TagKeys": ["a"] } }`);
  });

  it("suggests fixes in JSON, not in .arp syntax", async () => {
    const run = await runCli(["lint", "--format", "json", OPS, ROLE]);
    const found = JSON.parse(run.stdout) as { code: string; message: string; hint?: string }[];
    const byCode = (code: string) => found.find((f) => f.code === code)!;
    expect(byCode("ARP7002").message).toContain('add `"Condition": { "StringEquals": { "iam:PassedToService": "apprunner.amazonaws.com" } }`');
    expect(byCode("ARP7006").message).toMatch(/^`ForAllValues:` on `aws:TagKeys` holds/);
    expect(byCode("ARP7006").hint).toBe('add `"Null": { "aws:TagKeys": "false" }` in the Condition');
    expect(byCode("ARP7011").hint).toContain('`"Condition": { "StringEquals": { "aws:SourceAccount": "<your account>" } }`');
    expect(byCode("ARP7001").hint).toContain("arn:aws:iam::<account>:role/apprunner/*");
    expect(found.some((f) => /`(when|and) /.test(`${f.message} ${f.hint ?? ""}`))).toBe(false);
  });

  it("lints .arp and JSON in one run", async () => {
    const dir = tempDir("arp-lint-json-");
    writeFileSync(join(dir, "p.arp"), `policy P "p" {\n  allow iam:PassRole on *\n}\n`);
    const { found } = await findings([join(dir, "p.arp"), OPS]);
    expect(found.filter((f) => f.file.endsWith("p.arp")).map(at)).toEqual(["ARP7001@2:3", "ARP7002@2:3"]);
    expect(found.filter((f) => f.file === OPS)).toHaveLength(6);
  });

  it("a config suppression by path applies to JSON, and stays visible as a note", async () => {
    const dir = tempDir("arp-lint-json-");
    copyFileSync(OPS, join(dir, "ops.json"));
    writeFileSync(join(dir, "arp.config.json"), JSON.stringify({ lint: { ignore: [{ code: "ARP7003", paths: ["ops.json"], reason: "reviewed" }] } }));
    const run = await runCli(["lint", "--format", "json", "ops.json"], { cwd: dir });
    const found = JSON.parse(run.stdout) as { code: string; severity: string; line: number }[];
    expect(found.some((f) => f.code === "ARP7003")).toBe(false);
    expect(found.filter((f) => f.code === "ARP8001").map((f) => f.line)).toEqual([10]);
    const sarif = await runCli(["lint", "--format", "sarif", "ops.json"], { cwd: dir });
    const results = (JSON.parse(sarif.stdout) as { runs: { results: { ruleId: string; suppressions?: { kind: string; justification: string }[] }[] }[] }).runs[0]!.results;
    // SARIF: a suppression kept outside the analysed file is `external`.
    expect(results.find((r) => r.ruleId === "ARP7003")?.suppressions).toEqual([{ kind: "external", justification: "reviewed" }]);
  });

  it("SARIF locations point into the JSON", async () => {
    const run = await runCli(["lint", "--format", "sarif", OPS]);
    const log = JSON.parse(run.stdout) as { runs: { results: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } } }[] }[] }[] };
    const result = log.runs[0]!.results.find((r) => r.ruleId === "ARP7006")!;
    expect(result.locations[0]!.physicalLocation.region).toMatchObject({ startLine: 19, startColumn: 53 });
  });

  it("what IAM rejects is an error in the JSON, and the file is not linted further", () => {
    const { diagnostics } = lintJsonSources([
      { path: "bad.json", text: `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "iam:PassRole", "Resource": "*", "Bogus": 1}]}` },
      { path: "broken.json", text: `{"Version":` },
    ]);
    expect(diagnostics.map((d) => [d.code, d.span.file])).toEqual([["ARP6003", "bad.json"], ["ARP6001", "broken.json"]]);
  });

  it("a missing file is reported, not thrown", async () => {
    const run = await runCli(["lint", "--no-color", join(tempDir(), "missing.json")]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("ARP9001");
  });
});

describe("JSON wording of lint's suggestions", () => {
  it("rewrites each .arp phrase lint uses", async () => {
    const { inJsonTerms } = await import("../../compiler/lintJson/jsonWording.js");
    const span = { file: "p.json", start: 0, end: 1 };
    const reword = (hint: string) => inJsonTerms({ code: "ARP7000", severity: "warning", message: "m", span, hint }).hint;
    expect(reword("add `all aws:TagKeys in [...]` listing the tags it may set")).toBe('add `"ForAllValues:StringEquals": { "aws:TagKeys": [...] }` listing the tags it may set');
    expect(reword('also allow `iam:PassRole on arn:aws:iam::${account}:role/apprunner/* when iam:PassedToService = "apprunner.amazonaws.com"`')).toBe(
      'also allow `{ "Effect": "Allow", "Action": "iam:PassRole", "Resource": "arn:aws:iam::<account>:role/apprunner/*", "Condition": { "StringEquals": { "iam:PassedToService": "apprunner.amazonaws.com" } } }`',
    );
    expect(reword("remove it")).toBe("remove it");
  });
});
