// `arp test --coverage`: which statements and condition outcomes the expectations exercised,
// reported at `.arp` lines, with `--min-coverage` failing CI below a threshold.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runPolicyTests } from "../../compiler/policyTests/runPolicyTests.js";
import { runCli } from "../support/runCli.js";

const FIXTURE = join("test", "policyTests", "fixtures", "deployer.arp");

function coverageOf(text: string) {
  const result = runPolicyTests([{ path: "p.arp", text }], { coverage: true });
  expect(result.ok).toBe(true);
  return result.coverage!;
}

describe("test coverage", () => {
  it("counts a statement applied only when some request reaches and satisfies it", () => {
    const coverage = coverageOf(`policy P "p" {
  allow apprunner:ListServices on *
  allow apprunner:PauseService on service/* when tag env = "dev"
}
test "t" {
  expect allow apprunner:PauseService on service/a/1 with tag env = "dev"
}
`);
    const [file] = coverage.files;
    expect(file!.statements.map((s) => s.applied)).toEqual([false, true]);
    expect(file!.conditions).toMatchObject([{ key: "aws:ResourceTag/env", held: true, failed: false }]);
    // 1 of 2 statements, 1 of 2 outcomes of the one condition.
    expect([coverage.covered, coverage.total, coverage.percent]).toEqual([2, 4, 50]);
  });

  it("counts a condition's outcomes only for requests whose action and resource reach it", () => {
    const coverage = coverageOf(`policy P "p" {
  allow apprunner:PauseService on service/* when tag env = "dev"
}
test "t" {
  expect implicit deny apprunner:ResumeService on service/a/1 with tag env = "prod"
}
`);
    expect(coverage.files[0]!.conditions).toMatchObject([{ held: false, failed: false }]);
    expect(coverage.covered).toBe(0);
  });

  it("sees both outcomes of a condition and of a deny's condition", () => {
    const coverage = coverageOf(`policy P "p" {
  allow apprunner:PauseService on service/* when tag env = "dev"
  deny apprunner:PauseService on * when not aws:SecureTransport
}
test "t" {
  expect allow apprunner:PauseService on service/a/1 with tag env = "dev", aws:SecureTransport = true
  expect explicit deny apprunner:PauseService on service/a/1 with tag env = "prod", aws:SecureTransport = false
}
`);
    expect(coverage.files[0]!.conditions.map((c) => [c.held, c.failed])).toEqual([[true, true], [true, true]]);
    expect(coverage.percent).toBe(100);
  });

  it("counts the statements of policies no test names", () => {
    const coverage = coverageOf(`policy Tested "t" {
  allow apprunner:ListServices on *
}
policy Untested "u" {
  allow apprunner:DescribeService on *
}
test "t" for Tested {
  expect allow apprunner:ListServices on *
}
`);
    expect(coverage.files[0]!.statements.map((s) => s.applied)).toEqual([true, false]);
  });

  it("is absent unless asked for", () => {
    expect(runPolicyTests([{ path: "p.arp", text: `allow apprunner:ListServices on *\n` }]).coverage).toBeUndefined();
  });
});

describe("arp test --coverage", () => {
  it("prints the total and each gap at its line and column", async () => {
    const run = await runCli(["test", "--no-color", "--coverage", FIXTURE]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("coverage: 71.4% (5 of 7 statements and condition outcomes)");
    expect(run.stdout).toContain(`${FIXTURE}  71.4% (5 of 7)`);
    expect(run.stdout).toContain("3:3  statement never applied");
    expect(run.stdout).toContain("5:46  condition BoolIfExists aws:MultiFactorAuthPresent never failed");
    expect(run.stdout).not.toContain("4:3  statement never applied");
  });

  it("gives JSON with every statement and condition, diagnostics beside it", async () => {
    const run = await runCli(["test", "--coverage", "--format", "json", FIXTURE]);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as {
      diagnostics: unknown[];
      coverage: { percent: number; files: { file: string; statements: { line: number; applied: boolean }[]; conditions: { line: number; column: number; held: boolean; failed: boolean }[] }[] };
    };
    expect(report.diagnostics).toEqual([]);
    expect(report.coverage.percent).toBe(71.4);
    const [file] = report.coverage.files;
    expect(file!.file).toBe(FIXTURE);
    expect(file!.statements.map((s) => [s.line, s.applied])).toEqual([[3, false], [4, true], [5, true]]);
    expect(file!.conditions.map((c) => [c.line, c.column, c.held, c.failed])).toEqual([[4, 67, true, true], [5, 46, true, false]]);
  });

  it("--min-coverage fails below the threshold and passes at it", async () => {
    const below = await runCli(["test", "--no-color", "--min-coverage", "80", FIXTURE]);
    expect(below.code).toBe(1);
    expect(below.stderr).toContain("coverage 71.4% is below the minimum of 80%");
    const at = await runCli(["test", "--no-color", "--min-coverage", "71.4", FIXTURE]);
    expect(at.code).toBe(0);
  });

  it("--min-coverage rejects what is not a percentage", async () => {
    const run = await runCli(["test", "--min-coverage", "150", FIXTURE]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("expected a percentage from 0 to 100");
  });

  it("the fixture's positions are where the source puts them", () => {
    const lines = readFileSync(FIXTURE, "utf8").split("\n");
    expect(lines[2]!.slice(2)).toMatch(/^allow apprunner:ListServices/);
    expect(lines[3]!.slice(66)).toMatch(/^tag env = "dev"/);
    expect(lines[4]!.slice(45)).toMatch(/^aws:MultiFactorAuthPresent/);
  });
});
