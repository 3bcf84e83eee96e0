// The VS Code extension's TextMate grammar (editors/vscode/syntaxes), tokenized by the same
// engine VS Code uses (vscode-textmate with the Oniguruma regex library): arp's constructs get
// the scopes themes colour, and every keyword of the language is highlighted.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { beforeAll, describe, expect, it } from "vitest";
import * as oniguruma from "vscode-oniguruma";
import { INITIAL, Registry, parseRawGrammar, type IGrammar } from "vscode-textmate";
import { keywords } from "../../grammar/tokens.js";

const GRAMMAR = new URL("../../editors/vscode/syntaxes/arp.tmLanguage.json", import.meta.url);
let grammar: IGrammar;

beforeAll(async () => {
  const wasm = readFileSync(createRequire(import.meta.url).resolve("vscode-oniguruma/release/onig.wasm"));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new Registry({
    onigLib: Promise.resolve({ createOnigScanner: (s) => new oniguruma.OnigScanner(s), createOnigString: (s) => new oniguruma.OnigString(s) }),
    loadGrammar: async () => parseRawGrammar(readFileSync(GRAMMAR, "utf8"), GRAMMAR.pathname),
  });
  const loaded = await registry.loadGrammar("source.arp");
  if (loaded === null) throw new Error("the grammar did not load");
  grammar = loaded;
});

/** Each token of `line` with its innermost scope. */
function scopes(line: string): [string, string][] {
  return grammar.tokenizeLine(line, INITIAL).tokens.map((t) => [line.slice(t.startIndex, t.endIndex), t.scopes[t.scopes.length - 1] ?? ""]);
}

const scopeOf = (line: string, text: string): string | undefined => scopes(line).find(([t]) => t === text)?.[1];

describe("the TextMate grammar", () => {
  it("scopes a statement's effect, actions, resources, keys, operators and variables", () => {
    const line = '  "Own": allow apprunner:Describe*, apprunner:PauseService on service/* when aws:ResourceTag/team = $principal.tag.team';
    expect(scopeOf(line, "allow")).toBe("keyword.control.effect.arp");
    expect(scopeOf(line, "apprunner:Describe*")).toBe("entity.name.function.action.arp");
    expect(scopeOf(line, "apprunner:PauseService")).toBe("entity.name.function.action.arp");
    expect(scopeOf(line, "service/*")).toBe("string.unquoted.resource.arp");
    expect(scopeOf(line, "aws:ResourceTag/team")).toBe("support.variable.condition-key.arp");
    expect(scopeOf(line, "=")).toBe("keyword.operator.comparison.arp");
    expect(scopeOf(line, "$principal.tag.team")).toBe("variable.other.arp");
    expect(scopeOf(line, "Own")).toBe("string.quoted.double.arp");
  });

  it("scopes declarations' names, ARNs, strings with interpolations and comments", () => {
    expect(scopeOf("policy TeamServices {", "TeamServices")).toBe("entity.name.type.arp");
    expect(scopeOf('param account = "1"', "account")).toBe("variable.other.constant.arp");
    expect(scopeOf("  attach ReadOnly", "ReadOnly")).toBe("entity.name.type.arp");
    expect(scopeOf("  allow s3:GetObject on arn:aws:s3:::bucket/${user}/*", "arn:aws:s3:::bucket/${user}/*")).toBe("string.unquoted.arn.arp");
    expect(scopeOf('  trust arn "arn:aws:iam::${account}:root"', "account")).toBe("variable.other.interpolation.arp");
    expect(scopeOf("// arp-ignore ARP7012: reviewed", "arp-ignore")).toBe("keyword.other.directive.arp-ignore.arp");
    expect(scopes("allow x on * // allow")).toContainEqual([" allow", "comment.line.double-slash.arp"]);
    const block = grammar.tokenizeLine("/* a", INITIAL);
    expect(scopes("/* a")[1]?.[1]).toBe("comment.block.arp");
    expect(grammar.tokenizeLine("policy */ b", block.ruleStack).tokens[0]?.scopes).toContain("comment.block.arp");
  });

  it("highlights every keyword of the language", () => {
    const words = keywords.map((k) => String(k.PATTERN));
    expect(words.length).toBeGreaterThan(40);
    for (const word of words) {
      const scope = scopeOf(`${word} `, word);
      expect(scope, word).toMatch(/^(keyword|constant\.language)\./);
    }
  });

  it("is the one the extension's manifest registers, for `.arp`, beside a language configuration that parses", () => {
    const manifest = JSON.parse(readFileSync(new URL("../../editors/vscode/package.json", import.meta.url), "utf8")) as {
      contributes: { languages: { id: string; extensions: string[]; configuration: string }[]; grammars: { language: string; scopeName: string; path: string }[] };
    };
    const [language] = manifest.contributes.languages;
    const [registered] = manifest.contributes.grammars;
    expect(language).toMatchObject({ id: "arp", extensions: [".arp"] });
    expect(registered).toMatchObject({ language: "arp", scopeName: (JSON.parse(readFileSync(GRAMMAR, "utf8")) as { scopeName: string }).scopeName });
    expect(new URL(registered?.path ?? "", new URL("../../editors/vscode/", import.meta.url)).href).toBe(GRAMMAR.href);
    const configuration = JSON.parse(readFileSync(new URL(language?.configuration ?? "", new URL("../../editors/vscode/", import.meta.url)), "utf8")) as { comments: unknown };
    expect(configuration.comments).toEqual({ lineComment: "//", blockComment: ["/*", "*/"] });
  });
});
