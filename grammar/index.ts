/**
 * The arp grammar: `parse` turns a `.arp` file into the AST defined in `ast.ts`, with every
 * syntax diagnostic. Tokens are exported for tools that need the keyword list (the formatter
 * quotes names that would read as keywords).
 */
export * from "./ast.js";
export { parse, type ParseResult } from "./parse.js";
export { keywords } from "./tokens.js";
