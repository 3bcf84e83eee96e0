/**
 * Finds the policies of a set of files: `policy Name { ... }` blocks, or the bare statements
 * of a file as one policy named after the file. Names are unique across the whole set because
 * each becomes `<Name>.json` and `use Name` refers to it.
 */
import { basename } from "node:path";
import type { PolicyDecl, PolicyItem, RoleDecl, SourceFile, StringLiteral } from "../grammar/ast.js";
import type { Diagnostic, Span } from "./diagnostics/diagnostic.js";
import { diagnostic } from "./diagnostics/codes.js";

/** A policy before checking: its name and items, whichever form it was written in. */
export interface PolicySource {
  readonly name: string;
  readonly nameSpan: Span;
  readonly file: SourceFile;
  readonly description?: StringLiteral;
  readonly items: readonly PolicyItem[];
  readonly span: Span;
  /** Set for a policy defined inside a `role`: it is emitted only as part of that role. */
  readonly role?: string;
}

const POLICY_NAME = /^[\w+=,.@-]{1,128}$/;

/** The policy name a file of bare statements gets: its base name without `.arp`. */
export function policyNameForFile(path: string): string {
  const base = basename(path).replace(/\.arp$/i, "");
  return base === "" || base.startsWith("<") ? "policy" : base;
}

export function collectPolicies(files: readonly SourceFile[], diagnostics: Diagnostic[]): PolicySource[] {
  const out: PolicySource[] = [];
  for (const file of files) out.push(...policiesOfFile(file, diagnostics));
  checkNames(out, diagnostics);
  return out;
}

function policiesOfFile(file: SourceFile, diagnostics: Diagnostic[]): PolicySource[] {
  const blocks = file.items.filter((i): i is PolicyDecl => i.kind === "Policy");
  const bare = file.items.filter((i): i is PolicyItem => i.kind === "Statement" || i.kind === "Use");
  if (blocks.length > 0 && bare.length > 0) {
    const first = bare[0] as PolicyItem;
    diagnostics.push(diagnostic("MixedFileForm", first.span,
      "this file has `policy` blocks, so its statements must be inside one",
      { hint: "move the statement into a `policy Name { ... }` block", related: [{ message: "policy block", span: (blocks[0] as PolicyDecl).span }] }));
  }
  const out: PolicySource[] = blocks.map((b) => policySource(file, b));
  for (const role of file.items.filter((i): i is RoleDecl => i.kind === "Role")) {
    for (const item of role.items) if (item.kind === "Policy") out.push(policySource(file, item, role.name.name));
  }
  if (blocks.length === 0 && bare.length > 0) {
    const span = { file: file.span.file, start: (bare[0] as PolicyItem).span.start, end: (bare[bare.length - 1] as PolicyItem).span.end };
    out.push({ name: policyNameForFile(file.span.file), nameSpan: { ...span, end: span.start }, file, items: bare, span });
  }
  return out;
}

/** The policy a `policy` block defines; `role` names the role it is inline in, if any. */
export function policySource(file: SourceFile, decl: PolicyDecl, role?: string): PolicySource {
  return {
    name: decl.name.name,
    nameSpan: decl.name.span,
    file,
    ...(decl.description !== undefined ? { description: decl.description } : {}),
    items: decl.items,
    span: decl.span,
    ...(role !== undefined ? { role } : {}),
  };
}

function checkNames(policies: readonly PolicySource[], diagnostics: Diagnostic[]): void {
  const seen = new Map<string, PolicySource>();
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
