/**
 * ARP7015: conditions of one statement are ANDed, so two that cannot both hold make the
 * statement dead: a deny that never applies protects nothing, an allow that never applies
 * grants nothing. Two contradictions are recognised, both exactly: `K missing` (Null "true")
 * with a test that needs K present (Null "false", or a positive test without IfExists), and
 * `StringEquals K` whose every value a `StringNotEquals K` of the same statement excludes.
 */
import { diagnostic } from "../../grammar/diagnostics/codes.js";
import type { IrCondition, IrStatement } from "../ir.js";
import { identityStatements, type LintRule } from "./lintInput.js";

const NEEDS_PRESENCE = /^(?:ForAnyValue:)?(?:String(?:Equals|Like)(?:IgnoreCase)?|Numeric\w+|Date\w+|Bool|BinaryEquals|IpAddress|Arn(?:Equals|Like))$/;

function needsPresence(c: IrCondition): boolean {
  if (c.operator === "Null") return c.values.length === 1 && c.values[0] === "false";
  return NEEDS_PRESENCE.test(c.operator) && !/Not/.test(c.operator);
}

function contradiction(s: IrStatement): IrCondition | undefined {
  for (const c of s.conditions) {
    const same = s.conditions.filter((d) => d !== c && d.key.toLowerCase() === c.key.toLowerCase());
    if (c.operator === "Null" && c.values.length === 1 && c.values[0] === "true" && same.some(needsPresence)) return c;
    if (c.operator === "StringNotEquals") {
      const excluded = new Set(c.values);
      if (same.some((d) => d.operator === "StringEquals" && d.values.every((v) => excluded.has(v)))) return c;
    }
  }
  return undefined;
}

export const checkContradictions: LintRule = (input, report) => {
  for (const s of identityStatements(input)) {
    const c = contradiction(s);
    if (c === undefined) continue;
    report(
      diagnostic("StatementNeverApplies", c.span, `\`${c.key}\` is tested two ways that cannot both hold, so this ${s.effect === "Deny" ? "deny never applies" : "allow never grants anything"}`, {
        hint: "one of the tests is probably meant for another key",
      }),
    );
  }
};
