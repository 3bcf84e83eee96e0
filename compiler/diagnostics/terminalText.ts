/**
 * Text from users (policy strings, file names, command-line arguments) made safe to print on
 * a terminal. A terminal obeys control characters: an ESC from a `.arp` string could recolour
 * or clear the screen, move the cursor over earlier lines, set the window title or hide the
 * rest of a message, and bidi overrides could make text read differently from what it is
 * ("Trojan Source", CVE-2021-42574). Every such character is shown as an escape instead:
 *
 * - C0 controls U+0000–U+001F, DEL U+007F and C1 controls U+0080–U+009F as `\xHH`
 *   (`\n`, `\r` and `\t` as those two-character escapes);
 * - the bidi embeddings, overrides and isolates U+202A–U+202E and U+2066–U+2069 as `\u{HHHH}`.
 *
 * arp's own colours and line breaks are added after escaping, so they are never escaped.
 */

// One character class over all of them, so escaping is a single linear pass.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
const NAMED: Readonly<Record<string, string>> = { "\n": "\\n", "\r": "\\r", "\t": "\\t" };

function escapeOne(ch: string): string {
  const named = NAMED[ch];
  if (named !== undefined) return named;
  const code = ch.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).toUpperCase().padStart(2, "0")}` : `\\u{${code.toString(16).toUpperCase()}}`;
}

/** Options for {@link terminalText}. */
export interface TerminalTextOptions {
  /** Characters to keep as they are: `"\n"` for text whose lines arp lays out, `"\t"` in code frames. */
  readonly keep?: string;
}

/** `text` with every control and bidi-override character escaped (except those in `keep`). */
export function terminalText(text: string, options: TerminalTextOptions = {}): string {
  const keep = options.keep ?? "";
  return text.replace(UNSAFE, (ch) => (keep.includes(ch) ? ch : escapeOne(ch)));
}

/** Text of several lines: each line escaped, the line breaks kept. */
export function terminalLines(text: string): string {
  return terminalText(text, { keep: "\n" });
}

// In JSON text these characters can only stand inside strings, where `\uHHHH` means the same.
const UNSAFE_IN_JSON = /[\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/**
 * JSON text (from `JSON.stringify`, which already escapes C0 controls) with DEL, C1 controls
 * and bidi overrides written as `\uHHHH` escapes: the same JSON value, safe on a terminal.
 */
export function terminalJson(json: string): string {
  return json.replace(UNSAFE_IN_JSON, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
