/**
 * Whether a condition value is of the type its operator compares. IAM accepts any text; Access
 * Analyzer reports a mismatch ("Type mismatch Boolean", "Type mismatch date", "Type mismatch IP
 * range", "Type mismatch number", "Type mismatch string"), and such a value never matches.
 */
import type { OperatorFamily } from "./conditionOperators.js";

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
/** ISO 8601 dates and date-times (reference_policies_elements_condition_operators.md), or epoch seconds. */
const DATE = /^(\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?|\d{8}T\d{6}Z?|\d+)$/;
const IPV4 = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}(\/(3[0-2]|[12]?\d))?$/;
const IPV6 = /^[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*(\/(12[0-8]|1[01]\d|\d?\d))?$/;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** What a value of `family` looks like, for messages; undefined when `text` is one. */
export function valueTypeProblem(family: OperatorFamily, text: string): string | undefined {
  switch (family) {
    case "Numeric":
      return NUMBER.test(text) ? undefined : "a number";
    case "Date":
      return DATE.test(text) ? undefined : "an ISO 8601 date such as `2027-01-01T00:00:00Z`";
    case "Bool":
      return /^(true|false)$/i.test(text) ? undefined : "`true` or `false`";
    case "IPAddress":
      return IPV4.test(text) || IPV6.test(text) ? undefined : "an IP address or CIDR range such as `203.0.113.0/24`";
    case "Binary":
      return BASE64.test(text) ? undefined : "base64";
    case "Null":
      return /^(true|false)$/i.test(text) ? undefined : "`true` or `false`";
    default:
      return undefined;
  }
}
