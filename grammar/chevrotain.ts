/**
 * Chevrotain's runtime values, loaded from the single-file bundle the package ships
 * (`lib/chevrotain.mjs`) instead of its main entry. The main entry pulls in lodash-es as
 * hundreds of separate modules, which made every `arp` command spend about a second before
 * doing anything; the bundle is the same code in one file and loads in a few milliseconds.
 * The package's `exports` map does not list the bundle, so it is located next to the entry.
 * Types still come from "chevrotain" itself.
 *
 * The bundle is loaded with `require` (Node ≥ 20.19 requires ES modules that have no
 * top-level await), not with `await import()`: a top-level await here would make every module
 * above the grammar, the compiler API included, impossible to `require` from CommonJS.
 */
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { ILexerConfig, IParserConfig, ILookaheadStrategy, TokenType, TokenVocabulary } from "chevrotain";

type Chevrotain = typeof import("chevrotain");

function loadBundle(): Chevrotain {
  const require = createRequire(import.meta.url);
  const bundle = join(dirname(require.resolve("chevrotain")), "..", "chevrotain.mjs"); // next to lib/src/api.js
  // A chevrotain release without the bundle still works, only slower to start.
  return require(existsSync(bundle) ? bundle : "chevrotain") as Chevrotain;
}

const chevrotain = loadBundle();

export const { createToken, EOF, tokenMatcher, generateCstDts } = chevrotain;

/**
 * Whether lexers and parsers check their grammar when built. The checks (ambiguities, left
 * recursion, unreachable tokens) cost about 60 ms of every `arp` start and find nothing in a
 * grammar that passed them once, so they are off by default; the test suite turns them on
 * (vitest.config.ts sets `ARP_VALIDATE_GRAMMAR=1`), so a grammar change that breaks them fails
 * there. Chevrotain's `skipValidations` option documents exactly this use.
 */
const validateGrammar = process.env.ARP_VALIDATE_GRAMMAR === "1";

/** Chevrotain's `Lexer`, built without the grammar checks unless `ARP_VALIDATE_GRAMMAR=1`. */
export class Lexer extends chevrotain.Lexer {
  constructor(definitions: TokenType[], config: ILexerConfig = {}) {
    super(definitions, { skipValidations: !validateGrammar, ...config });
  }
}

type LookaheadFunction = (this: unknown, ...args: unknown[]) => unknown;

/**
 * Chevrotain's LL(k) lookahead, each decision's function built the first time the parser
 * takes that decision instead of all of them when the parser is built. Building them all is
 * the largest part of constructing the parser (a third of a short `arp check`), and a file
 * takes only the decisions its constructs need. The functions are the same ones, built from
 * the same arguments; the grammar checks (`validate`) are inherited unchanged.
 */
class LazyLookahead extends chevrotain.LLkLookaheadStrategy implements ILookaheadStrategy {
  override buildLookaheadForAlternation(options: Parameters<ILookaheadStrategy["buildLookaheadForAlternation"]>[0]) {
    return lazily(() => super.buildLookaheadForAlternation(options) as LookaheadFunction) as ReturnType<ILookaheadStrategy["buildLookaheadForAlternation"]>;
  }

  override buildLookaheadForOptional(options: Parameters<ILookaheadStrategy["buildLookaheadForOptional"]>[0]) {
    return lazily(() => super.buildLookaheadForOptional(options) as LookaheadFunction) as ReturnType<ILookaheadStrategy["buildLookaheadForOptional"]>;
  }
}

/** A function that builds `build()` on its first call and forwards every call (and `this`) to it. */
function lazily(build: () => LookaheadFunction): LookaheadFunction {
  let built: LookaheadFunction | undefined;
  return function (this: unknown, ...args: unknown[]) {
    built ??= build();
    return built.apply(this, args);
  };
}

/**
 * Chevrotain's `CstParser`, built without the grammar checks unless `ARP_VALIDATE_GRAMMAR=1`,
 * and with each lookahead function built when first needed ({@link LazyLookahead}).
 */
export class CstParser extends chevrotain.CstParser {
  constructor(tokens: TokenVocabulary, config: IParserConfig = {}) {
    super(tokens, {
      skipValidations: !validateGrammar,
      lookaheadStrategy: new LazyLookahead(config.maxLookahead === undefined ? {} : { maxLookahead: config.maxLookahead }),
      ...config,
    });
  }
}
