// The principals a trust may name, IAM User Guide, reference_policies_elements_principal.md:
// account roots ("arn:aws:iam::AWS-account-ID:root" or the bare 12-digit id), roles
// ("arn:aws:iam::AWS-account-ID:role/role-name"), users ("…:user/user-name"), assumed-role
// sessions ("arn:aws:sts::AWS-account-ID:assumed-role/role-name/role-session-name"), federated
// user sessions ("arn:aws:sts::AWS-account-ID:federated-user/user-name"), and services.
// "You cannot identify a user group as a principal in a policy".
// reference_policies_variables.md: "You can use policy variables in the `Resource` element and
// in string comparisons in the `Condition` element" — not in a Principal.
import { describe, expect, it } from "vitest";
import { diagnosticsOf, role, statements, trustDocument } from "./support.js";

describe("trust arn", () => {
  it.each([
    "arn:aws:iam::123456789012:root",
    "arn:aws:iam::123456789012:role/Deployer",
    "arn:aws:iam::123456789012:role/service-role/team/App.Runner+x=y,z@w-1",
    "arn:aws:iam::123456789012:user/alice",
    "arn:aws:sts::123456789012:assumed-role/Deployer/ci-session",
    "arn:aws:sts::123456789012:federated-user/bob",
    "arn:aws-cn:iam::123456789012:role/Deployer",
  ])("accepts %s as an AWS principal for sts:AssumeRole", (arn) => {
    const doc = trustDocument(role(`trust arn "${arn}"`));
    expect(statements(doc).map((s) => [s.Principal, s.Action])).toEqual([[{ AWS: arn }, "sts:AssumeRole"]]);
  });

  it.each([
    ["arn:aws:iam::123456789012:group/Admins", "a group cannot be a principal"],
    ["arn:aws:iam::123456789012:oidc-provider/server.example.com", "is an identity provider"],
    ["arn:aws:iam:::role/Deployer", "is not the ARN of"],
    ["arn:aws:s3:::bucket", "is not the ARN of"],
    ["arn:aws:iam::123456789012:role/", "is not the ARN of"],
  ])("rejects %s (ARP5005)", (arn, message) => {
    const found = diagnosticsOf(role(`trust arn "${arn}"`), "ARP5005");
    expect(found).toHaveLength(1);
    expect(found[0]?.message).toContain(message);
  });

  it("points an identity provider's ARN to `federated`", () => {
    const arn = "arn:aws:iam::123456789012:saml-provider/Okta";
    expect(diagnosticsOf(role(`trust arn "${arn}"`), "ARP5005")[0]?.hint).toBe(`trust it with \`federated "${arn}"\``);
  });

  it("rejects a policy variable in a principal, which IAM would read literally", () => {
    const found = diagnosticsOf(role('trust arn "arn:aws:iam::123456789012:user/${aws:username}"'), "ARP5005");
    expect(found.map((d) => d.message)).toEqual(["IAM does not substitute policy variables in a principal"]);
  });

  it("still accepts parameters, which are filled in at compile time", () => {
    const source = `param account = "123456789012"\n${role('trust arn "arn:aws:iam::${account}:role/Deployer"')}`;
    expect(statements(trustDocument(source))[0]?.Principal).toEqual({ AWS: "arn:aws:iam::123456789012:role/Deployer" });
  });
});
