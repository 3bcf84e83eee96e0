/**
 * ARP7003 and ARP7004: an allow with `except` (NotAction / NotResource) grants everything it
 * does not list, including actions and resources that do not exist yet. The IAM User Guide:
 * "Be careful using the NotAction element and "Effect": "Allow" in the same statement ...
 * because it could grant more permissions than you intend."
 */
import { diagnostic } from "../../grammar/diagnostics/codes.js";
import { identityStatements, type LintRule } from "./lintInput.js";

export const checkNotElements: LintRule = (input, report) => {
  for (const s of identityStatements(input)) {
    if (s.effect !== "Allow") continue;
    if (s.actions.not) {
      report(diagnostic("AllowNotAction", s.span, "this allow grants every action except those listed (NotAction), including actions AWS adds later", { hint: "list the actions to allow instead" }));
    }
    if (s.resources?.not === true) {
      report(diagnostic("AllowNotResource", s.span, "this allow grants every resource except those listed (NotResource), in every service its actions reach", { hint: "list the resources to allow instead" }));
    }
  }
};
