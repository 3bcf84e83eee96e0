/**
 * Lone surrogates in JSON text. `"\ud800"` is valid JSON but names no character: JavaScript
 * keeps it as a lone UTF-16 code unit, and writing it as UTF-8 turns it into U+FFFD, so a
 * policy imported from it would not be the policy read. IAM cannot hold it either: "Policy
 * documents can contain only the following Unicode characters: horizontal tab (U+0009),
 * linefeed (U+000A), carriage return (U+000D), and characters in the range U+0020 to U+00FF"
 * (reference_iam-quotas.md).
 */
import { diagnostic } from "../../grammar/diagnostics/codes.js";
import type { Diagnostic } from "../../grammar/diagnostics/diagnostic.js";

const isHigh = (u: number) => u >= 0xd800 && u <= 0xdbff;
const isLow = (u: number) => u >= 0xdc00 && u <= 0xdfff;

/** The code unit a `\uXXXX` escape at `i` (the backslash) stands for, or undefined. */
function escapedUnit(text: string, i: number): number | undefined {
  if (text[i] !== "\\" || text[i + 1] !== "u") return undefined;
  const hex = text.slice(i + 2, i + 6);
  return /^[0-9A-Fa-f]{4}$/.test(hex) ? Number.parseInt(hex, 16) : undefined;
}

/** One code unit of the string value starting at `i`: what it is and how many characters of text it takes. */
function unitAt(text: string, i: number): { unit: number; width: number } {
  const escaped = escapedUnit(text, i);
  if (escaped !== undefined) return { unit: escaped, width: 6 };
  if (text[i] === "\\") return { unit: 0, width: 2 };
  return { unit: text.charCodeAt(i), width: 1 };
}

/** A diagnostic for each lone surrogate (escaped or raw) inside a string of `json`. */
export function loneSurrogates(json: string, file: string): Diagnostic[] {
  const found: Diagnostic[] = [];
  let inString = false;
  let i = 0;
  while (i < json.length) {
    if (!inString) {
      if (json[i] === '"') inString = true;
      i++;
      continue;
    }
    if (json[i] === '"') {
      inString = false;
      i++;
      continue;
    }
    const { unit, width } = unitAt(json, i);
    if (isHigh(unit)) {
      const next = unitAt(json, i + width);
      if (i + width < json.length && isLow(next.unit)) {
        i += width + next.width;
        continue;
      }
    }
    if (isHigh(unit) || isLow(unit)) {
      const shown = `\\u${unit.toString(16).padStart(4, "0")}`;
      found.push(diagnostic("NotUtf8", { file, start: i, end: i + width },
        `\`${shown}\` is a lone surrogate: half of a UTF-16 pair, not a character, so no UTF-8 file and no IAM policy can hold it`, {
          hint: "write the whole character (a high surrogate \\ud800-\\udbff followed by a low one \\udc00-\\udfff), or remove it",
        }));
    }
    i += width;
  }
  return found;
}
