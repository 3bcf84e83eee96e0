/**
 * `arp lint`: checks beyond type-checking, in the spirit of IAM Access Analyzer's policy
 * checks, reported at the `.arp` span that causes them (docs/lint.md lists them). Lint is a
 * stage of the driver that runs after the documents are built (compileProgram.ts); its
 * findings are ordinary diagnostics (ARP7xxx), so `// arp-ignore ARP7xxx: reason` suppresses
 * them as it does any warning, visibly.
 */
import type { Diagnostic } from "../../grammar/diagnostics/diagnostic.js";
import { checkAppRunnerRoles } from "./checkAppRunnerRoles.js";
import { checkBroadActions } from "./checkBroadActions.js";
import { checkContradictions } from "./checkContradictions.js";
import { checkForAllValuesGuard } from "./checkForAllValuesGuard.js";
import { checkNotElements } from "./checkNotElements.js";
import { checkPassRole } from "./checkPassRole.js";
import { checkRedundancy } from "./checkRedundancy.js";
import { checkRedundantConditions } from "./checkRedundantConditions.js";
import { checkSamlAudience } from "./checkSamlAudience.js";
import { checkServicePrincipalSource } from "./checkServicePrincipalSource.js";
import { checkShadowedAllow } from "./checkShadowedAllow.js";
import { checkTagPairs } from "./checkTagPairs.js";
import type { LintInput, LintRule } from "./lintInput.js";
import type { BuiltProgram } from "../driver/buildDocuments.js";
import { userFiles, type Program } from "../driver/program.js";

export type { LintInput } from "./lintInput.js";

const RULES: readonly LintRule[] = [
  checkPassRole,
  checkNotElements,
  checkBroadActions,
  checkForAllValuesGuard,
  checkRedundancy,
  checkTagPairs,
  checkServicePrincipalSource,
  checkAppRunnerRoles,
  checkContradictions,
  checkShadowedAllow,
  checkRedundantConditions,
  checkSamlAudience,
];

/** Runs every lint rule; findings outside the user's files (the stdlib) are not reported. */
export function lintProgram(input: LintInput, diagnostics: Diagnostic[]): void {
  const seen = new Set<string>();
  const report = (d: Diagnostic): void => {
    if (!input.userFiles.has(d.span.file)) return;
    // One statement may be reached twice (a policy used by two roles): report it once.
    const key = `${d.code}\u0000${d.span.file}\u0000${d.span.start}\u0000${d.message}`;
    if (seen.has(key)) return;
    seen.add(key);
    diagnostics.push(d);
  };
  for (const rule of RULES) rule(input, report);
}

/** What lint reads of a built program. */
export function lintInputOf(program: Program, built: BuiltProgram): LintInput {
  return {
    documents: built.documents,
    roles: built.roles,
    principals: built.principals,
    userFiles: new Set(userFiles(program.files).map((f) => f.span.file)),
  };
}

/** Whether `code` is one of lint's (reported only when lint runs). */
export function isLintCode(code: string): boolean {
  return /^ARP7\d{3}$/.test(code);
}
