/**
 * Layout for modules too large for prettier. Prettier's cost grows with the module (minutes and
 * gigabytes for 20,000 statements), so above `PRETTIER_LIMIT` characters the emitter lays out
 * its own code: each line indented by the brackets open before it. The emitted code never
 * spans a string or template literal over lines, so only comments need care.
 */

/** Unformatted modules larger than this are laid out by `indentLines` instead of prettier. */
export const PRETTIER_LIMIT = 1_000_000;

/** Unformatted modules larger than this are compact (statementShapes.ts) and laid out by `indentLines`. */
export const COMPACT_LIMIT = 100_000;

const OPENERS = new Set(["{", "(", "["]);
const CLOSERS = new Set(["}", ")", "]"]);

/** `code` with each line re-indented two spaces per open bracket; comment lines keep their text. */
export function indentLines(code: string, bare: (line: string) => string): string {
  let depth = 0;
  let inComment = false;
  const out: string[] = [];
  for (const line of code.split("\n")) {
    const trimmed = line.trim();
    if (trimmed === "") {
      out.push("");
      continue;
    }
    if (inComment || trimmed.startsWith("/*")) {
      // A block comment: ` * text` lines align under the opening `/**`.
      out.push("  ".repeat(depth) + (trimmed.startsWith("*") ? ` ${trimmed}` : trimmed));
      inComment = !trimmed.endsWith("*/");
      continue;
    }
    const code = bare(trimmed);
    const leading = /^[}\])]*/.exec(code)![0].length;
    out.push("  ".repeat(Math.max(0, depth - leading)) + trimmed);
    for (const ch of code) depth += OPENERS.has(ch) ? 1 : CLOSERS.has(ch) ? -1 : 0;
    if (depth < 0) depth = 0;
  }
  return out.join("\n");
}
