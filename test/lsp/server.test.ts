// The language server end to end, in process over a pair of streams, with the protocol
// library's own client connection: initialize → didOpen → publishDiagnostics → hover →
// completion → didChange (debounced re-check) → code action → formatting → shutdown.
import { PassThrough } from "node:stream";
import { pathToFileURL } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import {
  CodeActionRequest,
  CompletionRequest,
  createProtocolConnection,
  DefinitionRequest,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DocumentFormattingRequest,
  DocumentSymbolRequest,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type CompletionItem,
  type CompletionList,
  type Connection,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from "vscode-languageserver/node";
import { startLanguageServer } from "../../compiler/lsp/server.js";

const URI = pathToFileURL("/arp-lsp-e2e/team.arp").href;
const TEXT = "policy Team {\n  allow apprunner:DescribeServce on service/*\n}\n";

interface Session {
  readonly client: ProtocolConnection;
  readonly server: Connection;
  /** The next diagnostics the server publishes for `uri`. */
  nextDiagnostics(uri: string): Promise<PublishDiagnosticsParams>;
}

let open: Session | undefined;

function startSession(): Session {
  const toServer = new PassThrough();
  const toClient = new PassThrough();
  const server = startLanguageServer(toServer, toClient, { debounceMs: 20 });
  const client = createProtocolConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
  const waiting: { uri: string; resolve: (p: PublishDiagnosticsParams) => void }[] = [];
  client.onNotification(PublishDiagnosticsNotification.type, (params) => {
    const i = waiting.findIndex((w) => w.uri === params.uri);
    if (i >= 0) waiting.splice(i, 1)[0]?.resolve(params);
  });
  client.listen();
  open = {
    client,
    server,
    nextDiagnostics: (uri) => new Promise((resolve) => waiting.push({ uri, resolve })),
  };
  return open;
}

afterEach(() => {
  open?.client.dispose();
  open?.server.dispose();
  open = undefined;
});

const labels = (result: CompletionItem[] | CompletionList | null): string[] =>
  (Array.isArray(result) ? result : (result?.items ?? [])).map((i) => i.label);

describe("arp lsp", () => {
  it("answers initialize, publishes diagnostics on open and after a change, and answers hover, completion, definition, symbols, code actions and formatting", async () => {
    const { client, nextDiagnostics } = startSession();
    const init = await client.sendRequest(InitializeRequest.type, { processId: null, rootUri: null, capabilities: {}, workspaceFolders: null });
    expect(init.capabilities).toMatchObject({ hoverProvider: true, definitionProvider: true, documentFormattingProvider: true, renameProvider: true });
    await client.sendNotification(InitializedNotification.type, {});

    const opened = nextDiagnostics(URI);
    await client.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: URI, languageId: "arp", version: 1, text: TEXT } });
    const [diagnostic, ...others] = (await opened).diagnostics;
    expect(others).toEqual([]);
    expect(diagnostic).toMatchObject({
      code: "ARP2002",
      severity: 1,
      source: "arp",
      range: { start: { line: 1, character: 8 }, end: { line: 1, character: 32 } },
    });
    expect(diagnostic?.codeDescription?.href).toMatch(/docs\/diagnostics\.md#arp2002$/);

    const hover = await client.sendRequest(HoverRequest.type, { textDocument: { uri: URI }, position: { line: 1, character: 40 } });
    expect(hover?.contents).toMatchObject({ kind: "markdown" });
    expect(JSON.stringify(hover?.contents)).toContain("Resource type `apprunner:service`");

    const completion = await client.sendRequest(CompletionRequest.type, { textDocument: { uri: URI }, position: { line: 1, character: 20 } });
    expect(labels(completion)).toContain("apprunner:DescribeService");

    const actions = await client.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: URI },
      range: { start: { line: 1, character: 10 }, end: { line: 1, character: 10 } },
      context: { diagnostics: [] },
    });
    const fix = actions?.find((a) => "edit" in a && a.title === "Change to `apprunner:DescribeService`");
    expect(fix && "edit" in fix ? fix.edit?.changes?.[URI] : undefined).toEqual([
      { range: { start: { line: 1, character: 8 }, end: { line: 1, character: 32 } }, newText: "apprunner:DescribeService" },
    ]);

    const fixed = nextDiagnostics(URI);
    await client.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri: URI, version: 2 },
      contentChanges: [{ range: { start: { line: 1, character: 8 }, end: { line: 1, character: 32 } }, text: "apprunner:DescribeService" }],
    });
    expect((await fixed).diagnostics).toEqual([]);

    const definition = await client.sendRequest(DefinitionRequest.type, { textDocument: { uri: URI }, position: { line: 0, character: 9 } });
    expect(definition).toMatchObject({ uri: URI, range: { start: { line: 0, character: 7 } } });

    const symbols = await client.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: URI } });
    expect(symbols?.map((s) => s.name)).toEqual(["Team"]);

    const formatted = await client.sendRequest(DocumentFormattingRequest.type, { textDocument: { uri: URI }, options: { tabSize: 2, insertSpaces: true } });
    expect(formatted).toEqual([]);

    await client.sendRequest(ShutdownRequest.type);
  });
});
