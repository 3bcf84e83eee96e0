/**
 * Builds IAM users and groups. Neither has a document of its own: what they hold is the
 * policies they attach and define (see attachments.ts). A user also holds its groups' policies:
 * "For an IAM user, these include user policies and policies from groups to which the user
 * belongs" (reference_policies_evaluation-logic.md). A group makes no request (only users and
 * roles do), so it is never a principal set of its own.
 */
import { diagnostic } from "../../grammar/diagnostics/codes.js";
import { resolveAttachments, type Attachments, type PolicyBuilder } from "./attachments.js";
import type { BuildInput } from "./compilePolicy.js";
import type { GroupDefinition, UserDefinition } from "./program.js";

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

export function compileGroup({ program }: BuildInput, { decl, file }: GroupDefinition, policyOf: PolicyBuilder): BuiltGroup | undefined {
  const before = program.diagnostics.length;
  const { ok, ...held } = resolveAttachments(program, file, decl.items, policyOf);
  if (!ok || program.diagnostics.slice(before).some((d) => d.severity === "error")) return undefined;
  return { name: decl.name.name, file: file.span.file, ...held };
}

export function compileUser(input: BuildInput, { decl, file }: UserDefinition, policyOf: PolicyBuilder, groupOf: GroupBuilder): BuiltUser | undefined {
  const { program } = input;
  const before = program.diagnostics.length;
  const { ok, ...held } = resolveAttachments(program, file, decl.items, policyOf);
  const groups: BuiltGroup[] = [];
  let groupsOk = true;
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
      const built = groupOf(group);
      if (built === undefined) groupsOk = false;
      else if (!groups.some((g) => g.name === built.name)) groups.push(built);
    }
  }
  if (!ok || !groupsOk || program.diagnostics.slice(before).some((d) => d.severity === "error")) return undefined;
  return { name: decl.name.name, file: file.span.file, ...held, groups };
}
