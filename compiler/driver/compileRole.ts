/**
 * Builds a `role` into a role bundle: its trust policy, the managed policies attached by ARN,
 * and the arp policies it attaches or defines, inlined. The bundle has the shape of
 * CloudFormation's `AWS::IAM::Role` properties, so it can be dropped into a template or read
 * by any deployment script.
 */
import type { RoleDecl, SourceFile, TemplatePart, TrustDecl } from "../../grammar/ast.js";
import type { Diagnostic, Span } from "../../grammar/diagnostics/diagnostic.js";
import { assemble, checkSids, type BuildInput, type BuiltPolicy } from "./compilePolicy.js";
import { checkRoleDescription, checkRoleName } from "../check/checkRole.js";
import { checkTrust } from "../check/checkTrust.js";
import { lowerTrust } from "../lower/lowerTrust.js";
import { resolveParts } from "../check/resolveTemplate.js";
import type { PolicyDefinition } from "./collectPolicies.js";
import { diagnostic } from "../../grammar/diagnostics/codes.js";
import type { Program } from "./program.js";
import { awsManagedPolicyArn, isStdlibFile, stdlibNameOfManagedArn } from "../stdlib.js";

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

const MANAGED_ARN = /^arn:[^:]+:iam::(aws|\d{12}):policy\/.+$/;

/** Builds each policy at most once, however many roles inline it. */
export type PolicyBuilder = (policy: PolicyDefinition) => BuiltPolicy | undefined;

export function compileRole(input: BuildInput, file: SourceFile, role: RoleDecl, policyOf: PolicyBuilder): BuiltRole | undefined {
  const { program } = input;
  const ctx = program.contextOf(file);
  const before = program.diagnostics.length;
  const description = role.description?.parts.map((p) => (p.kind === "Text" ? p.text : "")).join("");
  checkRoleName(role, program.diagnostics);
  checkRoleDescription(role, description, program.diagnostics);
  const trusts = role.items.filter((i): i is TrustDecl => i.kind === "Trust");
  if (trusts.length === 0) {
    program.diagnostics.push(diagnostic("InvalidTrust", role.name.span, `role \`${role.name.name}\` trusts nobody: add a \`trust\``, {
      hint: 'for an App Runner access role: `trust service "build.apprunner.amazonaws.com"`',
    }));
  }
  const statements = trusts.map((t) => checkTrust(ctx, t)).flatMap((t) => (t === undefined ? [] : lowerTrust(ctx, t)));
  checkSids(statements, program.diagnostics);
  const trust = assemble(program, { name: `${role.name.name}Trust`, kind: "trust", statements, span: role.span });
  checkTrustSize(program, role, trust.size);
  const managedPolicyArns: string[] = [];
  const inline: PolicyDefinition[] = [];
  let failed = false;
  const addInline = (p: PolicyDefinition | undefined): void => {
    if (p === undefined) failed = true;
    else if (!inline.some((q) => q.name.toLowerCase() === p.name.toLowerCase())) inline.push(p);
  };
  for (const item of role.items) {
    if (item.kind === "Policy") addInline(program.definitionOf(item));
    if (item.kind !== "Attach") continue;
    if (item.target.kind === "Identifier") {
      const target = program.policy(item.target.name);
      // A user's own policy of the same name shadows the stdlib's, and is inlined.
      const managed = target !== undefined && isStdlibFile(target.file.span.file)
        ? awsManagedPolicyArn(target.name, ctx.params.get("partition")?.value ?? "aws")
        : undefined;
      if (managed !== undefined) {
        if (!managedPolicyArns.includes(managed)) managedPolicyArns.push(managed);
      } else if (target === undefined) {
        program.diagnostics.push(unknownAttachment(program, item.target.name, item.target.span));
      } else addInline(target);
      continue;
    }
    const arn = resolveParts(ctx, item.target.parts)?.text;
    if (arn !== undefined && !MANAGED_ARN.test(arn)) {
      program.diagnostics.push(diagnostic("MalformedArn", item.target.span, `\`${arn}\` is not a managed policy ARN`, {
        hint: "for example `arn:aws:iam::aws:policy/service-role/AWSAppRunnerServicePolicyForECRAccess`",
      }));
    } else if (arn !== undefined && !managedPolicyArns.includes(arn)) managedPolicyArns.push(arn);
  }
  const managedPolicies: BuiltPolicy[] = [];
  const unknownManagedArns: string[] = [];
  for (const arn of managedPolicyArns) {
    const name = stdlibNameOfManagedArn(arn);
    const definition = name === undefined ? undefined : program.policy(name);
    const content = definition !== undefined && isStdlibFile(definition.file.span.file) ? policyOf(definition) : undefined;
    if (content !== undefined) managedPolicies.push(content);
    else unknownManagedArns.push(arn);
  }
  // The inlined policies' own problems are reported once, where each is built.
  const inlinePolicies = inline.map(policyOf).filter((p): p is BuiltPolicy => p !== undefined);
  if (inlinePolicies.length < inline.length) failed = true;
  checkInlineSize(program, role, inlinePolicies);
  if (failed || program.diagnostics.slice(before).some((d) => d.severity === "error")) return undefined;
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

/**
 * `attach X` where no policy is named X. A role is not something IAM attaches: when X is one,
 * say so and point at what does make sense (its policies, or evaluating it as a principal).
 */
function unknownAttachment(program: Program, name: string, span: Span): Diagnostic {
  const role = program.role(name);
  if (role === undefined) {
    return diagnostic("UnknownPolicyName", span, `no policy named \`${name}\` is defined`, {
      hint: 'attach an AWS managed policy by its ARN: `attach "arn:aws:iam::aws:policy/..."`',
    });
  }
  const attached = role.decl.items.flatMap((i) => (i.kind !== "Attach" ? [] : i.target.kind === "Identifier" ? [i.target.name] : [templateText(i.target.parts)]));
  return diagnostic("UnknownPolicyName", span, `\`${role.decl.name.name}\` is a role, not a policy: IAM attaches policies to roles, never a role to a role`, {
    hint: attached.length > 0
      ? `attach the policies it attaches instead: ${attached.map((a) => `\`attach ${a.startsWith("arn:") ? JSON.stringify(a) : a}\``).join(", ")}`
      : "a role's permissions are its own policies; `test ... for " + role.decl.name.name + "` and `arp eval --as " + role.decl.name.name + "` evaluate it",
  });
}

function templateText(parts: readonly TemplatePart[]): string {
  return parts.map((p) => (p.kind === "Text" ? p.text : `\${${p.name}}`)).join("");
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
