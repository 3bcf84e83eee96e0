/**
 * The `arp` command line. Exit codes: 0 success, 1 errors in the input (or output that could
 * not be written), 2 usage errors, 70 an internal error: a bug in arp, never an input's fault.
 */
import { Command, CommanderError, Help } from "commander";
import { COMMANDS, commandNamed, type CommandEntry } from "./commandIndex.js";
import { terminalLines, terminalText } from "../diagnostics/terminalText.js";
import { EXIT_ERRORS, EXIT_INTERNAL, EXIT_OK, EXIT_USAGE } from "./options.js";
import { UsageError } from "./settings.js";

/** The program without its commands: name, version, global options and error handling. */
function createProgram(): Command {
  return new Command("arp")
    .description("typed policy-as-code for AWS App Runner access: check and compile .arp to IAM JSON")
    .version("0.1.0")
    .option("--no-color", "disable colour")
    .exitOverride()
    // Commander's errors quote the arguments ("unknown option '...'"): escape what they quote.
    .configureOutput({ outputError: (text, write) => write(terminalLines(text)) })
    .showHelpAfterError("(run `arp --help` for usage)");
}

/** The whole command line, every command's module loaded (what `arp --help` describes). */
export async function createCli(): Promise<Command> {
  const program = createProgram();
  for (const command of COMMANDS) (await command.load())(program);
  return program;
}

/**
 * The program for `argv`: only the module of the command it runs is loaded. When it names
 * none (`--version`, `--help`, no arguments, a misspelt command), every command is listed
 * from the command index, for help and "did you mean", without loading any.
 */
export async function createCliFor(argv: readonly string[]): Promise<Command> {
  const program = createProgram();
  const command = commandNamed(argv);
  if (command !== undefined) {
    (await command.load())(program);
    return program;
  }
  const listed = new Map<Command, CommandEntry>();
  for (const entry of COMMANDS) {
    const cmd = program.command(entry.name).description(entry.description).action(() => {
      // commandNamed reads argv as commander does, so a listed command is never the one run.
      throw new Error(`command \`${entry.name}\` ran without its module`);
    });
    listed.set(cmd, entry);
  }
  program.configureHelp({
    subcommandTerm: (cmd) => listed.get(cmd)?.term ?? new Help().subcommandTerm(cmd),
  });
  return program;
}

/**
 * Runs `arp` with `argv` (the arguments after `arp`) and returns the exit code. Never throws:
 * an exception no command expected is reported as an internal error (exit 70) in one line,
 * with the stack only when `ARP_DEBUG` is set.
 */
export async function main(argv: readonly string[]): Promise<number> {
  process.exitCode = undefined;
  try {
    const program = await createCliFor(argv);
    await program.parseAsync([...argv], { from: "user" });
    return typeof process.exitCode === "number" ? process.exitCode : EXIT_OK;
  } catch (e) {
    if (e instanceof CommanderError) {
      return e.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
    }
    if (e instanceof UsageError) {
      process.stderr.write(`error: ${terminalText(e.message)}\n`);
      return EXIT_USAGE;
    }
    reportInternalError(e);
    return EXIT_INTERNAL;
  }
}

/** One line naming the failure and asking for a report; the stack with `ARP_DEBUG=1`. */
export function reportInternalError(e: unknown): void {
  const message = e instanceof Error ? e.message : String(e);
  const stack = e instanceof Error && e.stack !== undefined && debugging() ? `\n${e.stack}` : "";
  try {
    process.stderr.write(`internal error: ${terminalText(message)}\n` +
      "this is a bug in arp: please report it with the command and input that caused it (set ARP_DEBUG=1 for details)" +
      `${terminalLines(stack)}\n`);
  } catch {
    // stderr itself is gone: the exit code still says what happened
  }
}

function debugging(): boolean {
  const flag = process.env.ARP_DEBUG;
  return flag !== undefined && flag !== "" && flag !== "0";
}

/**
 * Failures writing to stdout or stderr end the process without a stack trace: a reader that
 * closes the pipe early (`arp catalog | head`) chose to, so that exits 0; a full disk (ENOSPC)
 * or an I/O error (EIO) means the output is incomplete, so that exits 1 with a one-line note
 * on stderr when stderr still works.
 */
function exitQuietlyOnStreamErrors(): void {
  const onError = (stream: "stdout" | "stderr") => (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE") process.exit(EXIT_OK);
    if (stream === "stdout") {
      try {
        process.stderr.write(`error: cannot write to standard output: ${terminalText(e.code ?? e.message)}\n`);
      } catch {
        // stderr failed too
      }
    }
    process.exit(EXIT_ERRORS);
  };
  process.stdout.on("error", onError("stdout"));
  process.stderr.on("error", onError("stderr"));
}

/** Anything thrown outside `main` (a stream callback, a timer) is still one line, not a trace. */
function exitOnUncaught(): void {
  process.on("uncaughtException", (e) => {
    reportInternalError(e);
    process.exit(EXIT_INTERNAL);
  });
}

const isEntry = process.argv[1] !== undefined && /(?:arp(?:\.js)?|main\.ts)$/.test(process.argv[1]);
if (isEntry) {
  exitQuietlyOnStreamErrors();
  exitOnUncaught();
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
