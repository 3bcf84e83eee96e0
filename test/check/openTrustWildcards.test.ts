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

  it("answers a long run of stars quickly", () => {
    const started = performance.now();
    expect(openTrust(`${"*".repeat(16_000)}x`)).toBe(false);
    expect(openTrust("*".repeat(16_000))).toBe(true);
    // The backtracking expression took about half a second per value.
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
