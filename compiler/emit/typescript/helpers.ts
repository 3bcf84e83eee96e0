/**
 * The small runtime functions a generated evaluator may need, as TypeScript source snippets.
 * A helper is emitted exactly when the rest of the module names one of the identifiers it
 * provides (or a helper that is emitted needs it), found by scanning the finished code: no
 * emitter has to remember to ask for one, and none is left unused. Output order is this
 * file's, so it is stable.
 */

import { withoutProse } from "./emitContext.js";
import { ARN, ARN_OF, GLOB, GLOB3, GLOB4, GLOB_FROM, GLOB_OF, LOWER_CASE, RESOURCE } from "./snippetsMatching.js";
import { FAIL_CONDITION, MISS, NO_PRINCIPAL_KEYS, PRINCIPAL_KEYS, VALIDATE, VIEW } from "./snippetsRequest.js";
import { BINARY, DATE, IP, NUMBER } from "./snippetsValues.js";
import { PREFIX_TREE } from "./snippetsIndex.js";
import { EXPLAIN_PLAN } from "./snippetsExplain.js";

interface Helper {
  /** Identifiers the snippet declares that other code calls. */
  readonly provides: readonly string[];
  /** Helpers the snippet itself calls. */
  readonly requires: readonly string[];
  readonly source: string;
}

const HELPERS: Readonly<Record<string, Helper>> = {
  validate: { provides: ["InvalidRequestError", "requestRecord", "requestString", "contextKeysOf", "contextValue"], requires: [], source: VALIDATE },
  view: { provides: ["View", "takeView", "releaseView"], requires: ["validate"], source: VIEW },
  glob: { provides: ["glob", "Segment"], requires: [], source: GLOB },
  glob3: { provides: ["glob3"], requires: [], source: GLOB3 },
  glob4: { provides: ["glob4"], requires: [], source: GLOB4 },
  globFrom: { provides: ["headEnd", "globFrom"], requires: [], source: GLOB_FROM },
  prefixTree: { provides: ["Candidates", "splitCandidates", "PrefixNode", "prefixTree", "statementSet"], requires: [], source: PREFIX_TREE },
  explainPlan: { provides: ["ExplainPlan", "ActionPlans", "ExplainPlans", "explainPlan"], requires: ["prefixTree"], source: EXPLAIN_PLAN },
  globOf: { provides: ["globOf"], requires: ["glob"], source: GLOB_OF },
  resource: { provides: ["resourceLike", "ArnSegment"], requires: ["glob"], source: RESOURCE },
  lowerCase: { provides: ["lowerCase"], requires: [], source: LOWER_CASE },
  number: { provides: ["parseDecimal"], requires: [], source: NUMBER },
  date: { provides: ["dateOrder"], requires: [], source: DATE },
  ip: { provides: ["requestAddress", "inRange", "Cidr"], requires: [], source: IP },
  binary: { provides: ["binaryBytes"], requires: [], source: BINARY },
  arn: { provides: ["arnParts"], requires: [], source: ARN },
  arnOf: { provides: ["arnOf", "arnLike"], requires: ["arn", "globOf"], source: ARN_OF },
  miss: { provides: ["miss"], requires: [], source: MISS },
  failCondition: { provides: ["failCondition"], requires: ["miss"], source: FAIL_CONDITION },
};

/** The identifiers `code` uses outside string literals and comments. */
function identifiers(code: string): Set<string> {
  return new Set(withoutProse(code).match(/[A-Za-z_$][\w$]*/g) ?? []);
}

/**
 * The source of every helper `code` calls, and of what those call, in a fixed order.
 * `keyTable` (contextTable.ts) goes before the view, which reads it when the module loads.
 * `principalKeys` says whether a statement reads a key IAM derives from the principal ARN; the
 * view then derives them, and otherwise derives none.
 */
export function helperSources(code: string, principalKeys: boolean, keyTable: string): string[] {
  const used = identifiers(code);
  const closed = new Set<string>();
  const visit = (name: string): void => {
    if (closed.has(name)) return;
    closed.add(name);
    HELPERS[name]!.requires.forEach(visit);
  };
  for (const [name, helper] of Object.entries(HELPERS)) if (helper.provides.some((id) => used.has(id))) visit(name);
  const names = Object.keys(HELPERS).filter((name) => closed.has(name));
  const sources = names.map((name) => HELPERS[name]!.source.trim());
  const view = names.indexOf("view");
  if (view >= 0) {
    sources.splice(view + 1, 0, (principalKeys ? PRINCIPAL_KEYS : NO_PRINCIPAL_KEYS).trim());
    // The view files values by the key table, which must be declared before it is read.
    sources.splice(view, 0, keyTable);
  }
  return sources;
}
