/**
 * ARP7011, after Access Analyzer's "Restrict access to service principal": a role that trusts
 * a service without `aws:SourceAccount` or `aws:SourceArn` may be assumed by that service on
 * behalf of anyone's resource (the confused deputy problem, IAM User Guide: "We recommend
 * using the aws:SourceArn and aws:SourceAccount global condition context keys in resource
 * policies to limit the permissions that the service gives another service to the resource").
 */
import { diagnostic } from "../../grammar/diagnostics/codes.js";
import { conditionsOn, type LintRule } from "./lintInput.js";

const SOURCE_KEYS = ["aws:SourceAccount", "aws:SourceArn", "aws:SourceOrgID", "aws:SourceOrgPaths"];

export const checkServicePrincipalSource: LintRule = (input, report) => {
  for (const d of input.documents) {
    if (d.kind !== "trust") continue;
    for (const s of d.policy.ir.statements) {
      const principal = s.principal;
      if (s.effect !== "Allow" || principal === undefined || principal === "*" || principal.Service === undefined) continue;
      if (SOURCE_KEYS.some((k) => conditionsOn(s, k).length > 0)) continue;
      const services = [principal.Service].flat().join(", ");
      report(
        diagnostic("ServicePrincipalWithoutSource", s.span, `the role trusts ${services} without \`aws:SourceAccount\` or \`aws:SourceArn\`: the service may assume it for another account's resources`, {
          hint: 'add `when aws:SourceAccount = "<your account>"` to the trust',
        }),
      );
    }
  }
};
