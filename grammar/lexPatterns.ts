/**
 * Hand-written matchers for the two tokens that contain `${...}`: strings and words. As
 * regular expressions they were quadratic on a line full of unclosed `${` (each one rescanned
 * the rest of the line looking for `}`); here a failed search is remembered, so lexing stays
 * linear whatever the input.
 */
import type { CustomPatternMatcherReturn } from "chevrotain";

/** The last text and range known to hold no `}` before the end of its line. */
let noCloseText: string | undefined;
let noCloseFrom = 0;
let noCloseTo = 0;

function isLineBreak(c: string | undefined): boolean {
  return c === "\n" || c === "\r";
}

/** The offset of the `}` closing an interpolation whose body starts at `from`, or -1. */
function interpolationClose(text: string, from: number): number {
  if (text === noCloseText && from >= noCloseFrom && from <= noCloseTo) return -1;
  let i = from;
  while (i < text.length && text[i] !== "}" && !isLineBreak(text[i])) i++;
  if (text[i] === "}") return i;
  noCloseText = text;
  noCloseFrom = from;
  noCloseTo = i;
  return -1;
}

function matched(text: string, start: number, end: number): CustomPatternMatcherReturn | null {
  return end > start ? [text.slice(start, end)] : null;
}

/**
 * A double-quoted string on one line. A closed `${...}` is one unit, so a default written with
 * double quotes (`"${user, "nobody"}"`) does not end the string. Without a closing quote the
 * token runs to the end of the line; `isClosedString` tells the two apart.
 */
export function matchString(text: string, offset: number): CustomPatternMatcherReturn | null {
  if (text[offset] !== '"') return null;
  let i = offset + 1;
  while (i < text.length && !isLineBreak(text[i])) {
    const c = text[i];
    if (c === '"') return matched(text, offset, i + 1);
    if (c === "\\") {
      i += isLineBreak(text[i + 1]) || i + 1 >= text.length ? 1 : 2;
    } else if (c === "$" && text[i + 1] === "{") {
      const close = interpolationClose(text, i + 2);
      i = close >= 0 ? close + 1 : i + 1;
    } else {
      i++;
    }
  }
  return matched(text, offset, i);
}

/**
 * True when a string token ends with its own closing quote (not an escaped `\"`). Works for
 * the single-quoted strings arp reads only to report them, too.
 */
export function isClosedString(image: string): boolean {
  const quote = image[0];
  if (image.length < 2 || image[image.length - 1] !== quote) return false;
  if (quote === "'") return true;
  let backslashes = 0;
  for (let i = image.length - 2; i >= 1 && image[i] === "\\"; i--) backslashes++;
  return backslashes % 2 === 0;
}

const WORD_START = /[A-Za-z0-9_*?]/;
const WORD_PART = /[A-Za-z0-9_\-.*?:/+@#]/;

/** Characters a word can start with, for Chevrotain's first-character optimization. */
export const wordStartChars: readonly string[] = [
  ..."ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_*?$",
];

/**
 * `${...}` at `i`: the offset after it. A closed one may hold anything but `}` and a line
 * break; an unclosed one stops at whitespace so the rest of the line still lexes.
 */
function skipInterpolation(text: string, i: number): number {
  const close = interpolationClose(text, i + 2);
  if (close >= 0) return close + 1;
  let j = i + 2;
  while (j < text.length && text[j] !== "}" && !/\s/.test(text[j]!)) j++;
  return j;
}

/**
 * One token for actions, resources, condition keys and bare names: starts with
 * `[A-Za-z0-9_*?]` or `${`, continues with `[A-Za-z0-9_\-.*?:/+@#]` or `${...}`.
 */
export function matchWord(text: string, offset: number): CustomPatternMatcherReturn | null {
  let i = offset;
  while (i < text.length) {
    const c = text[i]!;
    if (c === "$" && text[i + 1] === "{") i = skipInterpolation(text, i);
    else if ((i === offset ? WORD_START : WORD_PART).test(c)) i++;
    else break;
  }
  return matched(text, offset, i);
}
