/**
 * The arp formatter: `format(text)` gives the canonical layout of an `.arp` source (see
 * docs/formatting.md). It rejects, with an `ArpSyntaxError`, a file that does not parse.
 */
import * as prettier from "prettier";
import plugin from "./plugin.js";

export { ArpSyntaxError } from "./parser.js";
export { plugin };

export interface FormatOptions {
  /** The line width the layout aims for; 100 unless set. */
  readonly printWidth?: number;
  /** The file name diagnostics carry. */
  readonly filepath?: string;
}

export function format(text: string, options: FormatOptions = {}): Promise<string> {
  return prettier.format(text, { ...options, parser: "arp", plugins: [plugin] });
}
