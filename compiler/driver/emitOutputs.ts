/**
 * Stage 9, emit: the exact text of each output file. (`writeOutputs` puts them on disk, and
 * the TypeScript evaluator is emitted from the same documents on request.)
 */
import type { IamPolicyDocument } from "../../runtime/policyDocument.js";
import { formatDocument } from "../emit/iamJson.js";
import type { BuiltPolicy } from "./compilePolicy.js";
import type { BuiltRole } from "./compileRole.js";

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
