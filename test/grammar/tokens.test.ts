/** The lexer: which text becomes which token. */
import { describe, expect, test } from "vitest";
import { parse } from "../../grammar/parse.js";
import { arpLexer, COMMENTS_GROUP } from "../../grammar/tokens.js";

function lex(text: string): string[] {
  const { tokens, errors } = arpLexer.tokenize(text);
  expect(errors).toEqual([]);
  return tokens.map((t) => `${t.tokenType.name} ${t.image}`);
}

describe("tokens", () => {
  test("keywords only as whole words; prefixes of other keywords", () => {
    expect(lex("in include all allow any anyone allowed tag:Foo service/* on*")).toEqual([
      "In in",
      "Include include",
      "All all",
      "Allow allow",
      "Any any",
      "Anyone anyone",
      "Word allowed",
      "Word tag:Foo",
      "Word service/*",
      "Word on*",
    ]);
  });

  test("numbers, and words that start like numbers", () => {
    expect(lex("3600 -1.5 1.50 10.0.0.0/8 123abc 2001:db8::/32")).toEqual([
      "NumberLiteral 3600",
      "NumberLiteral -1.5",
      "NumberLiteral 1.50",
      "Word 10.0.0.0/8",
      "Word 123abc",
      "Word 2001:db8::/32",
    ]);
  });

  test("words with interpolations, wildcards and ARNs", () => {
    expect(lex("apprunner:Describe* * ? arn:aws:s3:::b/${aws:username}/* ${account}:x a${ x , 'd' }b aws:ResourceTag/team")).toEqual([
      "Word apprunner:Describe*",
      "Word *",
      "Word ?",
      "Word arn:aws:s3:::b/${aws:username}/*",
      "Word ${account}:x",
      "Word a${ x , 'd' }b",
      "Word aws:ResourceTag/team",
    ]);
  });

  test("variables and defaults", () => {
    expect(lex(`$user $principal.tag.team $aws:PrincipalTag/team $aws:userid ?? "none" [$a, $b]`)).toEqual([
      "Variable $user",
      "Variable $principal.tag.team",
      "Variable $aws:PrincipalTag/team",
      "Variable $aws:userid",
      "DoubleQuestion ??",
      'StringLiteral "none"',
      "LBracket [",
      "Variable $a",
      "Comma ,",
      "Variable $b",
      "RBracket ]",
    ]);
  });

  test("punctuation and the label colon", () => {
    expect(lex(`"L": != <= >= < > = { } ( )`)).toEqual([
      'StringLiteral "L"',
      "Colon :",
      "NotEquals !=",
      "LessEquals <=",
      "GreaterEquals >=",
      "Less <",
      "Greater >",
      "Equals =",
      "LCurly {",
      "RCurly }",
      "LParen (",
      "RParen )",
    ]);
  });

  test("strings: escapes, and a double-quoted default inside an interpolation", () => {
    expect(lex('"a\\"b" "${u, "d"}" "\\\\"')).toEqual([
      String.raw`StringLiteral "a\"b"`,
      'StringLiteral "${u, "d"}"',
      String.raw`StringLiteral "\\"`,
    ]);
  });

  test("comments go to their own group", () => {
    const { tokens, groups } = arpLexer.tokenize("a // x\n/* y\n */ b");
    expect(tokens.map((t) => t.image)).toEqual(["a", "b"]);
    expect(groups[COMMENTS_GROUP]?.map((t) => t.image)).toEqual(["// x", "/* y\n */"]);
  });
});

test("pathological lines lex in linear time", () => {
  const started = performance.now();
  parse(`"${"${".repeat(40_000)}"`, "p.arp");
  parse(`a${"${ ".repeat(40_000)}`, "p.arp");
  expect(performance.now() - started).toBeLessThan(2_000);
});
