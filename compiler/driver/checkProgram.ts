/**
 * Stage 5, check: type-checks every statement of every user file (inputs, imports, unused
 * policies, role bodies), resolves every `use` (unknown names, cycles) and every test's
 * policies and requests — once each, whether or not anything is built from it. Later stages
 * only read these results, so nothing is reported twice however many policies or roles
 * include a statement. (A role's `trust` is still checked by compileRole, which runs once per
 * role of every user file.)
 *
 * The stdlib's statements are checked when the program may use them: a `use` or a test's
 * `for` reaches them, a user file declares a role (roles attach its managed policies by name
 * or by ARN, and its roles can be tested), or the caller asks for every stdlib principal
 * (`arp eval --as` may name any). The stdlib ships checked (test/examples.test.ts compiles it
 * with no diagnostics), so checking it on every compile could only repeat that; its 5
 * statements take about 1.3 ms.
 */
import type { Expectation, SourceFile, Statement, TestDecl, UseStatement } from "../../grammar/ast.js";
import type { Request } from "../../runtime/types.js";
import { checkStatement, type CheckedStatement } from "../check/checkStatement.js";
import type { CheckContext } from "../check/context.js";
import { diagnostic } from "../../grammar/diagnostics/codes.js";
import { expectationRequest, testContext } from "./expectationRequest.js";
import { targetContext } from "./testParams.js";
import { warnCallerOutsideSet } from "./testCaller.js";
import type { PolicyDefinition } from "./collectPolicies.js";
import { userFiles, type Program, type RoleDefinition, type UserDefinition } from "./program.js";

/** A statement's checked form (undefined when it has errors) and the context it was checked in. */
export interface StatementCheck {
  readonly ctx: CheckContext;
  readonly checked: CheckedStatement | undefined;
}

/**
 * What a test's `for` names: a policy (evaluated as a principal's only identity policy), a
 * role (its inline policies and everything it attaches), or an IAM user (its own and its
 * groups' policies).
 */
export type TestTarget =
  | { readonly kind: "policy"; readonly policy: PolicyDefinition }
  | { readonly kind: "role"; readonly role: RoleDefinition }
  | { readonly kind: "user"; readonly user: UserDefinition };

/** A test block: what it evaluates (undefined when a name is unknown) and its requests. */
export interface TestCheck {
  readonly targets: readonly TestTarget[] | undefined;
  /** Each expectation's request; undefined when the expectation has errors. */
  readonly requests: ReadonlyMap<Expectation, Request | undefined>;
}

export interface CheckedProgram {
  readonly statements: ReadonlyMap<Statement, StatementCheck>;
  /** The policy each `use` names; unknown names and `use`s that close a cycle are absent. */
  readonly uses: ReadonlyMap<UseStatement, PolicyDefinition>;
  readonly tests: ReadonlyMap<TestDecl, TestCheck>;
}

/** How much of the stdlib to check besides what the program reaches. */
export interface CheckOptions {
  /** Check all of it: every stdlib role and policy may be asked for as a principal set. */
  readonly wholeStdlib?: boolean;
}

export function checkProgram(program: Program, options: CheckOptions = {}): CheckedProgram {
  const statements = new Map<Statement, StatementCheck>();
  const checkAll = (file: SourceFile, list: readonly Statement[]): void => {
    const ctx = program.contextOf(file);
    for (const stmt of list) if (!statements.has(stmt)) statements.set(stmt, { ctx, checked: checkStatement(ctx, stmt) });
  };
  for (const file of userFiles(program.files)) checkAll(file, statementsOf(file));
  const uses = resolveUses(program);
  const tests = new Map<TestDecl, TestCheck>();
  for (const file of userFiles(program.files)) {
    for (const item of file.items) if (item.kind === "Test") tests.set(item, checkTest(program, file, item));
  }
  const hasRoles = userFiles(program.files).some((f) => f.items.some((i) => i.kind === "Role" || i.kind === "User" || i.kind === "Group"));
  const testsRoles = [...tests.values()].some((t) => (t.targets ?? []).some((x) => x.kind !== "policy"));
  if (options.wholeStdlib === true || hasRoles || testsRoles) {
    for (const file of program.files.stdlib) checkAll(file, statementsOf(file));
  } else {
    for (const p of stdlibInUse(program, uses, tests)) checkAll(p.file, p.items.filter((i): i is Statement => i.kind === "Statement"));
  }
  return { statements, uses, tests };
}

/** The stdlib policies a user policy reaches through `use`, or a test names. */
function stdlibInUse(program: Program, uses: ReadonlyMap<UseStatement, PolicyDefinition>, tests: ReadonlyMap<TestDecl, TestCheck>): Set<PolicyDefinition> {
  const stdlib = new Set(program.files.stdlib);
  const found = new Set<PolicyDefinition>();
  const visit = (p: PolicyDefinition): void => {
    if (stdlib.has(p.file)) {
      if (found.has(p)) return;
      found.add(p);
    }
    for (const item of p.items) {
      const target = item.kind === "Use" ? uses.get(item) : undefined;
      if (target !== undefined && stdlib.has(target.file)) visit(target);
    }
  };
  for (const p of program.policies) if (!stdlib.has(p.file)) visit(p);
  for (const t of tests.values()) for (const x of t.targets ?? []) if (x.kind === "policy") visit(x.policy);
  return found;
}

/** Every allow/deny of a file: bare, in `policy` blocks, and in roles', users' and groups' inline policies. */
export function statementsOf(file: SourceFile): Statement[] {
  const out: Statement[] = [];
  for (const item of file.items) {
    if (item.kind === "Statement") out.push(item);
    if (item.kind === "Policy") out.push(...item.items.filter((i): i is Statement => i.kind === "Statement"));
    if (item.kind !== "Role" && item.kind !== "User" && item.kind !== "Group") continue;
    for (const r of item.items) if (r.kind === "Policy") out.push(...r.items.filter((i): i is Statement => i.kind === "Statement"));
  }
  return out;
}

/**
 * Resolves each definition's `use` items once, reporting unknown names, then walks the graph
 * depth-first: a `use` that reaches a policy still being walked closes a cycle, is reported
 * at that `use`, and is left out, so what remains is acyclic.
 */
function resolveUses(program: Program): Map<UseStatement, PolicyDefinition> {
  const uses = new Map<UseStatement, PolicyDefinition>();
  for (const policy of program.policies) {
    for (const item of policy.items) {
      if (item.kind !== "Use") continue;
      const target = program.policy(item.name.name);
      if (target !== undefined) uses.set(item, target);
      else {
        program.diagnostics.push(diagnostic("UnknownPolicyName", item.name.span, `no policy named \`${item.name.name}\` is defined`, {
          hint: "define it in one of the files being compiled, `import` its file, or use a stdlib policy such as `AWSAppRunnerReadOnlyAccess`",
        }));
      }
    }
  }
  const state = new Map<PolicyDefinition, "walking" | "done">();
  const walk = (policy: PolicyDefinition, stack: readonly PolicyDefinition[]): void => {
    state.set(policy, "walking");
    for (const item of policy.items) {
      const target = item.kind === "Use" ? uses.get(item) : undefined;
      if (item.kind !== "Use" || target === undefined) continue;
      if (state.get(target) === "walking") {
        const chain = [...stack, policy, target].map((p) => p.name).join(" → ");
        program.diagnostics.push(diagnostic("ImportCycle", item.span, `\`use\` forms a cycle: ${chain}`));
        uses.delete(item);
      } else if (state.get(target) === undefined) walk(target, [...stack, policy]);
    }
    state.set(policy, "done");
  };
  for (const p of program.policies) if (state.get(p) === undefined) walk(p, []);
  return uses;
}

/**
 * What a test without `for` evaluates: the one role or standalone policy its file defines.
 * With several, which principal the requests come from is the author's choice (ARP5008):
 * IAM never pools two principals' policies.
 */
function fileTargets(program: Program, file: SourceFile, test: TestDecl): TestTarget[] | undefined {
  const policies = program.policies.filter((p) => p.file === file && p.role === undefined);
  const roles = file.items.filter((i) => i.kind === "Role").map((decl) => ({ decl, file }));
  const users = file.items.filter((i) => i.kind === "User").map((decl) => ({ decl, file }));
  const principals = [...roles, ...users].map((r) => r.decl.name.name.toLowerCase());
  const targets: TestTarget[] = [
    ...roles.map((role) => ({ kind: "role" as const, role })),
    ...users.map((user) => ({ kind: "user" as const, user })),
    ...policies.filter((p) => !principals.includes(p.name.toLowerCase())).map((policy) => ({ kind: "policy" as const, policy })),
  ];
  if (targets.length <= 1) return targets;
  const names = targets.map(targetLabel);
  program.diagnostics.push(diagnostic("AmbiguousTestTarget", test.name.span,
    `this file defines ${names.length} roles, users and policies: say whose policies the test evaluates`, {
      hint: `add \`for NAME\` after the test's name, one of: ${names.join(", ")}`,
    }));
  return undefined;
}

function targetLabel(t: TestTarget): string {
  switch (t.kind) {
    case "role":
      return `${t.role.decl.name.name} (role)`;
    case "user":
      return `${t.user.decl.name.name} (user)`;
    case "policy":
      return `${t.policy.name} (policy)`;
  }
}

/** The users of the program's files that name `group` among their groups. */
export function membersOf(program: Program, group: string): string[] {
  return userFiles(program.files).flatMap((f) => f.items.flatMap((i) =>
    i.kind === "User" && i.items.some((m) => m.kind === "MemberOf" && m.groups.some((g) => g.name.toLowerCase() === group.toLowerCase())) ? [i.name.name] : []));
}

function checkTest(program: Program, file: SourceFile, test: TestDecl): TestCheck {
  let targets: TestTarget[] | undefined = [];
  if (test.policies === undefined) targets = fileTargets(program, file, test);
  else {
    for (const name of test.policies) {
      // A name a role (or user) and a policy share means the principal, as for `--as` and the evaluator.
      const role = program.role(name.name);
      const user = program.user(name.name);
      const p = program.policy(name.name);
      if (role !== undefined) targets?.push({ kind: "role", role });
      else if (user !== undefined) targets?.push({ kind: "user", user });
      else if (p !== undefined) targets?.push({ kind: "policy", policy: p });
      else {
        const group = program.group(name.name);
        const members = group === undefined ? [] : membersOf(program, group.decl.name.name);
        program.diagnostics.push(diagnostic("UnknownPolicyName", name.span, group !== undefined
          ? `\`${group.decl.name.name}\` is a group: a group makes no request, its users do`
          : `no policy, role or user named \`${name.name}\` is defined`, group === undefined ? {} : {
          hint: members.length > 0 ? `test one of its users: ${members.map((m) => `\`for ${m}\``).join(", ")}` : "declare a user in it (`user NAME { group " + group.decl.name.name + " }`) and test that user",
        }));
        targets = undefined;
      }
    }
  }
  if (targets !== undefined) warnCallerOutsideSet(program, test, targets);
  const ctx = testContext(targets === undefined ? program.contextOf(file) : targetContext(program, file, test, targets));
  const requests = new Map<Expectation, Request | undefined>();
  for (const e of test.expectations) requests.set(e, expectationRequest(ctx, e));
  return { targets, requests };
}
