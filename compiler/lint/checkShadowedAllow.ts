/**
 * ARP7050: an allow that a deny of the same principal always overrides. When the deny applies
 * to every request the allow applies to (statementCover.ts: its actions and resources cover
 * the allow's, and each of its conditions follows from one of the allow's), the allow can
 * never grant: an explicit deny wins over any allow. It is a warning, not a suggestion: unlike
 * a redundant statement, removing it does not keep what the author wrote working; either the
 * deny is wider than meant or the allow is dead and misleads whoever reads it. It is reported
 * only when every statement the allow lowered to, in every principal set that holds it, is
 * overridden (everyCopy.ts): a policy also evaluated without the deny still grants.
 */
import { diagnostic } from "../../grammar/diagnostics/codes.js";
import { statementsBySet, type LintRule } from "./lintInput.js";
import type { IrStatement } from "../ir.js";
import { EveryCopy } from "./everyCopy.js";
import { appliesWhenever } from "./statementCover.js";

export const checkShadowedAllow: LintRule = (input, report) => {
  const verdicts = new EveryCopy<IrStatement>();
  for (const statements of statementsBySet(input)) {
    const denies = statements.filter((s) => s.effect === "Deny");
    for (const allow of statements) {
      if (allow.effect !== "Allow" || !input.userFiles.has(allow.span.file)) continue;
      verdicts.add(allow.span, denies.find((d) => appliesWhenever(d, allow)));
    }
  }
  for (const { span, witness } of verdicts.holding()) {
    report(
      diagnostic("AllowAlwaysDenied", span, "a deny of the same principal applies to every request this allow does, so it never grants anything", {
        related: [{ message: "overridden by this deny", span: witness.span }],
        hint: "narrow the deny, or remove the allow",
      }),
    );
  }
};
