// `arp lint --format sarif` is uploaded to code scanning, which rejects logs that do not follow
// the SARIF 2.1.0 schema. Each log arp writes here (findings, suppressed findings, no findings,
// JSON inputs) is validated against the schema Microsoft's SARIF team publishes in
// @microsoft/jest-sarif (sarif-2.1.0-rtm.5, JSON Schema draft-04), with Ajv.
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import AjvDraft04 from "ajv-draft-04";
import { describe, expect, it } from "vitest";
import { runCli } from "../support/runCli.js";
import { tempDir } from "../support/tempDir.js";

// A CommonJS module whose class is also its `default` property: the one spelling both Node's
// ESM interop and TypeScript's NodeNext typing agree on.
const Ajv = AjvDraft04.default;
const require = createRequire(import.meta.url);
const SCHEMA = JSON.parse(readFileSync(require.resolve("@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json"), "utf8")) as object;

function validator() {
  // The schema's language pattern is not valid with the `u` flag Ajv uses by default.
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  // The schema's three formats, checked as the SARIF spec defines them (RFC 3986, RFC 3339).
  ajv.addFormat("uri", (s: string) => URL.canParse(s));
  ajv.addFormat("uri-reference", (s: string) => !/\s/.test(s));
  ajv.addFormat("date-time", (s: string) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(s));
  return ajv.compile(SCHEMA);
}

const validate = validator();

async function sarifOf(args: readonly string[], cwd?: string): Promise<unknown> {
  const run = await runCli(["lint", "--format", "sarif", ...args], cwd !== undefined ? { cwd } : {});
  return JSON.parse(run.stdout) as unknown;
}

function expectValid(log: unknown): void {
  const ok = validate(log);
  expect(validate.errors ?? []).toEqual([]);
  expect(ok).toBe(true);
}

describe("SARIF output against the SARIF 2.1.0 schema", () => {
  it("a log with several rules and a suppressed finding is valid", async () => {
    const dir = tempDir("arp-sarif-");
    writeFileSync(join(dir, "p.arp"), `policy Ops "ops" {
  allow iam:PassRole on *
  allow apprunner:DescribeService, apprunner:Describe* on *
  allow apprunner:ListServices on *
  allow apprunner:ListServices on *
  // arp-ignore ARP7003: reviewed for this test
  allow * except apprunner:DeleteService on *
}
`);
    const log = (await sarifOf([join(dir, "p.arp")])) as { runs: { results: { ruleId: string; suppressions?: unknown[] }[] }[] };
    const results = log.runs[0]!.results;
    // The log exercises what the schema constrains: several rules, and a suppressed result.
    expect(new Set(results.map((r) => r.ruleId)).size).toBeGreaterThan(2);
    expect(results.some((r) => r.suppressions !== undefined)).toBe(true);
    expectValid(log);
  });

  it("a log of IAM JSON findings is valid", async () => {
    expectValid(await sarifOf([join("test", "lint", "fixtures", "ops.json"), join("test", "lint", "fixtures", "apprunner-instance.role.json")]));
  });

  it("a log with no findings is valid", async () => {
    const dir = tempDir("arp-sarif-");
    writeFileSync(join(dir, "p.arp"), `policy Quiet "q" {\n  allow apprunner:ListServices on *\n}\n`);
    const log = (await sarifOf([join(dir, "p.arp")])) as { runs: { results: unknown[] }[] };
    expect(log.runs[0]!.results).toEqual([]);
    expectValid(log);
  });

  it("the validator rejects what the schema forbids", () => {
    expect(validate({ version: "2.1.0", runs: [{ tool: { driver: { name: "arp" } }, results: [{ level: "severe", message: { text: "x" } }] }] })).toBe(false);
    expect(validate({ version: "2.0.0", runs: [] })).toBe(false);
  });
});
