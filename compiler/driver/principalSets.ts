/**
 * Whose policies decide a request. IAM evaluates the identity policies of the principal that
 * makes the request ("Information about the principal includes the policies that are
 * associated with that principal", reference_policies_evaluation-logic.md), never every policy
 * of an account. arp's unit of evaluation is therefore a principal's policy set:
 *
 * - a role: its inline policies (`policy` blocks in it and arp policies it attaches, which the
 *   bundle inlines) plus the AWS managed policies it attaches, by their content when arp's
 *   stdlib ships them;
 * - an IAM user: its inline and attached policies, then those of each group it belongs to
 *   ("For an IAM user, these include user policies and policies from groups to which the user
 *   belongs", reference_policies_evaluation-logic.md);
 * - a standalone policy: evaluated alone, as if it were the only identity policy of a
 *   principal (what a managed policy grants by itself, wherever it is attached).
 *
 * `eval --as`, `why --as`, `test ... for` and the generated evaluator's `evaluators.<Name>`
 * each decide for one set.
 */
import type { BuiltPolicy } from "./compilePolicy.js";
import type { BuiltGroup, BuiltUser } from "./compileIdentity.js";
import type { BuiltRole } from "./compileRole.js";

/** One policy of a set, under the name explanations cite. */
export interface SetMember {
  /** `Owner/Policy` for an inline policy of a role, user or group; the policy's own name otherwise. */
  readonly name: string;
  readonly policy: BuiltPolicy;
}

/** The identity policies one principal holds. */
export interface PrincipalSet {
  readonly name: string;
  readonly kind: "role" | "user" | "policy";
  /** The `.arp` file that defines the role, user or policy. */
  readonly file: string;
  readonly members: readonly SetMember[];
  /** Managed policies attached by ARN whose content arp does not know: answers leave them out. */
  readonly unknownManagedArns: readonly string[];
  /**
   * The account its file's `param account` names, when that is one account (not `*`): a role
   * or user ARN in another account is another principal, whatever its name.
   */
  readonly account?: string;
  /**
   * The region its file's `param region` names, when that is one region (not `*`): where a bare
   * resource name in an AccessDenied message is read.
   */
  readonly region?: string;
}

/** The 12-digit account of a principal ARN (`arn:aws:iam::111122223333:role/R`); undefined if it has none. */
export function accountOfArn(arn: string): string | undefined {
  const account = arn.split(":")[4];
  return account !== undefined && /^\d{12}$/.test(account) ? account : undefined;
}

/**
 * True when the principal ARN may be the set's principal: the set's account is unknown, or
 * the ARN is in it. `arn:aws:iam::999999999999:user/alice` is not the project's `alice`.
 */
export function inSetAccount(set: PrincipalSet, arn: string): boolean {
  return set.account === undefined || accountOfArn(arn) === set.account;
}

/** A role's set: its inline policies, then the managed policies it attaches. */
export function roleSet(role: BuiltRole): PrincipalSet {
  return {
    name: role.name,
    kind: "role",
    file: role.file,
    members: [
      ...role.inlinePolicies.map((policy) => ({ name: `${role.name}/${policy.name}`, policy })),
      ...role.managedPolicies.map((policy) => ({ name: policy.name, policy })),
    ],
    unknownManagedArns: role.unknownManagedArns,
  };
}

/**
 * A user's set: its inline policies and the managed policies it attaches, then each group's
 * (a managed policy that the user and a group both attach counts once).
 */
export function userSet(user: BuiltUser): PrincipalSet {
  const members: SetMember[] = [];
  const unknown: string[] = [];
  const add = (holder: BuiltUser | BuiltGroup): void => {
    members.push(...holder.inlinePolicies.map((policy) => ({ name: `${holder.name}/${policy.name}`, policy })));
    for (const policy of holder.managedPolicies) if (!members.some((m) => m.policy === policy)) members.push({ name: policy.name, policy });
    for (const arn of holder.unknownManagedArns) if (!unknown.includes(arn)) unknown.push(arn);
  };
  add(user);
  user.groups.forEach(add);
  return { name: user.name, kind: "user", file: user.file, members, unknownManagedArns: unknown };
}

/** A standalone policy's set: the policy alone. */
export function policySet(policy: BuiltPolicy): PrincipalSet {
  return { name: policy.name, kind: "policy", file: policy.file, members: [{ name: policy.name, policy }], unknownManagedArns: [] };
}

/**
 * The role a principal ARN names, for choosing a set without `--as`: an IAM role
 * (`arn:aws:iam::123456789012:role/path/Name`) or one of its sessions
 * (`arn:aws:sts::123456789012:assumed-role/Name/session`). Undefined for anything else.
 */
export function roleNameOfArn(arn: string): string | undefined {
  const role = /^arn:[^:]+:iam::[^:]*:role\/(?:[^:]*\/)?([^/:]+)$/.exec(arn);
  if (role !== null) return role[1];
  return /^arn:[^:]+:sts::[^:]*:assumed-role\/([^/:]+)\/[^:]*$/.exec(arn)?.[1];
}

/** The user an IAM user ARN names (`arn:aws:iam::123456789012:user/path/Name`); undefined otherwise. */
export function userNameOfArn(arn: string): string | undefined {
  return /^arn:[^:]+:iam::[^:]*:user\/(?:[^:]*\/)?([^/:]+)$/.exec(arn)?.[1];
}
