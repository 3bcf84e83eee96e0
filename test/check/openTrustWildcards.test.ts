// A trust condition pins callers only when its value is not all wildcards: `sub like "*"`
// admits every token. IAM User Guide, id_roles_create_for-idp_oidc.md: "If you do not include
// this condition, then GitHub Actions from organizations or repositories outside of your
// control are able to assume roles associated with the GitHub IAM IdP in your AWS account."
// The check is linear in the value: a long run of stars followed by one more character is
// answered at once.
import { describe, expect, it } from "vitest";
import { check } from "../../compiler/index.js";

const trust = (sub: string) => [
  "role Deployer {",
  '  trust federated "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"',
  `    when token.actions.githubusercontent.com:aud = "sts.amazonaws.com" and token.actions.githubusercontent.com:sub like "${sub}"`,
  "  attach AWSAppRunnerFullAccess",
  "}",
  "",
].join("\n");

const openTrust = (sub: string) => check(trust(sub)).diagnostics.some((d) => d.code === "ARP5004");

describe("wildcard-only values in a trust condition", () => {
  it("treats values made only of wildcards, with a `*`, as admitting everyone", () => {
    expect(openTrust("*")).toBe(true);
    expect(openTrust("?*?")).toBe(true);
    expect(openTrust("repo:acme/web:*")).toBe(false);
    expect(openTrust("???")).toBe(false);
  });

  it("treats a GitHub subject with a wildcard before `repo:OWNER/` as admitting every owner", () => {
    // Anyone can create a repository under an owner name that `repo:*` or `repo:acme*` matches.
    expect(openTrust("repo:*")).toBe(true);
    expect(openTrust("repo:*/web:*")).toBe(true);
    expect(openTrust("repo:acme*")).toBe(true);
    expect(openTrust("re*")).toBe(true);
    expect(openTrust("*:ref:refs/heads/main")).toBe(true);
    expect(openTrust("repo:acme/*")).toBe(false);
    expect(openTrust("repo:acme/web:ref:refs/heads/*")).toBe(false);
  });

  it("answers a long run of stars quickly", () => {
    const started = performance.now();
    // Not all wildcards, but a leading `*` leaves the GitHub owner open all the same.
    expect(openTrust(`${"*".repeat(16_000)}x`)).toBe(true);
    expect(openTrust("*".repeat(16_000))).toBe(true);
    // The backtracking expression took about half a second per value.
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

// The check reads the statements the trust lowers to: each `or` branch is a statement, and each
// must pin the callers. IAM User Guide, reference_policies_elements_principal.md: "We strongly
// recommend that you do not use a wildcard (*) in the Principal element … unless you intend to
// grant public or anonymous access."
describe("open trusts, judged on the lowered statements", () => {
  const GITHUB = "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com";
  const warnings = (trustLine: string) =>
    check(`role R {\n  ${trustLine}\n  attach AWSAppRunnerReadOnlyAccess\n}\n`).diagnostics.filter((d) => d.code === "ARP5004").map((d) => d.message);

  it("warns when one branch of an `or` admits every token", () => {
    const sub = "token.actions.githubusercontent.com:sub";
    expect(warnings(`trust federated "${GITHUB}" when ${sub} like "repo:acme/*" or ${sub} like "*"`)).toEqual([
      "this trust lets anyone with a token from `token.actions.githubusercontent.com` assume the role",
    ]);
    expect(warnings(`trust federated "${GITHUB}" when ${sub} like "repo:acme/*" or ${sub} like "repo:beta/*"`)).toEqual([]);
  });

  it("warns when a narrowing key's wildcard leaves the account or organization open", () => {
    // Anyone can create an account, an organization, and a role named `deploy` in it.
    expect(warnings('trust anyone when aws:PrincipalArn like "arn:aws:iam::*:role/deploy"')).toHaveLength(1);
    expect(warnings('trust anyone when aws:PrincipalOrgID like "o-*"')).toHaveLength(1);
    expect(warnings('trust anyone when aws:PrincipalAccount like "1*"')).toHaveLength(1);
    expect(warnings('trust anyone when any aws:PrincipalOrgPaths like "*/ou-abc/*"')).toHaveLength(1);
    expect(warnings('trust anyone when aws:PrincipalArn like "arn:aws:iam::123456789012:role/*"')).toEqual([]);
    expect(warnings('trust anyone when any aws:PrincipalOrgPaths like "o-a1b2c3d4e5/r-ab12/*"')).toEqual([]);
  });

  it("reads a double negation as the test it is", () => {
    expect(warnings('trust anyone when not not aws:PrincipalOrgID = "o-a1b2c3d4e5"')).toEqual([]);
    expect(warnings('trust anyone when not aws:PrincipalOrgID = "o-a1b2c3d4e5"')).toHaveLength(1);
  });

  it("judges each principal of a mixed trust on its own statements", () => {
    const pinned = 'token.actions.githubusercontent.com:sub like "repo:acme/*"';
    expect(warnings(`trust service "tasks.apprunner.amazonaws.com", federated "${GITHUB}" when ${pinned}`)).toEqual([]);
    expect(warnings(`trust anyone, federated "${GITHUB}" when ${pinned}`)).toEqual([
      "this trust lets any principal of every AWS account assume the role",
    ]);
  });
});
