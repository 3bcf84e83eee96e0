/**
 * Document URIs and the paths the compiler reads: a `file:` URI is its path; any other URI
 * (an unsaved buffer) is its own name, and its imports resolve against nothing on disk.
 */
import { isAbsolute } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { absolutePath } from "../languageService/index.js";

/** The path the compiler reads a document at. */
export function pathOfUri(uri: string): string {
  return uri.startsWith("file:") ? fileURLToPath(uri) : uri;
}

/** The URI of a file a span names (a document's own path, an import, a stdlib file). */
export function uriOfPath(path: string): string {
  if (/^[a-z][\w+.-]*:/i.test(path) && !isAbsolute(path)) return path;
  return pathToFileURL(absolutePath(path)).href;
}
