/**
 * Reads `.arp` sources from files and directories (recursively, in a stable order). Missing,
 * unreadable, special (a FIFO, a socket, a device) or non-UTF-8 paths become diagnostics, not
 * exceptions, hangs or replacement characters.
 */
import { closeSync, constants, fstatSync, openSync, readdirSync, readFileSync, statSync, type Dirent } from "node:fs";
import { join, relative } from "node:path";
import type { SourceInput } from "./program.js";
import { diagnostic } from "../../grammar/diagnostics/codes.js";
import type { Diagnostic } from "../../grammar/diagnostics/diagnostic.js";

export interface LoadedSources {
  readonly sources: SourceInput[];
  readonly diagnostics: Diagnostic[];
}

/** Why a source file could not be read, as the diagnostic to report. */
export class SourceReadError extends Error {
  constructor(readonly diagnostic: Diagnostic) {
    super(diagnostic.message);
  }
}

const at = (file: string) => ({ file, start: 0, end: 0 });

/**
 * Decodes bytes as UTF-8, refusing invalid sequences: a Latin-1 file read with replacement
 * characters would lose its bytes when `arp fmt` writes it back. A byte-order mark is kept,
 * as it always was.
 */
export function decodeUtf8(bytes: Uint8Array, file: string): string {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    const offset = firstInvalidUtf8(bytes);
    const line = 1 + bytes.subarray(0, offset).filter((b) => b === 0x0a).length;
    const byte = offset < bytes.length ? `the byte 0x${bytes[offset]!.toString(16).toUpperCase().padStart(2, "0")}` : "a sequence cut off by the end of the file";
    throw new SourceReadError(diagnostic("NotUtf8", at(file), `\`${file}\` is not valid UTF-8: ${byte} on line ${line} (byte offset ${offset})`, {
      hint: "save the file as UTF-8; arp does not guess other encodings",
    }));
  }
}

/** Continuation-byte ranges after each lead byte (RFC 3629's table): `[low, high]` per byte. */
function continuationRanges(lead: number): readonly (readonly [number, number])[] | undefined {
  const tail: readonly [number, number] = [0x80, 0xbf];
  if (lead >= 0xc2 && lead <= 0xdf) return [tail];
  if (lead === 0xe0) return [[0xa0, 0xbf], tail];
  if (lead === 0xed) return [[0x80, 0x9f], tail];
  if (lead >= 0xe1 && lead <= 0xef) return [tail, tail];
  if (lead === 0xf0) return [[0x90, 0xbf], tail, tail];
  if (lead >= 0xf1 && lead <= 0xf3) return [tail, tail, tail];
  if (lead === 0xf4) return [[0x80, 0x8f], tail, tail];
  return undefined;
}

/** The offset of the first byte that starts no valid UTF-8 sequence; only called on failure. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i]!;
    if (lead < 0x80) {
      i++;
      continue;
    }
    const ranges = continuationRanges(lead);
    if (ranges === undefined) return i;
    for (let k = 0; k < ranges.length; k++) {
      const b = bytes[i + 1 + k];
      if (b === undefined || b < ranges[k]![0] || b > ranges[k]![1]) return i;
    }
    i += 1 + ranges.length;
  }
  return i;
}

// Opening a FIFO for reading blocks until a writer comes; O_NONBLOCK makes the open return at
// once, so the type check below (on the file actually opened, not a path that could change)
// can refuse it. Windows has no O_NONBLOCK and no FIFOs to hang on.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/**
 * The text of the regular file at `path` (shown as `file` in diagnostics). Throws
 * {@link SourceReadError} when it does not exist, is not a regular file, cannot be read, or
 * is not UTF-8.
 */
export function readSourceFile(path: string, file = path): string {
  let fd: number;
  try {
    fd = openSync(path, OPEN_FLAGS);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") throw new SourceReadError(diagnostic("FileNotFound", at(file), `\`${file}\` does not exist`));
    throw new SourceReadError(diagnostic("FileUnreadable", at(file), `cannot read \`${file}\`: ${(e as Error).message}`));
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) throw new SourceReadError(diagnostic("FileUnreadable", at(file), `cannot read \`${file}\`: it is a directory`));
    if (!stat.isFile()) {
      throw new SourceReadError(diagnostic("FileUnreadable", at(file), `cannot read \`${file}\`: it is not a regular file (a FIFO, socket or device)`));
    }
    let bytes: Buffer;
    try {
      bytes = readFileSync(fd);
    } catch (e) {
      throw new SourceReadError(diagnostic("FileUnreadable", at(file), `cannot read \`${file}\`: ${(e as Error).message}`));
    }
    return decodeUtf8(bytes, file);
  } finally {
    closeSync(fd);
  }
}

function byName(a: Dirent, b: Dirent): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/** The `.arp` files under `dir`; a directory that cannot be listed is reported and skipped. */
function arpFilesUnder(dir: string, diagnostics: Diagnostic[]): string[] {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true }).sort(byName);
  } catch (e) {
    diagnostics.push(diagnostic("FileUnreadable", at(dir), `cannot read the directory \`${dir}\`: ${(e as Error).message}`));
    return [];
  }
  const out: string[] = [];
  for (const e of entries) {
    if (e.name === "node_modules" || e.name.startsWith(".")) continue;
    const path = join(dir, e.name);
    if (e.isDirectory()) out.push(...arpFilesUnder(path, diagnostics));
    else if (e.isFile() && e.name.endsWith(".arp")) out.push(path);
  }
  return out;
}

/** Expands each path (file or directory) to `.arp` files, reading each once. */
export function loadSources(paths: readonly string[], cwd = process.cwd()): LoadedSources {
  const diagnostics: Diagnostic[] = [];
  const files: string[] = [];
  for (const p of paths) {
    let isDir: boolean;
    try {
      isDir = statSync(p).isDirectory();
    } catch {
      diagnostics.push(diagnostic("FileNotFound", at(p), `\`${p}\` does not exist`));
      continue;
    }
    const before = diagnostics.length;
    const found = isDir ? arpFilesUnder(p, diagnostics) : [p];
    if (found.length === 0 && diagnostics.length === before) diagnostics.push(diagnostic("FileNotFound", at(p), `\`${p}\` holds no \`.arp\` file`));
    files.push(...found);
  }
  const sources: SourceInput[] = [];
  for (const file of [...new Set(files)]) {
    const shown = relative(cwd, file) || file;
    try {
      sources.push({ path: shown.startsWith("..") ? file : shown, text: readSourceFile(file) });
    } catch (e) {
      if (!(e instanceof SourceReadError)) throw e;
      diagnostics.push(e.diagnostic);
    }
  }
  return { sources, diagnostics };
}
