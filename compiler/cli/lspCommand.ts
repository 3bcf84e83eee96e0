/**
 * `arp lsp`: runs the language server over standard input and output, for editors (setup in
 * docs/editors.md). The server's modules (and `vscode-languageserver`) load only when this
 * command runs, so other commands start no slower for it.
 */
import type { Command } from "commander";
import { EXIT_OK } from "./options.js";

export function registerLspCommand(program: Command): void {
  program
    .command("lsp")
    .description("run the arp language server over standard input and output, for editors")
    .option("--stdio", "talk over standard input and output (the default; accepted because clients pass it)")
    .option("--lint", "also report `arp lint`'s findings as you type")
    // Clients add their own flags (`--clientProcessId=123`), which the server library reads.
    .allowUnknownOption()
    .allowExcessArguments()
    .action(async (options: { lint?: boolean }) => {
      const { startLanguageServer } = await import("../lsp/server.js");
      const connection = startLanguageServer(process.stdin, process.stdout, { lint: options.lint === true });
      // The server runs until the client sends `exit` (the library ends the process) or closes its end.
      await new Promise<void>((resolve) => {
        process.stdin.once("end", resolve);
        process.stdin.once("close", resolve);
      });
      connection.dispose();
      process.exitCode = EXIT_OK;
    });
}
