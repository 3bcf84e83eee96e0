/** Spans point at the source text a node was built from. */
import { expect, test } from "vitest";
import type { AndExpr, Comparison, NotExpr, PolicyDecl, Statement, StringLiteral } from "../../grammar/ast.js";
import { parse } from "../../grammar/parse.js";
import { parseOk, sourceOf, spansOf } from "./helpers.js";

test("statement, effect, clauses and condition", () => {
  const src = `policy P {\n  "L": allow a:B, c:D on x/* when tag t = "v" and not (aws:X)\n}`;
  const policy = parseOk(src).items[0] as PolicyDecl;
  const s = policy.items[0] as Statement;
  expect(sourceOf(src, policy)).toBe(src);
  expect(sourceOf(src, s)).toBe(`"L": allow a:B, c:D on x/* when tag t = "v" and not (aws:X)`);
  expect(src.slice(s.effectSpan.start, s.effectSpan.end)).toBe("allow");
  expect(sourceOf(src, s.label!)).toBe(`"L"`);
  expect(sourceOf(src, s.actions)).toBe("a:B, c:D");
  expect(sourceOf(src, s.actions.items[1]!)).toBe("c:D");
  expect(sourceOf(src, s.resources!)).toBe("on x/*");
  const cond = s.condition as AndExpr;
  expect(sourceOf(src, cond)).toBe(`tag t = "v" and not (aws:X)`);
  const cmp = cond.operands[0] as Comparison;
  expect(sourceOf(src, cmp)).toBe(`tag t = "v"`);
  expect(sourceOf(src, cmp.key)).toBe("tag t");
  expect(src.slice(cmp.operatorSpan.start, cmp.operatorSpan.end)).toBe("=");
  expect(sourceOf(src, cond.operands[1] as NotExpr)).toBe("not (aws:X)");
  expect(sourceOf(src, (cond.operands[1] as NotExpr).operand)).toBe("aws:X");
  expect(sourceOf(src, policy.name)).toBe("P");
});

test("template parts point into the source, escapes included", () => {
  const src = 'param p = "a\\tb${user}c"';
  const value = (parseOk(src).items[0] as { defaultValue: StringLiteral }).defaultValue;
  expect(value.parts.map((p) => sourceOf(src, p))).toEqual([String.raw`a\tb`, "${user}", "c"]);
  const word = `allow a:B on arn:\${ acct }:x`;
  const pattern = (parseOk(word).items[0] as Statement).resources!.items[0]!;
  expect(pattern.parts.map((p) => sourceOf(word, p))).toEqual(["arn:", "${ acct }", ":x"]);
});

test("a string name's identifier covers its quotes; comments their delimiters", () => {
  const src = `/* c */ policy "My Policy" {} // end`;
  const ast = parseOk(src);
  expect(sourceOf(src, (ast.items[0] as PolicyDecl).name)).toBe(`"My Policy"`);
  expect(ast.comments.map((c) => sourceOf(src, c))).toEqual(["/* c */", "// end"]);
  expect(ast.span).toEqual({ file: "test.arp", start: 0, end: src.length });
});

test("every span of a valid file is non-empty, ordered and inside the text", () => {
  const src = `allow a:B on * when any aws:TagKeys like ["x"] ignoring case if exists or aws:Y missing`;
  const { ast } = parse(src, "f.arp");
  for (const span of spansOf(ast)) {
    expect(span.file).toBe("f.arp");
    expect(span.start).toBeGreaterThanOrEqual(0);
    expect(span.end).toBeGreaterThan(span.start);
    expect(span.end).toBeLessThanOrEqual(src.length);
  }
});

test("syntax errors point at the offending token", () => {
  const src = "policy P {\n  allow a:B on * when tag = \"x\"\n}";
  const [d] = parse(src, "f.arp").diagnostics;
  expect(d?.code).toBe("ARP1002");
  expect(src.slice(d!.span.start, d!.span.end)).toBe("=");
});

test("a missing token at the end of the file points just after the last token", () => {
  const src = "policy P { allow a:B on *\n\n\n";
  const [d] = parse(src, "f.arp").diagnostics;
  expect(d?.code).toBe("ARP1002");
  expect(d?.span).toEqual({ file: "f.arp", start: src.indexOf("*") + 1, end: src.indexOf("*") + 1 });
});
