/**
 * ARP7001 and ARP7002, after Access Analyzer's "Pass role with star in resource" and "Pass role
 * with NotResource": `iam:PassRole` lets a principal hand a role to a service, which then acts
 * with the role's permissions. Allowed on every role, or to every service, it lets the
 * principal borrow any role's access.
 */
import { diagnostic } from "../../grammar/diagnostics/codes.js";
import { splitResourcePrefix } from "../../runtime/resourcePattern.js";
import { admitsOnly } from "../check/openTrust.js";
import type { IrCondition, IrStatement } from "../ir.js";
import { identityStatements, namesAction, type LintRule } from "./lintInput.js";

const PASS_ROLE = "iam:PassRole";

/**
 * Whether a Resource value leaves the role name open: `*`, or an ARN whose resource part has a
 * wildcard before the first character of a role's path or name (`role/*`, `role*`, `r*`,
 * `ro?e/*`, `*`). `role/apprunner/*` names a path the account keeps for App Runner roles, as
 * Access Analyzer accepts `role/Service*`.
 */
function anyRole(value: string): boolean {
  if (value === "*") return true;
  const { rest } = splitResourcePrefix(value);
  if (rest === undefined) return true;
  const wildcard = rest.search(/[*?]/);
  return wildcard >= 0 && "role/".startsWith(rest.slice(0, wildcard));
}

/**
 * Whether a test limits the services a role is passed to: a positive test of
 * `iam:PassedToService` that a missing key fails, not a pattern that begins with a wildcard
 * (`like "*"`, `like "*.amazonaws.com"`). `!= "ec2.amazonaws.com"` and `missing` leave every
 * other service open. `IfExists` changes nothing here: PassRole requests carry the key.
 */
function pinsService(c: IrCondition): boolean {
  const plain = { ...c, operator: c.operator.replace(/IfExists$/, "") };
  return admitsOnly(plain, (k) => k.toLowerCase() === "iam:passedtoservice") && !c.values.some((v) => /^[*?]/.test(v));
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
    if (!s.conditions.some(pinsService)) {
      report(
        diagnostic("PassRoleWithoutService", s.span, "this statement allows `iam:PassRole` to any service: add `when iam:PassedToService = \"apprunner.amazonaws.com\"` (or the service that needs the role)"),
      );
    }
  }
};
