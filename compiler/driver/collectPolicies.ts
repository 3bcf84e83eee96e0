/**
 * Stage 4, collect: finds the policies of a set of files: `policy Name { ... }` blocks, or the bare statements
 * of a file as one policy named after the file. Names are unique across the whole set because
 * each becomes `<Name>.json` and `use Name` refers to it.
 */
import { basename } from "node:path";
import type { GroupDecl, PolicyDecl, PolicyItem, RoleDecl, SourceFile, StringLiteral, UserDecl } from "../../grammar/ast.js";
import type { Diagnostic, Span } from "../../grammar/diagnostics/diagnostic.js";
import { diagnostic } from "../../grammar/diagnostics/codes.js";
import type { Catalog } from "../catalog/index.js";
import type { CheckContext } from "../check/context.js";
import type { GroupDefinition, LoadedFiles, Program, RoleDefinition, UserDefinition } from "./program.js";

/** A policy as written, before checking: its name and items, whichever form it was written in. */
export interface PolicyDefinition {
  readonly name: string;
  readonly nameSpan: Span;
  readonly file: SourceFile;
  readonly description?: StringLiteral;
  readonly items: readonly PolicyItem[];
  readonly span: Span;
  /**
   * Set for a policy defined inside a `role`, `user` or `group` (its name): it is emitted only
   * as part of that identity, and is no principal set of its own.
   */
  readonly role?: string;
  /** What declares it inline, when `role` is set. */
  readonly owner?: "role" | "user" | "group";
  /** The `policy` block, absent for a file of bare statements. */
  readonly decl?: PolicyDecl;
}

const POLICY_NAME = /^[\w+=,.@-]{1,128}$/;

/** The policy name a file of bare statements gets: its base name without `.arp`. */
export function policyNameForFile(path: string): string {
  const base = basename(path).replace(/\.arp$/i, "");
  return base === "" || base.startsWith("<") ? "policy" : base;
}

/**
 * The program as the later stages see it: the user's policies (names unique among them), then
 * the stdlib's that no user policy shadows.
 */
export function collectProgram(
  catalog: Catalog,
  files: LoadedFiles,
  contexts: ReadonlyMap<SourceFile, CheckContext>,
  diagnostics: Diagnostic[],
): Program {
  const userPolicies = collectPolicies([...files.inputs, ...files.libraries], diagnostics);
  const userNames = new Set(userPolicies.map((p) => p.name.toLowerCase()));
  const stdPolicies = collectPolicies(files.stdlib, []).filter((p) => !userNames.has(p.name.toLowerCase()));
  const policies = [...userPolicies, ...stdPolicies];
  const byName = new Map<string, PolicyDefinition>();
  for (const p of policies) if (!byName.has(p.name.toLowerCase())) byName.set(p.name.toLowerCase(), p);
  const roles = new Map<string, RoleDefinition>();
  for (const file of [...files.inputs, ...files.libraries, ...files.stdlib]) {
    for (const item of file.items) {
      if (item.kind === "Role" && !roles.has(item.name.name.toLowerCase())) roles.set(item.name.name.toLowerCase(), { decl: item, file });
    }
  }
  const users = new Map<string, UserDefinition>();
  const groups = new Map<string, GroupDefinition>();
  for (const file of [...files.inputs, ...files.libraries]) {
    for (const item of file.items) {
      if (item.kind === "User" && !users.has(item.name.name.toLowerCase())) users.set(item.name.name.toLowerCase(), { decl: item, file });
      if (item.kind === "Group" && !groups.has(item.name.name.toLowerCase())) groups.set(item.name.name.toLowerCase(), { decl: item, file });
    }
  }
  const byDecl = new Map<PolicyDecl, PolicyDefinition>();
  for (const p of policies) if (p.decl !== undefined) byDecl.set(p.decl, p);
  return {
    catalog,
    files,
    contexts,
    policies,
    diagnostics,
    policy: (name) => byName.get(name.toLowerCase()),
    role: (name) => roles.get(name.toLowerCase()),
    user: (name) => users.get(name.toLowerCase()),
    group: (name) => groups.get(name.toLowerCase()),
    definitionOf: (decl) => byDecl.get(decl),
    contextOf(file) {
      const ctx = contexts.get(file);
      if (ctx === undefined) throw new Error(`internal error: no context for ${file.span.file}`);
      return ctx;
    },
  };
}

export function collectPolicies(files: readonly SourceFile[], diagnostics: Diagnostic[]): PolicyDefinition[] {
  const out: PolicyDefinition[] = [];
  for (const file of files) out.push(...policiesOfFile(file, diagnostics));
  checkNames(out, diagnostics);
  return out;
}

function policiesOfFile(file: SourceFile, diagnostics: Diagnostic[]): PolicyDefinition[] {
  const blocks = file.items.filter((i): i is PolicyDecl => i.kind === "Policy");
  const bare = file.items.filter((i): i is PolicyItem => i.kind === "Statement" || i.kind === "Use");
  if (blocks.length > 0 && bare.length > 0) {
    const first = bare[0] as PolicyItem;
    diagnostics.push(diagnostic("MixedFileForm", first.span,
      "this file has `policy` blocks, so its statements must be inside one",
      { hint: "move the statement into a `policy Name { ... }` block", related: [{ message: "policy block", span: (blocks[0] as PolicyDecl).span }] }));
  }
  const out: PolicyDefinition[] = blocks.map((b) => policyDefinition(file, b));
  for (const owner of file.items.filter((i): i is RoleDecl | UserDecl | GroupDecl => i.kind === "Role" || i.kind === "User" || i.kind === "Group")) {
    const kind = owner.kind === "Role" ? "role" : owner.kind === "User" ? "user" : "group";
    for (const item of owner.items) if (item.kind === "Policy") out.push({ ...policyDefinition(file, item, owner.name.name), owner: kind });
  }
  if (blocks.length === 0 && bare.length > 0) {
    const span = { file: file.span.file, start: (bare[0] as PolicyItem).span.start, end: (bare[bare.length - 1] as PolicyItem).span.end };
    out.push({ name: policyNameForFile(file.span.file), nameSpan: { ...span, end: span.start }, file, items: bare, span });
  }
  return out;
}

/** The policy a `policy` block defines; `role` names the role it is inline in, if any. */
export function policyDefinition(file: SourceFile, decl: PolicyDecl, role?: string): PolicyDefinition {
  return {
    name: decl.name.name,
    nameSpan: decl.name.span,
    file,
    ...(decl.description !== undefined ? { description: decl.description } : {}),
    items: decl.items,
    span: decl.span,
    ...(role !== undefined ? { role } : {}),
    decl,
  };
}

function checkNames(policies: readonly PolicyDefinition[], diagnostics: Diagnostic[]): void {
  const seen = new Map<string, PolicyDefinition>();
  for (const p of policies) {
    if (!POLICY_NAME.test(p.name)) {
      diagnostics.push(diagnostic("InvalidPolicyName", p.nameSpan,
        `IAM does not accept \`${p.name}\` as a policy name (1-128 letters, digits and \`+=,.@_-\`)`));
    }
    const prior = seen.get(p.name.toLowerCase());
    if (prior !== undefined) {
      diagnostics.push(diagnostic("DuplicatePolicyName", p.nameSpan, `a policy named \`${p.name}\` is already defined`, {
        hint: "each policy becomes `<Name>.json`, so names must differ (ignoring case)",
        related: [{ message: "first defined here", span: prior.nameSpan }],
      }));
      continue;
    }
    seen.set(p.name.toLowerCase(), p);
  }
}
