/**
 * ARP7010, after Access Analyzer's "Missing paired condition keys": `aws:RequestTag/K` checks
 * the value of tag K in the request but not which tags the request sets; without
 * `aws:TagKeys` a principal may add any other tag along with K. Only a positive `ForAllValues`
 * test of `aws:TagKeys` (`tag keys within [...]`) limits the other tags: `any aws:TagKeys = "team"`
 * or `aws:TagKeys exists` lets any tag come along.
 */
import { diagnostic } from "../../grammar/diagnostics/codes.js";
import { parseOperator } from "../../runtime/operators/index.js";
import type { IrCondition } from "../ir.js";
import { conditionsOn, identityStatements, type LintRule } from "./lintInput.js";

function limitsTagKeys(c: IrCondition): boolean {
  const parsed = parseOperator(c.operator);
  return parsed !== undefined && parsed.set === "all" && !parsed.impl.negated;
}

export const checkTagPairs: LintRule = (input, report) => {
  for (const s of identityStatements(input)) {
    if (s.effect !== "Allow" || conditionsOn(s, "aws:TagKeys").some(limitsTagKeys)) continue;
    const tagged = s.conditions.find((c) => c.key.toLowerCase().startsWith("aws:requesttag/"));
    if (tagged === undefined) continue;
    report(
      diagnostic("MissingPairedTagKeys", tagged.span, `\`${tagged.key}\` checks one tag's value, but the request may set other tags too`, {
        hint: "add `all aws:TagKeys in [...]` listing the tags it may set",
      }),
    );
  }
};
