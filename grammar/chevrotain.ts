/**
 * Chevrotain's runtime values, loaded from the single-file bundle the package ships
 * (`lib/chevrotain.mjs`) instead of its main entry. The main entry pulls in lodash-es as
 * hundreds of separate modules, which made every `arp` command spend about a second before
 * doing anything; the bundle is the same code in one file and loads in a few milliseconds.
 * The package's `exports` map does not list the bundle, so it is located next to the entry.
 * Types still come from "chevrotain" itself.
 */
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";

type Chevrotain = typeof import("chevrotain");

async function loadBundle(): Promise<Chevrotain> {
  const entry = createRequire(import.meta.url).resolve("chevrotain"); // .../lib/src/api.js
  const bundle = join(dirname(entry), "..", "chevrotain.mjs");
  try {
    return (await import(pathToFileURL(bundle).href)) as Chevrotain;
  } catch {
    // A chevrotain release without the bundle still works, only slower to start.
    return (await import("chevrotain")) as Chevrotain;
  }
}

const chevrotain = await loadBundle();

export const { createToken, Lexer, CstParser, EOF, tokenMatcher, generateCstDts } = chevrotain;
