/**
 * `BinaryEquals`: "compares the value of the specified key byte for byte against a base-64
 * encoded representation of the binary value in the policy." "Policy variables – Not
 * supported". The context value is base-64 as well (the docs' table matches
 * `QmluYXJ5VmFsdWVJbkJhc2U2NA==` against itself); both sides are decoded, so two encodings of
 * the same bytes match. A policy value that is not base-64 is rejected when the policy is
 * validated; a context value that is not is compared as text (so it matches nothing).
 */
import type { BehaviourOf, OperatorBehaviour } from "./types.js";

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=|[A-Za-z0-9+/]{2,3})?$/;

/** Whether the text is base-64 (padded or not), as a policy value of `BinaryEquals` must be. */
export function isBase64(text: string): boolean {
  return BASE64.test(text);
}

/**
 * The decoded bytes as a binary string, or the input prefixed so it cannot equal any bytes.
 * Decoded by hand rather than with `atob`: the generated evaluator carries this function as
 * source and reads only the ES2022 library, which has no `atob`.
 */
export function binaryBytes(text: string): string {
  if (!BASE64.test(text)) return `\u0000text:${text}`;
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  let out = "";
  let bits = 0;
  let buffer = 0;
  for (const ch of text) {
    if (ch === "=") break;
    buffer = ((buffer << 6) | alphabet.indexOf(ch)) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += String.fromCharCode((buffer >> bits) & 0xff);
    }
  }
  return out;
}

const binaryEquals: OperatorBehaviour<string> = {
  prepare: (text) => binaryBytes(text),
  matches: (value, expected) => binaryBytes(value) === expected,
};

export const binaryBehaviour: BehaviourOf = () => binaryEquals;
