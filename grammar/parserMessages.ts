/**
 * Syntax error messages in arp's style: lowercase, no final period, user text in backticks,
 * saying what was expected in terms of the construct being written ("a policy name after
 * `policy`") rather than token names.
 */
import type { IParserErrorMessageProvider, IToken, TokenType } from "chevrotain";
import { EOF } from "./chevrotain.js";

/** What a rule expected when none of its alternatives matched, by rule name. */
const expectedByRule: Readonly<Record<string, string>> = {
  file: "a declaration or a statement",
  topLevelItem: "a declaration (`policy`, `role`, `test`, `param`, `import`, `use`) or a statement",
  policyItem: "a statement or `use`",
  roleItem: "`trust`, `deny trust`, `attach` or `policy`",
  principalRef: "a principal (`service`, `account`, `arn` or `federated` and a string, or `anyone`)",
  expectation: "`allow`, `deny`, `implicit deny` or `explicit deny`",
  asPrincipal: "`user`, `role` or an ARN string after `as`",
  statement: "`allow` or `deny`",
  target: "an action or resource",
  condition: "a condition",
  andExpr: "a condition",
  notExpr: "a condition",
  primary: "a condition",
  condTest: "a condition key",
  keyRef: "a condition key",
  tagName: "a tag key",
  compOp: "a comparison operator",
  comparison: "a comparison operator",
  value: "a value (a string, number, `true`, `false`, `$variable` or `[...]` list)",
  scalar: "a value (a string, number, `true`, `false` or `$variable`)",
};

/** What a rule expected for one token type, keyed `rule:Token`; `$prev` is the previous token. */
const expectedByRuleAndToken: Readonly<Record<string, string>> = {
  "file:EOF": "a declaration or a statement",
  "paramDecl:Name": "a parameter name after `param`",
  "paramDecl:StringLiteral": "a string value after `=`",
  "importDecl:StringLiteral": "the path to import, as a string",
  "policyDecl:Name": "a policy name after `policy`",
  "policyDecl:LCurly": "`{` to open the policy",
  "policyDecl:RCurly": "a statement, `use` or `}` to close the policy",
  "useStatement:Name": "a policy name after `use`",
  "roleDecl:Name": "a role name after `role`",
  "roleDecl:LCurly": "`{` to open the role",
  "roleDecl:RCurly": "`trust`, `deny trust`, `attach`, `policy` or `}` to close the role",
  "attachDecl:Name": "a policy name or ARN string after `attach`",
  "trustDecl:Word": "an action after `$prev`",
  // A role's `deny` denies who may assume it; a `deny` of actions belongs in a policy.
  "trustDecl:Trust": "`trust` after `deny` in a role (`deny trust <principals>`; a `deny` of actions goes in a `policy { }`)",
  "principalRef:StringLiteral": "a string after `$prev`",
  "testDecl:StringLiteral": "the test's name, as a string",
  "testDecl:Name": "a policy name after `$prev`",
  "testDecl:LCurly": "`{` to open the test",
  "testDecl:RCurly": "`expect` or `}` to close the test",
  "expectation:Deny": "`deny` after `$prev`",
  "expectation:On": "`on` and the resource after the action",
  "asPrincipal:Name": "a name after `$prev`",
  "contextEntry:Equals": "`=` and a value after the context key",
  "statement:Colon": "`:` after the statement label",
  "resources:On": "`on` after `not`",
  "primary:RParen": "`)` to close the parenthesis",
  "comparison:Case": "`case` after `ignoring`",
  "comparison:Exists": "`exists` after `if`",
  "keyRef:Tag": "`tag` after `$prev`",
  "keyRef:Name": "a tag key after `tag`",
  "list:RBracket": "`,` or `]` to close the list",
  "scalar:StringLiteral": "a default string after `??`",
};

const MAX_SHOWN = 40;

/** How a found token reads in a message: its text in backticks, or "the end of the file". */
export function describeFound(token: IToken | undefined): string {
  if (token === undefined || token.tokenType === EOF) return "the end of the file";
  const text = token.image.length > MAX_SHOWN ? `${token.image.slice(0, MAX_SHOWN)}...` : token.image;
  return `\`${text.replace(/`/g, "'")}\``;
}

function describeTokenType(tokenType: TokenType): string {
  if (tokenType === EOF) return "the end of the file";
  return tokenType.LABEL ?? tokenType.name;
}

function expectedToken(ruleName: string, expected: TokenType, previous: IToken | undefined): string {
  const special = expectedByRuleAndToken[`${ruleName}:${expected.name}`];
  if (special === undefined) return describeTokenType(expected);
  const prev = previous === undefined || previous.tokenType === EOF ? "" : previous.image;
  return special.replace("$prev", prev);
}

/** `a`, `b` or `c` from the first token of each expected path. */
function alternatives(paths: readonly (readonly TokenType[])[]): string {
  const firsts = [...new Set(paths.flatMap((path) => (path[0] === undefined ? [] : [describeTokenType(path[0])])))];
  if (firsts.length === 0) return "something else";
  if (firsts.length === 1) return firsts[0]!;
  return `${firsts.slice(0, -1).join(", ")} or ${firsts[firsts.length - 1]}`;
}

/** Thrown out of the parser when a file has more syntax errors than are worth reporting. */
export class TooManySyntaxErrors extends Error {
  constructor(readonly at: IToken | undefined) {
    super("too many syntax errors");
  }
}

/**
 * Syntax errors the current parse may still report. Chevrotain's recovery rescans the rest of
 * the file for each error, so a file of garbage would take quadratic time; `parse` sets a
 * budget and stops at the error that exhausts it. (Module state, like the one parser.)
 */
let errorBudget = Number.POSITIVE_INFINITY;

/** Sets how many more syntax errors the next parse may report before it is stopped. */
export function setSyntaxErrorBudget(errors: number): void {
  errorBudget = errors;
}

function spend(at: IToken | undefined): void {
  errorBudget -= 1;
  if (errorBudget < 0) throw new TooManySyntaxErrors(at);
}

/** Plugged into the parser; Chevrotain calls it when it records a syntax error. */
export const arpErrorMessages: IParserErrorMessageProvider = {
  buildMismatchTokenMessage({ expected, actual, previous, ruleName }) {
    spend(actual);
    return `expected ${expectedToken(ruleName, expected, previous)}, found ${describeFound(actual)}`;
  },
  buildNotAllInputParsedMessage({ firstRedundant }) {
    spend(firstRedundant);
    return `expected ${expectedByRule["topLevelItem"]}, found ${describeFound(firstRedundant)}`;
  },
  buildNoViableAltMessage({ expectedPathsPerAlt, actual, ruleName }) {
    spend(actual[0]);
    const what = expectedByRule[ruleName] ?? alternatives(expectedPathsPerAlt.flat());
    return `expected ${what}, found ${describeFound(actual[0])}`;
  },
  buildEarlyExitMessage({ expectedIterationPaths, actual, ruleName }) {
    spend(actual[0]);
    const what = expectedByRule[ruleName] ?? alternatives(expectedIterationPaths);
    return `expected ${what}, found ${describeFound(actual[0])}`;
  },
};
