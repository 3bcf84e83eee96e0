/**
 * reference_iam-quotas.md: "Policy documents can contain only the following Unicode characters:
 * horizontal tab (U+0009), linefeed (U+000A), carriage return (U+000D), and characters in the
 * range U+0020 to U+00FF."
 */
import type { Findings, JsonPath } from "./findings.js";
import { entries, isObject } from "./json.js";

const DOC = "reference_iam-quotas.md";
const ALLOWED = /^[\t\n\r\u0020-\u00ff]*$/;

/** The first character of `text` outside IAM's policy character set. */
export function firstForbiddenCharacter(text: string): string | undefined {
  if (ALLOWED.test(text)) return undefined;
  return [...text].find((c) => !ALLOWED.test(c));
}

/** `U+3042`. */
export function codePoint(c: string): string {
  return `U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}`;
}

/** Reports every key and string of a policy document holding a character IAM does not accept. */
export function checkCharacters(value: unknown, path: JsonPath, findings: Findings): void {
  if (typeof value === "string") {
    const bad = firstForbiddenCharacter(value);
    if (bad !== undefined) {
      findings.error("character-set", path, `${codePoint(bad)} is not allowed in a policy document: IAM accepts tab, line feed, carriage return and U+0020-U+00FF`, DOC);
    }
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => checkCharacters(item, [...path, i], findings));
  } else if (isObject(value)) {
    for (const [key, item] of entries(value)) {
      const bad = firstForbiddenCharacter(key);
      if (bad !== undefined) {
        findings.error("character-set", [...path, key], `${codePoint(bad)} is not allowed in a policy document, even in a key`, DOC);
      }
      checkCharacters(item, [...path, key], findings);
    }
  }
}
