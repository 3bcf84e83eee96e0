/**
 * The grammar's entry point: text → AST plus every syntax diagnostic, in one pass that never
 * throws. Lexing reports unknown characters (ARP1001), unterminated strings (ARP1003) and
 * comments (ARP1004); the parser recovers from each syntax error (ARP1002) and carries on, and
 * the builder turns whatever was recognized into the best partial AST.
 */
import type { ILexingError, IRecognitionException, IToken } from "chevrotain";
import { diagnostic } from "./diagnostics/codes.js";
import { type Diagnostic, sortDiagnostics } from "./diagnostics/diagnostic.js";
import type { Comment, SourceFile } from "./ast.js";
import { type BuildContext, isReal, makeSpan, tokenSpan } from "./buildContext.js";
import type { FileCstNode } from "./cst.js";
import { buildSourceFile } from "./cstToAst.js";
import { isClosedString } from "./lexPatterns.js";
import { reportLongTokens, sourceTooLarge } from "./inputLimits.js";
import { limitNesting, MAX_CONDITION_DEPTH } from "./nestingLimit.js";
import { arpParser } from "./parser.js";
import { setSyntaxErrorBudget, TooManySyntaxErrors } from "./parserMessages.js";
import { arpLexer, BlockComment, COMMENTS_GROUP, SingleQuotedString, StringLiteral } from "./tokens.js";

/** What `parse` returns: the (possibly partial) tree and the diagnostics, sorted by position. */
export interface ParseResult {
  readonly ast: SourceFile;
  readonly diagnostics: Diagnostic[];
}

/**
 * Parses one `.arp` file. `file` is the name spans carry. Never throws; every span lies within
 * `[0, text.length]`. With syntax errors the AST holds everything that could be recognized.
 */
export function parse(text: string, file: string): ParseResult {
  const tooLarge = sourceTooLarge(text, file);
  if (tooLarge !== undefined) {
    const span = { file, start: 0, end: 0 };
    return { ast: { kind: "File", items: [], comments: [], span }, diagnostics: [tooLarge] };
  }
  const ctx: BuildContext = { file, text, diagnostics: [] };
  const lexed = arpLexer.tokenize(text);
  reportLexingErrors(ctx, lexed.errors);
  reportLongTokens(ctx, lexed.tokens);
  reportStringTokens(ctx, lexed.tokens);
  const comments = buildComments(ctx, lexed.groups[COMMENTS_GROUP] ?? []);
  const { tokens, firstDropped } = limitNesting(lexed.tokens);
  if (firstDropped !== undefined) {
    ctx.diagnostics.push(
      diagnostic("UnexpectedToken", tokenSpan(ctx, firstDropped, 0), `conditions nest more than ${MAX_CONDITION_DEPTH} levels deep`, {
        hint: "split the condition, or name its parts with separate statements",
      }),
    );
  }
  const { cst, errors } = parseTokens(ctx, tokens);
  reportSyntaxErrors(ctx, errors, lexed.tokens);
  const ast = buildSourceFile(ctx, cst, comments);
  return { ast, diagnostics: sortDiagnostics(ctx.diagnostics) };
}

/** More syntax errors than this and the file is not worth reading on. */
export const MAX_SYNTAX_ERRORS = 100;

/**
 * Runs the shared parser. After `MAX_SYNTAX_ERRORS` errors the parse is stopped and the file is
 * parsed again up to the token where it stopped, which is reported. Recovery decides by looking
 * ahead, so the second run may find a few errors more or less; it gets no budget.
 */
function parseTokens(ctx: BuildContext, tokens: readonly IToken[]): { cst: FileCstNode; errors: IRecognitionException[] } {
  try {
    return runParser(tokens, MAX_SYNTAX_ERRORS);
  } catch (error) {
    if (!(error instanceof TooManySyntaxErrors)) throw error;
    const cut = error.at === undefined ? -1 : tokens.indexOf(error.at);
    const end = cut < 0 ? tokens.length : cut;
    const message = "too many syntax errors: arp stopped reading the file here";
    ctx.diagnostics.push(diagnostic("UnexpectedToken", tokenSpan(ctx, tokens[end], ctx.text.length), message));
    return runParser(tokens.slice(0, end), Number.POSITIVE_INFINITY);
  }
}

function runParser(tokens: readonly IToken[], budget: number): { cst: FileCstNode; errors: IRecognitionException[] } {
  setSyntaxErrorBudget(budget);
  try {
    arpParser.input = [...tokens];
    const cst = arpParser.file() as FileCstNode;
    return { cst, errors: [...arpParser.errors] };
  } finally {
    arpParser.input = []; // don't keep the last file's tokens alive
    setSyntaxErrorBudget(Number.POSITIVE_INFINITY);
  }
}

const characterHints: ReadonlyMap<string, string> = new Map(Object.entries({
  ";": "arp needs no `;`: a statement ends where the next one begins",
  $: "a variable is `$name`, an interpolation `${name}`",
}));

function reportLexingErrors(ctx: BuildContext, errors: readonly ILexingError[]): void {
  for (const error of errors) {
    const span = makeSpan(ctx, error.offset, error.offset + Math.max(1, error.length));
    const found = ctx.text.slice(span.start, span.end);
    const hint = characterHints.get(found[0] ?? "");
    const message = `unexpected ${found.length > 1 ? "characters" : "character"} \`${found}\``;
    ctx.diagnostics.push(diagnostic("UnexpectedCharacter", span, message, hint !== undefined ? { hint } : {}));
  }
}

/** Unclosed strings (ARP1003), and single-quoted ones (ARP1001), which the parser read as strings. */
function reportStringTokens(ctx: BuildContext, tokens: readonly IToken[]): void {
  for (const token of tokens) {
    if (token.tokenType === SingleQuotedString) {
      const content = token.image.slice(1, isClosedString(token.image) ? -1 : undefined);
      ctx.diagnostics.push(
        diagnostic("UnexpectedCharacter", tokenSpan(ctx, token, 0), "unexpected character `'`: strings are written in double quotes", {
          hint: `write \`"${content.replace(/"/g, '\\"')}"\``,
        }),
      );
    } else if (token.tokenType === StringLiteral && !isClosedString(token.image)) {
      ctx.diagnostics.push(
        diagnostic("UnterminatedString", tokenSpan(ctx, token, 0), "unterminated string: expected `\"` before the end of the line", {
          hint: 'strings cannot span lines; write `\\n` for a line break and `\\"` for a quote',
        }),
      );
    }
  }
}

/** Comments keep their text as written, delimiters included; an unclosed `/*` is ARP1004. */
function buildComments(ctx: BuildContext, tokens: readonly IToken[]): Comment[] {
  return tokens.map((token) => {
    const span = tokenSpan(ctx, token, 0);
    const block = token.tokenType === BlockComment;
    if (block && (token.image.length < 4 || !token.image.endsWith("*/"))) {
      ctx.diagnostics.push(
        diagnostic("UnterminatedComment", makeSpan(ctx, span.start, span.start + 2), "unterminated block comment: expected `*/` before the end of the file"),
      );
    }
    return { kind: "Comment", text: token.image, block, span };
  });
}

/**
 * One ARP1002 per error position. An error at the end of the file points just after the last
 * token, where the missing text would go, rather than past trailing blank lines.
 */
function reportSyntaxErrors(ctx: BuildContext, errors: readonly IRecognitionException[], tokens: readonly IToken[]): void {
  const last = tokens[tokens.length - 1];
  const endOfInput = isReal(last) ? last.startOffset + last.image.length : ctx.text.length;
  const seen = new Set<number>();
  for (const error of errors) {
    const span = tokenSpan(ctx, error.token, endOfInput);
    if (seen.has(span.start)) continue;
    seen.add(span.start);
    const hint = variableForStringHint(error);
    ctx.diagnostics.push(diagnostic("UnexpectedToken", span, error.message, hint !== undefined ? { hint } : {}));
  }
}

/**
 * `trust account $auditor`: a `$name` where a string is expected. A parameter or variable goes
 * into a string as `${name}`, so the hint writes the string the user meant.
 */
function variableForStringHint(error: IRecognitionException): string | undefined {
  const image = error.token.image;
  if (!/^\$[A-Za-z_]/.test(image) || !/^expected (a|the) [^,]*string/.test(error.message)) return undefined;
  return `write \`"\${${image.slice(1)}}"\`: a parameter or variable is used inside a string`;
}
