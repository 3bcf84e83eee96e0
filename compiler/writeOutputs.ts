/**
 * Writes arp's outputs so that nobody ever sees a mixed set and no user's file is lost.
 *
 * `writeOwnedDirectory` (arp compile): the output directory is arp's, as far as its manifest
 * says. The complete new directory is built as a sibling, `.<dir>.arp-new-<random>` (same
 * parent, hence same file system): the new files are created there with exclusive create
 * (`wx`, so nothing planted is followed), and every entry of the old directory that the old
 * manifest does not list is carried over as a hard link (directories are rebuilt with hard
 * links inside, symbolic links are re-created, never followed). Files the old manifest lists
 * and this compile does not write are not carried over: stale outputs disappear, unless their
 * text no longer has the SHA-256 the old manifest recorded (someone edited them): those are
 * carried over and reported as kept, and a new output that would overwrite such a file is
 * refused, since nothing a user wrote is lost. Then two
 * renames switch the sets: `<dir>` → `.<dir>.arp-old-<random>`, the new one → `<dir>`. Top-level
 * entries arp did not write that appeared in the old directory meanwhile are moved over, and
 * the old directory is renamed to `-del-` and deleted. A reader sees the old complete set,
 * then (for the instant between the renames) no directory, then the new complete set.
 *   On any failure before the switch, the staging directory is removed and `<dir>` is exactly
 * as it was. A crash (kill -9, power loss) leaves siblings that the next write resolves before
 * doing anything, and says so: a leftover `-new-` or `-del-` is deleted (the first only
 * duplicates files, the second was being deleted); with `<dir>` missing, a leftover `-old-` is
 * renamed back; with `<dir>` present (the crash came after the switch), what the `-old-` holds
 * that arp did not write and `<dir>` lacks is moved over, and the rest deleted.
 *   An output name that exists in `<dir>` but is not listed in the old manifest is refused:
 * arp does not replace a file it did not write. Needs write access to `<dir>`'s parent, and
 * `<dir>` must not be a mount point nor hold the current directory. One compile per directory
 * at a time: a second one running at once may delete the first one's staging directory (the
 * first then fails, leaving `<dir>` as it was).
 *
 * `addFiles` (arp import, into a user's directory): nothing is ever deleted. Each file is
 * written to an exclusive random temporary name beside its final name, then renamed over it;
 * if a rename fails, the files already renamed are put back as they were.
 *
 * Both refuse, before touching the disk, any name that is not a plain file name directly
 * inside the directory: the compiler's checks should make that impossible, this is the last
 * line of defence.
 */
import { randomBytes } from "node:crypto";
import * as nodeFs from "node:fs";
import { basename, dirname, join, resolve, sep } from "node:path";
import { contentHash, filesClaimedBy, hashesRecordedBy, MANIFEST_NAME } from "./manifest.js";

export interface OutputFile {
  /** File name relative to the output directory: a plain name, no directories. */
  readonly name: string;
  readonly text: string;
}

/** What a write did besides writing. */
export interface WriteReport {
  /** What an interrupted earlier write had left and how it was resolved, if anything. */
  readonly recovered?: string;
  /** Files an earlier compile wrote that this one did not, now removed. */
  readonly removed: readonly string[];
  /**
   * Files an earlier compile wrote that this one did not, kept because they changed since
   * (their text no longer has the hash the manifest recorded): they are now the user's.
   */
  readonly kept: readonly string[];
}

/**
 * What the writers read of an entry's status: the part of `fs.Stats` they use, declared here so
 * that arp's published types do not depend on Node's type declarations.
 */
export interface EntryStats {
  readonly mode: number;
  isFile(): boolean;
  isDirectory(): boolean;
  isSymbolicLink(): boolean;
}

/**
 * The file-system operations the writers use. Tests replace them to make one fail, or to stop
 * every operation after a given one as a crash would.
 */
export interface FsOps {
  lstat(path: string): EntryStats | undefined;
  readdir(path: string): string[];
  readText(path: string): string;
  mkdir(path: string): void;
  /** Creates `path`, failing if anything (a file, a symbolic link) is already there. */
  writeExclusive(path: string, text: string): void;
  link(existing: string, path: string): void;
  copyExclusive(existing: string, path: string): void;
  readlink(path: string): string;
  symlink(target: string, path: string): void;
  rename(from: string, to: string): void;
  chmod(path: string, mode: number): void;
  /** Removes a file or a whole directory; never follows a symbolic link. */
  remove(path: string): void;
  realpath(path: string): string;
}

export const realFs: FsOps = {
  lstat: (p) => nodeFs.lstatSync(p, { throwIfNoEntry: false }),
  readdir: (p) => nodeFs.readdirSync(p),
  readText: (p) => nodeFs.readFileSync(p, "utf8"),
  mkdir: (p) => nodeFs.mkdirSync(p),
  writeExclusive: (p, text) => nodeFs.writeFileSync(p, text, { flag: "wx" }),
  link: (a, b) => nodeFs.linkSync(a, b),
  copyExclusive: (a, b) => nodeFs.copyFileSync(a, b, nodeFs.constants.COPYFILE_EXCL),
  readlink: (p) => nodeFs.readlinkSync(p),
  symlink: (target, p) => nodeFs.symlinkSync(target, p),
  rename: (a, b) => nodeFs.renameSync(a, b),
  chmod: (p, mode) => nodeFs.chmodSync(p, mode),
  remove: (p) => nodeFs.rmSync(p, { recursive: true, force: true }),
  realpath: (p) => nodeFs.realpathSync(p),
};

/**
 * Creates `dir` and its missing parents one level at a time. Node 20's `mkdirSync(recursive)`
 * never returns on some file systems (`/proc`) when a level cannot be created; this throws.
 */
export function makeDirectory(dir: string, fs: FsOps = realFs): void {
  const missing: string[] = [];
  for (let d = resolve(dir); fs.lstat(d) === undefined; d = dirname(d)) {
    missing.push(d);
    if (dirname(d) === d) break;
  }
  for (const d of missing.reverse()) fs.mkdir(d);
}

/** @throws an internal error unless every name is a distinct plain file name directly inside `dir`. */
export function assertPlainFileNames(dir: string, files: readonly OutputFile[]): void {
  const seen = new Set<string>();
  for (const { name } of files) {
    const plain = name !== "" && name !== "." && name !== ".." && !/[/\\\0]/.test(name) &&
      dirname(resolve(dir, name)) === resolve(dir) && basename(resolve(dir, name)) === name;
    if (!plain) throw new Error(`internal error: refusing to write ${JSON.stringify(name)}: not a plain file name inside \`${dir}\``);
    if (seen.has(name.toLowerCase())) throw new Error(`internal error: two outputs named ${JSON.stringify(name)} (ignoring case)`);
    seen.add(name.toLowerCase());
  }
}

function randomSuffix(): string {
  return randomBytes(8).toString("hex");
}

/** Removes `path`, ignoring failure: used while already failing, or for leftovers only. */
function removeQuietly(fs: FsOps, path: string): void {
  try {
    fs.remove(path);
  } catch {
    // A leftover sibling is recovered by the next write; the original error matters more.
  }
}

// ---- compile: the output directory as one unit ----------------------------------------------

/**
 * Makes `outDir` hold exactly `files` plus everything arp did not write, switching from the old
 * set to the new one at once (see the comment at the top of this file).
 * @throws when the set cannot be written; `outDir` is then as it was.
 */
export function writeOwnedDirectory(outDir: string, files: readonly OutputFile[], fs: FsOps = realFs): WriteReport {
  assertPlainFileNames(outDir, files);
  const target = resolveTarget(outDir, fs);
  refuseWorkingDirectory(outDir, target, fs);
  const recovered = recover(target, fs);
  const existing = fs.lstat(target);
  if (existing !== undefined && !existing.isDirectory()) throw new Error(`\`${outDir}\` exists and is not a directory`);
  const staging = join(dirname(target), `${siblingPrefix(target)}new-${randomSuffix()}`);
  fs.mkdir(staging);
  let removed: string[] = [];
  let kept: string[] = [];
  try {
    for (const f of files) fs.writeExclusive(join(staging, f.name), f.text);
    if (existing !== undefined) {
      ({ removed, kept } = carryOverForeign(target, staging, new Set(files.map((f) => f.name.toLowerCase())), fs));
      fs.chmod(staging, existing.mode & 0o7777);
    }
  } catch (e) {
    removeQuietly(fs, staging);
    throw e;
  }
  if (existing === undefined) {
    try {
      fs.rename(staging, target);
    } catch (e) {
      removeQuietly(fs, staging);
      throw e;
    }
  } else switchDirectories(target, staging, fs);
  return { ...(recovered !== undefined ? { recovered } : {}), removed, kept };
}

/** The real directory to replace: a symbolic link to a directory is kept, and its target replaced. */
function resolveTarget(outDir: string, fs: FsOps): string {
  const abs = resolve(outDir);
  if (dirname(abs) === abs) throw new Error(`\`${outDir}\` is the root directory; give arp an output directory of its own`);
  if (fs.lstat(abs) !== undefined) return fs.realpath(abs);
  makeDirectory(dirname(abs), fs);
  return join(fs.realpath(dirname(abs)), basename(abs));
}

/**
 * Switching the directory that holds the working directory would leave this process (and the
 * shell that started it) in a deleted directory, and carry a whole project over file by file.
 */
function refuseWorkingDirectory(outDir: string, target: string, fs: FsOps): void {
  let cwd: string;
  try {
    cwd = fs.realpath(process.cwd());
  } catch {
    return; // no working directory to protect
  }
  if (cwd === target || cwd.startsWith(target.endsWith(sep) ? target : `${target}${sep}`)) {
    throw new Error(`\`${outDir}\` is or contains the current directory; give arp an output directory of its own (e.g. \`build/iam\`)`);
  }
}

/** `.<name>.arp-`: the prefix of the staging and backup siblings of `target`. */
function siblingPrefix(target: string): string {
  return `.${basename(target)}.arp-`;
}

function claimedFiles(dir: string, fs: FsOps): Set<string> {
  const manifest = join(dir, MANIFEST_NAME);
  const st = fs.lstat(manifest);
  if (st === undefined || !st.isFile()) return new Set();
  // The manifest's own name is arp's whatever its content says.
  return new Set([MANIFEST_NAME, ...filesClaimedBy(fs.readText(manifest))].map((n) => n.toLowerCase()));
}

/**
 * Links into `staging` every entry of `target` that the old manifest does not claim, and every
 * claimed file that changed since arp wrote it; returns the claimed, unchanged files that are
 * not written again (the stale outputs, `removed`) and the changed ones kept (`kept`).
 * @throws when a new output would replace an entry arp did not write, or one changed since.
 */
function carryOverForeign(target: string, staging: string, written: ReadonlySet<string>, fs: FsOps): { removed: string[]; kept: string[] } {
  const claimed = claimedFiles(target, fs);
  const edited = editedSince(target, fs);
  const removed: string[] = [];
  const kept: string[] = [];
  for (const entry of fs.readdir(target).sort()) {
    const key = entry.toLowerCase();
    const path = join(target, entry);
    const ours = claimed.has(key) && fs.lstat(path)?.isFile() === true;
    if (written.has(key)) {
      if (ours && !edited(key, path)) continue;
      if (ours) {
        throw new Error(`\`${path}\` changed since arp wrote it (its text no longer has the hash ${MANIFEST_NAME} recorded), so arp will not overwrite it: move it away or delete it, then compile again`);
      }
      throw new Error(`\`${path}\` was not written by arp (${MANIFEST_NAME} does not list it), so arp will not replace it: move it away`);
    }
    if (ours && !edited(key, path)) removed.push(entry);
    else {
      if (ours) kept.push(entry);
      carryOver(path, join(staging, entry), fs);
    }
  }
  return { removed, kept };
}

/**
 * Whether a claimed file's text differs from what arp wrote, by the hash the manifest recorded.
 * A file the manifest has no hash for (a manifest from before hashes) counts as unchanged.
 */
function editedSince(dir: string, fs: FsOps): (key: string, path: string) => boolean {
  const manifest = join(dir, MANIFEST_NAME);
  const recorded = fs.lstat(manifest)?.isFile() === true ? hashesRecordedBy(fs.readText(manifest)) : new Map<string, string>();
  return (key, path) => {
    const hash = recorded.get(key);
    return hash !== undefined && contentHash(fs.readText(path)) !== hash;
  };
}

/** Re-creates `from` at `to` without copying file contents, so both share every file. */
function carryOver(from: string, to: string, fs: FsOps): void {
  const st = fs.lstat(from);
  if (st === undefined) return; // removed meanwhile: nothing to keep
  if (st.isSymbolicLink()) {
    fs.symlink(fs.readlink(from), to);
  } else if (st.isDirectory()) {
    fs.mkdir(to);
    for (const entry of fs.readdir(from)) carryOver(join(from, entry), join(to, entry), fs);
    fs.chmod(to, st.mode & 0o7777);
  } else {
    try {
      fs.link(from, to);
    } catch (e) {
      throw new Error(`cannot keep \`${from}\`, which arp did not write, in the new output directory: ${(e as Error).message}`, { cause: e });
    }
  }
}

/**
 * The two renames; on failure of the second, the first is undone. Then the old directory goes:
 * first whatever arp did not write and appeared in it while the new set was staged is moved
 * over, then it is renamed to `-del-` (so a crash while deleting cannot leave a half-deleted
 * backup that looks like one to restore) and deleted.
 */
function switchDirectories(target: string, staging: string, fs: FsOps): void {
  const backup = join(dirname(target), `${siblingPrefix(target)}old-${randomSuffix()}`);
  try {
    fs.rename(target, backup);
  } catch (e) {
    removeQuietly(fs, staging);
    throw e;
  }
  try {
    fs.rename(staging, target);
  } catch (e) {
    fs.rename(backup, target);
    removeQuietly(fs, staging);
    throw e;
  }
  discardBackup(backup, target, fs);
}

/** `discard`, leaving whatever fails to the next write's recovery: the new set is in place. */
function discardBackup(backup: string, target: string, fs: FsOps): void {
  try {
    discard(backup, target, fs);
  } catch {
    // The next write resolves the backup (or says what needs a person).
  }
}

/**
 * Moves into `target` what `backup` holds that arp did not write and `target` lacks, then
 * renames `backup` to `-del-` and deletes it. @returns the names moved.
 */
function discard(backup: string, target: string, fs: FsOps): string[] {
  const moved = foreignEntriesMissingFrom(backup, target, fs);
  for (const entry of moved) fs.rename(join(backup, entry), join(target, entry));
  const doomed = join(dirname(target), `${siblingPrefix(target)}del-${randomSuffix()}`);
  fs.rename(backup, doomed);
  removeQuietly(fs, doomed);
  return moved;
}

/**
 * Resolves what an interrupted write left beside `target` (see the top of this file).
 * @returns a sentence saying what was done, or undefined when nothing was left.
 * @throws when the leftovers cannot be resolved (several backups and no `target`, a failed move).
 */
function recover(target: string, fs: FsOps): string | undefined {
  const parent = dirname(target);
  const prefix = siblingPrefix(target);
  const siblings = fs.readdir(parent).filter((n) => n.startsWith(prefix)).sort();
  const stagings = siblings.filter((n) => n.startsWith(`${prefix}new-`)).map((n) => join(parent, n));
  const backups = siblings.filter((n) => n.startsWith(`${prefix}old-`)).map((n) => join(parent, n));
  const doomed = siblings.filter((n) => n.startsWith(`${prefix}del-`)).map((n) => join(parent, n));
  if (stagings.length === 0 && backups.length === 0 && doomed.length === 0) return undefined;
  const done: string[] = [];
  for (const d of doomed) fs.remove(d);
  if (doomed.length > 0) done.push(`finished deleting ${doomed.map((d) => `\`${d}\``).join(", ")}`);
  if (fs.lstat(target) === undefined && backups.length > 0) {
    if (backups.length > 1) throw new Error(`\`${target}\` is missing and several earlier outputs are left beside it (${backups.join(", ")}): restore one by hand`);
    fs.rename(backups[0] as string, target);
    done.push(`restored the previous outputs from \`${backups[0]}\``);
    backups.length = 0;
  }
  for (const s of stagings) fs.remove(s);
  if (stagings.length > 0) done.push(`removed the unfinished outputs in ${stagings.map((s) => `\`${s}\``).join(", ")}`);
  for (const b of backups) {
    const moved = discard(b, target, fs);
    done.push(`removed the previous outputs left in \`${b}\`${moved.length > 0 ? ` after moving ${moved.map((m) => `\`${m}\``).join(", ")} (not written by arp) into \`${target}\`` : ""}`);
  }
  return `an earlier compile was interrupted: ${done.join("; ")}`;
}

function foreignEntriesMissingFrom(backup: string, target: string, fs: FsOps): string[] {
  const claimed = claimedFiles(backup, fs);
  const present = new Set(fs.lstat(target)?.isDirectory() === true ? fs.readdir(target).map((n) => n.toLowerCase()) : []);
  return fs.readdir(backup).filter((n) => !claimed.has(n.toLowerCase()) && !present.has(n.toLowerCase())).sort();
}

// ---- import: files added to a user's directory ------------------------------------------------

/**
 * Writes `files` into `dir`, replacing files of the same names and touching nothing else: all
 * are written or, as far as the file system lets arp undo a rename, none.
 */
export function addFiles(dir: string, files: readonly OutputFile[], fs: FsOps = realFs): void {
  assertPlainFileNames(dir, files);
  makeDirectory(dir, fs);
  const staged: { temp: string; final: string; previous?: string }[] = [];
  const renamed: typeof staged = [];
  try {
    for (const f of files) {
      const temp = join(dir, `.${f.name}.${randomSuffix()}.tmp`);
      fs.writeExclusive(temp, f.text);
      staged.push({ temp, final: join(dir, f.name) });
    }
    for (const s of staged) s.previous = keepPrevious(s.final, fs);
    for (const s of staged) {
      fs.rename(s.temp, s.final);
      renamed.push(s);
    }
  } catch (e) {
    for (const s of renamed.reverse()) {
      try {
        if (s.previous !== undefined) fs.rename(s.previous, s.final);
        else fs.remove(s.final);
      } catch {
        // Undo as much as the file system allows; the error below says what failed.
      }
    }
    for (const s of staged) {
      removeQuietly(fs, s.temp);
      if (s.previous !== undefined && fs.lstat(s.previous) !== undefined) removeQuietly(fs, s.previous);
    }
    throw e;
  }
  for (const s of staged) if (s.previous !== undefined) removeQuietly(fs, s.previous);
}

/** A second name for the file at `final`, so that replacing it can be undone. */
function keepPrevious(final: string, fs: FsOps): string | undefined {
  const st = fs.lstat(final);
  if (st === undefined) return undefined;
  if (!st.isFile()) throw new Error(`\`${final}\` exists and is not a file`);
  const previous = join(dirname(final), `.${basename(final)}.${randomSuffix()}.old`);
  try {
    fs.link(final, previous);
  } catch {
    fs.copyExclusive(final, previous);
  }
  return previous;
}

/**
 * `arp import --out`'s writer, kept under its former name: adds or replaces `files` in `dir`
 * and never deletes anything else (see `addFiles`).
 */
export const writeOutputsAtomically: (dir: string, files: readonly OutputFile[], fs?: FsOps) => void = addFiles;
