/**
 * App Runner's own pitfalls, from "How App Runner works with IAM":
 * - ARP7012: creating or updating a service that uses an access role (private ECR images) or
 *   an instance role needs `iam:PassRole` on that role; a principal that may call
 *   `CreateService`/`UpdateService` but pass no role fails at the first service that names one.
 * - ARP7013: the page's policies pass roles with `"iam:PassedToService": "apprunner.amazonaws.com"`;
 *   `build.apprunner...` and `tasks.apprunner...` are the principals that assume the roles, not
 *   the service that receives them, so such a value (or a misspelling) matches no request.
 * - ARP7014: the access role is trusted by `build.apprunner.amazonaws.com` and reads ECR; the
 *   instance role by `tasks.apprunner.amazonaws.com` and carries the application's permissions.
 *   A role whose trust and permissions belong to different ones is most likely a mix-up.
 */
import { diagnostic } from "../../grammar/diagnostics/codes.js";
import type { BuiltRole } from "../driver/compileRole.js";
import type { IrStatement } from "../ir.js";
import { conditionsOn, identityStatements, namesAction, type LintRule } from "./lintInput.js";

const PASSED_TO_APP_RUNNER = "apprunner.amazonaws.com";
const BUILD = "build.apprunner.amazonaws.com";
const TASKS = "tasks.apprunner.amazonaws.com";
const ECR_ACCESS_POLICY = "AWSAppRunnerServicePolicyForECRAccess";

function passRoleMissing(input: Parameters<LintRule>[0], report: Parameters<LintRule>[1]): void {
  for (const set of input.principals) {
    const statements = set.members.flatMap((m) => m.policy.ir.statements).filter((s) => s.effect === "Allow");
    const creates = statements.find((s) => input.userFiles.has(s.span.file) && (namesAction(s, "apprunner:CreateService") || namesAction(s, "apprunner:UpdateService")));
    if (creates === undefined || statements.some((s) => namesAction(s, "iam:PassRole"))) continue;
    report(
      diagnostic("AppRunnerPassRoleMissing", creates.span, `${set.kind === "role" ? "the role" : "the policy"} \`${set.name}\` may create or update App Runner services but may not pass their access or instance role`, {
        hint: 'also allow `iam:PassRole on arn:aws:iam::${account}:role/apprunner/* when iam:PassedToService = "apprunner.amazonaws.com"`',
      }),
    );
  }
}

function passedToService(input: Parameters<LintRule>[0], report: Parameters<LintRule>[1]): void {
  for (const s of identityStatements(input)) {
    if (!namesAction(s, "iam:PassRole")) continue;
    for (const c of conditionsOn(s, "iam:PassedToService")) {
      for (const v of c.values) {
        if (!/app-?runner/i.test(v) || v === PASSED_TO_APP_RUNNER) continue;
        report(
          diagnostic("PassedToServiceNotAppRunner", c.span, `\`${v}\` is not how App Runner asks for a role: it passes roles as \`${PASSED_TO_APP_RUNNER}\`, so this value matches no App Runner request`, {
            hint: `write "${PASSED_TO_APP_RUNNER}"`,
          }),
        );
      }
    }
  }
}

function trustedServices(role: BuiltRole): { services: Set<string>; at: IrStatement | undefined } {
  const services = new Set<string>();
  let at: IrStatement | undefined;
  for (const s of role.trust.ir.statements) {
    const p = s.principal;
    if (s.effect !== "Allow" || p === undefined || p === "*" || p.Service === undefined) continue;
    for (const v of [p.Service].flat()) services.add(v.toLowerCase());
    at ??= s;
  }
  return { services, at };
}

function roleMismatch(input: Parameters<LintRule>[0], report: Parameters<LintRule>[1]): void {
  for (const role of input.roles) {
    const { services, at } = trustedServices(role);
    if (at === undefined) continue;
    const attachesEcrAccess = [...role.managedPolicyArns, ...role.managedPolicies.map((p) => p.name)].some((n) => n.endsWith(ECR_ACCESS_POLICY));
    if (services.has(TASKS) && !services.has(BUILD) && attachesEcrAccess) {
      report(diagnostic("AppRunnerRoleMismatch", at.span, `\`${role.name}\` is trusted by ${TASKS} (an instance role) but attaches ${ECR_ACCESS_POLICY}, which the access role needs`, { hint: `trust ${BUILD} for pulling images` }));
    }
    if (services.has(BUILD) && !services.has(TASKS)) {
      const beyondEcr = role.inlinePolicies.flatMap((p) => p.ir.statements).find((s) => s.effect === "Allow" && (s.actions.not || s.actions.values.some((a) => !a.toLowerCase().startsWith("ecr:"))));
      if (beyondEcr !== undefined) {
        report(
          diagnostic("AppRunnerRoleMismatch", beyondEcr.span, `\`${role.name}\` is trusted by ${BUILD} (an access role, which only pulls images from ECR) but grants more than ECR`, {
            related: [{ message: "trusted here", span: at.span }],
            hint: `application permissions belong on an instance role trusted by ${TASKS}`,
          }),
        );
      }
    }
  }
}

export const checkAppRunnerRoles: LintRule = (input, report) => {
  passRoleMissing(input, report);
  passedToService(input, report);
  roleMismatch(input, report);
};
