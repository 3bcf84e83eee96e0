/**
 * What IAM accepts as the name of a user or a group. Both names reach an output file
 * (`<Name>.user.json`, `<Name>.group.json`) and the user's is also a principal set's name, so a
 * name IAM would refuse is an error here rather than at deployment.
 *
 * "Names of users, groups, roles, policies, instance profiles, and server certificates must be
 * alphanumeric, including the following common characters: plus (+), equal (=), comma (,),
 * period (.), at (@), underscore (_), and hyphen (-)." and "User name | 64 characters",
 * "Group name | 128 characters" (reference_iam-quotas.md). `\w` here is ASCII (no `u` flag).
 */
import type { Identifier } from "../../grammar/ast.js";
import type { Diagnostic } from "../../grammar/diagnostics/diagnostic.js";
import { diagnostic } from "../../grammar/diagnostics/codes.js";
import { describeChar, firstBad, printable } from "./checkRole.js";

export const USER_NAME_MAX = 64;
export const GROUP_NAME_MAX = 128;
const NAME_CHAR = /[\w+=,.@-]/;

/** Reports ARP5012 when IAM would refuse `name` as the name of a user or group. @returns whether it is valid. */
export function checkIdentityName(kind: "user" | "group", name: Identifier, diagnostics: Diagnostic[]): boolean {
  const max = kind === "user" ? USER_NAME_MAX : GROUP_NAME_MAX;
  const text = name.name;
  const bad = firstBad(text, NAME_CHAR);
  const why = text.length === 0 ? "it is empty"
    : text.length > max ? `it is ${text.length} characters long (at most ${max})`
    : bad !== undefined ? `${describeChar(bad)} is not allowed`
    : undefined;
  if (why === undefined) return true;
  diagnostics.push(diagnostic("InvalidIdentityName", name.span, `IAM does not accept \`${printable(text)}\` as a ${kind} name: ${why}`, {
    hint: `${kind} names are 1-${max} letters, digits and \`+=,.@_-\`, e.g. ${kind === "user" ? "`alice` or `alice@example.com`" : "`developers`"}`,
  }));
  return false;
}
