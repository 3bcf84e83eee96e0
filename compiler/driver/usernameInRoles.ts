/**
 * `$user` is `aws:username`, which only IAM users' requests carry: "This key is always included
 * in the request context for IAM users. Anonymous requests and requests that are made using the
 * AWS account root user or IAM roles do not include this key" (reference_policies_condition-keys.md,
 * aws:username). In a role's own policies it therefore never matches: a resource written with it
 * matches nothing, a test of it fails (a negated one always holds). arp warns there (ARP5011) and
 * names what a role's requests do carry.
 */
import type { Statement } from "../../grammar/ast.js";
import { diagnostic } from "../../grammar/diagnostics/codes.js";
import type { IrStatement } from "../ir.js";
import type { BuildInput } from "./compilePolicy.js";

const USERNAME_VARIABLE = /\$\{aws:username\b/i;

/** Warns at each statement of a role's inline `policy` blocks that reads aws:username. */
export function warnUsernameInRoles({ program, lowered }: BuildInput): void {
  for (const policy of program.policies) {
    if (policy.owner !== "role") continue;
    for (const item of policy.items) {
      if (item.kind !== "Statement") continue;
      const span = usernameSpan(item, lowered.get(item) ?? []);
      if (span === undefined) continue;
      program.diagnostics.push(diagnostic("UsernameInRolePolicy", span,
        `\`aws:username\` (\`$user\`) is never in a request made with role \`${policy.role ?? ""}\`: IAM sends it only for IAM users`, {
          hint: "for a role, test a tag of its session (`$principal.tag.KEY`), or `$userid` (for a role session, `ROLEID:SESSIONNAME`)",
        }));
    }
  }
}

function usernameSpan(stmt: Statement, ir: readonly IrStatement[]): Statement["span"] | undefined {
  for (const s of ir) {
    const condition = s.conditions.find((c) => c.key.toLowerCase() === "aws:username" || c.values.some((v) => USERNAME_VARIABLE.test(v)));
    if (condition !== undefined) return condition.span;
    if ((s.resources?.values ?? []).some((v) => USERNAME_VARIABLE.test(v))) return stmt.resources?.span ?? stmt.span;
  }
  return undefined;
}
