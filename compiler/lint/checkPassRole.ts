/**
 * ARP7001 and ARP7002, after Access Analyzer's "Pass role with star in resource" and "Pass role
 * with NotResource": `iam:PassRole` lets a principal hand a role to a service, which then acts
 * with the role's permissions. Allowed on every role, or to every service, it lets the
 * principal borrow any role's access.
 */
import { diagnostic } from "../../grammar/diagnostics/codes.js";
import type { IrStatement } from "../ir.js";
import { conditionsOn, identityStatements, namesAction, type LintRule } from "./lintInput.js";

const PASS_ROLE = "iam:PassRole";

/**
 * Whether a Resource value leaves the role name open: `*`, or an ARN whose resource part does
 * not start with a role path or name (`role/*`, `*`). `role/apprunner/*` names a path the
 * account keeps for App Runner roles, as Access Analyzer accepts `role/Service*`.
 */
function anyRole(value: string): boolean {
  if (value === "*") return true;
  const fields = value.split(":");
  if (fields.length < 6) return true;
  const rest = fields.slice(5).join(":");
  return /^(?:\*|\?|role\/[*?])/.test(rest);
}

function passesAnyRole(s: IrStatement): boolean {
  return s.resources === undefined || s.resources.not || s.resources.values.some(anyRole);
}

export const checkPassRole: LintRule = (input, report) => {
  for (const s of identityStatements(input)) {
    if (s.effect !== "Allow" || !namesAction(s, PASS_ROLE)) continue;
    if (passesAnyRole(s)) {
      const how = s.resources?.not === true ? "on every resource but those listed (NotResource)" : "on every role";
      report(
        diagnostic("PassRoleOnAnyRole", s.span, `this statement allows \`iam:PassRole\` ${how}: the principal may give any role to a service and act with its permissions`, {
          hint: "name the roles (for example `arn:aws:iam::${account}:role/apprunner/*`)",
        }),
      );
    }
    if (conditionsOn(s, "iam:PassedToService").length === 0) {
      report(
        diagnostic("PassRoleWithoutService", s.span, "this statement allows `iam:PassRole` to any service: add `when iam:PassedToService = \"apprunner.amazonaws.com\"` (or the service that needs the role)"),
      );
    }
  }
};
