/** The stdlib's `.arp` texts by file name, which playground/build.mjs embeds into the worker. */
declare module "arp:stdlib-texts" {
  export const STDLIB_TEXTS: Readonly<Record<string, string>>;
}

/** The examples' and stdlib's `.arp` texts by display name, which playground/build.mjs embeds into the page. */
declare module "arp:examples" {
  export const EXAMPLES: Readonly<Record<string, string>>;
}

/** arp's keywords, read from the lexer's token list by playground/build.mjs. */
declare module "arp:keywords" {
  export const KEYWORDS: readonly string[];
}
