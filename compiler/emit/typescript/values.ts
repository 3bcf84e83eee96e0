/**
 * Generation-time readings of condition values fixed in the policy (numbers, dates, IP ranges,
 * base-64), so the generated code compares against constants instead of re-parsing the policy
 * on every request. Numbers, dates and ranges are read by the runtime's own parsers, so a
 * policy value means the same to both evaluators; request values are read by the emitted
 * twins in snippetsValues.ts, which the differential tests hold to the runtime.
 */
export { parseDecimal as readNumber } from "../../../runtime/operators/numeric.js";
export { parseIamDate as readDate } from "../../../runtime/operators/date.js";
export { parseCidr as readCidr } from "../../../runtime/operators/ip.js";

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=|[A-Za-z0-9+/]{2,3})?$/;
const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/** See `binaryBytes` in snippetsValues.ts: decoded bytes, or text that can never equal bytes. */
export function readBinary(s: string): string {
  if (!BASE64.test(s)) return "\u0000text:" + s;
  let out = "";
  let bits = 0;
  let buffer = 0;
  for (const ch of s) {
    if (ch === "=") break;
    buffer = ((buffer << 6) | ALPHABET.indexOf(ch)) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += String.fromCharCode((buffer >> bits) & 0xff);
    }
  }
  return out;
}
