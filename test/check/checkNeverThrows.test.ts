// `check` collects problems instead of throwing, whatever the input: arbitrary text, arp-like
// token soup, and the corpus files with tokens deleted, inserted or duplicated. Every
// diagnostic (and every related note) points inside the file it names.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { check, type Diagnostic } from "../../compiler/index.js";
import { SETTINGS_SPAN } from "../../compiler/driver/params.js";
import { CORPUS_DIR, corpusCases } from "../corpus/corpus.js";

const corpus = corpusCases().map((name) => ({ name, text: readFileSync(join(CORPUS_DIR, `${name}.arp`), "utf8") }));

/** Splits text into words, strings, comments, punctuation and the whitespace between them. */
function tokens(text: string): string[] {
  return text.match(/"(?:[^"\\\n]|\\.)*"?|\/\/[^\n]*|\/\*[\s\S]*?(?:\*\/|$)|\s+|[\w$*?:./@{}-]+|[^\s]/g) ?? [];
}

/** Pieces that often break a parse in interesting places. */
const FRAGMENTS = [
  "allow", "deny", "on", "not", "when", "and", "or", "except", "policy", "param", "use", "import", "role", "trust",
  "attach", "test", "expect", "principal", "tag", "request", "keys", "within", "include", "any", "all", "like", "in",
  "exists", "missing", "ignoring", "case", "if", "{", "}", "(", ")", "[", "]", ",", ":", "=", "!=", "<", ">=", "??",
  '"', '"${', "${", "}", "$", "$user", "${aws:username}", "*", "?", "apprunner:*", "service/*", "arn:aws:s3:::b/*",
  "aws:SourceIp", '"10.0.0.0/8"', "3600", "true", "/*", "*/", "//", "\n", " ", '"\\q"', "'", ";", "\u00e9", "\u{1F600}",
];

const fragment = fc.constantFrom(...FRAGMENTS);

type Mutation = { kind: "delete" | "duplicate"; at: number } | { kind: "insert"; at: number; text: string };

const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant("delete" as const), at: fc.nat() }),
  fc.record({ kind: fc.constant("duplicate" as const), at: fc.nat() }),
  fc.record({ kind: fc.constant("insert" as const), at: fc.nat(), text: fragment }),
);

function mutate(text: string, mutations: readonly Mutation[]): string {
  const parts = tokens(text);
  for (const m of mutations) {
    if (parts.length === 0) break;
    const at = m.at % parts.length;
    if (m.kind === "insert") parts.splice(at, 0, m.text);
    else if (m.kind === "delete") parts.splice(at, 1);
    else parts.splice(at, 0, parts[at]!);
  }
  return parts.join("");
}

/** Spans lie in `[0, length]` of the text of the file they name. */
function expectSpansInside(diagnostics: readonly Diagnostic[], sources: ReadonlyMap<string, string>, input: string): void {
  for (const d of diagnostics) {
    for (const span of [d.span, ...(d.related ?? []).map((r) => r.span)]) {
      if (span.file === SETTINGS_SPAN.file) continue;
      const text = sources.get(span.file);
      expect(text, `${d.code} names \`${span.file}\`, which is no source (input: ${JSON.stringify(input)})`).toBeDefined();
      expect(span.start, `${d.code} ${d.message}`).toBeGreaterThanOrEqual(0);
      expect(span.start, `${d.code} ${d.message}`).toBeLessThanOrEqual(span.end);
      expect(span.end, `${d.code} ${d.message}`).toBeLessThanOrEqual(text!.length);
    }
  }
}

function checkText(text: string, path = "fuzz.arp"): void {
  let result: ReturnType<typeof check> | undefined;
  expect(() => {
    result = check({ path, text });
  }, JSON.stringify(text)).not.toThrow();
  expectSpansInside(result!.diagnostics, result!.sources, text);
}

describe("check never throws", () => {
  it("on arbitrary text", () => {
    fc.assert(fc.property(fc.string({ unit: "binary", maxLength: 200 }), (text) => checkText(text)), { numRuns: 300 });
  });

  it("on arp-like token soup", () => {
    const soup = fc.array(fragment, { maxLength: 40 }).map((parts) => parts.join(" "));
    fc.assert(fc.property(soup, (text) => checkText(text)), { numRuns: 400 });
  });

  it("on corpus files with tokens deleted, inserted or duplicated", () => {
    const cases = fc.constantFrom(...corpus);
    fc.assert(
      fc.property(cases, fc.array(mutationArb, { minLength: 1, maxLength: 6 }), (c, mutations) => {
        checkText(mutate(c.text, mutations), `${c.name}.arp`);
      }),
      { numRuns: 600 },
    );
  });

  it("on every corpus file as it is, and cut short at every line", () => {
    for (const c of corpus) {
      checkText(c.text, `${c.name}.arp`);
      const lines = c.text.split("\n");
      for (let n = 1; n < lines.length; n++) checkText(lines.slice(0, n).join("\n"), `${c.name}.arp`);
    }
  });
});
