/**
 * The text shapes condition values take, one definition each. The runtime's policy validator,
 * the checker and the IAM document validator all ask these, each with its own message; each
 * shape is what the runtime's operator reads (a value outside it never matches), so the three
 * cannot disagree about which values an operator compares.
 */
import { isIamDate } from "./dates.js";
import { isBase64 } from "./operators/binary.js";
import { parseCidr } from "./operators/ip.js";
import { parseDecimal } from "./operators/numeric.js";
import type { OperatorFamily } from "./operators/table.js";

export { isIamDate } from "./dates.js";
export { isBase64 } from "./operators/binary.js";

const BOOL = /^(?:true|false)$/i;

/** An integer or decimal, as the Numeric operators read it. */
export function isDecimal(text: string): boolean {
  return !Number.isNaN(parseDecimal(text));
}

/** `true` or `false` in any case, as `Bool` and `Null` read it. */
export function isBoolText(text: string): boolean {
  return BOOL.test(text);
}

/** An IPv4/IPv6 address or CIDR range, as the IP address operators read it. */
export function isIpRange(text: string): boolean {
  return parseCidr(text) !== undefined;
}

/**
 * `*` or text with the six colon-separated fields of an ARN (reference-arns.md:
 * `arn:partition:service:region:account-id:resource`). IAM accepts any text in an ARN
 * condition, so only the checker asks this.
 */
export function isArnPattern(text: string): boolean {
  return text === "*" || (text.startsWith("arn:") && text.split(":").length >= 6);
}

/**
 * Whether an operator of `family` can compare `text`: String and ARN operators take any text,
 * the others the shape their operator reads.
 */
export function fitsFamily(family: OperatorFamily, text: string): boolean {
  switch (family) {
    case "Numeric":
      return isDecimal(text);
    case "Date":
      return isIamDate(text);
    case "IPAddress":
      return isIpRange(text);
    case "Bool":
    case "Null":
      return isBoolText(text);
    case "Binary":
      return isBase64(text);
    case "String":
    case "ARN":
      return true;
  }
}
