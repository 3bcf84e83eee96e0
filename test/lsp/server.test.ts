// The language server end to end, in process over a pair of streams, with the protocol
// library's own client connection: initialize → didOpen → publishDiagnostics → hover →
// completion → didChange (debounced re-check) → code action → formatting → shutdown.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
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
  DidSaveTextDocumentNotification,
  DocumentFormattingRequest,
  DocumentSymbolRequest,
  HoverRequest,
  ReferencesRequest,
  RenameRequest,
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
import { tempDir } from "../support/tempDir.js";

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

    // A second policy that uses the first, badly indented: references, rename and formatting see it.
    const grown = nextDiagnostics(URI);
    await client.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri: URI, version: 3 },
      contentChanges: [{ range: { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } }, text: "policy Admin {\nuse Team\n}\n" }],
    });
    expect((await grown).diagnostics).toEqual([]);
    const references = await client.sendRequest(ReferencesRequest.type, { textDocument: { uri: URI }, position: { line: 0, character: 8 }, context: { includeDeclaration: true } });
    expect(references?.map((r) => [r.uri, r.range.start])).toEqual([[URI, { line: 0, character: 7 }], [URI, { line: 4, character: 4 }]]);
    const rename = await client.sendRequest(RenameRequest.type, { textDocument: { uri: URI }, position: { line: 4, character: 5 }, newName: "Crew" });
    expect(rename?.changes?.[URI]?.map((e) => [e.range.start, e.newText])).toEqual([[{ line: 0, character: 7 }, "Crew"], [{ line: 4, character: 4 }, "Crew"]]);
    const reformatted = await client.sendRequest(DocumentFormattingRequest.type, { textDocument: { uri: URI }, options: { tabSize: 2, insertSpaces: true } });
    expect(reformatted?.[0]?.newText).toContain("policy Admin {\n  use Team\n}\n");

    await client.sendRequest(ShutdownRequest.type);
  });

  it("shows an imported file's problems in that file, and re-checks the files that import a file when it is saved", async () => {
    const dir = tempDir("arp-lsp-");
    const lib = join(dir, "lib.arp");
    const main = join(dir, "main.arp");
    writeFileSync(lib, "policy Shared {\n  allow apprunner:PauseServic on service/*\n}\n");
    const libUri = pathToFileURL(lib).href;
    const mainUri = pathToFileURL(main).href;
    const { client, nextDiagnostics } = startSession();
    await client.sendRequest(InitializeRequest.type, { processId: null, rootUri: null, capabilities: {}, workspaceFolders: null });
    const forMain = nextDiagnostics(mainUri);
    const forLib = nextDiagnostics(libUri);
    await client.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri: mainUri, languageId: "arp", version: 1, text: 'import "./lib"\npolicy Mine {\n  use Shared\n  use Extra\n}\n' },
    });
    // `Extra` is not (yet) in the library: an error in main; the library's typo shows in the library.
    expect((await forMain).diagnostics.map((d) => [d.code, d.range.start.line])).toEqual([["ARP5003", 3]]);
    expect((await forLib).diagnostics.map((d) => [d.code, d.range.start.line])).toEqual([["ARP2002", 1]]);

    const definition = await client.sendRequest(DefinitionRequest.type, { textDocument: { uri: mainUri }, position: { line: 2, character: 7 } });
    expect(definition).toMatchObject({ uri: libUri, range: { start: { line: 0, character: 7 } } });

    // The library is opened, fixed, given `Extra` and saved: it shows its own check, and main is re-checked.
    const fixedLib = "policy Shared {\n  allow apprunner:PauseService on service/*\n}\npolicy Extra {\n  allow apprunner:ListServices on *\n}\n";
    const libOpened = nextDiagnostics(libUri);
    await client.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: libUri, languageId: "arp", version: 1, text: fixedLib } });
    expect((await libOpened).diagnostics).toEqual([]);
    writeFileSync(lib, fixedLib);
    const mainAgain = nextDiagnostics(mainUri);
    await client.sendNotification(DidSaveTextDocumentNotification.type, { textDocument: { uri: libUri } });
    expect((await mainAgain).diagnostics).toEqual([]);
    await client.sendRequest(ShutdownRequest.type);
  });
});
