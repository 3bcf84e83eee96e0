// Size quotas by how a policy is delivered. "the size of each managed policy cannot exceed the
// default quota of 6,144 characters" (access-analyzer-reference-policy-checks.md); inline
// policies instead share one total per role: "the total aggregate policy size (the sum size of
// all inline policies) per entity cannot exceed the following limits" (reference_iam-quotas.md),
// 10,240 for a role. "IAM does not count white space" in either.
import { describe, expect, it } from "vitest";
import { MANAGED_POLICY_LIMIT } from "../../compiler/compileProgram.js";
import { compile } from "../../compiler/index.js";
import { ROLE_INLINE_LIMIT } from "../../compiler/driver/compileRole.js";

const TRUST = 'trust service "tasks.apprunner.amazonaws.com"';

/** A policy body of `count` statements, each granting one DynamoDB table. */
function statements(count: number, prefix: string): string {
  return Array.from({ length: count }, (_, i) =>
    `  allow dynamodb:GetItem on arn:aws:dynamodb:us-east-1:123456789012:table/${prefix}-${String(i).padStart(4, "0")}`).join("\n");
}


function sizeOf(count: number): number {
  return compile(`role R {\n ${TRUST}\n policy Big {\n${statements(count, "t")}\n }\n}`).roles[0]?.inlinePolicies[0]?.size ?? 0;
}

/** A statement count whose policy is about the 8,213 characters of the report. */
function overManaged(): { count: number; size: number } {
  const one = sizeOf(1);
  const per = sizeOf(2) - one;
  const count = Math.ceil((8213 - one) / per) + 1;
  return { count, size: sizeOf(count) };
}

describe("policy size limits follow how the policy is delivered", () => {
  const { count, size } = overManaged();

  it("an inline role policy over 6,144 but within the role's 10,240 compiles", () => {
    expect(size).toBeGreaterThan(MANAGED_POLICY_LIMIT);
    expect(size).toBeLessThan(ROLE_INLINE_LIMIT);
    const r = compile(`role R {\n ${TRUST}\n policy Big {\n${statements(count, "t")}\n }\n}`);
    expect(r.diagnostics.map((d) => d.message)).toEqual([]);
    expect(r.roles[0]?.inlinePolicies[0]?.size).toBe(size);
  });

  it("a standalone policy of the same size is a managed policy and is rejected", () => {
    const r = compile(`policy Big {\n${statements(count, "t")}\n}`);
    expect(r.ok).toBe(false);
    expect(r.diagnostics.map((d) => d.code)).toEqual(["ARP4004"]);
    expect(r.diagnostics[0]?.message).toContain(`${size} characters`);
  });

  it("a standalone policy attached to a role is reported once, as a managed policy: its inline copy fits the role", () => {
    const r = compile(`policy Big {\n${statements(count, "t")}\n}\nrole R {\n ${TRUST}\n attach Big\n}`);
    expect(r.diagnostics.map((d) => `${d.code} ${d.message.slice(0, 12)}`)).toEqual(["ARP4004 policy `Big`"]);
  });

  it("two inline policies that together pass 10,240 are rejected at the role", () => {
    const r = compile(`role R {\n ${TRUST}\n policy A {\n${statements(count, "a")}\n }\n policy B {\n${statements(count, "b")}\n }\n}`);
    expect(r.ok).toBe(false);
    expect(r.diagnostics.map((d) => d.code)).toEqual(["ARP4004"]);
    expect(r.diagnostics[0]?.message).toContain(`IAM allows ${ROLE_INLINE_LIMIT} per role`);
  });
});
