// Names that become file names or reach IAM are checked by `arp check`: role names and
// descriptions against IAM's rules (ARP4010), output files that collide or are Windows device
// names (ARP4011), inline policy names like every policy name (ARP4006).
import { describe, expect, it } from "vitest";
import { check } from "../../compiler/index.js";
import type { Diagnostic } from "../../grammar/diagnostics/diagnostic.js";

const TRUST = 'trust service "build.apprunner.amazonaws.com"';
function diagnosticsOf(text: string): Diagnostic[] {
  return [...check({ path: "a.arp", text }).diagnostics];
}
function codesOf(text: string): string[] {
  return diagnosticsOf(text).map((d) => d.code);
}
function role(name: string, description = ""): string {
  return `role ${JSON.stringify(name)} ${description} { ${TRUST} }`;
}

describe("role names (ARP4010)", () => {
  // IAM API Reference, CreateRole / RoleName: "Length Constraints: Minimum length of 1. Maximum
  // length of 64. Pattern: [\w+=,.@-]+"
  it.each([
    ["R */ (globalThis as any).process.exit(42); /* "],
    ["../../escaped-role"],
    ["a/b"],
    [""],
    ["a".repeat(65)],
    ["caf\u00e9"],
    ["tab\there"],
  ])("rejects %j at the name", (name) => {
    const text = role(name);
    const [d, ...rest] = diagnosticsOf(text);
    expect(rest.map((x) => x.code)).not.toContain("ARP4010");
    expect(d?.code).toBe("ARP4010");
    expect(text.slice(d!.span.start, d!.span.end)).toBe(JSON.stringify(name));
    expect(d?.hint).toMatch(/1-64/);
  });

  // `..` is a name IAM accepts; its file, `...role.json`, is a plain file name.
  it.each([["AppRunnerEcrAccess"], ["a"], ["a".repeat(64)], ["x+=,.@_-9"], [".."]])("accepts %j", (name) => {
    expect(codesOf(role(name))).toEqual([]);
  });

  // IAM API Reference, UpdateRoleDescription / Description: "Length Constraints: Maximum length
  // of 1000. Pattern: [\u0009\u000A\u000D\u0020-\u007E\u00A1-\u00FF]*"
  it("rejects a description IAM would refuse, at the description", () => {
    for (const description of ["x".repeat(1001), "snow \u2603", "bell \u0007", "del \u007f"]) {
      const text = role("R", `"${description}"`); // raw characters: arp strings have no \u escape
      const [d] = diagnosticsOf(text);
      expect(d?.code).toBe("ARP4010");
      expect(text.slice(d!.span.start, d!.span.end)).toBe(`"${description}"`);
    }
    expect(codesOf(role("R", JSON.stringify(`caf\u00e9 \u00ff ${"x".repeat(990)}`)))).toEqual([]);
  });

  it("checks inline policy names like every policy name", () => {
    expect(codesOf(`role R { ${TRUST}\n policy "../x" { allow apprunner:ListServices on * } }`)).toEqual(["ARP4006"]);
  });
});

describe("output file names (ARP4011)", () => {
  it("reports a policy `X.role` beside a role `X` at the later name, pointing at the first", () => {
    const text = `policy "X.role" { allow apprunner:ListServices on * }\nrole x { ${TRUST} }`;
    const [d, ...rest] = diagnosticsOf(text);
    expect(rest).toEqual([]);
    expect(d?.code).toBe("ARP4011");
    expect(text.slice(d!.span.start, d!.span.end)).toBe("x");
    expect(text.slice(d!.related![0]!.span.start, d!.related![0]!.span.end)).toBe('"X.role"');
  });

  it("orders by position whichever kind comes first", () => {
    const text = `role X { ${TRUST} }\npolicy "x.ROLE" { allow apprunner:ListServices on * }`;
    const [d] = diagnosticsOf(text);
    expect(d?.code).toBe("ARP4011");
    expect(text.slice(d!.span.start, d!.span.end)).toBe('"x.ROLE"');
  });

  it("reports a policy named after arp's manifest", () => {
    expect(codesOf('policy "ARP.Manifest" { allow apprunner:ListServices on * }')).toEqual(["ARP4011"]);
  });

  it.each([["CON"], ["nul"], ["Com1"], ["LPT9"], ["aux.backup"], ["prn.x.y"]])("reports the Windows device name %j", (name) => {
    expect(codesOf(`policy ${JSON.stringify(name)} { allow apprunner:ListServices on * }`)).toEqual(["ARP4011"]);
    expect(codesOf(role(name))).toEqual(["ARP4011"]);
  });

  it("accepts names that merely contain a device name", () => {
    expect(codesOf(`policy CONSOLE { allow apprunner:ListServices on * }\n${role("COM10")}\n${role("xnul")}`)).toEqual([]);
  });

  it("reports a file of bare statements named after a device", () => {
    expect(check({ path: "dir/aux.arp", text: "allow apprunner:ListServices on *" }).diagnostics.map((d) => d.code)).toEqual(["ARP4011"]);
  });
});
