// The requests `arp diff` decides must include a member of every action class the policies
// draw, however many actions a wildcard matches: a class whose only members lie deep in a long
// wildcard's list is access the diff would otherwise miss while calling itself exhaustive.
import { describe, expect, it } from "vitest";
import { loadCatalog } from "../../compiler/catalog/index.js";
import { compile } from "../../compiler/index.js";
import type { CompiledPrincipalSet } from "../../compiler/compileProgram.js";
import { diffAccess } from "../../compiler/diff/diffAccess.js";
import { jsonPrincipalSets } from "../../compiler/diff/jsonPrincipalSets.js";
import { stringClasses } from "../../compiler/diff/stringClasses.js";
import { resourceTokens } from "../../compiler/diff/patternTokens.js";
import { evaluate } from "../../runtime/index.js";

const catalog = loadCatalog();

function sets(text: string): readonly CompiledPrincipalSet[] {
  const result = compile({ path: "p.arp", text });
  expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return result.principals;
}

describe("arp diff's request domain", () => {
  it("finds new access in actions that only a long wildcard reaches (ec2:* has more than 800)", () => {
    // ec2:A* to ec2:D* are listed in full; what ec2:* adds starts with ec2:Enable..., past the
    // first several hundred of its matches.
    const before = sets(`policy Ops "ops" {\n  allow ec2:A*, ec2:B*, ec2:C*, ec2:D* on *\n}\n`);
    const after = sets(`policy Ops "ops" {\n  allow ec2:* on *\n}\n`);
    expect(catalog.matchActions("ec2:*").length).toBeGreaterThan(800);
    const [diff] = diffAccess(before, after, catalog);
    expect(diff!.exhaustive).toBe(true);
    expect(diff!.added).toHaveLength(1);
    const example = diff!.added[0]!.example;
    expect(example.action).not.toMatch(/^ec2:[A-D]/);
    expect(evaluate(after[0]!.policies, example).decision).toBe("Allow");
    expect(evaluate(before[0]!.policies, example).decision).toBe("ImplicitDeny");
    expect(diff!.added[0]!.actions).toContain("ec2:TerminateInstances");
  });

  it("represents every service a wildcard service prefix in compiled JSON reaches", () => {
    const read = (action: string) => jsonPrincipalSets([{ path: "Ops.json", text: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: action, Resource: "*" }] }) }]);
    const before = read("s3:GetObject");
    const after = read("s*:Get*");
    expect([...before.diagnostics, ...after.diagnostics].filter((d) => d.severity === "error")).toEqual([]);
    const [diff] = diffAccess(before.sets, after.sets, catalog);
    expect(diff!.added.length).toBeGreaterThan(0);
    const example = diff!.added[0]!.example;
    expect(example.action).not.toBe("s3:GetObject");
    expect(evaluate(after.sets[0]!.policies, example).decision).toBe("Allow");
    expect(evaluate(before.sets[0]!.policies, example).decision).toBe("ImplicitDeny");
  });

  it("tries each CIDR's first and last address and those just outside: a widened range is new access", () => {
    const policy = (cidr: string) => sets(`policy Ops "ops" {\n  allow apprunner:ListServices on * when aws:SourceIp in ["${cidr}"]\n}\n`);
    const [diff] = diffAccess(policy("10.0.0.0/24"), policy("10.0.0.0/23"), catalog);
    expect(diff!.exhaustive).toBe(true);
    expect(diff!.added).toHaveLength(1);
    const example = diff!.added[0]!.example;
    expect(example.context["aws:sourceip"]).toMatch(/^10\.0\.1\./);
    expect(evaluate(policy("10.0.0.0/23")[0]!.policies, example).decision).toBe("Allow");
    expect(evaluate(policy("10.0.0.0/24")[0]!.policies, example).decision).toBe("ImplicitDeny");
  });

  it("tries a resource two overlapping patterns both match: a deny of one inside the other", () => {
    const members = (...patterns: string[]) => stringClasses(patterns.map((p) => ({ tokens: resourceTokens(p, () => "v"), ignoreCase: false }))).members;
    // Both, the first only, the second only, neither.
    expect(members("service/a*", "service/*b")).toHaveLength(4);
    expect(members("service/a*", "service/*b")).toContain("service/ab");
    // Disjoint patterns: no member matches both.
    expect(members("service/a*", "service/b*")).toHaveLength(3);
    const before = sets(`policy Ops "ops" {\n  allow apprunner:DeleteService on service/a*\n  deny apprunner:DeleteService on service/*b\n}\n`);
    const after = sets(`policy Ops "ops" {\n  allow apprunner:DeleteService on service/a*\n}\n`);
    const [diff] = diffAccess(before, after, catalog);
    expect(diff!.added).toHaveLength(1);
    const example = diff!.added[0]!.example;
    expect(evaluate(after[0]!.policies, example).decision).toBe("Allow");
    expect(evaluate(before[0]!.policies, example).decision).toBe("ExplicitDeny");
  });
});
