/**
 * `arp diff` inputs from git: `REV:path` (git's own syntax: `path` from the repository's root,
 * or from the current directory when it starts with `./`) is written out of the repository's
 * object store into a temporary directory, which is removed however the comparison ends. Only
 * `.arp` and `.json` files are written; git runs without a shell, its arguments as given.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";

/** A path at a git revision. */
export interface RevisionPath {
  readonly revision: string;
  /** As written after the colon; empty for the whole tree. */
  readonly path: string;
}

/** Why a revision could not be read (git's own message, trimmed). */
export class GitRevisionError extends Error {}

/**
 * `REV:path` when `arg` is written that way and is not an existing file (a Windows drive such
 * as `C:\policies` exists, and a colon in a file name wins over git).
 */
export function parseRevisionPath(arg: string): RevisionPath | undefined {
  const colon = arg.indexOf(":");
  if (colon <= 0 || existsSync(arg)) return undefined;
  return { revision: arg.slice(0, colon), path: arg.slice(colon + 1) };
}

/** `--git REV` with a working-tree path: the same path at REV, from the current directory. */
export function samePathAt(revision: string, path: string): RevisionPath {
  const relative = path.replace(/\\/g, "/").replace(/^\.\//, "");
  return { revision, path: `./${relative}` };
}

function git(args: readonly string[], input?: string): Buffer {
  try {
    return execFileSync("git", args, { input, maxBuffer: 256 * 1024 * 1024, stdio: ["pipe", "pipe", "pipe"] });
  } catch (e) {
    const stderr = (e as { stderr?: Buffer }).stderr?.toString("utf8").trim();
    throw new GitRevisionError(stderr !== undefined && stderr !== "" ? stderr.split("\n")[0]! : (e as Error).message);
  }
}

const WANTED = /\.(arp|json)$/i;

interface Tree {
  /** True when `spec` named one file rather than a directory. */
  readonly single: boolean;
  readonly files: readonly { readonly file: string; readonly text: string }[];
}

/** The blobs under `spec` (a tree or a blob): their paths relative to it, and their text. */
function readTree(spec: string): Tree {
  const type = git(["cat-file", "-t", spec]).toString("utf8").trim();
  if (type === "blob") {
    const name = basename(spec.slice(spec.indexOf(":") + 1)) || "file";
    return { single: true, files: [{ file: name, text: git(["cat-file", "blob", spec]).toString("utf8") }] };
  }
  if (type !== "tree") throw new GitRevisionError(`\`${spec}\` is a ${type}, not a file or directory`);
  const names = git(["ls-tree", "-r", "-z", "--name-only", spec]).toString("utf8").split("\0").filter((n) => n !== "" && WANTED.test(n));
  const base = spec.endsWith("/") || spec.endsWith(":") ? spec : `${spec}/`;
  return { single: false, files: names.map((file) => ({ file, text: git(["cat-file", "blob", `${base}${file}`]).toString("utf8") })) };
}

/**
 * Calls `use` with a directory (or file) holding `at`'s `.arp` and `.json` files as they were
 * at its revision, then removes it, also when `use` throws.
 */
export function withRevision<T>(at: RevisionPath, use: (path: string, root: string) => T): T {
  // A revision git would read as an option is refused, not passed on.
  if (at.revision.startsWith("-")) throw new GitRevisionError(`\`${at.revision}\` is not a revision`);
  const spec = `${at.revision}:${at.path}`;
  const { single, files } = readTree(spec);
  const root = mkdtempSync(join(tmpdir(), "arp-diff-"));
  try {
    for (const { file, text } of files) {
      const target = join(root, file);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, text);
    }
    return use(single && files[0] !== undefined ? join(root, files[0].file) : root, root);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
