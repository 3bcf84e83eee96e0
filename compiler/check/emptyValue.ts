/**
 * Comparisons with `""`. "For condition keys that are defined by the user, such as passing tags
 * in a request, it is possible to include an empty string. In this case, the value in the
 * request context is null." (condition element page). A key whose value is `""` is read as a
 * missing key by every operator, so on a single-valued key `K = ""` never holds and `K != ""`
 * always does; the test the author meant is `K missing` or `K exists`. On a multi-valued key a
 * `""` beside other values is an ordinary value, but a request of only `""` is null.
 */
import type { Comparison } from "../../grammar/ast.js";
import { report, type CheckContext } from "./context.js";

const NEGATED = new Set(["!=", "not in", "not like"]);

/** Warns (ARP3010) at each `""` among a comparison's values; `values` are the rendered items. */
export function warnEmptyValues(ctx: CheckContext, c: Comparison, keyName: string, values: readonly string[]): void {
  const items = c.value.kind === "List" ? c.value.items : [c.value];
  const negated = NEGATED.has(c.operator);
  const alone = values.length === 1;
  values.forEach((value, i) => {
    if (value !== "" || items[i] === undefined) return;
    report(ctx, "EmptyValue", items[i].span, message(c, keyName, negated, alone), {
      hint: negated
        ? `to require a non-empty value, write \`${keyName} exists\``
        : `to test that the key has no value, write \`${keyName} missing\``,
    });
  });
}

function message(c: Comparison, keyName: string, negated: boolean, alone: boolean): string {
  const reading = "IAM reads an empty value as null, as if the key were missing";
  if (c.quantifier !== undefined) {
    return `${reading}: \`""\` matches only beside other values of \`${keyName}\`, never in a request whose only value is \`""\``;
  }
  if (!alone) return `${reading}: \`""\` ${negated ? "excludes nothing" : "matches nothing"} in this list`;
  return negated
    ? `\`${keyName} ${c.operator} ""\` always holds: ${reading}`
    : `\`${keyName} ${c.operator} ""\` never holds: ${reading}`;
}
