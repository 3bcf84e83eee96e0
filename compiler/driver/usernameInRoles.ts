/**
 * `$user` is `aws:username`, which only IAM users' requests carry: "This key is always included
 * in the request context for IAM users. Anonymous requests and requests that are made using the
 * AWS account root user or IAM roles do not include this key" (reference_policies_condition-keys.md,
 * aws:username). In a role's own policies it therefore never matches: a resource written with it
 * matches nothing, a test of it fails (a negated one always holds). arp warns there (ARP5011) and
 * names what a role's requests do carry.
 */
import type { SourceFile, Statement } from "../../grammar/ast.js";
import { diagnostic } from "../../grammar/diagnostics/codes.js";
import type { IrStatement } from "../ir.js";
import type { BuildInput } from "./compilePolicy.js";
import { allFiles, type Program } from "./program.js";

const USERNAME_VARIABLE = /\$\{aws:username\b/i;

/**
 * The roles a standalone policy is attached to, when only roles attach it: a policy that no
 * user or group holds is only ever evaluated for requests made with those roles.
 */
function roleOnlyHolders(program: Program, name: string): string[] {
  const roles: string[] = [];
  const files: readonly SourceFile[] = allFiles(program.files);
  for (const file of files) {
    for (const item of file.items) {
      if (item.kind !== "Role" && item.kind !== "User" && item.kind !== "Group") continue;
      const attaches = item.items.some((i) => i.kind === "Attach" && i.target.kind === "Identifier" && i.target.name === name);
      if (!attaches) continue;
      if (item.kind !== "Role") return [];
      roles.push(item.name.name);
    }
  }
  return roles;
}

/**
 * Warns at each statement that reads aws:username in a role's inline `policy` blocks, and in
 * a standalone policy that only roles attach.
 */
export function warnUsernameInRoles({ program, lowered }: BuildInput): void {
  for (const policy of program.policies) {
    const holders = policy.owner === "role" ? [policy.role ?? ""] : policy.owner === undefined ? roleOnlyHolders(program, policy.name) : [];
    if (holders.length === 0) continue;
    const roles = holders.map((r) => `\`${r}\``).join(", ");
    const held = policy.owner === "role" ? `role ${roles}` : `${holders.length === 1 ? "role" : "roles"} ${roles}, the only ${holders.length === 1 ? "holder" : "holders"} of policy \`${policy.name}\``;
    for (const item of policy.items) {
      if (item.kind !== "Statement") continue;
      const span = usernameSpan(item, lowered.get(item) ?? []);
      if (span === undefined) continue;
      program.diagnostics.push(diagnostic("UsernameInRolePolicy", span,
        `\`aws:username\` (\`$user\`) is never in a request made with ${held}: IAM sends it only for IAM users`, {
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
