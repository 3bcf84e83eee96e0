// `deny trust` writes an `Effect: Deny` statement into the role's trust policy. IAM accepts
// one: "Valid values for `Effect` are `Allow` and `Deny`" (reference_policies_elements_effect),
// and a trust policy is a resource-based policy, in which "An explicit deny in either of these
// policies overrides the allow" (reference_policies_evaluation-logic). So a deny in the trust
// shuts out a principal that a `trust` of the same role lets in.
import { describe, expect, it } from "vitest";
import { compile } from "../../compiler/index.js";
import { importPolicy } from "../../compiler/import/index.js";
import { evaluate } from "../../runtime/index.js";
import { diagnosticsOf, mayAssume, role, statements, trustDocument } from "./support.js";

const INTERN = "arn:aws:iam::444455556666:role/Intern";
const DEPLOYER = "arn:aws:iam::444455556666:role/Deployer";
const GITHUB = "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com";
const TASKS = "tasks.apprunner.amazonaws.com";

describe("deny trust", () => {
  it("lowers to a Deny statement with each principal's own action, as trust does", () => {
    const doc = trustDocument(role(`trust service "${TASKS}"`, `deny trust arn "${INTERN}", federated "${GITHUB}"`));
    expect(statements(doc).map((s) => [s.Effect, s.Principal, s.Action])).toEqual([
      ["Allow", { Service: TASKS }, "sts:AssumeRole"],
      ["Deny", { AWS: INTERN }, "sts:AssumeRole"],
      ["Deny", { Federated: GITHUB }, "sts:AssumeRoleWithWebIdentity"],
    ]);
  });

  it("denies the actions after `to`, under the condition after `when`, split at its `or`", () => {
    const doc = trustDocument(role(
      `trust service "${TASKS}"`,
      `deny trust anyone to sts:AssumeRole, sts:TagSession when aws:SourceAccount != "123456789012" or aws:SecureTransport = false`,
    ));
    expect(statements(doc).slice(1)).toEqual([
      { Effect: "Deny", Principal: "*", Action: ["sts:AssumeRole", "sts:TagSession"], Condition: { StringNotEquals: { "aws:SourceAccount": "123456789012" } } },
      { Effect: "Deny", Principal: "*", Action: ["sts:AssumeRole", "sts:TagSession"], Condition: { Bool: { "aws:SecureTransport": "false" } } },
    ]);
  });

  it("overrides a trust's allow of the same principal: the runtime decides ExplicitDeny, naming the allow it overrode", () => {
    const doc = trustDocument(role(`trust account "444455556666"`, `deny trust arn "${INTERN}"`));
    const result = evaluate([doc], { principal: INTERN, action: "sts:AssumeRole", resource: "arn:aws:iam::123456789012:role/R" });
    expect(result.decision).toBe("ExplicitDeny");
    expect(result.matched.map((m) => m.index)).toEqual([1]);
    expect(result.overridden?.map((m) => m.index)).toEqual([0]);
  });

  it("shuts out only whom it names, and only while its condition holds", () => {
    const doc = trustDocument(role(
      `trust anyone when aws:PrincipalOrgID = "o-abc123"`,
      `deny trust arn "${INTERN}"`,
      `deny trust anyone when aws:MultiFactorAuthPresent = false`,
    ));
    const inOrg = { "aws:PrincipalOrgID": "o-abc123", "aws:MultiFactorAuthPresent": "true" };
    expect(mayAssume(doc, DEPLOYER, "sts:AssumeRole", inOrg)).toBe(true);
    expect(mayAssume(doc, INTERN, "sts:AssumeRole", inOrg)).toBe(false);
    expect(mayAssume(doc, DEPLOYER, "sts:AssumeRole", { ...inOrg, "aws:MultiFactorAuthPresent": "false" })).toBe(false);
    // A deny lets nobody in: outside the organization the allow never applied.
    expect(mayAssume(doc, DEPLOYER, "sts:AssumeRole", { "aws:MultiFactorAuthPresent": "true" })).toBe(false);
  });

  it("checks its principals as trust does (ARP5005)", () => {
    const found = diagnosticsOf(role(`trust service "${TASKS}"`, `deny trust arn "arn:aws:iam::444455556666:role/intern-*"`), "ARP5005");
    expect(found.map((d) => d.message)).toEqual(["a principal cannot use a wildcard to match part of its name or ARN"]);
  });

  it("names only sts: actions after `to`, and says it denies them", () => {
    const found = diagnosticsOf(role(`trust service "${TASKS}"`, `deny trust anyone to s3:GetObject`), "ARP5005");
    expect(found.map((d) => d.message)).toEqual(["a trust denies an `sts:` action such as `sts:AssumeRole`, not `s3:GetObject`"]);
  });

  it("does not warn that anyone is let in (ARP5004) or locked out, since it lets nobody in", () => {
    const result = compile(role(`trust service "${TASKS}"`, `deny trust anyone`, `deny trust service "${TASKS}" to sts:TagSession`));
    expect(result.diagnostics).toEqual([]);
  });

  it("alone, trusts nobody: a warning, since IAM accepts a trust policy that only denies (no trust at all is an error)", () => {
    const found = diagnosticsOf(role(`deny trust anyone`), "ARP5005");
    expect(found.map((d) => [d.severity, d.message])).toEqual([["warning", "role `R` trusts nobody: add a `trust`"]]);
    expect(statements(trustDocument(role(`deny trust anyone`))).map((s) => s.Effect)).toEqual(["Deny"]);
    expect(diagnosticsOf(role(), "ARP5005").map((d) => d.severity)).toEqual(["error"]);
  });

  it("is the only `deny` a role takes directly: a deny of actions there is a syntax error that says where it goes", () => {
    const source = role(`trust service "${TASKS}"`, "deny apprunner:DeleteService on *");
    const result = compile(source);
    expect(result.diagnostics.map((d) => [d.code, source.slice(d.span.start, d.span.end), d.message])).toEqual([[
      "ARP1002",
      "apprunner:DeleteService",
      "expected `trust` after `deny` in a role (`deny trust <principals>`; a `deny` of actions goes in a `policy { }`), found `apprunner:DeleteService`",
    ]]);
  });
});

describe("importing a trust policy's Deny", () => {
  it("writes deny trust, which compiles back to the same statement", async () => {
    const doc = {
      Version: "2012-10-17",
      Statement: [
        { Effect: "Allow", Principal: { AWS: "arn:aws:iam::444455556666:root" }, Action: "sts:AssumeRole" },
        { Effect: "Deny", Principal: { AWS: INTERN }, Action: "sts:AssumeRole", Condition: { Bool: { "aws:MultiFactorAuthPresent": "false" } } },
      ],
    };
    const result = await importPolicy(JSON.stringify(doc), { file: "Deploy/trust.json" });
    expect(result.diagnostics).toEqual([]);
    expect(result.arp).toContain('deny trust arn "arn:aws:iam::${account}:role/Intern" when aws:MultiFactorAuthPresent = false');
    const compiled = compile(result.arp ?? "");
    expect(compiled.roles[0]?.trust.document).toEqual(doc);
  });

  it("refuses a Deny's NotPrincipal, saying IAM rejects it in a trust policy", async () => {
    const doc = { Version: "2012-10-17", Statement: [{ Effect: "Deny", NotPrincipal: { AWS: INTERN }, Action: "sts:AssumeRole" }] };
    const result = await importPolicy(JSON.stringify(doc), { file: "trust.json" });
    expect(result.arp).toBeUndefined();
    expect(result.diagnostics.map((d) => [d.code, d.message])).toEqual([["ARP6003", '"Role trust policies do not support NotPrincipal"']]);
  });
});
