/**
 * IAM's character set for policy documents: "Policy documents can contain only the following
 * Unicode characters: horizontal tab (U+0009), linefeed (U+000A), carriage return (U+000D), and
 * characters in the range U+0020 to U+00FF." (IAM quotas page). A policy holding any other
 * character is rejected when it is created, so arp reports it at the text it came from.
 */
import type { ScalarValue, TemplatePart } from "../../grammar/ast.js";
import { diagnostic } from "../../grammar/diagnostics/codes.js";
import type { Diagnostic, Span } from "../../grammar/diagnostics/diagnostic.js";
import type { CheckContext } from "./context.js";

/** The first character of `text` IAM rejects in a policy, or undefined. */
export function disallowedCharacter(text: string): string | undefined {
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code === 0x09 || code === 0x0a || code === 0x0d) continue;
    if (code >= 0x20 && code <= 0xff) continue;
    return ch;
  }
  return undefined;
}

/** `U+30C1`: how the message names a character, so invisible ones show too. */
function codePoint(ch: string): string {
  return `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;
}

/**
 * Reports ARP4012 when `text` (what arp writes into the policy) holds a character IAM rejects.
 * `what` names the text in the message, e.g. "the value" or "the resource". Returns false when
 * reported.
 */
export function checkCharacters(ctx: CheckContext, text: string, span: Span, what: string): boolean {
  const found = characterNotAllowed(text, span, what);
  if (found !== undefined) ctx.diagnostics.push(found);
  return found === undefined;
}

/** ARP4012 at `span` when `text` holds a character IAM rejects; `what` names the text. */
export function characterNotAllowed(text: string, span: Span, what: string): Diagnostic | undefined {
  const ch = disallowedCharacter(text);
  if (ch === undefined) return undefined;
  return diagnostic("CharacterNotAllowed", span,
    `${what} holds \`${ch}\` (${codePoint(ch)}), which IAM does not accept in a policy`,
    { hint: "IAM accepts only tab, line feed, carriage return and the characters U+0020 to U+00FF in a policy; use Latin-1 text" });
}

/**
 * Checks the text a string or pattern contributes to the policy, reporting at the part that
 * brings the character in: its own text, a parameter's value or a variable's default. Returns
 * false when something was reported.
 */
export function checkPartsCharacters(ctx: CheckContext, parts: readonly TemplatePart[], what: string): boolean {
  for (const part of parts) {
    if (part.kind === "Text") {
      if (!checkCharacters(ctx, part.text, part.span, what)) return false;
      continue;
    }
    const param = ctx.params.get(part.name);
    if (param !== undefined && param.unset !== true) {
      if (!checkCharacters(ctx, param.value, part.span, `the value of parameter \`${part.name}\``)) return false;
    } else if (part.defaultValue !== undefined) {
      if (!checkCharacters(ctx, part.defaultValue, part.span, "the default value")) return false;
    }
  }
  return true;
}

/** Checks one condition value: a string's parts, or a `$variable`'s parameter value or default. */
export function checkValueCharacters(ctx: CheckContext, item: ScalarValue): boolean {
  switch (item.kind) {
    case "String":
      return checkPartsCharacters(ctx, item.parts, "the value");
    case "Variable": {
      const param = ctx.params.get(item.path);
      if (param !== undefined && param.unset !== true) {
        return checkCharacters(ctx, param.value, item.span, `the value of parameter \`${item.path}\``);
      }
      return item.defaultValue === undefined || checkPartsCharacters(ctx, item.defaultValue.parts, "the default value");
    }
    case "Number":
    case "Boolean":
      return true;
  }
}
