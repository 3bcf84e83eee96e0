/** Syntax errors: each has its code, one run reports them all, and the AST survives. */
import { describe, expect, test } from "vitest";
import { type PolicyDecl, type Statement, stripSpans } from "../../grammar/ast.js";
import { MAX_CONDITION_DEPTH } from "../../grammar/nestingLimit.js";
import { MAX_SYNTAX_ERRORS, parse } from "../../grammar/parse.js";
import { codesOf, pat } from "./helpers.js";

describe("lexical errors", () => {
  test("unknown characters are ARP1001, with a hint for common slips", () => {
    const { diagnostics } = parse("allow a:B on * ; @@ allow c:D", "f.arp");
    expect(diagnostics.map((d) => [d.code, d.message])).toEqual([
      ["ARP1001", "unexpected character `;`"],
      ["ARP1001", "unexpected characters `@@`"],
    ]);
    expect(diagnostics[0]?.hint).toContain("`;`");
  });

  test("a single-quoted string is one ARP1001 and still read as a string", () => {
    const { ast, diagnostics } = parse("param p = 'x y'\nparam q = 'open", "f.arp");
    expect(diagnostics.map((d) => [d.code, d.span.start, d.span.end, d.hint])).toEqual([
      ["ARP1001", 10, 15, 'write `"x y"`'],
      ["ARP1001", 26, 31, 'write `"open"`'],
    ]);
    expect(stripSpans(ast.items)).toEqual([
      { kind: "Param", name: { kind: "Identifier", name: "p" }, defaultValue: { kind: "String", parts: [{ kind: "Text", text: "x y" }] } },
      { kind: "Param", name: { kind: "Identifier", name: "q" }, defaultValue: { kind: "String", parts: [{ kind: "Text", text: "open" }] } },
    ]);
  });

  test("an unterminated string is ARP1003 and still gives its value", () => {
    const { ast, diagnostics } = parse('param p = "abc\nparam q', "f.arp");
    expect(diagnostics.map((d) => d.code)).toEqual(["ARP1003"]);
    expect(stripSpans(ast.items)).toEqual([
      { kind: "Param", name: { kind: "Identifier", name: "p" }, defaultValue: { kind: "String", parts: [{ kind: "Text", text: "abc" }] } },
      { kind: "Param", name: { kind: "Identifier", name: "q" } },
    ]);
  });

  test("an unterminated block comment is ARP1004 and kept as a comment", () => {
    const { ast, diagnostics } = parse("allow a:B on * /* never closed\nallow c:D", "f.arp");
    expect(diagnostics.map((d) => d.code)).toEqual(["ARP1004"]);
    expect(diagnostics[0]?.span).toMatchObject({ start: 15, end: 17 });
    expect(ast.items).toHaveLength(1);
    expect(ast.comments[0]?.text).toBe("/* never closed\nallow c:D");
  });

  test("an unknown escape is ARP1006", () => {
    expect(codesOf(String.raw`param p = "a\qb"`)).toEqual(["ARP1006"]);
  });

  test("malformed interpolations are ARP1007, in strings and words", () => {
    expect(codesOf('param p = "${x"')).toEqual(["ARP1007"]);
    expect(codesOf('param p = "${}"')).toEqual(["ARP1007"]);
    expect(codesOf('param p = "${ , \'d\'}"')).toEqual(["ARP1007"]);
    expect(codesOf('param p = "${x, d}"')).toEqual(["ARP1007"]);
    expect(codesOf("allow a:B on arn:${acct:x when tag t = \"v\"")).toEqual(["ARP1007"]);
    expect(codesOf('param p = "\\${x"')).toEqual([]);
  });
});

describe("syntax errors", () => {
  test("messages name what was expected and found, in arp's style", () => {
    const { diagnostics } = parse("policy P allow a:B on *", "f.arp");
    expect(diagnostics[0]?.message).toBe("expected `{` to open the policy, found `allow`");
    for (const d of diagnostics) expect(d.message).toMatch(/^[a-z`].*[^.]$/);
  });

  test("a forgotten `on` is reported once and the resources are kept", () => {
    const { ast, diagnostics } = parse(`allow a:B service/*, x when aws:A "L": deny c:D`, "f.arp");
    expect(diagnostics.map((d) => d.message)).toEqual(["expected `on` before the resources, found `service/*`"]);
    expect(stripSpans((ast.items[0] as Statement).resources)).toEqual({
      kind: "Resources",
      negated: false,
      items: [pat("service/*"), pat("x")],
    });
    expect(ast.items).toHaveLength(2);
  });

  test("only `*` may precede `except`", () => {
    const { ast, diagnostics } = parse("deny a:B except c:D on *", "f.arp");
    expect(diagnostics.map((d) => d.code)).toEqual(["ARP1002"]);
    expect(diagnostics[0]?.message).toContain("only `*` can come before `except`");
    expect(stripSpans((ast.items[0] as Statement).actions)).toEqual({ kind: "Actions", except: true, items: [pat("c:D")] });
  });

  test("one run reports every error and keeps the valid parts", () => {
    const src = [
      "policy A {",
      "  allow a:B on * when tag = \"x\"", // missing tag name
      "  deny c:D on x",
      "  allow e:F on", // missing resource
      "}",
      "junk here", // not a declaration
      "policy B { allow g:H on * }",
      "role R { trust nobody }", // bad principal
      "test \"t\" { expect maybe a:B on * }", // bad decision
    ].join("\n");
    const { ast, diagnostics } = parse(src, "f.arp");
    expect(diagnostics.map((d) => d.code)).toEqual(["ARP1002", "ARP1002", "ARP1002", "ARP1002", "ARP1002"]);
    const lines = diagnostics.map((d) => src.slice(0, d.span.start).split("\n").length);
    expect(lines).toEqual([2, 5, 6, 8, 9]);
    const names = ast.items.map((i) => ("name" in i && i.name.kind === "Identifier" ? i.name.name : i.kind));
    expect(names).toEqual(["A", "B", "R", "Test"]);
    const a = ast.items[0] as PolicyDecl;
    expect(a.items.map((s) => (s.kind === "Statement" ? s.actions.items[0]?.text : s.kind))).toEqual(["a:B", "c:D", "e:F"]);
  });

  test("an unclosed block at the end of the file", () => {
    const { ast, diagnostics } = parse("policy P { allow a:B on *", "f.arp");
    expect(diagnostics.map((d) => d.message)).toEqual(["expected a statement, `use` or `}` to close the policy, found the end of the file"]);
    expect((ast.items[0] as PolicyDecl).items).toHaveLength(1);
  });

  test("missing pieces become placeholders, never undefined", () => {
    for (const src of ["policy {", "allow", "role", "test {", "allow a:B on * when", "allow a:B on * when (", "param", "import", "allow \"L\":"]) {
      const { ast, diagnostics } = parse(src, "f.arp");
      expect(diagnostics.length, src).toBeGreaterThan(0);
      expect(JSON.stringify(ast)).not.toContain("null");
    }
  });
});

describe("limits that keep parse from throwing or crawling", () => {
  test("conditions nested deeper than the limit are cut and reported once", () => {
    const depth = MAX_CONDITION_DEPTH + 1000;
    for (const cond of ["(".repeat(depth) + "a:B" + ")".repeat(depth), "not ".repeat(depth) + "a:B", "(".repeat(depth)]) {
      const { ast, diagnostics } = parse(`allow a:B on * when ${cond}`, "f.arp");
      const messages = diagnostics.map((d) => d.message);
      expect(messages.filter((m) => m.startsWith("conditions nest"))).toEqual([`conditions nest more than ${MAX_CONDITION_DEPTH} levels deep`]);
      expect(ast.items).toHaveLength(1);
    }
  });

  test("nesting up to the limit is fine", () => {
    const depth = MAX_CONDITION_DEPTH / 2;
    expect(codesOf(`allow a:B on * when ${"not (".repeat(depth)}a:B${")".repeat(depth)}`)).toEqual([]);
  });

  test("after MAX_SYNTAX_ERRORS errors the rest of the file is not read", () => {
    const { ast, diagnostics } = parse(`role R { ${"junk trust anyone ".repeat(3 * MAX_SYNTAX_ERRORS)}}`, "f.arp");
    expect(diagnostics.length).toBeLessThanOrEqual(MAX_SYNTAX_ERRORS + 2);
    expect(diagnostics.map((d) => d.message)).toContain("too many syntax errors: arp stopped reading the file here");
    expect(ast.items.map((i) => i.kind)).toEqual(["Role"]);
  });
});
