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

/** The decoded bytes as a binary string, or the input prefixed so it cannot equal any bytes. */
export function bytes(text: string): string {
  return BASE64.test(text) ? atob(text) : `\u0000text:${text}`;
}

const binaryEquals: OperatorBehaviour<string> = {
  prepare: (text) => bytes(text),
  matches: (value, expected) => bytes(value) === expected,
};

export const binaryBehaviour: BehaviourOf = () => binaryEquals;
