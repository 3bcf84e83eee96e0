/**
 * Builds a `role` into a role bundle: its trust policy, the managed policies attached by ARN,
 * and the arp policies it attaches or defines, inlined. The bundle has the shape of
 * CloudFormation's `AWS::IAM::Role` properties, so it can be dropped into a template or read
 * by any deployment script.
 */
import type { RoleDecl, SourceFile, TrustDecl } from "../../grammar/ast.js";
import { assemble, checkSids, type BuildInput, type BuiltPolicy } from "./compilePolicy.js";
import { checkRoleDescription, checkRoleName } from "../check/checkRole.js";
import { checkTrust } from "../check/checkTrust.js";
import { lowerTrust } from "../lower/lowerTrust.js";
import { resolveAttachments, type PolicyBuilder } from "./attachments.js";
import { diagnostic } from "../../grammar/diagnostics/codes.js";
import type { Program } from "./program.js";

/** A built role: its documents, before the bundle's text is emitted. */
export interface BuiltRole {
  readonly name: string;
  readonly file: string;
  readonly description?: string;
  readonly trust: BuiltPolicy;
  readonly managedPolicyArns: readonly string[];
  readonly inlinePolicies: readonly BuiltPolicy[];
  /**
   * The content of the attached AWS managed policies that arp's stdlib ships (by name or by
   * ARN): with the inline policies, what the role may do. Not part of the bundle, which
   * attaches them by ARN.
   */
  readonly managedPolicies: readonly BuiltPolicy[];
  /** Attached managed policies whose content arp does not know: the role's answers omit them. */
  readonly unknownManagedArns: readonly string[];
}

/** IAM's default quota for a role trust policy (it can be raised to 4,096). */
export const TRUST_POLICY_LIMIT = 2048;
export const TRUST_POLICY_MAX = 4096;
/**
 * IAM's limit for all inline policies of one role together: "the total aggregate policy size
 * (the sum size of all inline policies) per entity cannot exceed the following limits [...]
 * IAM does not count white space" (reference_iam-quotas.md), 10,240 for a role; "Policies have
 * a maximum size between 2048 characters and 10,240 characters, depending on what entity the
 * policy is attached to" (reference_policies_grammar.md). An inline policy is not a managed
 * policy, so the 6,144 managed-policy quota does not apply to it on its own.
 */
export const ROLE_INLINE_LIMIT = 10240;

export type { PolicyBuilder };

export function compileRole(input: BuildInput, file: SourceFile, role: RoleDecl, policyOf: PolicyBuilder): BuiltRole | undefined {
  const { program } = input;
  const ctx = program.contextOf(file);
  const before = program.diagnostics.length;
  const description = role.description?.parts.map((p) => (p.kind === "Text" ? p.text : "")).join("");
  checkRoleName(role, program.diagnostics);
  checkRoleDescription(role, description, program.diagnostics);
  const trusts = role.items.filter((i): i is TrustDecl => i.kind === "Trust");
  // A `deny trust` alone lets nobody in either; IAM accepts such a trust policy (its statements
  // are valid), so only a role with no trust statement at all is an error.
  if (!trusts.some((t) => t.effect === "allow")) {
    program.diagnostics.push(diagnostic("InvalidTrust", role.name.span, `role \`${role.name.name}\` trusts nobody: add a \`trust\``, {
      hint: 'for an App Runner access role: `trust service "build.apprunner.amazonaws.com"`',
      ...(trusts.length > 0 ? { severity: "warning" as const } : {}),
    }));
  }
  const statements = trusts.map((t) => checkTrust(ctx, t)).flatMap((t) => (t === undefined ? [] : lowerTrust(ctx, t)));
  checkSids(statements, program.diagnostics);
  const trust = assemble(program, { name: `${role.name.name}Trust`, kind: "trust", statements, span: role.span });
  checkTrustSize(program, role, trust.size);
  const { managedPolicyArns, inlinePolicies, managedPolicies, unknownManagedArns, ok } = resolveAttachments(program, file, role.items, policyOf);
  checkInlineSize(program, role, inlinePolicies);
  if (!ok || program.diagnostics.slice(before).some((d) => d.severity === "error")) return undefined;
  return {
    name: role.name.name,
    file: file.span.file,
    ...(description !== undefined ? { description } : {}),
    trust,
    managedPolicyArns,
    inlinePolicies,
    managedPolicies,
    unknownManagedArns,
  };
}

function checkTrustSize(program: Program, role: RoleDecl, size: number): void {
  if (size <= TRUST_POLICY_LIMIT) return;
  program.diagnostics.push(diagnostic("PolicyTooLarge", role.name.span,
    `the trust policy of \`${role.name.name}\` is ${size} characters without whitespace; IAM's default quota is ${TRUST_POLICY_LIMIT} (at most ${TRUST_POLICY_MAX} on request)`,
    { severity: size > TRUST_POLICY_MAX ? "error" : "warning" }));
}

function checkInlineSize(program: Program, role: RoleDecl, inline: readonly BuiltPolicy[]): void {
  const total = inline.reduce((n, p) => n + p.size, 0);
  if (total <= ROLE_INLINE_LIMIT) return;
  program.diagnostics.push(diagnostic("PolicyTooLarge", role.name.span,
    `the inline policies of \`${role.name.name}\` total ${total} characters without whitespace; IAM allows ${ROLE_INLINE_LIMIT} per role`,
    { hint: "attach some of them as managed policies instead" }));
}
