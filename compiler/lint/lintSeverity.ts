/**
 * Lint's four severities, as Access Analyzer grades its findings: error, security warning,
 * warning, suggestion. A diagnostic's severity in the code table is one of error, warning and
 * info; a security warning is a warning whose summary in the table starts with `security:`, and
 * a suggestion is an info (other than the note a suppression leaves, ARP8001).
 */
import { Codes } from "../../grammar/diagnostics/codes.js";
import type { Diagnostic } from "../../grammar/diagnostics/diagnostic.js";

export type LintSeverity = "error" | "security" | "warning" | "suggestion" | "note";

/** Every severity, most severe first (the order `--fail-on` reads them in). */
export const LINT_SEVERITIES: readonly LintSeverity[] = ["error", "security", "warning", "suggestion", "note"];

const SECURITY: ReadonlySet<string> = new Set(
  Object.values(Codes)
    .filter((c) => c.summary.startsWith("security:"))
    .map((c) => c.code)
    // An open trust (any principal of every account) is Access Analyzer's security class too.
    .concat([Codes.OpenTrust.code]),
);

export function lintSeverity(d: Diagnostic): LintSeverity {
  if (d.severity === "error") return "error";
  if (d.severity === "warning") return SECURITY.has(d.code) ? "security" : "warning";
  return d.code === Codes.SuppressedDiagnostic.code ? "note" : "suggestion";
}

/** Whether `d` is at least as severe as `threshold`. */
export function atLeast(d: Diagnostic, threshold: LintSeverity): boolean {
  return LINT_SEVERITIES.indexOf(lintSeverity(d)) <= LINT_SEVERITIES.indexOf(threshold);
}
