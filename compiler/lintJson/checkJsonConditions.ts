/**
 * What `arp check` reports about a `.arp` source that IAM JSON can hold too, found in the JSON:
 * a wildcard under a string equality (ARP3007), a set qualifier on a single-valued key (ARP3004),
 * the legacy `apprunner:ResourceTag/K` key (ARP2011), a key none of the statement's actions
 * supports (ARP2007), and an open trust or an OIDC trust without its pins (ARP5004). The tests
 * and the catalog questions are the checker's own (compiler/check); only the reading differs:
 * the JSON's operator names instead of arp's comparisons, and spans into the JSON.
 */
import { diagnostic } from "../../grammar/diagnostics/codes.js";
import type { Diagnostic } from "../../grammar/diagnostics/diagnostic.js";
import { holdsWhenMissing } from "../../runtime/conditions.js";
import { OPERATOR_TABLE, parseOperator } from "../../runtime/operators/index.js";
import { modernResourceTagKey, type Catalog, type CatalogAction } from "../catalog/index.js";
import { hasBareWildcard } from "../check/checkConditions.js";
import { openTrustFindings } from "../check/openTrust.js";
import { familyOf } from "../check/operatorsForType.js";
import type { BuiltDocument } from "../driver/validateDocuments.js";
import type { IrCondition, IrStatement } from "../ir.js";

/** The operator of arp's `=` on strings, from the operator table. */
const EQUALS = OPERATOR_TABLE.find((r) => r.family === "String" && r.arp === "=" && !r.ignoreCase)!.name;

/** The catalog actions a statement's Action names; undefined when it may reach any (NotAction, `*:...`, unknown). */
function actionsOf(s: IrStatement, catalog: Catalog): CatalogAction[] | undefined {
  if (s.actions.not) return undefined;
  const out: CatalogAction[] = [];
  for (const a of s.actions.values) {
    const service = a.split(":")[0] ?? "";
    if (/[*?]/.test(service) || !catalog.hasService(service)) return undefined;
    const found = /[*?]/.test(a) ? catalog.matchActions(a) : [catalog.action(a)].flatMap((x) => (x === undefined ? [] : [x]));
    if (found.length === 0) return undefined;
    out.push(...found);
  }
  return out;
}

function checkCondition(c: IrCondition, actions: readonly CatalogAction[] | undefined, catalog: Catalog, report: (d: Diagnostic) => void): void {
  const modern = modernResourceTagKey(c.key);
  const key = modern ?? c.key;
  if (modern !== undefined) {
    report(diagnostic("DeprecatedKeyAlias", c.span, `\`${c.key}\` is a legacy key: the Service Authorization Reference lists only \`${key}\` for App Runner resources`, {
      hint: `write \`${key}\``,
    }));
  }
  const parsed = parseOperator(c.operator);
  if (parsed !== undefined && parsed.impl.family === "String" && parsed.impl.arp !== undefined && /=/.test(parsed.impl.arp) && c.values.some(hasBareWildcard)) {
    const like = OPERATOR_TABLE.find((r) => r.family === "String" && r.arp === (parsed.impl.negated ? "not like" : "like"))!.name;
    report(diagnostic("WildcardInEquality", c.span, `\`*\` and \`?\` are matched literally by \`${parsed.impl.name}\``, {
      hint: `use \`${like}\` to match a pattern${parsed.impl.ignoreCase ? " (it cannot ignore case)" : ""}`,
    }));
  }
  const known = catalog.conditionKey(key);
  if (known === undefined) return;
  if (parsed !== undefined && parsed.set !== "none" && !familyOf(known.type).multi) {
    const prefix = parsed.set === "all" ? "ForAllValues" : "ForAnyValue";
    report(diagnostic("QuantifierOnSingleValuedKey", c.span, `\`${key}\` carries a single value: \`${prefix}:\` ${parsed.set === "all" ? "makes the test hold also when the key is missing" : "is for keys with several values"}`, {
      hint: `drop \`${prefix}:\``,
    }));
  }
  if (actions !== undefined && actions.length > 0 && !actions.some((a) => catalog.keyAppliesToAction(key, a))) {
    const shown = actions.slice(0, 3).map((a) => `\`${a.fullName}\``).join(", ") + (actions.length > 3 ? ", ..." : "");
    // The key is never sent, so the test decides as it does on a missing key (arp check's wording).
    const holds = parsed !== undefined && (parsed.impl.family === "Null" ? c.values.some((v) => v.toLowerCase() === "true") : holdsWhenMissing(parsed));
    const outcome = holds ? "the test always holds, as it does on a request without the key" : "the condition can never hold";
    report(diagnostic("KeyNeverApplies", c.span, `no action of this statement supports \`${key}\` (${shown}): ${outcome}`, {
      hint: `list the keys an action supports with \`arp catalog ${actions[0]!.fullName}\``,
    }));
  }
}

/** Reports the checker's findings about the JSON documents. */
export function checkJsonDocuments(documents: readonly BuiltDocument[], catalog: Catalog, report: (d: Diagnostic) => void): void {
  for (const d of documents) {
    const statements = d.policy.ir.statements;
    if (d.kind === "trust") {
      for (const f of openTrustFindings(statements)) {
        const example = `"${EQUALS}": { "${f.pinKeys[0]}": "..." }`;
        report(diagnostic("OpenTrust", f.statement.span, f.message, {
          hint: `add a test of ${f.pinKeys.map((k) => `\`${k}\``).join(" or ")} to this statement's Condition, e.g. \`${example}\``,
        }));
      }
    }
    for (const s of statements) {
      // A trust statement's keys are the STS action's; the checker reads those through the trust.
      const actions = d.kind === "trust" ? undefined : actionsOf(s, catalog);
      for (const c of s.conditions) checkCondition(c, actions, catalog, report);
    }
  }
}
