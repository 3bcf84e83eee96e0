/**
 * Builds IAM users and groups. Neither has a document of its own: what they hold is the
 * policies they attach and define (see attachments.ts). A user also holds its groups' policies:
 * "For an IAM user, these include user policies and policies from groups to which the user
 * belongs" (reference_policies_evaluation-logic.md). A group makes no request (only users and
 * roles do), so it is never a principal set of its own. Each input's users and groups become
 * `<Name>.user.json` and `<Name>.group.json` (emitOutputs.ts).
 */
import type { GroupDecl, UserDecl } from "../../grammar/ast.js";
import { diagnostic } from "../../grammar/diagnostics/codes.js";
import { checkIdentityName } from "../check/checkIdentityName.js";
import { resolveAttachments, type Attachments, type PolicyBuilder } from "./attachments.js";
import type { BuildInput, BuiltPolicy } from "./compilePolicy.js";
import type { GroupDefinition, Program, UserDefinition } from "./program.js";

/** A built group: what it attaches and defines. */
export interface BuiltGroup extends Omit<Attachments, "ok"> {
  readonly name: string;
  readonly file: string;
}

/** A built user: its own policies, and the groups it belongs to (each once, in order). */
export interface BuiltUser extends Omit<Attachments, "ok"> {
  readonly name: string;
  readonly file: string;
  readonly groups: readonly BuiltGroup[];
}

/** Builds each group at most once, however many users belong to it. */
export type GroupBuilder = (group: GroupDefinition) => BuiltGroup | undefined;

/**
 * IAM's limits for all inline policies of one user, and of one group, together (whitespace not
 * counted). "the total aggregate policy size (the sum size of all inline policies) per entity
 * cannot exceed the following limits" (reference_iam-quotas.md, whose table gives User policy
 * size 2,048, Role 10,240, Group 5,120 characters); "Policies have a maximum size between 2048
 * characters and 10,240 characters, depending on what entity the policy is attached to"
 * (reference_policies_grammar.md).
 */
export const USER_INLINE_LIMIT = 2048;
export const GROUP_INLINE_LIMIT = 5120;
/**
 * "Managed policies attached to an IAM user | 10 | 20" (default, maximum quota); "Managed
 * policies attached to an IAM group | 10" and "Groups an IAM user can be a member of | 10"
 * (not adjustable) (reference_iam-quotas.md).
 */
export const USER_MANAGED_DEFAULT = 10;
export const USER_MANAGED_MAX = 20;
export const GROUP_MANAGED_MAX = 10;
export const GROUPS_PER_USER_MAX = 10;

export function compileGroup({ program }: BuildInput, { decl, file }: GroupDefinition, policyOf: PolicyBuilder): BuiltGroup | undefined {
  const before = program.diagnostics.length;
  checkIdentityName("group", decl.name, program.diagnostics);
  const { ok, ...held } = resolveAttachments(program, file, decl.items, policyOf);
  checkInlineSize(program, decl, held.inlinePolicies, GROUP_INLINE_LIMIT);
  checkManagedCount(program, decl, held.managedPolicyArns.length, GROUP_MANAGED_MAX, GROUP_MANAGED_MAX);
  if (!ok || program.diagnostics.slice(before).some((d) => d.severity === "error")) return undefined;
  return { name: decl.name.name, file: file.span.file, ...held };
}

export function compileUser(input: BuildInput, { decl, file }: UserDefinition, policyOf: PolicyBuilder, groupOf: GroupBuilder): BuiltUser | undefined {
  const { program } = input;
  const before = program.diagnostics.length;
  checkIdentityName("user", decl.name, program.diagnostics);
  const { ok, ...held } = resolveAttachments(program, file, decl.items, policyOf);
  checkInlineSize(program, decl, held.inlinePolicies, USER_INLINE_LIMIT);
  checkManagedCount(program, decl, held.managedPolicyArns.length, USER_MANAGED_DEFAULT, USER_MANAGED_MAX);
  const groups: BuiltGroup[] = [];
  let groupsOk = true;
  const named = new Set<string>();
  for (const item of decl.items) {
    if (item.kind !== "MemberOf") continue;
    for (const name of item.groups) {
      const group = program.group(name.name);
      if (group === undefined) {
        program.diagnostics.push(diagnostic("UnknownGroup", name.span, `no group named \`${name.name}\` is defined`, {
          hint: `declare it: \`group ${name.name} { attach ... }\`, in this file or an imported one`,
        }));
        groupsOk = false;
        continue;
      }
      named.add(group.decl.name.name.toLowerCase());
      if (named.size === GROUPS_PER_USER_MAX + 1) {
        program.diagnostics.push(diagnostic("IdentityQuotaExceeded", name.span,
          `user \`${decl.name.name}\` is in more than ${GROUPS_PER_USER_MAX} groups; IAM allows ${GROUPS_PER_USER_MAX} ("Groups an IAM user can be a member of | 10")`,
          { hint: "merge groups, or attach their policies to fewer groups" }));
      }
      const built = groupOf(group);
      if (built === undefined) groupsOk = false;
      else if (!groups.some((g) => g.name === built.name)) groups.push(built);
    }
  }
  if (!ok || !groupsOk || program.diagnostics.slice(before).some((d) => d.severity === "error")) return undefined;
  return { name: decl.name.name, file: file.span.file, ...held, groups };
}

function kindOf(decl: UserDecl | GroupDecl): "user" | "group" {
  return decl.kind === "User" ? "user" : "group";
}

function checkInlineSize(program: Program, decl: UserDecl | GroupDecl, inline: readonly BuiltPolicy[], limit: number): void {
  const total = inline.reduce((n, p) => n + p.size, 0);
  if (total <= limit) return;
  program.diagnostics.push(diagnostic("PolicyTooLarge", decl.name.span,
    `the inline policies of ${kindOf(decl)} \`${decl.name.name}\` total ${total} characters without whitespace; IAM allows ${limit} per ${kindOf(decl)}`,
    { hint: "write some of them as standalone policies (managed policies of up to 6,144 characters) and attach them by ARN" }));
}

/** Reports ARP5013 over `max` managed policies, and warns over a default quota `soft` below it. */
function checkManagedCount(program: Program, decl: UserDecl | GroupDecl, count: number, soft: number, max: number): void {
  if (count <= soft) return;
  const what = kindOf(decl);
  const over = count > max;
  program.diagnostics.push(diagnostic("IdentityQuotaExceeded", decl.name.span,
    `${what} \`${decl.name.name}\` attaches ${count} managed policies; IAM ${over ? `attaches at most ${max}` : `allows ${soft} by default (${max} on request)`} to an IAM ${what}`,
    { severity: over ? "error" : "warning", hint: what === "user" ? "combine policies, or attach some of them to a group the user belongs to" : "combine policies, or split the group in two" }));
}
