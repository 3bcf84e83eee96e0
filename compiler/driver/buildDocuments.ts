/**
 * Stage 7, build: IAM documents from the lowered statements. Every policy and role of every
 * user file (inputs and imports) is built once, so their policy-level problems (empty
 * policies, Sid clashes, sizes, role trust and attachments) are reported whether or not they
 * become output; only the inputs' standalone policies and roles are output.
 */
import type { RoleDecl, SourceFile } from "../../grammar/ast.js";
import { policySet, roleSet, type PrincipalSet } from "./principalSets.js";
import { diagnostic } from "../../grammar/diagnostics/codes.js";
import { checkOutputNames, type OutputName } from "../outputNames.js";
import type { PolicyDefinition } from "./collectPolicies.js";
import { checkManagedSize, compilePolicy, type BuildInput, type BuiltPolicy } from "./compilePolicy.js";
import { compileRole, type BuiltRole } from "./compileRole.js";
import { userFiles } from "./program.js";
import type { BuiltDocument } from "./validateDocuments.js";

export interface BuiltProgram {
  /** The inputs' standalone policies: each becomes `<Name>.json`, a managed policy. */
  readonly policies: readonly BuiltPolicy[];
  /** The inputs' roles: each becomes `<Name>.role.json`. */
  readonly roles: readonly BuiltRole[];
  /** Every document built, output or not, with the kind of IAM policy it is delivered as. */
  readonly documents: readonly BuiltDocument[];
  /** Any policy's build, at most once (a stdlib policy is built when first asked for). */
  readonly policyOf: (policy: PolicyDefinition) => BuiltPolicy | undefined;
  /**
   * The inputs' principal sets: each role, then each standalone policy whose name no role of
   * the inputs has (such a name means the role).
   */
  readonly principals: readonly PrincipalSet[];
  /**
   * The set of any role or standalone policy the program knows by name (inputs, imports, the
   * stdlib; a policy before a role), built at most once; undefined when unknown or not built.
   */
  readonly principalNamed: (name: string) => PrincipalSet | undefined;
}

export function buildDocuments(input: BuildInput): BuiltProgram {
  const { program } = input;
  const built = new Map<PolicyDefinition, BuiltPolicy | undefined>();
  const reportedSids = new Set<string>();
  const policyOf = (p: PolicyDefinition): BuiltPolicy | undefined => {
    if (!built.has(p)) built.set(p, compilePolicy(input, p, reportedSids));
    return built.get(p);
  };
  const user = new Set(userFiles(program.files));
  const inputs = new Set(program.files.inputs);
  const documents: BuiltDocument[] = [];
  const policies: BuiltPolicy[] = [];
  for (const p of program.policies) {
    if (!user.has(p.file)) continue;
    const compiled = policyOf(p);
    if (compiled === undefined || p.role !== undefined) continue;
    documents.push({ kind: "identity", policy: compiled });
    if (!inputs.has(p.file)) continue;
    checkManagedSize(p, compiled.size, program.diagnostics);
    policies.push(compiled);
  }
  const roles: BuiltRole[] = [];
  const builtRoles = new Map<RoleDecl, BuiltRole | undefined>();
  const roleNames = new Map<string, RoleDecl>();
  for (const file of userFiles(program.files)) {
    const isInput = inputs.has(file);
    for (const item of file.items) {
      if (item.kind !== "Role") continue;
      if (isInput) {
        const prior = roleNames.get(item.name.name.toLowerCase());
        if (prior !== undefined) {
          program.diagnostics.push(diagnostic("DuplicatePolicyName", item.name.span, `a role named \`${item.name.name}\` is already defined`, {
            related: [{ message: "first defined here", span: prior.name.span }],
          }));
          continue;
        }
        roleNames.set(item.name.name.toLowerCase(), item);
      }
      const role = compileRole(input, file, item, policyOf);
      builtRoles.set(item, role);
      if (role === undefined) continue;
      documents.push({ kind: "trust", policy: role.trust }, ...role.inlinePolicies.map((policy) => ({ kind: "inline" as const, policy })));
      if (isInput) roles.push(role);
    }
  }
  checkOutputNames(outputNames(input, [...roleNames.values()]), program.diagnostics);
  const roleOf = (decl: RoleDecl, file: SourceFile): BuiltRole | undefined => {
    if (!builtRoles.has(decl)) builtRoles.set(decl, compileRole(input, file, decl, policyOf));
    return builtRoles.get(decl);
  };
  // A name a role and a policy share means the role: the role is the principal that makes
  // requests (its set holds the policy too when it attaches it).
  const principalNamed = (name: string): PrincipalSet | undefined => {
    const role = program.role(name);
    if (role !== undefined) {
      const built = roleOf(role.decl, role.file);
      return built === undefined ? undefined : roleSet(built);
    }
    const policy = program.policy(name);
    const built = policy === undefined || policy.role !== undefined ? undefined : policyOf(policy);
    return built === undefined ? undefined : policySet(built);
  };
  const roleNamesUsed = new Set(roles.map((r) => r.name.toLowerCase()));
  const principals = [...roles.map(roleSet), ...policies.filter((p) => !roleNamesUsed.has(p.name.toLowerCase())).map(policySet)];
  return { policies, roles, documents, policyOf, principals, principalNamed };
}


/** Every name of the inputs that becomes a file: standalone policies and roles. */
function outputNames({ program }: BuildInput, roles: readonly RoleDecl[]): OutputName[] {
  const order = new Map(program.files.inputs.map((f, i) => [f.span.file, i]));
  const orderOf = (file: string): number => order.get(file) ?? -1;
  return [
    ...program.policies
      .filter((p) => p.role === undefined && order.has(p.file.span.file))
      .map((p) => ({ kind: "policy" as const, name: p.name, span: p.nameSpan, order: orderOf(p.file.span.file) })),
    ...roles.map((r) => ({ kind: "role" as const, name: r.name.name, span: r.name.span, order: orderOf(r.name.span.file) })),
  ];
}
