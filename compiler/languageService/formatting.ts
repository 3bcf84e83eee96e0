/**
 * Formatting through arp's one formatter (compiler/format, what `arp fmt` runs). A document
 * with syntax errors is left as it is, as `arp fmt` leaves it.
 */
import type { Span } from "../../grammar/diagnostics/diagnostic.js";

/** A replacement of a span's text. */
export interface TextEdit {
  readonly span: Span;
  readonly newText: string;
}

/** The edits that format the document: none when it is formatted or does not parse. */
export async function formattingEdits(path: string, text: string): Promise<TextEdit[]> {
  // prettier takes a while to load: only a formatting request pays for it.
  const { format, ArpSyntaxError } = await import("../format/index.js");
  let formatted: string;
  try {
    formatted = await format(text, { filepath: path });
  } catch (e) {
    if (e instanceof ArpSyntaxError) return [];
    throw e;
  }
  return formatted === text ? [] : [{ span: { file: path, start: 0, end: text.length }, newText: formatted }];
}
