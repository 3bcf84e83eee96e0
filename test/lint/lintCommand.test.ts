// `arp lint` as a CI step runs it: exit codes by severity threshold, JSON and SARIF output, and
// suppressions that stay visible.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../support/runCli.js";
import { tempDir } from "../support/tempDir.js";

function project(text: string): string {
  const dir = tempDir("arp-lint-");
  writeFileSync(join(dir, "policy.arp"), text);
  return join(dir, "policy.arp");
}

const RISKY = `policy Ops "ops" {
  allow iam:PassRole on *
  allow apprunner:DescribeService, apprunner:Describe* on *
}
`;

interface SarifLog {
  version: string;
  runs: {
    tool: { driver: { name: string; rules: { id: string }[] } };
    results: { ruleId: string; ruleIndex: number; level: string; locations: { physicalLocation: { region: { startLine: number; startColumn: number } } }[]; suppressions?: { kind: string; justification: string }[] }[];
  }[];
}

describe("arp lint", () => {
  it("reports security warnings and suggestions at the .arp line, and fails on warnings by default", async () => {
    const run = await runCli(["lint", "--no-color", project(RISKY)]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("policy.arp:2:3 - security warning ARP7001");
    expect(run.stderr).toContain("policy.arp:2:3 - security warning ARP7002");
    expect(run.stderr).toContain("policy.arp:3:3 - suggestion ARP7008");
    expect(run.stderr).toMatch(/2 security warnings, 1 suggestion/);
  });

  it("--fail-on sets the threshold: suggestions alone pass unless asked for", async () => {
    const file = project("allow apprunner:DescribeService, apprunner:Describe* on *\n");
    expect((await runCli(["lint", file])).code).toBe(0);
    expect((await runCli(["lint", "--fail-on", "suggestion", file])).code).toBe(1);
    expect((await runCli(["lint", "--fail-on", "never", project(RISKY)])).code).toBe(0);
    expect((await runCli(["lint", "--fail-on", "error", project(RISKY)])).code).toBe(0);
  });

  it("a type error still fails, whatever the threshold", async () => {
    const run = await runCli(["lint", "--fail-on", "never", project("allow apprunner:DescribeServices on *\n")]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("ARP2002");
  });

  it("--format json lists each finding with its position", async () => {
    const run = await runCli(["lint", "--format", "json", project(RISKY)]);
    const found = JSON.parse(run.stdout) as { code: string; line: number; column: number; severity: string; lintSeverity: string }[];
    expect(found.map((d) => [d.code, d.line, d.column, d.severity, d.lintSeverity])).toEqual([
      ["ARP7001", 2, 3, "warning", "security"],
      ["ARP7002", 2, 3, "warning", "security"],
      ["ARP7008", 3, 3, "info", "suggestion"],
    ]);
  });

  it("--format sarif writes SARIF 2.1.0: one rule per code, results pointing at them, suppressions in source", async () => {
    const text = `policy Ops "ops" {
  // arp-ignore ARP7001: reviewed: the condition limits it to App Runner
  allow iam:PassRole on * when iam:PassedToService = "apprunner.amazonaws.com"
}
`;
    const run = await runCli(["lint", "--format", "sarif", project(text)]);
    const log = JSON.parse(run.stdout) as SarifLog;
    expect(log.version).toBe("2.1.0");
    const [only] = log.runs;
    expect(only!.tool.driver.name).toBe("arp");
    const rules = only!.tool.driver.rules.map((r) => r.id);
    for (const r of only!.results) expect(rules[r.ruleIndex]).toBe(r.ruleId);
    const passRole = only!.results.find((r) => r.ruleId === "ARP7001")!;
    expect(passRole.level).toBe("warning");
    expect(passRole.suppressions).toEqual([{ kind: "inSource", justification: "reviewed: the condition limits it to App Runner" }]);
    expect(passRole.locations[0]!.physicalLocation.region).toMatchObject({ startLine: 3, startColumn: 3 });
    // A suppressed finding does not fail the run.
    expect(run.code).toBe(0);
  });

  it("`arp check` does not call a lint suppression unused; `arp lint` does when nothing is found", async () => {
    const file = project("// arp-ignore ARP7005: reviewed\nallow apprunner:DescribeService on *\n");
    expect((await runCli(["check", file])).stderr).not.toContain("ARP8003");
    expect((await runCli(["lint", file])).stderr).toContain("ARP8003");
  });

  it("the examples and the stdlib lint clean: every finding is suppressed with a reason", async () => {
    const run = await runCli(["lint", "--format", "json", "examples", "stdlib"]);
    const found = JSON.parse(run.stdout) as { code: string; message: string; hint?: string }[];
    expect(found.filter((d) => d.code !== "ARP8001")).toEqual([]);
    expect(found.length).toBeGreaterThan(0);
    for (const d of found) expect(d.hint).toMatch(/^`arp-ignore`: \S/);
    expect(run.code).toBe(0);
  });
});

describe("arp lint with arp.config.json", () => {
  it("suppresses a code under a folder with a reason, visibly, and reports entries that suppress nothing", async () => {
    const dir = tempDir("arp-lint-config-");
    writeFileSync(join(dir, "vendor.arp"), "allow apprunner:* on *\n");
    writeFileSync(
      join(dir, "arp.config.json"),
      JSON.stringify({ lint: { ignore: [{ code: "ARP7005", paths: ["./"], reason: "vendored admin policy, reviewed" }, { code: "ARP7001", paths: ["nowhere/"], reason: "stale" }] } }, null, 2),
    );
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      const run = await runCli(["lint", "--no-color", "vendor.arp"]);
      expect(run.stderr).toContain("note ARP8001: ARP7005 suppressed");
      expect(run.stderr).toContain("arp.config.json: vendored admin policy, reviewed");
      expect(run.stderr).toMatch(/arp\.config\.json:\d+:\d+ - warning ARP8003: the `lint.ignore` entry for ARP7001 suppresses nothing/);
      expect(run.code).toBe(1);
    } finally {
      process.chdir(cwd);
    }
  });

  it("an entry without a reason is refused", async () => {
    const dir = tempDir("arp-lint-config-");
    writeFileSync(join(dir, "vendor.arp"), "allow apprunner:* on *\n");
    writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "x", arp: { lint: { ignore: [{ code: "ARP7005", paths: ["./"] }] } } }));
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      const run = await runCli(["lint", "--no-color", "vendor.arp"]);
      expect(run.stderr).toContain("ARP8002");
      expect(run.stderr).toContain("gives no reason");
      expect(run.stderr).toContain("warning ARP7005");
      expect(run.code).toBe(1);
    } finally {
      process.chdir(cwd);
    }
  });
});
