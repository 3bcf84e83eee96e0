// Every request the language server answers, asked of `arp lsp` as an editor runs it (the built
// command line, a child process speaking the protocol over standard input and output) with the
// protocol library's client connection, on an example: diagnostics, test results as
// diagnostics, hover, completion, definition, references, rename, formatting, code actions and
// document symbols.
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  CodeActionRequest,
  CompletionRequest,
  createProtocolConnection,
  DefinitionRequest,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DocumentFormattingRequest,
  DocumentSymbolRequest,
  ExitNotification,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  ReferencesRequest,
  RenameRequest,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type CompletionItem,
  type CompletionList,
  type Position,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from "vscode-languageserver/node";

const BIN = fileURLToPath(new URL("../../bin/arp.js", import.meta.url));
const FILE = fileURLToPath(new URL("../../examples/ci-deployer/ci-deployer.arp", import.meta.url));
const URI = pathToFileURL(FILE).href;
const TEXT = readFileSync(FILE, "utf8");
const LINES = TEXT.split("\n");

/** The position of the `nth` occurrence of `text` on the line that contains `lineWith`, plus `shift`. */
function at(lineWith: string, text: string, shift = 0): Position {
  const line = LINES.findIndex((l) => l.includes(lineWith));
  return { line, character: (LINES[line] ?? "").indexOf(text) + shift };
}

let child: ChildProcessWithoutNullStreams;
let client: ProtocolConnection;
let version = 1;
const published: PublishDiagnosticsParams[] = [];
const waiting: (() => void)[] = [];

/** The first diagnostics published for the document after `count` earlier publications. */
async function diagnosticsAfter(count: number): Promise<PublishDiagnosticsParams> {
  while (published.length <= count) await new Promise<void>((resolve) => waiting.push(resolve));
  return published[count]!;
}

async function change(text: string): Promise<PublishDiagnosticsParams> {
  const before = published.length;
  await client.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: URI, version: ++version }, contentChanges: [{ text }] });
  return diagnosticsAfter(before);
}

const labels = (result: CompletionItem[] | CompletionList | null): string[] => (Array.isArray(result) ? result : (result?.items ?? [])).map((i) => i.label);

beforeAll(async () => {
  child = spawn(process.execPath, [BIN, "lsp", "--stdio"], { stdio: ["pipe", "pipe", "pipe"] });
  client = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  client.onNotification(PublishDiagnosticsNotification.type, (p) => {
    if (p.uri !== URI) return;
    published.push(p);
    for (const wake of waiting.splice(0)) wake();
  });
  client.listen();
  await client.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities: {}, workspaceFolders: null });
  await client.sendNotification(InitializedNotification.type, {});
  await client.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: URI, languageId: "arp", version, text: TEXT } });
  await diagnosticsAfter(0);
}, 10_000);

afterAll(async () => {
  await client.sendRequest(ShutdownRequest.type);
  await client.sendNotification(ExitNotification.type);
  client.dispose();
  child.kill();
});

describe("arp lsp over standard input and output, on examples/ci-deployer", () => {
  it("publishes no diagnostics for the example as written, and the checker's with a typo", async () => {
    expect(published[0]?.diagnostics).toEqual([]);
    const typo = await change(TEXT.replace("apprunner:ListOperations", "apprunner:ListOperation"));
    expect(typo.diagnostics.map((d) => [d.code, d.range.start.line])).toEqual([["ARP2002", at("ListOperations", "").line]]);
    expect(typo.diagnostics[0]?.codeDescription?.href).toMatch(/diagnostics\.md#arp2002$/);
    expect(typo.diagnostics[0]?.message).toContain("did you mean `apprunner:ListOperations`?");
  });

  it("offers the did-you-mean fix and an arp-ignore suppression as code actions", async () => {
    const typo = await change(TEXT.replace("apprunner:ListOperations", "apprunner:ListOperation"));
    const position = at("ListOperation", "ListOperation");
    const actions = (await client.sendRequest(CodeActionRequest.type, { textDocument: { uri: URI }, range: { start: position, end: position }, context: { diagnostics: typo.diagnostics } })) ?? [];
    const titles = actions.map((a) => a.title);
    expect(titles).toContain("Change to `apprunner:ListOperations`");
    expect(titles.some((t) => /ARP2002/.test(t) && /[Ss]uppress|arp-ignore/.test(t))).toBe(true);
    await change(TEXT);
  });

  it("reports a failing expect line as ARP5006, as `arp test` does", async () => {
    const failing = await change(TEXT.replace("expect implicit deny apprunner:DeleteService", "expect allow apprunner:DeleteService"));
    expect(failing.diagnostics.map((d) => [d.code, d.range.start.line])).toEqual([["ARP5006", at("apprunner:DeleteService on service/checkout", "").line]]);
    expect((await change(TEXT)).diagnostics).toEqual([]);
  });

  it("hovers an action with the catalog's description and access level", async () => {
    const hover = await client.sendRequest(HoverRequest.type, { textDocument: { uri: URI }, position: at('"Deploy"', "StartDeployment", 3) });
    const text = JSON.stringify(hover?.contents);
    expect(text).toContain("StartDeployment");
    expect(text).toMatch(/Write/);
  });

  it("completes a service's actions after `allow`", async () => {
    const edited = TEXT.replace("apprunner:DescribeService, ", "apprunner:Pau");
    await change(edited);
    const line = edited.split("\n").findIndex((l) => l.includes("apprunner:Pau"));
    const character = (edited.split("\n")[line] ?? "").indexOf("apprunner:Pau") + "apprunner:Pau".length;
    const completion = await client.sendRequest(CompletionRequest.type, { textDocument: { uri: URI }, position: { line, character } });
    expect(labels(completion)).toContain("apprunner:PauseService");
    await change(TEXT);
  });

  it("goes to a policy's definition and a parameter's, and finds a policy's references", async () => {
    const policy = await client.sendRequest(DefinitionRequest.type, { textDocument: { uri: URI }, position: at("attach CiDeployer", "CiDeployer", 2) });
    expect(policy).toMatchObject({ uri: URI, range: { start: at("policy CiDeployer", "CiDeployer") } });
    const param = await client.sendRequest(DefinitionRequest.type, { textDocument: { uri: URI }, position: at('"Deploy"', "${service}", 3) });
    expect(param).toMatchObject({ uri: URI, range: { start: at("param service", "service") } });
    const references = await client.sendRequest(ReferencesRequest.type, { textDocument: { uri: URI }, position: at("policy CiDeployer", "CiDeployer", 1), context: { includeDeclaration: true } });
    expect(references?.map((r) => r.range.start.line).sort((a, b) => a - b)).toEqual([at("policy CiDeployer", "").line, at("attach CiDeployer", "").line, at("test ", "").line]);
  });

  it("renames a policy at its declaration and every use", async () => {
    const rename = await client.sendRequest(RenameRequest.type, { textDocument: { uri: URI }, position: at("attach CiDeployer", "CiDeployer", 1), newName: "Deployer" });
    const edits = rename?.changes?.[URI] ?? [];
    expect(edits.map((e) => e.newText)).toEqual(["Deployer", "Deployer", "Deployer"]);
    expect(edits.map((e) => e.range.start.line).sort((a, b) => a - b)).toEqual([at("policy CiDeployer", "").line, at("attach CiDeployer", "").line, at("test ", "").line]);
  });

  it("formats a badly indented document as `arp fmt` does, and leaves the formatted example alone", async () => {
    expect(await client.sendRequest(DocumentFormattingRequest.type, { textDocument: { uri: URI }, options: { tabSize: 2, insertSpaces: true } })).toEqual([]);
    await change(TEXT.replace('  "Deploy": allow', '"Deploy":    allow'));
    const edits = await client.sendRequest(DocumentFormattingRequest.type, { textDocument: { uri: URI }, options: { tabSize: 2, insertSpaces: true } });
    expect(edits?.map((e) => e.newText).join("")).toContain('  "Deploy": allow apprunner:StartDeployment');
    await change(TEXT);
  });

  it("lists the parameters, policy (with its labelled statements), role and test as document symbols", async () => {
    const symbols = (await client.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: URI } })) ?? [];
    const names = symbols.map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining(["account", "region", "service", "repository", "CiDeployer", "CiDeployerRole", "CI deploys only its service"]));
    const policy = symbols.find((s) => s.name === "CiDeployer");
    expect(policy && "children" in policy ? policy.children?.map((c) => c.name) : []).toEqual(["Deploy", "Watch"]);
  });
});
