/**
 * Stage 7, build: IAM documents from the lowered statements. Every policy and role of every
 * user file (inputs and imports) is built once, so their policy-level problems (empty
 * policies, Sid clashes, sizes, role trust and attachments) are reported whether or not they
 * become output; only the inputs' standalone policies, roles, users and groups are output.
 */
import type { GroupDecl, RoleDecl, SourceFile, UserDecl } from "../../grammar/ast.js";
import { policySet, roleSet, userSet, type PrincipalSet } from "./principalSets.js";
import { compileGroup, compileUser, type BuiltGroup, type BuiltUser } from "./compileIdentity.js";
import { diagnostic } from "../../grammar/diagnostics/codes.js";
import { checkOutputNames, type OutputName } from "../outputNames.js";
import type { PolicyDefinition } from "./collectPolicies.js";
import { checkManagedSize, compilePolicy, type BuildInput, type BuiltPolicy } from "./compilePolicy.js";
import { compileRole, type BuiltRole } from "./compileRole.js";
import { warnUsernameInRoles } from "./usernameInRoles.js";
import { allFiles, userFiles, type GroupDefinition, type UserDefinition } from "./program.js";
import type { BuiltDocument } from "./validateDocuments.js";

export interface BuiltProgram {
  /** The inputs' standalone policies: each becomes `<Name>.json`, a managed policy. */
  readonly policies: readonly BuiltPolicy[];
  /** The inputs' roles: each becomes `<Name>.role.json`. */
  readonly roles: readonly BuiltRole[];
  /** The inputs' IAM users, with the groups each belongs to: each becomes `<Name>.user.json`. */
  readonly users: readonly BuiltUser[];
  /** The inputs' IAM groups: each becomes `<Name>.group.json`. */
  readonly groups: readonly BuiltGroup[];
  /** Every document built, output or not, with the kind of IAM policy it is delivered as. */
  readonly documents: readonly BuiltDocument[];
  /** Any policy's build, at most once (a stdlib policy is built when first asked for). */
  readonly policyOf: (policy: PolicyDefinition) => BuiltPolicy | undefined;
  /**
   * The inputs' principal sets: each role, each IAM user, then each standalone policy whose
   * name no role or user of the inputs has (such a name means the role or user).
   */
  readonly principals: readonly PrincipalSet[];
  /**
   * The set of any role, user or standalone policy the program knows by name (inputs, imports,
   * the stdlib; a role or user before a policy), built at most once; undefined when unknown or
   * not built.
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
  const builtGroups = new Map<GroupDefinition["decl"], BuiltGroup | undefined>();
  const groupOf = (group: GroupDefinition): BuiltGroup | undefined => {
    if (!builtGroups.has(group.decl)) builtGroups.set(group.decl, compileGroup(input, group, policyOf));
    return builtGroups.get(group.decl);
  };
  const builtUsers = new Map<UserDefinition["decl"], BuiltUser | undefined>();
  const userOf = (user: UserDefinition): BuiltUser | undefined => {
    if (!builtUsers.has(user.decl)) builtUsers.set(user.decl, compileUser(input, user, policyOf, groupOf));
    return builtUsers.get(user.decl);
  };
  const users: BuiltUser[] = [];
  const groups: BuiltGroup[] = [];
  const identityOutputs: (UserDecl | GroupDecl)[] = [];
  const identityNames = new Map<string, { readonly what: string; readonly span: RoleDecl["name"]["span"] }>(
    [...roleNames.values()].map((r) => [`principal:${r.name.name.toLowerCase()}`, { what: "a role", span: r.name.span }]),
  );
  for (const file of userFiles(program.files)) {
    for (const item of file.items) {
      if (item.kind !== "User" && item.kind !== "Group") continue;
      // Users and roles share the principal names (`--as`, `evaluators.<Name>`); groups have their own.
      const key = `${item.kind === "User" ? "principal" : "group"}:${item.name.name.toLowerCase()}`;
      const prior = identityNames.get(key);
      if (prior !== undefined) {
        program.diagnostics.push(diagnostic("DuplicatePolicyName", item.name.span, `${prior.what} named \`${item.name.name}\` is already defined`, {
          ...(item.kind === "User" ? { hint: "roles and users are both principals, chosen by name with `--as` and `for`: give them different names" } : {}),
          related: [{ message: "first defined here", span: prior.span }],
        }));
        continue;
      }
      identityNames.set(key, { what: item.kind === "User" ? "a user" : "a group", span: item.name.span });
      if (inputs.has(file)) identityOutputs.push(item);
      const built = item.kind === "Group" ? groupOf({ decl: item, file }) : userOf({ decl: item, file });
      if (built === undefined) continue;
      documents.push(...built.inlinePolicies.map((policy) => ({ kind: "inline" as const, policy })));
      if (!inputs.has(file)) continue;
      if (item.kind === "User") users.push(built as BuiltUser);
      else groups.push(built);
    }
  }
  checkOutputNames(outputNames(input, [...roleNames.values()], identityOutputs), program.diagnostics);
  const roleOf = (decl: RoleDecl, file: SourceFile): BuiltRole | undefined => {
    if (!builtRoles.has(decl)) builtRoles.set(decl, compileRole(input, file, decl, policyOf));
    return builtRoles.get(decl);
  };
  // A name a role and a policy share means the role: the role is the principal that makes
  // requests (its set holds the policy too when it attaches it).
  // A policy makes no request: only a role's or user's set has a home account.
  const withFileParams = (set: PrincipalSet): PrincipalSet => {
    const file = allFiles(program.files).find((f) => f.span.file === set.file);
    const params = file === undefined ? undefined : program.contextOf(file).params;
    const account = params?.get("account")?.value;
    const region = params?.get("region")?.value;
    return {
      ...set,
      ...(set.kind !== "policy" && account !== undefined && /^\d{12}$/.test(account) ? { account } : {}),
      ...(region !== undefined && region !== "" && !region.includes("*") ? { region } : {}),
    };
  };
  const principalNamed = (name: string): PrincipalSet | undefined => {
    const role = program.role(name);
    if (role !== undefined) {
      const built = roleOf(role.decl, role.file);
      return built === undefined ? undefined : withFileParams(roleSet(built));
    }
    const user = program.user(name);
    if (user !== undefined) {
      const built = userOf(user);
      return built === undefined ? undefined : withFileParams(userSet(built));
    }
    const policy = program.policy(name);
    const built = policy === undefined || policy.role !== undefined ? undefined : policyOf(policy);
    return built === undefined ? undefined : withFileParams(policySet(built));
  };
  warnUsernameInRoles(input);
  const principalNamesUsed = new Set([...roles, ...users].map((r) => r.name.toLowerCase()));
  const principals = [
    ...roles.map((r) => withFileParams(roleSet(r))),
    ...users.map((u) => withFileParams(userSet(u))),
    ...policies.filter((p) => !principalNamesUsed.has(p.name.toLowerCase())).map((p) => withFileParams(policySet(p))),
  ];
  return { policies, roles, users, groups, documents, policyOf, principals, principalNamed };
}


/** Every name of the inputs that becomes a file: standalone policies, roles, users and groups. */
function outputNames({ program }: BuildInput, roles: readonly RoleDecl[], identities: readonly (UserDecl | GroupDecl)[]): OutputName[] {
  const order = new Map(program.files.inputs.map((f, i) => [f.span.file, i]));
  const orderOf = (file: string): number => order.get(file) ?? -1;
  return [
    ...program.policies
      .filter((p) => p.role === undefined && order.has(p.file.span.file))
      .map((p) => ({ kind: "policy" as const, name: p.name, span: p.nameSpan, order: orderOf(p.file.span.file) })),
    ...roles.map((r) => ({ kind: "role" as const, name: r.name.name, span: r.name.span, order: orderOf(r.name.span.file) })),
    ...identities.map((i) => ({ kind: i.kind === "User" ? "user" as const : "group" as const, name: i.name.name, span: i.name.span, order: orderOf(i.name.span.file) })),
  ];
}
