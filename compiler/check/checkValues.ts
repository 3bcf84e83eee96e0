/**
 * Renders condition values as the strings IAM reads and checks each against its key's type:
 * numbers are numbers, dates are ISO 8601 or epoch seconds, CIDRs are CIDRs. Policy variables
 * are allowed only where IAM substitutes them: in string and ARN conditions.
 */
import { isIP } from "node:net";
import type { ScalarValue, Value } from "../../grammar/ast.js";
import { warnAmbiguousDate } from "./ambiguousDate.js";
import { checkValueCharacters } from "./checkCharacters.js";
import { report, type CheckContext } from "./context.js";
import { aKeyOf, type KeyFamily } from "./operatorsForType.js";
import { resolveParts, resolveVariable, type ResolvedText } from "./resolveTemplate.js";

const NUMBER = /^-?\d+(\.\d+)?$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

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

/** Describes what the text should have been, or undefined when it fits the family. */
export function problemWith(text: string, family: KeyFamily): string | undefined {
  switch (family) {
    case "String":
      return undefined;
    case "ARN":
      return text === "*" || (text.startsWith("arn:") && text.split(":").length >= 6) ? undefined : "an ARN";
    case "Numeric":
      return NUMBER.test(text) ? undefined : "a number";
    case "Date":
      return isDate(text) ? undefined : "a date";
    case "Bool":
      return /^(true|false)$/i.test(text) ? undefined : "`true` or `false`";
    case "IPAddress":
      return isCidr(text) ? undefined : "an IP address or CIDR block";
    case "Binary":
      return BASE64.test(text) && text.length > 0 ? undefined : "base64-encoded binary";
  }
}

function isDate(text: string): boolean {
  if (/^\d+$/.test(text)) return true;
  if (!ISO_DATE.test(text)) return false;
  return !Number.isNaN(Date.parse(text));
}

/** An IPv4/IPv6 address with an optional prefix length in range. */
export function isCidr(text: string): boolean {
  const slash = text.indexOf("/");
  const address = slash < 0 ? text : text.slice(0, slash);
  const version = isIP(address);
  if (version === 0) return false;
  if (slash < 0) return true;
  const bits = text.slice(slash + 1);
  if (!/^\d{1,3}$/.test(bits)) return false;
  return Number(bits) <= (version === 4 ? 32 : 128);
}
