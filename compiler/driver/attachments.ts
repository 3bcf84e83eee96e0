/**
 * What an identity (a role, an IAM user or an IAM group) holds through `attach` and its own
 * `policy` blocks: arp policies, inlined into its bundle; AWS managed policies, attached by ARN
 * and known by their content when arp's stdlib ships them; and managed policies arp cannot see.
 */
import type { AttachDecl, PolicyDecl, SourceFile, Span, TemplatePart } from "../../grammar/ast.js";
import type { Diagnostic } from "../../grammar/diagnostics/diagnostic.js";
import { diagnostic } from "../../grammar/diagnostics/codes.js";
import { placeholderIn, resolveParts } from "../check/resolveTemplate.js";
import { awsManagedPolicyArn, isStdlibFile, stdlibNameOfManagedArn } from "../stdlib.js";
import type { PolicyDefinition } from "./collectPolicies.js";
import type { BuiltPolicy } from "./compilePolicy.js";
import type { Program } from "./program.js";

/** Builds each policy at most once, however many identities inline it. */
export type PolicyBuilder = (policy: PolicyDefinition) => BuiltPolicy | undefined;

export interface Attachments {
  /** Managed policies attached by ARN (stdlib names become AWS's ARNs), in order, once each. */
  readonly managedPolicyArns: readonly string[];
  /** The arp policies inlined: its own `policy` blocks and the arp policies it attaches. */
  readonly inlinePolicies: readonly BuiltPolicy[];
  /** The content of the attached AWS managed policies that the stdlib ships. */
  readonly managedPolicies: readonly BuiltPolicy[];
  /** Attached managed policies whose content arp does not know. */
  readonly unknownManagedArns: readonly string[];
  /** False when an attachment or an inlined policy failed (reported). */
  readonly ok: boolean;
}

const MANAGED_ARN = /^arn:[^:]+:iam::(aws|\d{12}):policy\/.+$/;

/** Resolves the `attach` and `policy` items of one identity declared in `file`. */
export function resolveAttachments(
  program: Program,
  file: SourceFile,
  items: readonly (AttachDecl | PolicyDecl | { readonly kind: string })[],
  policyOf: PolicyBuilder,
): Attachments {
  const ctx = program.contextOf(file);
  const managedPolicyArns: string[] = [];
  const inline: PolicyDefinition[] = [];
  let ok = true;
  const addInline = (p: PolicyDefinition | undefined): void => {
    if (p === undefined) ok = false;
    else if (!inline.some((q) => q.name.toLowerCase() === p.name.toLowerCase())) inline.push(p);
  };
  for (const item of items) {
    if (item.kind === "Policy") addInline(program.definitionOf(item as PolicyDecl));
    if (item.kind !== "Attach") continue;
    const { target } = item as AttachDecl;
    if (target.kind === "Identifier") {
      const found = program.policy(target.name);
      // A user's own policy of the same name shadows the stdlib's, and is inlined.
      const managed = found !== undefined && isStdlibFile(found.file.span.file)
        ? awsManagedPolicyArn(found.name, ctx.params.get("partition")?.value ?? "aws")
        : undefined;
      if (managed !== undefined) {
        if (!managedPolicyArns.includes(managed)) managedPolicyArns.push(managed);
      } else if (found === undefined) {
        program.diagnostics.push(unknownAttachment(program, target.name, target.span));
        ok = false;
      } else addInline(found);
      continue;
    }
    const placeholder = placeholderIn(ctx, target.parts);
    if (placeholder !== undefined) {
      program.diagnostics.push(diagnostic("ParameterWithoutValue", target.span,
        `parameter \`${placeholder.name}\` has no value, and a managed policy's ARN needs one: its stand-in \`${placeholder.value}\` names no policy`, {
          hint: `set it: \`--set ${placeholder.name}=VALUE\`, or give it a default: \`param ${placeholder.name} = "..."\``,
        }));
      continue;
    }
    const arn = resolveParts(ctx, target.parts)?.text;
    if (arn !== undefined && !MANAGED_ARN.test(arn)) {
      program.diagnostics.push(diagnostic("MalformedArn", target.span, `\`${arn}\` is not a managed policy ARN`, {
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
  if (inlinePolicies.length < inline.length) ok = false;
  return { managedPolicyArns, inlinePolicies, managedPolicies, unknownManagedArns, ok };
}

/**
 * `attach X` where no policy is named X. A role, user or group is not something IAM attaches:
 * when X is one, say so and point at what does make sense.
 */
function unknownAttachment(program: Program, name: string, span: Span): Diagnostic {
  const role = program.role(name);
  if (role === undefined) {
    const identity = program.user(name) ?? program.group(name);
    if (identity !== undefined) {
      const what = identity.decl.kind === "User" ? "an IAM user" : "an IAM group";
      return diagnostic("UnknownPolicyName", span, `\`${identity.decl.name.name}\` is ${what}, not a policy: IAM attaches policies, never a user or a group`, {
        hint: identity.decl.kind === "Group" ? "to give a user a group's policies, write `group NAME` in the user" : "attach the policies the user holds instead",
      });
    }
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
