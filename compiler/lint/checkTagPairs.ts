/**
 * ARP7010, after Access Analyzer's "Missing paired condition keys": `aws:RequestTag/K` checks
 * the value of tag K in the request but not which tags the request sets; without
 * `aws:TagKeys` a principal may add any other tag along with K.
 */
import { diagnostic } from "../../grammar/diagnostics/codes.js";
import { conditionsOn, identityStatements, type LintRule } from "./lintInput.js";

export const checkTagPairs: LintRule = (input, report) => {
  for (const s of identityStatements(input)) {
    if (s.effect !== "Allow" || conditionsOn(s, "aws:TagKeys").length > 0) continue;
    const tagged = s.conditions.find((c) => c.key.toLowerCase().startsWith("aws:requesttag/"));
    if (tagged === undefined) continue;
    report(
      diagnostic("MissingPairedTagKeys", tagged.span, `\`${tagged.key}\` checks one tag's value, but the request may set other tags too`, {
        hint: "add `all aws:TagKeys in [...]` listing the tags it may set",
      }),
    );
  }
};
