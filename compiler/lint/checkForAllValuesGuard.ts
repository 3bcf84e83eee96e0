/**
 * ARP7006: `ForAllValues` holds when the key is missing from the request ("It also returns true
 * if there are no keys in the request, or if the key values resolve to a null data set", IAM
 * User Guide, multivalued context keys). In an allow, a request that
 * simply leaves the key out is allowed. A guard is another test of the key in the same
 * statement that fails on a missing key: `Null` "false" (`when K exists`), a `ForAnyValue` test,
 * or a positive test without `IfExists` (`K != "x"` holds on a missing key). For `aws:TagKeys`,
 * a test that needs an `aws:RequestTag/K` is a guard too: a request that carries tag K carries
 * its key in `aws:TagKeys`.
 */
import { diagnostic } from "../../grammar/diagnostics/codes.js";
import { parseOperator } from "../../runtime/operators/index.js";
import type { IrCondition } from "../ir.js";
import { conditionsOn, identityStatements, type LintRule } from "./lintInput.js";

function guards(c: IrCondition): boolean {
  const parsed = parseOperator(c.operator);
  if (parsed === undefined) return false;
  // `Null` is the only operator without qualifiers: it guards as `Null: "false"` (`K exists`).
  if (!parsed.impl.qualifiers) return c.values.length === 1 && c.values[0] === "false";
  // `ForAnyValue` fails on a missing key whatever its operator; a plain negated test (`!=`) holds
  // on it, as `IfExists` and `ForAllValues` do.
  if (parsed.set === "any") return true;
  return parsed.set === "none" && !parsed.impl.negated && !parsed.ifExists;
}

export const checkForAllValuesGuard: LintRule = (input, report) => {
  for (const s of identityStatements(input)) {
    if (s.effect !== "Allow") continue;
    for (const c of s.conditions) {
      if (!c.operator.startsWith("ForAllValues:")) continue;
      if (conditionsOn(s, c.key).some(guards)) continue;
      if (c.key.toLowerCase() === "aws:tagkeys" && s.conditions.some((d) => d.key.toLowerCase().startsWith("aws:requesttag/") && guards(d))) continue;
      report(
        diagnostic("UnguardedForAllValues", c.span, `\`all ${c.key}\` holds when the request has no \`${c.key}\`, so this allow applies to requests that leave the key out`, {
          hint: `add \`and ${c.key} exists\``,
        }),
      );
    }
  }
};
