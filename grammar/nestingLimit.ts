/**
 * The parser and the builder recurse once per `(` and per `not`, so absurdly deep conditions
 * would overflow the stack; `parse` must never throw. Before parsing, tokens that would nest a
 * condition deeper than `MAX_CONDITION_DEPTH` are dropped (with their matching `)`) and
 * reported once. No real policy comes near the limit.
 */
import type { IToken } from "chevrotain";
import { LParen, Not, RParen } from "./tokens.js";

/** Levels of `(` and `not` a condition may nest. */
export const MAX_CONDITION_DEPTH = 64;

/** The tokens to parse, and the first token dropped for nesting too deeply (if any). */
export function limitNesting(tokens: readonly IToken[]): { tokens: IToken[]; firstDropped?: IToken } {
  const kept: IToken[] = [];
  let firstDropped: IToken | undefined;
  // Per open parenthesis, how many `not`s directly enclose the operand being read there.
  const nots: number[] = [0];
  let depth = 0; // open parentheses plus every `not` in `nots`
  let droppedOpen = 0; // dropped `(` whose `)` must be dropped too
  const drop = (token: IToken) => {
    firstDropped ??= token;
  };
  for (const token of tokens) {
    const type = token.tokenType;
    if (type === Not || type === LParen) {
      if (depth >= MAX_CONDITION_DEPTH) {
        drop(token);
        if (type === LParen) droppedOpen++;
        continue;
      }
      depth++;
      if (type === Not) nots[nots.length - 1]!++;
      else nots.push(0);
    } else if (type === RParen) {
      if (droppedOpen > 0) {
        droppedOpen--;
        drop(token);
        continue;
      }
      if (nots.length > 1) {
        depth -= 1 + nots.pop()!;
        depth -= nots[nots.length - 1]!; // the `not`s before `(` end with its `)`
        nots[nots.length - 1] = 0;
      }
    } else {
      // Any other token completes (or is not) an operand: its enclosing `not`s end here.
      depth -= nots[nots.length - 1]!;
      nots[nots.length - 1] = 0;
    }
    kept.push(token);
  }
  return firstDropped === undefined ? { tokens: kept } : { tokens: kept, firstDropped };
}
