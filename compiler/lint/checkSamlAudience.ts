/**
 * ARP7052: a role that trusts a SAML provider without pinning the assertion's audience. The IAM
 * User Guide (creating a role for SAML 2.0 federation): "For the Condition element, use a
 * StringEquals condition to test that the saml:aud attribute from the SAML response matches the
 * SAML federation endpoint for AWS." Without it, an assertion the provider issued for another
 * service provider is accepted too. ARP5004 holds OIDC trusts to their `aud`/`sub` claims; this
 * is its SAML counterpart, with the same reading of a pin (compiler/check/openTrust.ts): a
 * positive test, false on a missing key, on every statement naming the provider. The guide asks
 * for StringEquals: a pattern with a wildcard (`SAML:aud like "https://*"`) admits assertions
 * issued for other service providers, so it pins nothing.
 */
import { hasWildcard } from "../catalog/index.js";
import { diagnostic } from "../../grammar/diagnostics/codes.js";
import { admitsOnly } from "../check/openTrust.js";
import type { IrCondition } from "../ir.js";
import type { LintRule } from "./lintInput.js";

const isAudience = (key: string): boolean => key.toLowerCase() === "saml:aud";

/** A test that admits only assertions issued for one audience, spelled out in full. */
function pinsAudience(c: IrCondition): boolean {
  return admitsOnly(c, isAudience) && !(/Like/.test(c.operator) && c.values.some(hasWildcard));
}

export const checkSamlAudience: LintRule = (input, report) => {
  for (const d of input.documents) {
    if (d.kind !== "trust") continue;
    for (const s of d.policy.ir.statements) {
      if (s.effect !== "Allow" || s.principal === undefined || s.principal === "*") continue;
      const providers = [s.principal.Federated ?? []].flat().filter((f) => f.includes(":saml-provider/"));
      if (providers.length === 0 || s.conditions.some(pinsAudience)) continue;
      report(
        diagnostic("SamlTrustWithoutAudience", s.span, `this trust accepts any SAML assertion from ${providers.map((p) => `\`${p}\``).join(", ")}, whatever audience it was issued for`, {
          hint: 'add `when SAML:aud = "https://signin.aws.amazon.com/saml"` (the AWS sign-in endpoint for SAML) to the trust',
        }),
      );
    }
  }
};
