/**
 * The small runtime functions a generated evaluator may need, as TypeScript source snippets.
 * Each helper names the helpers it calls; the generator emits only those the policies use,
 * plus their dependencies, in this file's order, so output is stable and holds no dead code.
 */

import { ARN, ARN_OF, GLOB, GLOB_OF } from "./snippetsMatching.js";
import { FAIL_CONDITION, MISS, NO_PRINCIPAL_KEYS, PRINCIPAL_KEYS, VIEW } from "./snippetsRequest.js";
import { BINARY, DATE, IP, NUMBER } from "./snippetsValues.js";

export type HelperName =
  | "view"
  | "principalKeys"
  | "glob"
  | "globOf"
  | "number"
  | "date"
  | "ip"
  | "binary"
  | "arn"
  | "arnOf"
  | "miss"
  | "failCondition";

interface Helper {
  readonly requires: readonly HelperName[];
  readonly source: string;
}

const HELPERS: Readonly<Record<HelperName, Helper>> = {
  view: { requires: [], source: VIEW },
  principalKeys: { requires: ["view"], source: PRINCIPAL_KEYS },
  glob: { requires: [], source: GLOB },
  globOf: { requires: ["glob"], source: GLOB_OF },
  number: { requires: [], source: NUMBER },
  date: { requires: [], source: DATE },
  ip: { requires: [], source: IP },
  binary: { requires: [], source: BINARY },
  arn: { requires: [], source: ARN },
  arnOf: { requires: ["arn", "globOf"], source: ARN_OF },
  miss: { requires: [], source: MISS },
  failCondition: { requires: ["miss"], source: FAIL_CONDITION },
};

const ORDER = Object.keys(HELPERS) as HelperName[];

/** The source of the named helpers and everything they call, in a fixed order. */
export function helperSources(used: ReadonlySet<HelperName>): string[] {
  const closed = new Set<HelperName>();
  const visit = (name: HelperName): void => {
    if (closed.has(name)) return;
    closed.add(name);
    HELPERS[name].requires.forEach(visit);
  };
  used.forEach(visit);
  const sources = ORDER.filter((name) => closed.has(name)).map((name) => HELPERS[name].source.trim());
  // The view calls principalKeysOf; when no statement reads a derived key it derives none.
  if (closed.has("view") && !closed.has("principalKeys")) sources.splice(1, 0, NO_PRINCIPAL_KEYS.trim());
  return sources;
}
