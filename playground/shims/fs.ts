/** `node:fs` for the browser worker: reads from the embedded files and the per-service catalog. */
import { listVirtual, readVirtual } from "./virtualFiles.js";

export function existsSync(path: string): boolean {
  return readVirtual(path) !== undefined || listVirtual(path).length > 0;
}

export function readFileSync(path: string): string {
  const text = readVirtual(path);
  if (text === undefined) throw new Error(`ENOENT: ${path}`);
  return text;
}

export function readdirSync(path: string): string[] {
  return listVirtual(path);
}

export function statSync(path: string): { isDirectory(): boolean; isFile(): boolean } {
  const isDir = listVirtual(path).length > 0;
  return { isDirectory: () => isDir, isFile: () => !isDir && readVirtual(path) !== undefined };
}

export default { existsSync, readFileSync, readdirSync, statSync };

/** Opening a file by descriptor is how the compiler reads user files; the playground has none on disk. */
function noDisk(): never {
  throw new Error("ENOENT: the playground has no files on disk");
}

export const constants = { O_RDONLY: 0, O_NOFOLLOW: 0 };
export const openSync = noDisk;
export const fstatSync = noDisk;
export function closeSync(): void {}
