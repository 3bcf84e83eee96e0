/** Shared checks of the formatter's tests: idempotence, the same AST, the same comments. */
import { expect } from "vitest";
import { stripSpans } from "../../grammar/ast.js";
import { parse } from "../../grammar/parse.js";
import { format, type FormatOptions } from "../../compiler/format/index.js";

/** Comment texts as the formatter keeps them: trailing spaces of each line dropped. */
export function commentTexts(text: string): string[] {
  return parse(text, "x.arp").ast.comments.map((c) => c.text.split("\n").map((l) => l.trimEnd()).join("\n"));
}

export function syntaxErrors(text: string): string[] {
  return parse(text, "x.arp").diagnostics.filter((d) => d.severity === "error").map((d) => `${d.code} ${d.message}`);
}

/** Formats `text` and checks every property; returns the formatted text. */
export async function checkFormatting(text: string, options: FormatOptions = {}): Promise<string> {
  expect(syntaxErrors(text)).toEqual([]);
  const once = await format(text, options);
  expect(syntaxErrors(once)).toEqual([]);
  const twice = await format(once, options);
  expect(twice).toBe(once);
  expect(stripSpans(parse(once, "x.arp").ast.items)).toEqual(stripSpans(parse(text, "x.arp").ast.items));
  expect(commentTexts(once)).toEqual(commentTexts(text));
  return once;
}
