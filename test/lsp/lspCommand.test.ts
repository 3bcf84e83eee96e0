// `arp lsp` as an editor runs it: the built command line as a child process, talking the
// protocol over its standard input and output, ending with exit code 0 after `shutdown` and
// `exit` (the protocol's "exit code 0 when shutdown came first").
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { createProtocolConnection, ExitNotification, InitializeRequest, ShutdownRequest, StreamMessageReader, StreamMessageWriter } from "vscode-languageserver/node";

const BIN = fileURLToPath(new URL("../../bin/arp.js", import.meta.url));

describe("arp lsp", () => {
  it("initializes over standard input and output, accepts the flags clients pass, and exits 0 after shutdown and exit", async () => {
    const child = spawn(process.execPath, [BIN, "lsp", "--stdio", `--clientProcessId=${process.pid}`], { stdio: ["pipe", "pipe", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
    const client = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    client.listen();
    try {
      const init = await client.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities: {}, workspaceFolders: null });
      expect(init.serverInfo?.name).toBe("arp");
      expect(init.capabilities.completionProvider?.triggerCharacters).toContain(":");
      await client.sendRequest(ShutdownRequest.type);
      await client.sendNotification(ExitNotification.type);
      expect(await exited).toBe(0);
      expect(stderr).toBe("");
    } finally {
      client.dispose();
      child.kill();
    }
  });
});
