/**
 * Every `arp` command: its name, its line in `arp --help`, and the module that defines it.
 *
 * A command's module imports what the command runs (the parser, the catalog, prettier, ...),
 * which takes far longer to load than `arp --version` or `arp --help` take to answer. So the
 * command line loads only the module of the command it runs, and prints the command list from
 * this table without loading any. test/cli/lazyCommands.test.ts holds the table to what the
 * modules register, so `arp --help` reads the same either way.
 */
import type { Command } from "commander";

/** Adds a command (options, arguments, action) to the program. */
export type RegisterCommand = (program: Command) => void;

export interface CommandEntry {
  readonly name: string;
  /** How `arp --help` lists the command: name, `[options]` and arguments. */
  readonly term: string;
  readonly description: string;
  /** Loads the command's module and returns the function that registers it. */
  readonly load: () => Promise<RegisterCommand>;
}

export const COMMANDS: readonly CommandEntry[] = [
  {
    name: "check",
    term: "check [options] <paths...>",
    description: "type-check .arp files and report every problem; writes nothing",
    load: async () => (await import("./compileCommands.js")).registerCheckCommand,
  },
  {
    name: "compile",
    term: "compile [options] <paths...>",
    description: "compile .arp files to one IAM JSON policy per policy; on any error nothing is written",
    load: async () => (await import("./compileCommands.js")).registerCompileCommand,
  },
  {
    name: "lint",
    term: "lint [options] <paths...>",
    description: "check .arp files for risky or redundant access, as IAM Access Analyzer's policy checks do; writes nothing",
    load: async () => (await import("./lintCommand.js")).registerLintCommand,
  },
  {
    name: "diff",
    term: "diff [options] <old> [new]",
    description: "compare the access two versions of .arp files grant, per principal, with a request that shows each change",
    load: async () => (await import("./diffCommand.js")).registerDiffCommand,
  },
  {
    name: "catalog",
    term: "catalog [options] [word]",
    description: "list App Runner's actions, resource types and condition keys, or search the catalog for a word",
    load: async () => (await import("./catalogCommand.js")).registerCatalogCommand,
  },
  {
    name: "test",
    term: "test [options] [paths...]",
    description: "run the policy tests (`test \"...\" { expect ... }`) in .arp files",
    load: async () => (await import("./testCommand.js")).registerTestCommand,
  },
  {
    name: "fmt",
    term: "fmt [options] [paths...]",
    description: "format .arp files in place; with --check, list the files that are not formatted",
    load: async () => (await import("./fmtCommand.js")).registerFmtCommand,
  },
  {
    name: "import",
    term: "import [options] [files...]",
    description: "turn IAM JSON (policies, trust policies, role, user and group bundles, CloudFormation templates) into .arp; files with errors are listed and not written",
    load: async () => (await import("./importCommand.js")).registerImportCommand,
  },
  {
    name: "eval",
    term: "eval [options] <paths...>",
    description: "evaluate one request against the policies compiled from .arp files; exit 0 on Allow, 1 on deny",
    load: async () => (await import("./evalCommands.js")).registerEvalCommand,
  },
  {
    name: "why",
    term: "why [options] <message> <paths...>",
    description: "explain an AccessDenied message against the policies compiled from .arp files",
    load: async () => (await import("./evalCommands.js")).registerWhyCommand,
  },
  {
    name: "lsp",
    term: "lsp [options]",
    description: "run the arp language server over standard input and output, for editors",
    load: async () => (await import("./lspCommand.js")).registerLspCommand,
  },
];

/**
 * The command `argv` runs, as commander will read it: the first argument that is not an
 * option (the program's own options take no values), or the one after `--`; for
 * `help <command>`, that command. Undefined when no argument names one.
 */
export function commandNamed(argv: readonly string[]): CommandEntry | undefined {
  const words: string[] = [];
  for (let i = 0; i < argv.length && words.length < 2; i++) {
    const arg = argv[i] as string;
    if (arg === "--") {
      words.push(...argv.slice(i + 1, i + 3 - words.length));
      break;
    }
    if (words.length === 1 || !arg.startsWith("-")) words.push(arg);
  }
  const name = words[0] === "help" ? words[1] : words[0];
  return COMMANDS.find((c) => c.name === name);
}
