/**
 * The `arp` command line. Exit codes: 0 success, 1 errors in the input, 2 usage errors.
 */
import { Command, CommanderError } from "commander";
import { registerCatalogCommand } from "./catalogCommand.js";
import { registerFmtCommand } from "./fmtCommand.js";
import { registerCheckCommand, registerCompileCommand } from "./compileCommands.js";
import { registerTestCommand } from "./testCommand.js";
import { registerImportCommand } from "./importCommand.js";
import { registerEvalCommand, registerWhyCommand } from "./evalCommands.js";
import { EXIT_OK, EXIT_USAGE } from "./options.js";
import { UsageError } from "./settings.js";


export function buildProgram(): Command {
  const program = new Command("arp")
    .description("typed policy-as-code for AWS App Runner access: check and compile .arp to IAM JSON")
    .version("0.1.0")
    .option("--no-color", "disable colour")
    .exitOverride()
    .configureOutput({ outputError: (text, write) => write(text) })
    .showHelpAfterError("(run `arp --help` for usage)");
  registerCheckCommand(program);
  registerCompileCommand(program);
  registerCatalogCommand(program);
  registerTestCommand(program);
  registerFmtCommand(program);
  registerImportCommand(program);
  registerEvalCommand(program);
  registerWhyCommand(program);
  return program;
}

export async function main(argv: readonly string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync([...argv], { from: "user" });
    return typeof process.exitCode === "number" ? process.exitCode : EXIT_OK;
  } catch (e) {
    if (e instanceof CommanderError) {
      return e.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
    }
    if (e instanceof UsageError) {
      process.stderr.write(`error: ${e.message}\n`);
      return EXIT_USAGE;
    }
    throw e;
  }
}

/** `arp catalog | head` closes the pipe early: that is the reader's choice, not an error. */
function exitQuietlyOnClosedPipe(): void {
  process.stdout.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE") process.exit(0);
    throw e;
  });
}

const isEntry = process.argv[1] !== undefined && /(?:arp(?:\.js)?|main\.ts)$/.test(process.argv[1]);
if (isEntry) {
  exitQuietlyOnClosedPipe();
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exitCode = 70;
    },
  );
}
