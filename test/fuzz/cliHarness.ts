/**
 * Runs the `arp` command line in this process, as `bin/arp.js` does, on files written into a
 * fresh temporary directory, and checks what a hostile input must never cause: an exit code
 * other than 0, 1 or 2, a stack trace or an internal error in the output, or a file written
 * outside that directory.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { main } from "../../compiler/cli/main.js";

/** A file of a case, relative to the directory the command runs in. */
export interface CaseFile {
  readonly name: string;
  readonly content: string | Uint8Array;
}

/** One run of `arp`: the files it finds and its arguments. */
export interface CliCase {
  readonly files: readonly CaseFile[];
  readonly argv: readonly string[];
}

/** What a run printed and returned. */
export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

type Write = typeof process.stdout.write;

/** Runs `main(argv)` with stdout and stderr captured, restoring both (and the exit code) after. */
export async function runInProcess(argv: readonly string[]): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const realOut = process.stdout.write;
  const realErr = process.stderr.write;
  const capture = (append: (s: string) => void): Write =>
    ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      append(typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8"));
      const callback = rest.find((r): r is () => void => typeof r === "function");
      callback?.();
      return true;
    }) as Write;
  process.stdout.write = capture((s) => (stdout += s));
  process.stderr.write = capture((s) => (stderr += s));
  try {
    const code = await main(argv);
    return { code, stdout, stderr };
  } finally {
    process.stdout.write = realOut;
    process.stderr.write = realErr;
    process.exitCode = undefined;
  }
}

// What a terminal would obey rather than show (colour is off: output is not a terminal here).
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/**
 * Why a run is wrong, or undefined when it is fine. `rawStdout` is set when stdout carries a
 * file's text on purpose (`arp import` without `--out` prints the `.arp`, byte for byte when
 * not on a terminal), so only stderr must be free of control characters.
 */
export function problemWith(run: CliRun, leftovers: readonly string[], rawStdout = false): string | undefined {
  if (![0, 1, 2].includes(run.code)) return `exit code ${run.code}`;
  const output = `${run.stdout}\n${run.stderr}`;
  if (/^ {4}at /m.test(output)) return "a stack trace in the output";
  if (output.includes("internal error")) return "an internal error";
  const shown = rawStdout ? run.stderr : output;
  const unsafe = UNSAFE.exec(shown);
  if (unsafe !== null) return `an unescaped control character U+${unsafe[0].charCodeAt(0).toString(16).padStart(4, "0")} in the output`;
  if (leftovers.length > 0) return `wrote outside its directory: ${leftovers.join(", ")}`;
  return undefined;
}

function writeCaseFiles(dir: string, files: readonly CaseFile[]): void {
  for (const f of files) {
    const path = join(dir, f.name);
    mkdirSync(dirname(path), { recursive: true });
    try {
      writeFileSync(path, f.content);
    } catch {
      // a generated name that is also a directory's: the case runs without it
    }
  }
}

/**
 * Runs one case in `<tmp>/case-*\/work` (the process's working directory for the run) and
 * returns the run and what the check found. The directory is always deleted.
 */
export async function runCase(c: CliCase): Promise<{ run: CliRun; problem: string | undefined }> {
  const root = mkdtempSync(join(tmpdir(), "arp-cli-fuzz-"));
  const work = join(root, "work");
  mkdirSync(work);
  const cwd = process.cwd();
  try {
    writeCaseFiles(work, c.files);
    process.chdir(work);
    let run: CliRun;
    try {
      run = await runInProcess(c.argv);
    } finally {
      process.chdir(cwd);
    }
    // Anything beside `work` was written outside the directory the command was given.
    const leftovers = readdirSync(root).filter((n) => n !== "work");
    const printsImport = c.argv[0] === "import" && !c.argv.includes("--out") && !c.argv.includes("-o");
    return { run, problem: problemWith(run, leftovers, printsImport) };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
