/**
 * Runs the `arp` command line in this process, through the same `main(argv)` the binary
 * calls, and returns its exit code and what it wrote. Spawning a process costs far more than
 * the command under test; tests spawn only to check process-level behaviour.
 */
import { vi } from "vitest";
import { main } from "../../compiler/cli/main.js";

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * `cwd`: the directory the command runs in (as a shell's would be), restored afterwards. Test
 * files run in their own worker process, so changing it affects no other file.
 */
export async function runCli(args: readonly string[], options: { readonly cwd?: string } = {}): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const out = vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => ((stdout += String(chunk)), true));
  const err = vi.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => ((stderr += String(chunk)), true));
  const previousCwd = process.cwd();
  try {
    if (options.cwd !== undefined) process.chdir(options.cwd);
    const code = await main(args);
    return { code, stdout, stderr };
  } finally {
    process.chdir(previousCwd);
    out.mockRestore();
    err.mockRestore();
    process.exitCode = undefined;
  }
}
