/**
 * grammar/chevrotain.ts builds lexers and parsers without Chevrotain's grammar checks unless
 * `ARP_VALIDATE_GRAMMAR=1`, which vitest.config.ts sets: the suite must really run them, or a
 * broken grammar would only show as wrong parses.
 */
import { describe, expect, it } from "vitest";
import { createToken, CstParser, Lexer } from "../../grammar/chevrotain.js";
import { arpParser } from "../../grammar/parser.js";

describe("the Chevrotain adapter under the test suite", () => {
  it("runs the lexer's checks: a token whose pattern matches the empty string is rejected", () => {
    expect(process.env.ARP_VALIDATE_GRAMMAR).toBe("1");
    const Empty = createToken({ name: "Empty", pattern: /a*/ });
    expect(() => new Lexer([Empty])).toThrow(/empty/i);
  });

  it("runs the parser's checks: a left-recursive rule is rejected", () => {
    const A = createToken({ name: "A", pattern: /a/ });
    class LeftRecursive extends CstParser {
      constructor() {
        super([A]);
        this.performSelfAnalysis();
      }
      public list = this.RULE("list", () => {
        this.SUBRULE(this.list);
        this.CONSUME(A);
      });
    }
    expect(() => new LeftRecursive()).toThrow(/left recursion/i);
  });

  it("arp's own grammar passes the checks (building it would have thrown)", () => {
    expect(arpParser).toBeInstanceOf(CstParser);
  });
});
