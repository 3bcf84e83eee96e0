/**
 * What IAM accepts as a role's name and description. Both reach `<Name>.role.json` (the name is
 * also its file name, and appears in the generated evaluator), so a value IAM would reject is
 * an error here rather than at deployment.
 */
import type { RoleDecl } from "../../grammar/ast.js";
import type { Diagnostic } from "../../grammar/diagnostics/diagnostic.js";
import { diagnostic } from "../../grammar/diagnostics/codes.js";

/**
 * IAM API Reference, CreateRole / RoleName: "Length Constraints: Minimum length of 1. Maximum
 * length of 64. Pattern: [\w+=,.@-]+". `\w` here is ASCII (no `u` flag), as in IAM.
 */
export const ROLE_NAME = /^[\w+=,.@-]{1,64}$/;
export const ROLE_NAME_MAX = 64;

/**
 * IAM API Reference, UpdateRoleDescription / Description (CreateRole's is the same): "Length
 * Constraints: Maximum length of 1000. Pattern: [\u0009\u000A\u000D\u0020-\u007E\u00A1-\u00FF]*".
 */
export const ROLE_DESCRIPTION_MAX = 1000;
const DESCRIPTION_CHAR = /[\t\n\r\u0020-\u007e\u00a1-\u00ff]/;

/** Reports ARP4010 when IAM would refuse the role's name. */
export function checkRoleName(role: RoleDecl, diagnostics: Diagnostic[]): void {
  const name = role.name.name;
  if (ROLE_NAME.test(name)) return;
  const why = name.length === 0 ? "it is empty"
    : name.length > ROLE_NAME_MAX ? `it is ${name.length} characters long (at most ${ROLE_NAME_MAX})`
    : `${describeChar(firstBad(name, /[\w+=,.@-]/) ?? "")} is not allowed`;
  diagnostics.push(diagnostic("InvalidRoleName", role.name.span, `IAM does not accept \`${printable(name)}\` as a role name: ${why}`, {
    hint: "role names are 1-64 letters, digits and `+=,.@_-`, e.g. `AppRunnerEcrAccess`",
  }));
}

/** Reports ARP4010 at the description when IAM would refuse it as the role's `Description`. */
export function checkRoleDescription(role: RoleDecl, text: string | undefined, diagnostics: Diagnostic[]): void {
  if (text === undefined || role.description === undefined) return;
  const bad = firstBad(text, DESCRIPTION_CHAR);
  const why = text.length > ROLE_DESCRIPTION_MAX ? `it is ${text.length} characters long (at most ${ROLE_DESCRIPTION_MAX})`
    : bad !== undefined ? `${describeChar(bad)} is not allowed`
    : undefined;
  if (why === undefined) return;
  diagnostics.push(diagnostic("InvalidRoleName", role.description.span, `IAM does not accept this as the description of role \`${printable(role.name.name)}\`: ${why}`, {
    hint: "a role description is at most 1000 characters: tab, line breaks, printable ASCII and Latin-1 (U+00A1-U+00FF)",
  }));
}

/** The first character of `text` that `allowed` does not match. */
export function firstBad(text: string, allowed: RegExp): string | undefined {
  return [...text].find((c) => !allowed.test(c));
}

/** A character for a message: itself in backticks when printable ASCII, always its code point. */
export function describeChar(c: string): string {
  const code = `U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}`;
  if (c === " ") return `a space (${code})`;
  return /^[\x21-\x7e]$/.test(c) ? `\`${c}\` (${code})` : code;
}

/** The name with control and non-ASCII characters shown as escapes, so a message prints safely. */
export function printable(name: string): string {
  const shown = name.length > 80 ? `${name.slice(0, 77)}...` : name;
  return shown.replace(/[^\x20-\x7e]/gu, (c) => `\\u{${(c.codePointAt(0) ?? 0).toString(16)}}`);
}
