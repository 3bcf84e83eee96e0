/**
 * Stage 9, emit: the exact text of each output file. (`writeOutputs` puts them on disk, and
 * the TypeScript evaluator is emitted from the same documents on request.)
 */
import type { IamPolicyDocument } from "../../runtime/policyDocument.js";
import { formatDocument } from "../emit/iamJson.js";
import type { BuiltPolicy } from "./compilePolicy.js";
import type { BuiltRole } from "./compileRole.js";
import type { BuiltGroup, BuiltUser } from "./compileIdentity.js";

/** A compiled policy: its IAM document, the file text arp writes, and where each statement came from. */
export interface CompiledPolicy extends BuiltPolicy {
  /** `<name>.json`'s exact text. */
  readonly json: string;
}

export interface CompiledRole extends Omit<BuiltRole, "trust" | "inlinePolicies"> {
  readonly trust: CompiledPolicy;
  readonly inlinePolicies: readonly CompiledPolicy[];
  /** `<Name>.role.json`'s exact text. */
  readonly json: string;
}

/** A compiled IAM user: its own policies and groups, and `<Name>.user.json`'s exact text. */
export interface CompiledUser extends Omit<BuiltUser, "inlinePolicies" | "groups"> {
  readonly inlinePolicies: readonly CompiledPolicy[];
  /** The names of the groups it belongs to, in order. */
  readonly groups: readonly string[];
  /** `<Name>.user.json`'s exact text. */
  readonly json: string;
}

/** A compiled IAM group: its policies, and `<Name>.group.json`'s exact text. */
export interface CompiledGroup extends Omit<BuiltGroup, "inlinePolicies"> {
  readonly inlinePolicies: readonly CompiledPolicy[];
  /** `<Name>.group.json`'s exact text. */
  readonly json: string;
}

export function emitPolicy(policy: BuiltPolicy): CompiledPolicy {
  return { ...policy, json: formatDocument(policy.document) };
}

export function emitRole(role: BuiltRole): CompiledRole {
  return {
    ...role,
    trust: emitPolicy(role.trust),
    inlinePolicies: role.inlinePolicies.map(emitPolicy),
    json: bundleText(role.name, role.description, role.trust.document, role.managedPolicyArns, role.inlinePolicies),
  };
}

function bundleText(
  name: string,
  description: string | undefined,
  trust: IamPolicyDocument,
  managed: readonly string[],
  inline: readonly BuiltPolicy[],
): string {
  const bundle = {
    RoleName: name,
    ...(description !== undefined ? { Description: description } : {}),
    AssumeRolePolicyDocument: trust,
    ...(managed.length > 0 ? { ManagedPolicyArns: managed } : {}),
    ...(inline.length > 0 ? { Policies: inline.map((p) => ({ PolicyName: p.name, PolicyDocument: p.document })) } : {}),
  };
  return `${JSON.stringify(bundle, null, 2)}\n`;
}

/**
 * `<Name>.user.json`: the properties of CloudFormation's `AWS::IAM::User` that arp knows
 * (`UserName`, `Groups`, `ManagedPolicyArns`, `Policies`), like a role bundle. Groups are named,
 * not inlined: each is its own `<Group>.group.json`.
 */
export function emitUser(user: BuiltUser): CompiledUser {
  const groups = user.groups.map((g) => g.name);
  const bundle = {
    UserName: user.name,
    ...(groups.length > 0 ? { Groups: groups } : {}),
    ...managedAndInline(user.managedPolicyArns, user.inlinePolicies),
  };
  return { ...user, inlinePolicies: user.inlinePolicies.map(emitPolicy), groups, json: `${JSON.stringify(bundle, null, 2)}\n` };
}

/** `<Name>.group.json`: the properties of CloudFormation's `AWS::IAM::Group` (`GroupName`, `ManagedPolicyArns`, `Policies`). */
export function emitGroup(group: BuiltGroup): CompiledGroup {
  const bundle = { GroupName: group.name, ...managedAndInline(group.managedPolicyArns, group.inlinePolicies) };
  return { ...group, inlinePolicies: group.inlinePolicies.map(emitPolicy), json: `${JSON.stringify(bundle, null, 2)}\n` };
}

function managedAndInline(managed: readonly string[], inline: readonly BuiltPolicy[]): object {
  return {
    ...(managed.length > 0 ? { ManagedPolicyArns: managed } : {}),
    ...(inline.length > 0 ? { Policies: inline.map((p) => ({ PolicyName: p.name, PolicyDocument: p.document })) } : {}),
  };
}
