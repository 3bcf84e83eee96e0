/**
 * arp's lexical grammar. Whitespace is insignificant; comments are kept in their own token
 * group so the formatter can put them back. Malformed strings and comments still lex as one
 * token (the closing delimiter is optional) so the parser sees a sensible token stream and
 * `parse` reports them with their own codes instead of a run of unexpected characters.
 */
import type { TokenType } from "chevrotain";
import { createToken, Lexer } from "./chevrotain.js";
import { matchString, matchWord, wordStartChars } from "./lexPatterns.js";

/** The token group holding `//` and `/* *\/` comments. */
export const COMMENTS_GROUP = "comments";

/**
 * Every token that can stand for a NAME (a policy, role, parameter or tag key): words, strings
 * and all keywords, so `tag user = "x"` and `policy Case {}` work.
 */
export const Name = createToken({ name: "Name", pattern: Lexer.NA, label: "a name" });

export const WhiteSpace = createToken({ name: "WhiteSpace", pattern: /\s+/, group: Lexer.SKIPPED, line_breaks: true });

export const LineComment = createToken({ name: "LineComment", pattern: /\/\/[^\r\n]*/, group: COMMENTS_GROUP });

/** `/* ... *\/`; also matches an unterminated comment up to the end of the file (ARP1004). */
export const BlockComment = createToken({
  name: "BlockComment",
  pattern: /\/\*(?:[^*]|\*(?!\/))*(?:\*\/)?/,
  group: COMMENTS_GROUP,
  line_breaks: true,
});

/** A double-quoted string on one line; see `matchString` for interpolations and ARP1003. */
export const StringLiteral = createToken({
  name: "StringLiteral",
  pattern: { exec: matchString },
  start_chars_hint: ['"'],
  line_breaks: false,
  categories: [Name],
  label: "a string",
});

/**
 * `'text'` is not arp, but reading it as a string (reported once, ARP1001) spares the user a
 * cascade of errors over its content. As a StringLiteral by category, the parser accepts it
 * wherever a string may stand.
 */
export const SingleQuotedString = createToken({
  name: "SingleQuotedString",
  pattern: /'[^'\r\n]*'?/,
  categories: [StringLiteral, Name],
  label: "a string",
});

/** `$user`, `$principal.tag.team`, `$aws:PrincipalTag/team`. */
export const Variable = createToken({
  name: "Variable",
  pattern: /\$[A-Za-z_][A-Za-z0-9_]*(?:[.:/][A-Za-z0-9_+=@-]+)*/,
  label: "a `$variable`",
});

/** One token for actions, resources, condition keys and bare names; see `matchWord`. */
export const Word = createToken({
  name: "Word",
  pattern: { exec: matchWord },
  start_chars_hint: [...wordStartChars],
  line_breaks: false,
  categories: [Name],
  label: "a name or pattern",
});

/** `10.0.0.0/8` and `123abc` are words: the longer match wins. */
export const NumberLiteral = createToken({
  name: "NumberLiteral",
  pattern: /-?\d+(?:\.\d+)?/,
  longer_alt: Word,
  label: "a number",
});

function punctuation(name: string, text: string): TokenType {
  return createToken({ name, pattern: text, label: `\`${text}\`` });
}

// `??` must precede Word, which may also start with `?`.
export const DoubleQuestion = punctuation("DoubleQuestion", "??");
export const NotEquals = punctuation("NotEquals", "!=");
export const LessEquals = punctuation("LessEquals", "<=");
export const GreaterEquals = punctuation("GreaterEquals", ">=");
export const Less = punctuation("Less", "<");
export const Greater = punctuation("Greater", ">");
export const Equals = punctuation("Equals", "=");
export const LCurly = punctuation("LCurly", "{");
export const RCurly = punctuation("RCurly", "}");
export const LBracket = punctuation("LBracket", "[");
export const RBracket = punctuation("RBracket", "]");
export const LParen = punctuation("LParen", "(");
export const RParen = punctuation("RParen", ")");
export const Comma = punctuation("Comma", ",");
export const Colon = punctuation("Colon", ":");

const keywordTokens: TokenType[] = [];

function keyword(name: string, text: string): TokenType {
  const token = createToken({ name, pattern: text, longer_alt: Word, categories: [Name], label: `\`${text}\`` });
  keywordTokens.push(token);
  return token;
}

export const Policy = keyword("Policy", "policy");
export const Param = keyword("Param", "param");
export const Import = keyword("Import", "import");
export const Use = keyword("Use", "use");
export const Role = keyword("Role", "role");
export const Trust = keyword("Trust", "trust");
export const Attach = keyword("Attach", "attach");
export const Test = keyword("Test", "test");
export const Expect = keyword("Expect", "expect");
export const Allow = keyword("Allow", "allow");
export const Deny = keyword("Deny", "deny");
export const On = keyword("On", "on");
export const Not = keyword("Not", "not");
export const When = keyword("When", "when");
export const And = keyword("And", "and");
export const Or = keyword("Or", "or");
export const Except = keyword("Except", "except");
export const Principal = keyword("Principal", "principal");
export const Service = keyword("Service", "service");
export const Account = keyword("Account", "account");
export const Arn = keyword("Arn", "arn");
export const Federated = keyword("Federated", "federated");
export const Anyone = keyword("Anyone", "anyone");
export const Tag = keyword("Tag", "tag");
export const Request = keyword("Request", "request");
export const Keys = keyword("Keys", "keys");
export const Any = keyword("Any", "any");
export const All = keyword("All", "all");
export const Like = keyword("Like", "like");
export const In = keyword("In", "in");
export const Exists = keyword("Exists", "exists");
export const Missing = keyword("Missing", "missing");
export const Ignoring = keyword("Ignoring", "ignoring");
export const Case = keyword("Case", "case");
export const If = keyword("If", "if");
export const Within = keyword("Within", "within");
export const Include = keyword("Include", "include");
export const True = keyword("True", "true");
export const False = keyword("False", "false");
export const As = keyword("As", "as");
export const User = keyword("User", "user");
export const Group = keyword("Group", "group");
export const For = keyword("For", "for");
export const Implicit = keyword("Implicit", "implicit");
export const Explicit = keyword("Explicit", "explicit");
export const To = keyword("To", "to");
export const With = keyword("With", "with");

/** Every keyword, e.g. for completion and for the formatter's quoting of names. */
export const keywords: readonly TokenType[] = keywordTokens;

/**
 * Keywords longest first: the lexer takes the first pattern that matches, so `include` must be
 * tried before `in` and `allow` before `all` (`longer_alt` only prefers Word).
 */
const keywordsLongestFirst = [...keywordTokens].sort(
  (a, b) => String(b.PATTERN).length - String(a.PATTERN).length,
);

/** All token types in lexing order (the category `Name` last: it matches nothing itself). */
export const allTokens: readonly TokenType[] = [
  WhiteSpace,
  LineComment,
  BlockComment,
  StringLiteral,
  SingleQuotedString,
  Variable,
  DoubleQuestion,
  NotEquals,
  LessEquals,
  GreaterEquals,
  Less,
  Greater,
  Equals,
  LCurly,
  RCurly,
  LBracket,
  RBracket,
  LParen,
  RParen,
  Comma,
  Colon,
  NumberLiteral,
  ...keywordsLongestFirst,
  Word,
  Name,
];

/** The one arp lexer; Chevrotain lexers are stateless between `tokenize` calls. */
export const arpLexer = new Lexer([...allTokens], {
  positionTracking: "full",
  ensureOptimizations: false,
});
