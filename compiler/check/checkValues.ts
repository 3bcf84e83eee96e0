/**
 * Renders condition values as the strings IAM reads and checks each against its key's type:
 * numbers are numbers, dates are ISO 8601 or epoch seconds, CIDRs are CIDRs. Policy variables
 * are allowed only where IAM substitutes them: in string and ARN conditions.
 */
import type { ScalarValue, Value } from "../../grammar/ast.js";
import { isArnPattern, isBase64, isBoolText, isDecimal, isIamDate, isIpRange } from "../../runtime/valueShapes.js";
import { warnAmbiguousDate } from "./ambiguousDate.js";
import { checkValueCharacters } from "./checkCharacters.js";
import { report, type CheckContext } from "./context.js";
import { aKeyOf, type KeyFamily } from "./operatorsForType.js";
import { resolveParts, resolveVariable, type ResolvedText } from "./resolveTemplate.js";

/** Returns the values as IAM strings, or undefined when any was wrong (reported). */
export function checkValues(ctx: CheckContext, value: Value, family: KeyFamily, keyName: string): string[] | undefined {
  const items = value.kind === "List" ? value.items : [value];
  if (items.length === 0) {
    report(ctx, "InvalidValue", value.span, `an empty list: \`${keyName}\` needs at least one value to compare with`);
    return undefined;
  }
  const out: string[] = [];
  let ok = true;
  for (const item of items) {
    const text = checkScalar(ctx, item, family, keyName);
    if (text === undefined) ok = false;
    else out.push(text);
  }
  return ok ? out : undefined;
}

function render(ctx: CheckContext, item: ScalarValue): ResolvedText | undefined {
  switch (item.kind) {
    case "String":
      return resolveParts(ctx, item.parts);
    case "Number":
      return { text: item.text, dynamic: false };
    case "Boolean":
      return { text: String(item.value), dynamic: false };
    case "Variable":
      return resolveVariable(ctx, item);
  }
}

function checkScalar(ctx: CheckContext, item: ScalarValue, family: KeyFamily, keyName: string): string | undefined {
  const r = render(ctx, item);
  if (r === undefined) return undefined;
  if (!checkValueCharacters(ctx, item)) return undefined;
  if (r.dynamic) {
    if (family === "String" || family === "ARN") return r.text;
    report(ctx, "InvalidValue", item.span,
      `IAM substitutes policy variables only in string and ARN conditions, not in a test of \`${keyName}\`, ${aKeyOf(family)}`);
    return undefined;
  }
  const problem = problemWith(r.text, family);
  if (problem === undefined) {
    if (family === "Date") warnAmbiguousDate(ctx, r.text, item.span);
    return family === "Bool" ? r.text.toLowerCase() : r.text;
  }
  report(ctx, "InvalidValue", item.span, `\`${r.text}\` is not ${problem} (\`${keyName}\` is ${aKeyOf(family)})`,
    family === "Date" ? { hint: "write an ISO 8601 date such as `2027-01-01T00:00:00Z`, or epoch seconds" } : {});
  return undefined;
}

/** Describes what the text should have been, or undefined when it fits the family (runtime/valueShapes.ts). */
export function problemWith(text: string, family: KeyFamily): string | undefined {
  switch (family) {
    case "String":
      return undefined;
    case "ARN":
      return isArnPattern(text) ? undefined : "an ARN";
    case "Numeric":
      return isDecimal(text) ? undefined : "a number";
    case "Date":
      return isIamDate(text) ? undefined : "a date";
    case "Bool":
      return isBoolText(text) ? undefined : "`true` or `false`";
    case "IPAddress":
      return isIpRange(text) ? undefined : "an IP address or CIDR block";
    case "Binary":
      return isBase64(text) && text.length > 0 ? undefined : "base64-encoded binary";
  }
}
