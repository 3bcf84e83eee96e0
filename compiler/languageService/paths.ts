/** Where a span's file is on disk: stdlib spans name `stdlib/<file>.arp`, every other span its path. */
import { join, resolve } from "node:path";
import { isStdlibFile, STDLIB_DIR } from "../stdlib.js";

/** The absolute path of the file a span names. */
export function absolutePath(spanFile: string): string {
  return isStdlibFile(spanFile) ? join(STDLIB_DIR, spanFile.slice("stdlib/".length)) : resolve(spanFile);
}
