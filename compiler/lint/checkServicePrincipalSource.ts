/**
 * ARP7011, after Access Analyzer's "Restrict access to service principal": a role that trusts
 * a service without `aws:SourceAccount` or `aws:SourceArn` may be assumed by that service on
 * behalf of anyone's resource (the confused deputy problem, IAM User Guide: "We recommend
 * using the aws:SourceArn and aws:SourceAccount global condition context keys in resource
 * policies to limit the permissions that the service gives another service to the resource").
 *
 * A test limits the source only when it admits given sources (compiler/check/openTrust.ts's
 * reading: positive, false on a missing key, so not `IfExists`, `!=` or `missing`) and fixes the
 * account: no wildcard in `aws:SourceAccount` or `aws:SourceOrgID`, and none in the account of
 * an `aws:SourceArn` (the guide allows "wildcards (`*`) for the unknown portions of the ARN. For
 * example, `arn:aws:servicename:*:123456789012:*`"), or none at all in an ARN without account.
 */
import { hasWildcard } from "../catalog/index.js";
import { diagnostic } from "../../grammar/diagnostics/codes.js";
import { admitsOnly } from "../check/openTrust.js";
import type { IrCondition } from "../ir.js";
import type { LintRule } from "./lintInput.js";

const SOURCE_KEYS = ["aws:sourceaccount", "aws:sourcearn", "aws:sourceorgid", "aws:sourceorgpaths"];

/** Whether one value of a source key names given sources. */
function fixesSource(key: string, value: string): boolean {
  switch (key) {
    case "aws:sourceaccount":
    case "aws:sourceorgid":
      return !hasWildcard(value);
    case "aws:sourcearn": {
      const fields = value.split(":");
      if (fields.length < 6 || hasWildcard(fields[4]!)) return false;
      return fields[4] !== "" || !hasWildcard(value);
    }
    default:
      return true;
  }
}

function limitsSource(c: IrCondition): boolean {
  const key = c.key.toLowerCase();
  return admitsOnly(c, (k) => SOURCE_KEYS.includes(k.toLowerCase())) && c.values.every((v) => fixesSource(key, v));
}

export const checkServicePrincipalSource: LintRule = (input, report) => {
  for (const d of input.documents) {
    if (d.kind !== "trust") continue;
    for (const s of d.policy.ir.statements) {
      const principal = s.principal;
      if (s.effect !== "Allow" || principal === undefined || principal === "*" || principal.Service === undefined) continue;
      if (s.conditions.some(limitsSource)) continue;
      const services = [principal.Service].flat().join(", ");
      report(
        diagnostic("ServicePrincipalWithoutSource", s.span, `the role trusts ${services} without an \`aws:SourceAccount\` or \`aws:SourceArn\` test that fixes the account: the service may assume it for another account's resources`, {
          hint: 'add `when aws:SourceAccount = "<your account>"` to the trust',
        }),
      );
    }
  }
};
