// IAM User Guide, reference_policies_elements_principal.md: "You cannot use a wildcard to match
// part of a principal name or ARN." Also, for sessions: "When you specify an assumed-role
// session in a `Principal` element, you cannot use a wildcard "*" to mean all sessions", and
// for users: "you cannot use a wildcard (`*`) to mean "all users"". What the page does allow is
// `*` alone for every principal: "For anonymous users, the following elements are equivalent:
// "Principal": "*" … "Principal" : { "AWS" : "*" }" — arp's `anyone` and `account "*"`, which
// warn (ARP5004) instead.
import { describe, expect, it } from "vitest";
import { diagnosticsOf, role, statements, trustDocument } from "./support.js";

const invalid = (trust: string) => diagnosticsOf(role(trust), "ARP5005");

describe("wildcards in trust principals", () => {
  it.each([
    'arn "arn:aws:iam::123456789012:role/deploy-*"',
    'arn "arn:aws:iam::123456789012:role/deploy-?"',
    'arn "arn:aws:iam::*:role/Deployer"',
    'arn "arn:aws:iam::123456789012:user/*"',
    'arn "arn:aws:sts::123456789012:assumed-role/Deployer/*"',
    'account "12345678901*"',
    'service "*.apprunner.amazonaws.com"',
    'federated "arn:aws:iam::123456789012:oidc-provider/*"',
  ])("`trust %s` is an error at the principal's text", (principal) => {
    const source = role(`trust ${principal}`);
    const found = invalid(`trust ${principal}`);
    expect(found).toHaveLength(1);
    expect(found[0]?.message).toBe("a principal cannot use a wildcard to match part of its name or ARN");
    const quoted = principal.slice(principal.indexOf('"'));
    expect(source.slice(found[0]?.span.start, found[0]?.span.end)).toBe(quoted);
  });

  it("flags each wildcard principal of a trust, and emits nothing", () => {
    const found = invalid('trust arn "arn:aws:iam::123456789012:role/a*", service "build.apprunner.amazonaws.com", arn "arn:aws:iam::123456789012:role/b?"');
    expect(found).toHaveLength(2);
  });

  it.each(["anyone", 'account "*"'])("keeps `trust %s`, every principal, with its ARP5004 warning", (principal) => {
    const source = role(`trust ${principal}`);
    expect(diagnosticsOf(source, "ARP5004")).toHaveLength(1);
    expect(statements(trustDocument(source))[0]?.Principal).toEqual(principal === "anyone" ? "*" : { AWS: "*" });
  });

  it.each(['arn "*"', 'service "*"', 'federated "*"'])("`trust %s` points to `anyone`", (principal) => {
    const found = invalid(`trust ${principal}`);
    expect(found).toHaveLength(1);
    expect(found[0]?.hint).toContain("trust anyone");
  });
});
