/**
 * Quick fixes: each "did you mean `X`?" hint becomes an edit that writes `X` in place of the
 * misspelt name, and each warning (and each error the compiler can build past, such as an
 * action newer than the catalog) can be suppressed with an `// arp-ignore CODE: reason`
 * comment on the line above (docs/diagnostics.md, ARP8xxx), whose reason the user fills in.
 */
import { distance } from "fastest-levenshtein";
import type { Diagnostic } from "../../grammar/diagnostics/diagnostic.js";
import { SUPPRESSIBLE_ERRORS, suppressionComment } from "../driver/suppressions.js";
import type { TextEdit } from "./formatting.js";

/** A named fix for one diagnostic. */
export interface QuickFix {
  readonly title: string;
  readonly diagnostic: Diagnostic;
  readonly edits: readonly TextEdit[];
  /** The fix the editor may apply without asking. */
  readonly preferred: boolean;
}

const DID_YOU_MEAN = /did you mean `([^`]+)`\?/;

/** The fixes for diagnostics of the document `text` (those of other files are not offered here). */
export function quickFixes(text: string, diagnostics: readonly Diagnostic[]): QuickFix[] {
  return diagnostics.flatMap((d) => [...suggestionFix(text, d), ...suppressionFix(text, d)]);
}

/**
 * The hint's suggestion in place of what the diagnostic is about: the whole span, or the name
 * quoted in the message that the span's text contains when the suggestion is closer to it (a
 * shorthand's type word, say, rather than the whole resource).
 */
function suggestionFix(text: string, d: Diagnostic): QuickFix[] {
  const suggestion = DID_YOU_MEAN.exec(d.hint ?? "")?.[1];
  if (suggestion === undefined) return [];
  const written = text.slice(d.span.start, d.span.end);
  let best = { part: written, at: 0, cost: distance(written, suggestion) };
  for (const [, quoted = ""] of d.message.matchAll(/`([^`]+)`/g)) {
    const at = written.indexOf(quoted);
    const cost = distance(quoted, suggestion);
    if (at >= 0 && quoted !== written && cost < best.cost) best = { part: quoted, at, cost };
  }
  const span = { ...d.span, start: d.span.start + best.at, end: d.span.start + best.at + best.part.length };
  return [{ title: `Change to \`${suggestion}\``, diagnostic: d, edits: [{ span, newText: suggestion }], preferred: true }];
}

/** What a suppression can cover: every warning, and the errors the compiler can build past (driver/suppressions.ts). */
function suppressible(d: Diagnostic): boolean {
  return d.severity === "warning" || (d.severity === "error" && SUPPRESSIBLE_ERRORS.has(d.code));
}

function suppressionFix(text: string, d: Diagnostic): QuickFix[] {
  if (!suppressible(d)) return [];
  const lineStart = text.lastIndexOf("\n", d.span.start - 1) + 1;
  const indent = /^[ \t]*/.exec(text.slice(lineStart))?.[0] ?? "";
  const comment = `${indent}${suppressionComment([d.code], "reason")}\n`;
  return [{ title: `Suppress ${d.code} on this line`, diagnostic: d, edits: [{ span: { ...d.span, start: lineStart, end: lineStart }, newText: comment }], preferred: false }];
}
