// The TextMate grammar over every example and stdlib file, checked against arp's own lexer: what
// the compiler lexes as a comment, a string or a variable is scoped as one, each line's leading
// keyword (a declaration or a statement) is scoped as a keyword, and nothing is scoped invalid.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import * as oniguruma from "vscode-oniguruma";
import { INITIAL, Registry, parseRawGrammar, type IGrammar, type StateStack } from "vscode-textmate";
import { arpLexer, keywords } from "../../grammar/tokens.js";

const ROOT = new URL("../../", import.meta.url).pathname;
const GRAMMAR = join(ROOT, "editors/vscode/syntaxes/arp.tmLanguage.json");
let grammar: IGrammar;

beforeAll(async () => {
  const wasm = readFileSync(createRequire(import.meta.url).resolve("vscode-oniguruma/release/onig.wasm"));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength)).catch(() => undefined);
  const registry = new Registry({
    onigLib: Promise.resolve({ createOnigScanner: (s) => new oniguruma.OnigScanner(s), createOnigString: (s) => new oniguruma.OnigString(s) }),
    loadGrammar: async () => parseRawGrammar(readFileSync(GRAMMAR, "utf8"), GRAMMAR),
  });
  const loaded = await registry.loadGrammar("source.arp");
  if (loaded === null) throw new Error("the grammar did not load");
  grammar = loaded;
});

/** Every .arp file of the examples and the stdlib, relative to the repository. */
function sources(): string[] {
  const files: string[] = [];
  for (const example of readdirSync(join(ROOT, "examples")).sort()) {
    const dir = join(ROOT, "examples", example);
    if (!statSync(dir).isDirectory()) continue;
    for (const file of readdirSync(dir).filter((n) => n.endsWith(".arp")).sort()) files.push(`examples/${example}/${file}`);
  }
  for (const file of readdirSync(join(ROOT, "stdlib")).filter((n) => n.endsWith(".arp")).sort()) files.push(`stdlib/${file}`);
  return files;
}

/** The innermost scopes of every character of `text`, by offset. */
function scopesByOffset(text: string): string[][] {
  const result: string[][] = [];
  let stack: StateStack = INITIAL;
  for (const line of text.split("\n")) {
    const tokenized = grammar.tokenizeLine(line, stack);
    for (let i = 0; i < line.length; i++) result.push(tokenized.tokens.find((t) => t.startIndex <= i && i < t.endIndex)?.scopes ?? []);
    result.push([]);
    stack = tokenized.ruleStack;
  }
  return result;
}

const LEADING = new Set(["policy", "param", "import", "role", "user", "group", "test", "expect", "allow", "deny", "use", "attach", "trust"]);
const KEYWORDS = new Set(keywords.map((k) => String(k.PATTERN)));

describe.each(sources())("the TextMate grammar on %s", (file) => {
  it("agrees with arp's lexer on comments, strings, variables and leading keywords", () => {
    const text = readFileSync(join(ROOT, file), "utf8");
    const scopes = scopesByOffset(text);
    const lexed = arpLexer.tokenize(text);
    expect(lexed.errors).toEqual([]);
    const has = (offset: number, pattern: RegExp): boolean => (scopes[offset] ?? []).some((s) => pattern.test(s));
    for (const comment of lexed.groups["comments"] ?? []) {
      expect(has(comment.startOffset, /^comment\./), `${file}:${comment.startLine} ${comment.image}`).toBe(true);
    }
    let previousLine = 0;
    for (const token of lexed.tokens) {
      const where = `${file}:${token.startLine} ${token.image}`;
      const kind = token.tokenType.name;
      if (kind === "StringLiteral" || kind === "SingleQuotedString") expect(has(token.startOffset, /^string\./), where).toBe(true);
      if (kind === "Variable") expect(has(token.startOffset, /^variable\./), where).toBe(true);
      const leads = token.startLine !== previousLine;
      if (leads && LEADING.has(token.image) && KEYWORDS.has(token.image)) expect(has(token.startOffset, /^(keyword|storage)\./), where).toBe(true);
      previousLine = token.startLine ?? previousLine;
    }
    expect(scopes.flat().filter((s) => s.startsWith("invalid."))).toEqual([]);
  });
});
