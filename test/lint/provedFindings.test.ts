// ARP7007 (a statement another covers), ARP7015 (a statement that never applies), ARP7050 (an
// allow a deny always overrides), ARP7051 (a test another test implies) and ARP7052 (a SAML trust
// without an audience pin) report only what they can prove: each case here that must stay quiet
// is one where the finding would be false.
import { describe, expect, it } from "vitest";
import { check } from "../../compiler/index.js";

function codes(text: string): string[] {
  return check({ path: "p.arp", text }, { lint: true }).diagnostics.map((d) => d.code);
}

describe("ARP7007: a statement another statement covers", () => {
  it("is reported when every branch of an `or` is covered by another statement", () => {
    expect(codes('allow apprunner:DeleteService on *\nallow apprunner:DeleteService on * when tag env = "a" or aws:RequestedRegion = "us-east-1"\n')).toContain("ARP7007");
  });

  it("is quiet when only one branch of an `or` is covered: the other still grants", () => {
    expect(codes('allow apprunner:DeleteService on * when tag env = "a"\nallow apprunner:DeleteService on * when aws:RequestedRegion = "us-east-1" or tag env = "a"\n')).not.toContain("ARP7007");
  });

  it("is quiet when a branch is covered only by another branch of the same statement", () => {
    // Removing the statement removes both branches, and with them every grant.
    expect(codes('allow apprunner:DeleteService on * when tag env = "a" or (tag env = "a" and aws:RequestedRegion = "us-east-1")\n')).not.toContain("ARP7007");
  });

  it("is quiet when the cover is in another policy only a role attaches beside it: the policy alone still grants", () => {
    const text = "policy Readers {\n  allow apprunner:DescribeService on service/*\n  allow apprunner:ListServices on *\n}\npolicy Admins {\n  allow apprunner:* on *\n}\nrole Ops {\n  trust account \"123456789012\"\n  attach Readers\n  attach Admins\n}\n";
    expect(codes(text)).not.toContain("ARP7007");
  });
});

describe("ARP7050: an allow a deny always overrides", () => {
  it("is reported when the deny covers the allow's actions and resources without a condition of its own", () => {
    expect(codes("allow apprunner:DescribeService on service/web/*\ndeny apprunner:Describe* on *\n")).toContain("ARP7050");
  });

  it("is reported when the deny's conditions are the allow's too", () => {
    expect(codes('allow apprunner:DescribeService on * when aws:RequestedRegion = "us-east-1"\ndeny apprunner:DescribeService on * when aws:RequestedRegion = "us-east-1"\n')).toContain("ARP7050");
  });

  it("is reported when each condition of the deny follows from one of the allow's", () => {
    expect(codes('allow apprunner:DeleteService on * when tag env = "prod-web"\ndeny apprunner:DeleteService on * when tag env like "prod-*"\n')).toContain("ARP7050");
  });

  it("is quiet when the deny has a condition the allow does not", () => {
    expect(codes('allow apprunner:DescribeService on *\ndeny apprunner:DescribeService on * when aws:RequestedRegion = "us-east-1"\n')).not.toContain("ARP7050");
    expect(codes('allow apprunner:DeleteService on * when tag env like "prod-*"\ndeny apprunner:DeleteService on * when tag env = "prod-web"\n')).not.toContain("ARP7050");
  });

  it("is quiet when the deny misses an action or a resource of the allow", () => {
    expect(codes("allow apprunner:DescribeService, apprunner:ListServices on *\ndeny apprunner:Describe* on *\n")).not.toContain("ARP7050");
    expect(codes("allow apprunner:DescribeService on service/*\ndeny apprunner:DescribeService on service/prod-*\n")).not.toContain("ARP7050");
  });

  it("is quiet when a branch of the allow's `or` escapes the deny", () => {
    expect(codes('allow apprunner:DeleteService on * when tag env = "a" or aws:RequestedRegion = "us-east-1"\ndeny apprunner:DeleteService on * when tag env = "a"\n')).not.toContain("ARP7050");
  });

  it("is quiet when the deny is in another policy only a role attaches beside it", () => {
    const text = 'policy Deployers {\n  allow apprunner:DeleteService on service/prod-*\n}\npolicy Guard {\n  deny apprunner:Delete* on *\n}\nrole Ci {\n  trust account "123456789012"\n  attach Deployers\n  attach Guard\n}\n';
    expect(codes(text)).not.toContain("ARP7050");
  });

  it("is quiet for statements of different principals", () => {
    expect(codes("policy A {\n  allow apprunner:DescribeService on *\n}\npolicy B {\n  deny apprunner:DescribeService on *\n}\n")).not.toContain("ARP7050");
  });
});

describe("ARP7051: a test another test of the statement implies", () => {
  const on = (when: string): string[] => codes(`allow apprunner:DescribeService on * when ${when}\n`);

  it("`exists` beside a positive test, `like` beside an equality it matches, a test ignoring case beside the same one with case", () => {
    expect(on('tag env = "a" and tag env exists')).toContain("ARP7051");
    expect(on('tag env like "a*" and tag env = "abc"')).toContain("ARP7051");
    expect(on('tag env = "abc" ignoring case and tag env = "ABC"')).toContain("ARP7051");
  });

  it("a bound inside another bound, on numbers and dates", () => {
    expect(on("aws:MultiFactorAuthAge < 300 and aws:MultiFactorAuthAge <= 3600")).toContain("ARP7051");
    // Two tests of one operator and key: IAM JSON holds the second as `...IfExists`, still implied.
    expect(on("aws:MultiFactorAuthAge < 300 and aws:MultiFactorAuthAge < 3600")).toContain("ARP7051");
    expect(on('aws:CurrentTime >= "2024-01-01T00:00:00Z" and aws:CurrentTime > "2023-01-01T00:00:00Z"')).toContain("ARP7051");
    expect(on("aws:MultiFactorAuthAge < 300 and aws:MultiFactorAuthAge > 60")).not.toContain("ARP7051");
    expect(on("aws:MultiFactorAuthAge < 300 and aws:MultiFactorAuthAge <= 299")).toContain("ARP7051");
    // `<= 300` lets 300 through, which `< 300` does not.
    expect(on("aws:MultiFactorAuthAge <= 300 and aws:MultiFactorAuthAge < 300")).toContain("ARP7051");
  });

  it("is quiet when neither test implies the other", () => {
    expect(on('tag env like "a*" and tag env = "bcd"')).not.toContain("ARP7051");
    expect(on('tag env like "a*" and tag env like "*b"')).not.toContain("ARP7051");
    // A negated test holds on a missing key: it implies no presence.
    expect(on('tag env != "a" and tag env exists')).not.toContain("ARP7051");
    // `like` is case-sensitive: `= "ABC" ignoring case` accepts `"abc"`, which `like "A*"` does not.
    expect(on('tag env like "A*" and tag env = "ABC" ignoring case')).not.toContain("ARP7051");
    // An `if exists` test holds on a missing key.
    expect(on('tag env = "a" if exists and tag env exists')).not.toContain("ARP7051");
  });

  it("is quiet for a test inside an `or`: removing it alone changes the `or`", () => {
    expect(on('tag env = "a" and (tag env exists or aws:RequestedRegion = "us-east-1")')).not.toContain("ARP7051");
    expect(on('tag env = "ab" and (tag env like "a*" or tag env like "b*")')).not.toContain("ARP7051");
  });

  it("is reported only when the test is implied in every branch it lowered to", () => {
    expect(on('tag env exists and (tag env = "a" or aws:RequestedRegion = "us-east-1")')).not.toContain("ARP7051");
    expect(on('tag env exists and tag env = "a" and (aws:RequestedRegion = "us-east-1" or aws:RequestedRegion = "us-west-2")')).toContain("ARP7051");
  });

  it("is quiet across keys", () => {
    expect(on('tag env = "a" and tag team exists')).not.toContain("ARP7051");
  });
});

describe("ARP7015: tests that cannot both hold", () => {
  const on = (when: string): string[] => codes(`allow apprunner:DescribeService on * when ${when}\n`);

  it("is reported when every branch of the statement has the contradiction", () => {
    expect(on('tag env missing and tag env = "a"')).toContain("ARP7015");
    expect(on('tag env = "a" and tag env != ["a", "b"]')).toContain("ARP7015");
    expect(on('tag env missing and tag env = "a" and (aws:RequestedRegion = "us-east-1" or aws:RequestedRegion = "us-west-2")')).toContain("ARP7015");
  });

  it("is quiet when one branch of an `or` still applies", () => {
    expect(on('tag env missing and (tag env = "a" or aws:RequestedRegion = "us-east-1")')).not.toContain("ARP7015");
  });
});

describe("ARP7052: a SAML trust without an audience pin", () => {
  const role = (trust: string): string[] => codes(`role Console {\n  ${trust}\n}\n`);

  it("is reported without a `SAML:aud` test, or with one that admits every audience", () => {
    expect(role('trust federated "arn:aws:iam::123456789012:saml-provider/Okta"')).toContain("ARP7052");
    expect(role('trust federated "arn:aws:iam::123456789012:saml-provider/Okta" when SAML:aud like "*"')).toContain("ARP7052");
    expect(role('trust federated "arn:aws:iam::123456789012:saml-provider/Okta" when SAML:aud != "https://example.com"')).toContain("ARP7052");
    // A pattern admits assertions issued for other service providers, such as https://evil.example/.
    expect(role('trust federated "arn:aws:iam::123456789012:saml-provider/Okta" when SAML:aud like "https://*"')).toContain("ARP7052");
  });

  it("is quiet with the pin, and for OIDC providers (ARP5004's)", () => {
    expect(role('trust federated "arn:aws:iam::123456789012:saml-provider/Okta" when SAML:aud = "https://signin.aws.amazon.com/saml"')).not.toContain("ARP7052");
    expect(role('trust federated "arn:aws:iam::123456789012:saml-provider/Okta" when SAML:aud like "https://signin.aws.amazon.com/saml"')).not.toContain("ARP7052");
    expect(role('trust federated "accounts.google.com" when accounts.google.com:aud = "app" and accounts.google.com:sub = "1"')).not.toContain("ARP7052");
  });
});
