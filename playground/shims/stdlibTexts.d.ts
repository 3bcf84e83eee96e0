/** The stdlib's `.arp` texts by file name, which playground/build.mjs embeds into the worker. */
declare module "arp:stdlib-texts" {
  export const STDLIB_TEXTS: Readonly<Record<string, string>>;
}
