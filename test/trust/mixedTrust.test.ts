// A trust naming principals that assume the role in different ways gets one statement per way,
// each with that way's action. IAM User Guide, reference_policies_elements_principal.md:
// - "A *web identity session principal* is a session principal that results from using the AWS
//   STS `AssumeRoleWithWebIdentity` operation."
// - "A *SAML session principal* is a session principal that results from using the AWS STS
//   `AssumeRoleWithSAML` operation."
// - "An *assumed-role session principal* is a session principal that results from using the
//   AWS STS `AssumeRole` operation."
// id_roles_create_for-idp_oidc.md: "For the `Action` element, use the
// `sts:AssumeRoleWithWebIdentity` action."
// Before, `trust service "tasks...", federated "...oidc-provider/..."` was one statement whose
// only action was sts:AssumeRoleWithWebIdentity, so App Runner could never assume the role.
import { describe, expect, it } from "vitest";
import { mayAssume, role, statements, trustDocument } from "./support.js";

const TASKS = "tasks.apprunner.amazonaws.com";
const GITHUB = "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com";
const OKTA = "arn:aws:iam::123456789012:saml-provider/Okta";
const AUDIT = "arn:aws:iam::444455556666:root";

describe("a trust mixing ways of assuming the role", () => {
  it("lets the service assume the role with sts:AssumeRole and the provider's tokens with sts:AssumeRoleWithWebIdentity", () => {
    const doc = trustDocument(role(`trust service "${TASKS}", federated "${GITHUB}"`));
    expect(statements(doc).map((s) => [s.Principal, s.Action])).toEqual([
      [{ Service: TASKS }, "sts:AssumeRole"],
      [{ Federated: GITHUB }, "sts:AssumeRoleWithWebIdentity"],
    ]);
    expect(mayAssume(doc, TASKS, "sts:AssumeRole")).toBe(true);
    expect(mayAssume(doc, GITHUB, "sts:AssumeRoleWithWebIdentity")).toBe(true);
    // Neither gets the other's action.
    expect(mayAssume(doc, TASKS, "sts:AssumeRoleWithWebIdentity")).toBe(false);
    expect(mayAssume(doc, GITHUB, "sts:AssumeRole")).toBe(false);
  });

  it("gives accounts, services, web identity and SAML providers each their action, in source order", () => {
    const doc = trustDocument(role(`trust federated "${OKTA}", account "444455556666", federated "${GITHUB}", service "${TASKS}"`));
    expect(statements(doc).map((s) => [s.Principal, s.Action])).toEqual([
      [{ Federated: OKTA }, "sts:AssumeRoleWithSAML"],
      [{ AWS: AUDIT, Service: TASKS }, "sts:AssumeRole"],
      [{ Federated: GITHUB }, "sts:AssumeRoleWithWebIdentity"],
    ]);
    expect(mayAssume(doc, OKTA, "sts:AssumeRoleWithSAML")).toBe(true);
    expect(mayAssume(doc, AUDIT, "sts:AssumeRole")).toBe(true);
    expect(mayAssume(doc, TASKS, "sts:AssumeRole")).toBe(true);
    expect(mayAssume(doc, GITHUB, "sts:AssumeRoleWithWebIdentity")).toBe(true);
    expect(mayAssume(doc, OKTA, "sts:AssumeRoleWithWebIdentity")).toBe(false);
  });

  it("puts the trust's condition on each of its statements, and on no other trust's", () => {
    const doc = trustDocument(role(
      `trust service "${TASKS}", federated "${GITHUB}" when token.actions.githubusercontent.com:sub like "repo:acme/*"`,
      `trust account "444455556666"`,
    ));
    const conditioned = statements(doc).filter((s) => s.Condition !== undefined);
    expect(conditioned.map((s) => s.Principal)).toEqual([{ Service: TASKS }, { Federated: GITHUB }]);
    const token = { "token.actions.githubusercontent.com:sub": "repo:acme/web:ref:refs/heads/main" };
    expect(mayAssume(doc, GITHUB, "sts:AssumeRoleWithWebIdentity", token)).toBe(true);
    expect(mayAssume(doc, GITHUB, "sts:AssumeRoleWithWebIdentity", { "token.actions.githubusercontent.com:sub": "repo:evil/x" })).toBe(false);
    expect(mayAssume(doc, GITHUB, "sts:AssumeRoleWithWebIdentity")).toBe(false);
    // The `when` qualifies the whole trust, the service included, as the source says.
    expect(mayAssume(doc, TASKS, "sts:AssumeRole")).toBe(false);
    expect(mayAssume(doc, AUDIT, "sts:AssumeRole")).toBe(true);
  });

  it("splits an `or` in the condition for every way, so each statement keeps one branch", () => {
    const doc = trustDocument(role(
      `trust account "444455556666", federated "${GITHUB}" when aws:PrincipalOrgID = "o-a1b2c3d4e5" or token.actions.githubusercontent.com:sub like "repo:acme/*"`,
    ));
    expect(statements(doc).map((s) => [s.Action, Object.keys(s.Condition ?? {})])).toEqual([
      ["sts:AssumeRole", ["StringEquals"]],
      ["sts:AssumeRole", ["StringLike"]],
      ["sts:AssumeRoleWithWebIdentity", ["StringEquals"]],
      ["sts:AssumeRoleWithWebIdentity", ["StringLike"]],
    ]);
    expect(mayAssume(doc, AUDIT, "sts:AssumeRole", { "aws:PrincipalOrgID": "o-a1b2c3d4e5" })).toBe(true);
    expect(mayAssume(doc, GITHUB, "sts:AssumeRoleWithWebIdentity", { "token.actions.githubusercontent.com:sub": "repo:acme/x" })).toBe(true);
    expect(mayAssume(doc, GITHUB, "sts:AssumeRoleWithWebIdentity", { "token.actions.githubusercontent.com:sub": "repo:other/x" })).toBe(false);
  });

  it("keeps the actions written after `to` for every principal, in one statement", () => {
    const doc = trustDocument(role(`trust service "${TASKS}", federated "${GITHUB}" to sts:AssumeRoleWithWebIdentity, sts:TagSession`));
    expect(statements(doc).map((s) => [s.Principal, s.Action])).toEqual([
      [{ Service: TASKS, Federated: GITHUB }, ["sts:AssumeRoleWithWebIdentity", "sts:TagSession"]],
    ]);
  });

  it("writes `anyone` as \"*\" alone, and as \"AWS\": \"*\" beside a service sharing its action", () => {
    const alone = trustDocument(role(`trust anyone, federated "${GITHUB}" when aws:PrincipalOrgID = "o-a1b2c3d4e5" and token.actions.githubusercontent.com:sub like "repo:acme/*"`));
    expect(statements(alone).map((s) => [s.Principal, s.Action])).toEqual([
      ["*", "sts:AssumeRole"],
      [{ Federated: GITHUB }, "sts:AssumeRoleWithWebIdentity"],
    ]);
    const beside = trustDocument(role(`trust anyone, service "${TASKS}", account "444455556666" when aws:PrincipalOrgID = "o-a1b2c3d4e5"`));
    expect(statements(beside).map((s) => s.Principal)).toEqual([{ AWS: "*", Service: TASKS }]);
  });

  it("still writes a trust of one way as one statement, as before", () => {
    const doc = trustDocument(role('trust service "build.apprunner.amazonaws.com", service "tasks.apprunner.amazonaws.com"'));
    expect(statements(doc)).toEqual([
      { Effect: "Allow", Principal: { Service: ["build.apprunner.amazonaws.com", TASKS] }, Action: "sts:AssumeRole" },
    ]);
  });
});
