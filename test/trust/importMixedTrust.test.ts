// Importing a trust statement whose principals assume the role in different ways keeps its
// action list with `to`: without it, arp gives each way its own statement and action
// (reference_policies_elements_principal.md: web identity sessions come from
// "AssumeRoleWithWebIdentity", SAML sessions from "AssumeRoleWithSAML"), which would not be
// the imported document.
import { describe, expect, it } from "vitest";
import { importPolicy } from "../../compiler/index.js";

const GITHUB = "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com";

function imported(statement: Record<string, unknown>) {
  const json = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", ...statement }] });
  return importPolicy(json, { file: "trust.json" });
}

describe("importing a trust statement of several ways", () => {
  it("writes `to` for a service and a provider sharing sts:AssumeRoleWithWebIdentity, and reproduces the document", async () => {
    const statement = { Principal: { Service: "tasks.apprunner.amazonaws.com", Federated: GITHUB }, Action: "sts:AssumeRoleWithWebIdentity" };
    const result = await imported(statement);
    expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(result.arp).toContain("to sts:AssumeRoleWithWebIdentity");
    expect(result.document?.Statement).toEqual([{ Effect: "Allow", ...statement }]);
  });

  it("leaves out `to` when every principal's own action is the statement's", async () => {
    const statement = { Principal: { Federated: GITHUB }, Action: "sts:AssumeRoleWithWebIdentity" };
    const result = await imported({ ...statement, Condition: { StringLike: { "token.actions.githubusercontent.com:sub": "repo:acme/*" } } });
    expect(result.arp).toBeDefined();
    expect(result.arp).not.toContain(" to ");
  });
});
