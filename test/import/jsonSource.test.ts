/**
 * The span-keeping JSON reader: it reads what `JSON.parse` reads, rejects what it rejects, and
 * every span covers exactly the text of its value.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { lineMapOf } from "../../compiler/diagnostics/sourceText.js";
import { parseJson, toPlain, type JsonNode } from "../../compiler/import/jsonSource.js";

function parsed(text: string): JsonNode {
  const r = parseJson(text, "p.json");
  if ("error" in r) throw new Error(r.error.message);
  return r.value;
}

function errorAt(text: string): { code: string; line: number; column: number; words: string } {
  const r = parseJson(text, "p.json");
  if (!("error" in r)) throw new Error("expected a syntax error");
  const { line, column } = lineMapOf(text).position(r.error.span.start);
  return { code: r.error.code, line, column, words: `${r.error.message} / ${r.error.hint ?? ""}` };
}

function* nodes(node: JsonNode): Generator<JsonNode> {
  yield node;
  if (node.kind === "object") for (const e of node.entries) yield* nodes(e.value);
  if (node.kind === "array") for (const i of node.items) yield* nodes(i);
}

/** JSON text of a value with random whitespace between tokens. */
const spacedJson = fc
  .tuple(fc.jsonValue({ maxDepth: 4 }), fc.constantFrom(0, 1, 2, "\t"))
  .map(([value, indent]) => JSON.stringify(value, null, indent));

describe("parseJson", () => {
  it("reads what JSON.parse reads", () => {
    fc.assert(
      fc.property(spacedJson, (text) => {
        expect(toPlain(parsed(text))).toEqual(JSON.parse(text));
      }),
    );
  });

  it("gives every value the span of its own text", () => {
    fc.assert(
      fc.property(spacedJson, (text) => {
        for (const node of nodes(parsed(text))) {
          expect(JSON.parse(text.slice(node.span.start, node.span.end))).toEqual(toPlain(node));
        }
      }),
    );
  });

  it("gives object keys the span of the quoted key", () => {
    const text = '{\n  "Version": "2012-10-17",\n  "Statement": []\n}';
    const root = parsed(text);
    expect(root.kind).toBe("object");
    if (root.kind !== "object") return;
    expect(root.entries.map((e) => text.slice(e.keySpan.start, e.keySpan.end))).toEqual(['"Version"', '"Statement"']);
  });

  it("accepts and rejects the same texts as JSON.parse", () => {
    const edits = fc.array(fc.tuple(fc.nat(), fc.constantFrom("", ",", "}", "]", '"', ":", "0", "-", ".", "e", "\\", " ", "x", "\n", "/")), { maxLength: 3 });
    fc.assert(
      fc.property(spacedJson, edits, (text, changes) => {
        let mutated = text;
        for (const [at, insert] of changes) {
          const i = at % (mutated.length + 1);
          mutated = insert === "" ? mutated.slice(0, i) + mutated.slice(i + 1) : mutated.slice(0, i) + insert + mutated.slice(i);
        }
        let accepted = true;
        try {
          JSON.parse(mutated);
        } catch {
          accepted = false;
        }
        const result = parseJson(mutated, "p.json");
        expect("value" in result, mutated).toBe(accepted);
      }),
      { numRuns: 500 },
    );
  });

  it("decodes escapes, including \\u and surrogate pairs", () => {
    expect(toPlain(parsed(String.raw`["a\"b\\c\/d\b\f\n\r\t", "\u00e9\ud83d\ude00"]`))).toEqual(['a"b\\c/d\b\f\n\r\t', "é😀"]);
  });

  it("skips a byte-order mark", () => {
    expect(toPlain(parsed('\ufeff{"a": 1}'))).toEqual({ a: 1 });
  });

  it("keeps duplicate keys for validation to report", () => {
    const root = parsed('{"a": 1, "a": 2}');
    expect(root.kind === "object" && root.entries.map((e) => e.key)).toEqual(["a", "a"]);
    expect(toPlain(root)).toEqual({ a: 2 });
  });

  it.each([
    ["", 1, 1, "empty"],
    ["{\n  \"a\": 1,\n}", 3, 1, "no comma after the last"],
    ["[1, 2,]", 1, 7, "no comma after the last"],
    ["{\"a\" 1}", 1, 6, "`:`"],
    ["{\"a\": 1 \"b\": 2}", 1, 9, "`,` or `}`"],
    ["{'a': 1}", 1, 2, "key in double quotes"],
    ["{\"a\": 'x'}", 1, 7, "a value"],
    ["{\"a\": tru}", 1, 7, "`tru`"],
    ["{\"a\": 01}", 1, 8, "end of the number"],
    ["{\"a\": \"x\ny\"}", 1, 7, "not closed before the end of the line"],
    ["{\"a\": \"\\q\"}", 1, 8, "`\\q`"],
    ["{\"a\": \"\\u12\"}", 1, 8, "four hex digits"],
    ["// policy\n{}", 1, 1, "no comments"],
    ["{} {}", 1, 4, "after the end"],
    ["{\"a\": [1, 2}", 1, 12, "`,` or `]`"],
  ])("reports %j at %i:%i (ARP6001)", (text, line, column, words) => {
    const e = errorAt(text);
    expect(e.code).toBe("ARP6001");
    expect({ line: e.line, column: e.column }).toEqual({ line, column });
    expect(e.words).toContain(words);
  });

  it("refuses nesting deep enough to threaten the stack", () => {
    expect(errorAt(`${"[".repeat(5000)}${"]".repeat(5000)}`).code).toBe("ARP6001");
  });
});
