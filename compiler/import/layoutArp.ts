/**
 * Lays out translated statements as a readable `.arp` file, in the style of the stdlib: a
 * statement on one line when it fits, otherwise `on` and `when` on lines of their own, long
 * lists wrapped at commas, and each further test of a `when` on an `and` line.
 */
import { renderName, quote, type ImportParams } from "./iamText.js";
import { concat, concatAll, join, type MappedText, type Piece } from "./mappedText.js";
import type { StatementPieces } from "./translateStatement.js";
import type { TrustPieces } from "./translateTrust.js";

const WIDTH = 100;
const INDENT = "  ";

/** Fills lines greedily with `items` after `first`, breaking after commas. */
function wrapList(first: MappedText, items: readonly MappedText[], continuation: string): MappedText {
  const pieces: Piece[] = [first];
  let column = lastLineLength(first.text);
  items.forEach((item, i) => {
    const comma = i < items.length - 1 ? "," : "";
    if (i > 0 && column + 1 + item.length + comma.length > WIDTH) {
      pieces.push(`\n${continuation}`);
      column = continuation.length;
    } else if (i > 0 || first.length > 0) {
      pieces.push(" ");
      column += 1;
    }
    pieces.push(item, comma);
    column += item.length + comma.length;
  });
  return concatAll(pieces);
}

function lastLineLength(text: string): number {
  return text.length - text.lastIndexOf("\n") - 1;
}

/** `when a` / `and b` lines. */
function whenLines(tests: readonly MappedText[], indent: string): Piece[] {
  return tests.flatMap((t, i) => [`\n${indent}${i === 0 ? "  when " : "   and "}`, t]);
}

function fits(text: string): boolean {
  return !text.includes("\n") && text.length <= WIDTH;
}

export function layoutStatement(s: StatementPieces): MappedText {
  const line = concat(
    INDENT,
    s.head,
    " ",
    join(s.actions, ", "),
    ` ${s.resourceWord} `,
    join(s.resources, ", "),
    s.tests.length > 0 ? concat(" when ", join(s.tests, " and ")) : "",
  );
  if (fits(line.text)) return line;
  const head = wrapList(concat(INDENT, s.head), s.actions, `${INDENT}    `);
  const onPrefix = `${INDENT}  ${s.resourceWord}`;
  const resources = wrapList(concat(`\n${onPrefix}`), s.resources, " ".repeat(onPrefix.length + 1));
  return concatAll([head, resources, ...whenLines(s.tests, INDENT)]);
}

export function layoutTrust(t: TrustPieces): MappedText {
  const to = t.actions !== undefined ? concat(" to ", join(t.actions, ", ")) : "";
  const comment = t.comment !== undefined ? `${INDENT}// ${t.comment}\n` : "";
  const line = concat(INDENT, "trust ", join(t.principals, ", "), to, t.tests.length > 0 ? concat(" when ", join(t.tests, " and ")) : "");
  if (fits(line.text)) return concat(comment, line);
  const head = wrapList(concat(INDENT, "trust"), t.principals, `${INDENT}      `);
  const actions = t.actions !== undefined ? wrapList(concat(`\n${INDENT}  to`), t.actions, `${INDENT}     `) : "";
  return concatAll([comment, head, actions, ...whenLines(t.tests, INDENT)]);
}

/** What goes above the policy or role: where it came from, and the parameters. */
export interface FileHeader {
  readonly source: string;
  readonly comments: readonly string[];
  readonly params: ImportParams;
}

function headerText(h: FileHeader): string {
  const lines = [`// Imported from ${h.source}`, ...h.comments.map((c) => `// ${c}`)];
  const params = (["partition", "account", "region"] as const).filter((p) => h.params[p] !== undefined);
  if (params.length > 0) lines.push(...params.map((p) => `param ${p} = ${quote(h.params[p] as string)}`));
  return `${lines.join("\n")}\n\n`;
}

/** `policy Name { ... }` or `role Name { ... }` with the header above it. */
export function layoutFile(h: FileHeader, kind: "policy" | "role", name: string, body: readonly MappedText[]): MappedText {
  return concat(headerText(h), `${kind} ${renderName(name)} {\n`, join(body, "\n"), "\n}\n");
}
