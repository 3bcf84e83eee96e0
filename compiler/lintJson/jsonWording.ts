/**
 * Lint's messages suggest fixes in `.arp` syntax (`when K = "v"`, `and K exists`). A finding in
 * IAM JSON says the same in JSON, so that the fix can be typed into the file it points at.
 */
import type { Diagnostic } from "../../grammar/diagnostics/diagnostic.js";
import { NULL_OPERATOR, OPERATOR_TABLE } from "../../runtime/operators/index.js";

/** The operator arp's `=` on strings is: read from the operator table, its one home. */
const EQUALS = OPERATOR_TABLE.find((r) => r.family === "String" && r.arp === "=" && !r.ignoreCase)!.name;
const NULL = NULL_OPERATOR.name;

type Rewrite = readonly [RegExp, (...groups: string[]) => string];

// The more specific patterns come first, so `all aws:TagKeys in [...]` is not read as `all K`.
const REWRITES: readonly Rewrite[] = [
  // `all aws:TagKeys in [...]` → a ForAllValues:StringEquals test.
  [/`all aws:TagKeys in \[\.\.\.\]`/g, () => `\`"ForAllValues:${EQUALS}": { "aws:TagKeys": [...] }\``],
  // `iam:PassRole on ARN when K = "v"` → the statement to add.
  [/`iam:PassRole on ([^ `]+) when ([\w:/-]+) = ("[^"]*")`/g, (arn, key, value) =>
    `\`{ "Effect": "Allow", "Action": "iam:PassRole", "Resource": "${arn}", "Condition": { "${EQUALS}": { "${key}": ${value} } } }\``],
  // `when K = "v"` → a StringEquals test in the statement's Condition.
  [/`when ([\w:/-]+) = ("[^"]*")`/g, (key, value) => `\`"Condition": { "${EQUALS}": { "${key}": ${value} } }\``],
  // `and K exists` → a Null test.
  [/`and ([\w:/-]+) exists`/g, (key) => `\`"${NULL}": { "${key}": "false" }\` in the Condition`],
  // `all K` → the operator as IAM writes it.
  [/`all ([\w:/-]+)`/g, (key) => `\`ForAllValues:\` on \`${key}\``],
  // arp's `account` parameter: JSON has none (and `${...}` there is a policy variable).
  [/\$\{account\}/g, () => "<account>"],
];

function reword(text: string): string {
  return REWRITES.reduce(
    (t, [pattern, to]) =>
      t.replace(pattern, (_match: string, ...rest: unknown[]) => {
        // replace() passes the groups, then the offset (a number) and the whole text.
        const groups = rest.slice(0, rest.findIndex((x) => typeof x === "number"));
        return to(...(groups as string[]));
      }),
    text,
  );
}

/** `d` with its message and hint in JSON terms. */
export function inJsonTerms(d: Diagnostic): Diagnostic {
  return { ...d, message: reword(d.message), ...(d.hint !== undefined ? { hint: reword(d.hint) } : {}) };
}
