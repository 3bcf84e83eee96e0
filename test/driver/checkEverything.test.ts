// `arp check` checks everything it loads (issue #9): every statement of every loaded file,
// imported, unused, inside a role or a test, is checked once, and reported at its own file.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { check, checkFiles, compile } from "../../compiler/index.js";
import { runCli } from "../support/runCli.js";
import { tempDir } from "../support/tempDir.js";


function libAndMain(lib: string, main = 'import "./lib.arp"\npolicy Main { allow apprunner:ListServices on * }\n'): { dir: string; main: string; lib: string } {
  const dir = tempDir();
  writeFileSync(join(dir, "lib.arp"), lib);
  writeFileSync(join(dir, "main.arp"), main);
  return { dir, main: join(dir, "main.arp"), lib: join(dir, "lib.arp") };
}

function codesAt(diagnostics: readonly { code: string; span: { file: string } }[]): string[] {
  return diagnostics.map((d) => `${d.code} ${d.span.file}`);
}

describe("the check stage covers every loaded file", () => {
  it("reports a typo in an imported file, at the imported file, although nothing uses it", () => {
    const { main, lib } = libAndMain("allow apprunner:DescribeServce on *\n");
    const result = checkFiles([main]);
    expect(result.ok).toBe(false);
    expect(codesAt(result.diagnostics)).toEqual([`ARP2002 ${lib}`]);
    // The same finding as checking the library itself.
    expect(codesAt(checkFiles([lib]).diagnostics)).toEqual([`ARP2002 ${lib}`]);
  });

  it("`arp check main.arp` fails on the imported file's typo and names it", async () => {
    const { dir, lib } = libAndMain("allow apprunner:DescribeServce on *\n");
    const r = await runCli(["check", "main.arp"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout + r.stderr).toContain("ARP2002");
    expect(r.stdout + r.stderr).toContain("lib.arp:1:");
    expect(lib.endsWith("lib.arp")).toBe(true);
  });

  it("checks unused policies, role bodies and tests of an imported file", () => {
    const { main, lib } = libAndMain([
      "policy Unused { allow apprunner:DescribeServce on * }",
      'role R { trust service "tasks.apprunner.amazonaws.com"\n  policy Inline { allow apprunner:PauseServce on * } }',
      'test "t" for Nowhere { expect allow apprunner:ListServices on * }',
      'test "u" for Unused { expect allow apprunner:List* on * }',
      "",
    ].join("\n"));
    const result = checkFiles([main]);
    expect(result.diagnostics.map((d) => d.code).sort()).toEqual(["ARP2002", "ARP2002", "ARP5003", "ARP5007"]);
    expect(result.diagnostics.every((d) => d.span.file === lib)).toBe(true);
  });

  it("checks a role's inline policy and a test of the input even when nothing is built", () => {
    const result = check([
      'role R { trust service "tasks.apprunner.amazonaws.com"',
      "  policy Inline { allow apprunner:PauseServce on * } }",
      'test "t" { expect allow apprunner:List* on * }',
    ].join("\n"));
    expect(result.diagnostics.map((d) => d.code)).toEqual(["ARP2002", "ARP5007"]);
  });

  it("reports a problem once when a policy is output, used by two policies and attached to two roles", () => {
    const result = compile([
      "policy Shared { use Missing allow apprunner:DescribeServce on * allow apprunner:ListServices on * }",
      "policy A { use Shared }",
      "policy B { use Shared }",
      'role R1 { trust service "tasks.apprunner.amazonaws.com" attach Shared }',
      'role R2 { trust service "tasks.apprunner.amazonaws.com" attach Shared }',
    ].join("\n"));
    expect(result.diagnostics.map((d) => d.code).sort()).toEqual(["ARP2002", "ARP5003"]);
  });

  it("reports a Sid clash inside a shared policy once", () => {
    const result = compile([
      'policy Shared { "S1": allow apprunner:ListServices on * "S1": allow apprunner:DescribeService on * }',
      "policy A { use Shared }",
      'role R1 { trust service "tasks.apprunner.amazonaws.com" attach Shared attach A }',
    ].join("\n"));
    expect(result.diagnostics.map((d) => d.code)).toEqual(["ARP4001"]);
  });

  it("reports a `use` cycle once, at the `use` that closes it", () => {
    const result = compile("policy A { use B allow apprunner:ListServices on * }\npolicy B { use A allow apprunner:PauseService on * }");
    expect(result.diagnostics.map((d) => d.code)).toEqual(["ARP5002"]);
  });
});

describe("the stdlib is checked where it is used", () => {
  it("builds a stdlib policy reached through `use`", () => {
    const result = compile("policy Mine { use AWSAppRunnerReadOnlyAccess }");
    expect(result.diagnostics).toEqual([]);
    expect(JSON.stringify(result.policies[0]?.document)).toContain("apprunner:");
  });
});
