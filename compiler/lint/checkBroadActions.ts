/**
 * ARP7005: `*` or `service:*` in an allow grants every action of a service, including actions
 * AWS adds later (the reason Access Analyzer flags full wildcards in an allow).
 */
import { diagnostic } from "../../grammar/diagnostics/codes.js";
import { identityStatements, type LintRule } from "./lintInput.js";

/**
 * Whether a pattern is wildcards only, with a `*`: `*`, `**`, `?*` match every name (action
 * names are longer than a few characters), so `apprunner:?*` is `apprunner:*` by another name.
 */
function onlyWildcards(pattern: string): boolean {
  return pattern.includes("*") && /^[*?]+$/.test(pattern);
}

/** Whether an action pattern names one service and every action of it (`apprunner:*`). */
function wholeService(pattern: string): boolean {
  const colon = pattern.indexOf(":");
  return colon > 0 && !/[*?]/.test(pattern.slice(0, colon)) && onlyWildcards(pattern.slice(colon + 1));
}

export const checkBroadActions: LintRule = (input, report) => {
  for (const s of identityStatements(input)) {
    if (s.effect !== "Allow" || s.actions.not) continue;
    const broad = s.actions.values.filter((a) => onlyWildcards(a) || wholeService(a));
    for (const a of broad) {
      const what = onlyWildcards(a) ? "every action of every service" : `every action of \`${a.slice(0, a.indexOf(":"))}\``;
      report(diagnostic("FullWildcardAction", s.span, `\`${a}\` allows ${what}, including actions AWS adds later`, { hint: "list the actions (or an access level such as `apprunner:Describe*`)" }));
    }
  }
};
