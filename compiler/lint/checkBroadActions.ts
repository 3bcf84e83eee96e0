/**
 * ARP7005: `*` or `service:*` in an allow grants every action of a service, including actions
 * AWS adds later (the reason Access Analyzer flags full wildcards in an allow).
 */
import { diagnostic } from "../../grammar/diagnostics/codes.js";
import { identityStatements, type LintRule } from "./lintInput.js";

export const checkBroadActions: LintRule = (input, report) => {
  for (const s of identityStatements(input)) {
    if (s.effect !== "Allow" || s.actions.not) continue;
    const broad = s.actions.values.filter((a) => a === "*" || /^[^:*?]+:\*$/.test(a));
    for (const a of broad) {
      const what = a === "*" ? "every action of every service" : `every action of \`${a.slice(0, -2)}\``;
      report(diagnostic("FullWildcardAction", s.span, `\`${a}\` allows ${what}, including actions AWS adds later`, { hint: "list the actions (or an access level such as `apprunner:Describe*`)" }));
    }
  }
};
