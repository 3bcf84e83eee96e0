// What `trust federated` may name. IAM User Guide, id_roles_create_for-idp_oidc.md: "For the
// `Principal` element, use the string `{"Federated":providerUrl/providerArn}`. For some common
// OIDC IdPs, the `providerUrl` is a URL. … "cognito-identity.amazonaws.com" … "www.amazon.com"
// … "graph.facebook.com" … "accounts.google.com". For other OIDC providers, use the Amazon
// Resource Name (ARN) of the OIDC IdP that you created …
// "arn:aws:iam::123456789012:oidc-provider/server.example.com"". reference_policies_elements_
// principal.md, SAML session principals: ""Principal": { "Federated":
// "arn:aws:iam::AWS-account-ID:saml-provider/provider-name" }".
import { describe, expect, it } from "vitest";
import { diagnosticsOf, role, statements, trustDocument } from "./support.js";

describe("trust federated", () => {
  it.each(["cognito-identity.amazonaws.com", "www.amazon.com", "graph.facebook.com", "accounts.google.com"])(
    "accepts the provider IAM knows by name, %s, for sts:AssumeRoleWithWebIdentity",
    (provider) => {
      const doc = trustDocument(role(`trust federated "${provider}" when ${provider}:aud = "app-1"`));
      expect(statements(doc).map((s) => [s.Principal, s.Action])).toEqual([[{ Federated: provider }, "sts:AssumeRoleWithWebIdentity"]]);
    },
  );

  it.each([
    "arn:aws:iam::123456789012:oidc-provider/server.example.com",
    "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com",
    // EKS clusters' providers carry a path: oidc.eks.<region>.amazonaws.com/id/<id>.
    "arn:aws:iam::123456789012:oidc-provider/oidc.eks.us-east-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE",
  ])("accepts the OIDC provider ARN %s, for sts:AssumeRoleWithWebIdentity", (arn) => {
    const doc = trustDocument(role(`trust federated "${arn}"`));
    expect(statements(doc)[0]?.Action).toBe("sts:AssumeRoleWithWebIdentity");
  });

  it("accepts a SAML provider ARN, for sts:AssumeRoleWithSAML", () => {
    const doc = trustDocument(role('trust federated "arn:aws:iam::123456789012:saml-provider/Corp-Okta.1"'));
    expect(statements(doc)[0]?.Action).toBe("sts:AssumeRoleWithSAML");
  });

  it("accepts a provider ARN built from parameters", () => {
    const source = `param account = "123456789012"\n${role('trust federated "arn:${partition}:iam::${account}:oidc-provider/server.example.com"')}`;
    expect(statements(trustDocument(source))[0]?.Principal).toEqual({ Federated: "arn:aws:iam::123456789012:oidc-provider/server.example.com" });
  });

  it.each([
    ["token.actions.githubusercontent.com", "arn:aws:iam::ACCOUNT-ID:oidc-provider/token.actions.githubusercontent.com"],
    ["https://server.example.com", "arn:aws:iam::ACCOUNT-ID:oidc-provider/server.example.com"],
    ["cognito-identity.amazonaws.com.example.net", "oidc-provider/cognito-identity.amazonaws.com.example.net"],
    ["arn:aws:iam::1234:oidc-provider/server.example.com", "saml-provider"],
    ["arn:aws:iam::123456789012:role/Deployer", "saml-provider"],
    ["arn:aws:iam::123456789012:saml-provider/", "saml-provider"],
    ["Okta", "saml-provider/NAME"],
  ])("rejects `federated \"%s\"` (ARP5005) with a hint naming what to write", (value, hint) => {
    const found = diagnosticsOf(role(`trust federated "${value}"`), "ARP5005");
    expect(found).toHaveLength(1);
    expect(found[0]?.message).toBe(`\`${value}\` is neither an identity provider ARN nor a web identity provider IAM knows by name`);
    expect(found[0]?.hint).toContain(hint);
  });
});
