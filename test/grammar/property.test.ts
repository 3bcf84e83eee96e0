/**
 * `parse` never throws, whatever the text, and every span it produces (in the tree and in
 * diagnostics) lies within the text. Inputs: arbitrary strings, streams of arp-ish tokens,
 * and random edits of a valid program.
 */
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { expect, test } from "vitest";
import { parse } from "../../grammar/parse.js";
import { spansOf } from "./helpers.js";

const example = readFileSync(new URL("./fixtures/teamServices.arp", import.meta.url), "utf8");

function checkParse(text: string): void {
  const { ast, diagnostics } = parse(text, "p.arp");
  for (const span of [...spansOf(ast), ...spansOf(diagnostics)]) {
    if (span.file !== "p.arp" || !(span.start >= 0 && span.start <= span.end && span.end <= text.length)) {
      throw new Error(`span out of bounds: ${JSON.stringify(span)} for text of length ${text.length}`);
    }
  }
  for (const d of diagnostics) expect(d.code).toMatch(/^ARP1\d{3}$/);
}

const fragments = [
  ...["policy", "param", "import", "use", "role", "trust", "attach", "test", "expect", "allow", "deny", "on", "not"],
  ...["when", "and", "or", "except", "principal", "service", "account", "arn", "federated", "anyone", "tag"],
  ...["request", "keys", "any", "all", "like", "in", "exists", "missing", "ignoring", "case", "if", "within"],
  ...["include", "true", "false", "as", "user", "for", "implicit", "explicit", "to", "with"],
  ...["{", "}", "[", "]", "(", ")", ",", ":", "=", "!=", "<=", ">=", "<", ">", "??", "$user", "$aws:x", "${", "}"],
  ...['"', '"s"', '"${x}"', '"\\', "\\", "/*", "*/", "//", "\n", "a:B*", "service/*", "*", "10.0.0.0/8", "-1.5", "3"],
  ...["arn:${account}:x", "${a, 'b'}", "'", ";", "@", "\u00e9", "\ud83d\ude00", "\r\n", "\t", "\u0000"],
];

const tokenSoup = fc
  .array(fc.constantFrom(...fragments), { maxLength: 60 })
  .chain((parts) => fc.constantFrom(parts.join(" "), parts.join("")));

/** An edit of the example: delete, insert or duplicate a slice at arbitrary offsets. */
const mutatedExample = fc
  .array(
    fc.tuple(
      fc.constantFrom("delete", "insert", "duplicate"),
      fc.nat({ max: example.length }),
      fc.nat({ max: 40 }),
      fc.constantFrom(...fragments),
    ),
    { minLength: 1, maxLength: 5 },
  )
  .map((edits) =>
    edits.reduce((text, [kind, at, length, fragment]) => {
      const start = Math.min(at, text.length);
      if (kind === "delete") return text.slice(0, start) + text.slice(start + length);
      if (kind === "insert") return text.slice(0, start) + fragment + text.slice(start);
      return text.slice(0, start + length) + text.slice(start, start + length) + text.slice(start + length);
    }, example),
  );

test("never throws on arbitrary strings", () => {
  fc.assert(fc.property(fc.string({ unit: "binary", maxLength: 200 }), checkParse), { numRuns: 500 });
});

test("never throws on streams of arp tokens", () => {
  fc.assert(fc.property(tokenSoup, checkParse), { numRuns: 1000 });
});

test("never throws on edits of a valid program", () => {
  fc.assert(fc.property(mutatedExample, checkParse), { numRuns: 500 });
});

test("parsing is repeatable: the shared parser keeps no state between runs", () => {
  fc.assert(
    fc.property(tokenSoup, (text) => {
      expect(parse(text, "p.arp")).toEqual(parse(text, "p.arp"));
    }),
    { numRuns: 100 },
  );
});
