// The VS Code extension's client code, run against a stand-in for the editor's `vscode` module:
// activation starts `arp lsp` over stdio, and the compile, test and eval commands run the arp
// command line on the active file, printing its output and exit code to the "arp" channel.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import Module, { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tempDir } from "../support/tempDir.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const BIN = join(ROOT, "bin", "arp.js");
const EXAMPLE = join(ROOT, "examples", "ci-deployer", "ci-deployer.arp");

interface Started {
  readonly id: string;
  readonly server: { run: { command?: string; module?: string; args: string[]; transport: number } };
}

const commands = new Map<string, () => Promise<void>>();
const started: Started[] = [];
let printed = "";
let inputs: string[] = [];
const messages: string[] = [];
/** The `arp.server.path` setting. */
let serverPath: string | undefined = BIN;
/** The workspace folder: the repository, which has no node_modules/.bin/arp of its own. */
let workspace = ROOT;
/** A stand-in for the packaged extension's folder, with a bundled "arp" that echoes its arguments. */
const extensionDir = mkdtempSync(join(tmpdir(), "arp-vscode-ext-"));
mkdirSync(join(extensionDir, "out", "server"), { recursive: true });
writeFileSync(join(extensionDir, "out", "server", "arp.js"), 'console.log("bundled arp", process.argv.slice(2).join(" "));\n');

const document = { languageId: "arp", isUntitled: false, isDirty: false, uri: { fsPath: EXAMPLE }, save: async () => true };
const vscode = {
  workspace: {
    get workspaceFolders() {
      return [{ uri: { fsPath: workspace } }];
    },
    getConfiguration: () => ({ get: (key: string) => (key === "server.path" ? serverPath : undefined) }),
    getWorkspaceFolder: () => ({ uri: { fsPath: workspace } }),
  },
  window: {
    activeTextEditor: { document },
    createOutputChannel: () => ({ show: () => undefined, append: (t: string) => (printed += t), appendLine: (t: string) => (printed += `${t}\n`) }),
    showInputBox: async () => inputs.shift(),
    showInformationMessage: async (m: string) => void messages.push(m),
    showWarningMessage: async (m: string) => void messages.push(m),
  },
  commands: { registerCommand: (id: string, run: () => Promise<void>) => (commands.set(id, run), { dispose: () => undefined }) },
  Uri: { file: (fsPath: string) => ({ fsPath }) },
};
const languageClient = {
  TransportKind: { stdio: 0 },
  LanguageClient: class {
    constructor(id: string, _name: string, server: Started["server"]) {
      started.push({ id, server });
    }
    start = async (): Promise<void> => undefined;
    stop = async (): Promise<void> => undefined;
    restart = async (): Promise<void> => undefined;
  },
};

type Loader = (request: string, parent: unknown, isMain: boolean) => unknown;
const moduleWithLoad = Module as unknown as { _load: Loader };
const originalLoad = moduleWithLoad._load;

beforeAll(async () => {
  moduleWithLoad._load = function (request, parent, isMain) {
    if (request === "vscode") return vscode;
    if (request === "vscode-languageclient/node") return languageClient;
    return originalLoad.call(this, request, parent, isMain);
  };
  extension = createRequire(import.meta.url)(join(ROOT, "editors", "vscode", "extension.js")) as typeof extension;
  await activate();
});

let extension: { activate(context: { subscriptions: unknown[]; asAbsolutePath(p: string): string }): Promise<void> };
const activate = (): Promise<void> => extension.activate({ subscriptions: [], asAbsolutePath: (p) => join(extensionDir, p) });

afterAll(() => {
  moduleWithLoad._load = originalLoad;
  rmSync(extensionDir, { recursive: true, force: true });
});

/** Runs a command with `answers` for its input boxes; returns what it printed. */
async function run(command: string, answers: string[] = []): Promise<string> {
  printed = "";
  inputs = [...answers];
  await commands.get(command)!();
  return printed;
}

describe("the VS Code extension's client", () => {
  it("starts `arp lsp` from the configured arp over stdio", () => {
    expect(started).toEqual([{ id: "arp", server: expect.objectContaining({ run: expect.objectContaining({ command: BIN, args: ["lsp"], transport: 0 }) }) }]);
  });

  it("runs the active file's tests", async () => {
    const out = await run("arp.test");
    expect(out).toContain(`$ arp test ${EXAMPLE}`);
    expect(out).toMatch(/3 passed/);
    expect(out).toContain("(exit 0)");
  });

  it("evaluates a request the user types against the active file", async () => {
    const role = "arn:aws:iam::123456789012:role/CiDeployerRole";
    expect(await run("arp.eval", [role, "apprunner:StartDeployment", "arn:aws:apprunner:eu-west-1:123456789012:service/checkout/8f2a"])).toContain("(exit 0)");
    expect(messages.at(-1)).toBe("arp eval: Allow");
    expect(await run("arp.eval", [role, "apprunner:DeleteService", "arn:aws:apprunner:eu-west-1:123456789012:service/checkout/8f2a"])).toContain("(exit 1)");
    expect(messages.at(-1)).toMatch(/denied/);
  });

  it("compiles the active file into the folder the user names", async () => {
    const out = tempDir("arp-vscode-");
    expect(await run("arp.compile", [out])).toContain("(exit 0)");
    expect(existsSync(out) && readdirSync(out)).toEqual(expect.arrayContaining(["evaluator.ts"]));
  });

  it("without a configured or installed arp, runs the one bundled in the extension with the editor's Node", async () => {
    serverPath = undefined;
    workspace = tempDir("arp-vscode-workspace-");
    try {
      await activate();
      expect(started.at(-1)?.server.run).toMatchObject({ module: join(extensionDir, "out", "server", "arp.js"), args: ["lsp"], transport: 0 });
      expect(await run("arp.test")).toContain(`bundled arp --no-color test ${EXAMPLE}`);
    } finally {
      serverPath = BIN;
      workspace = ROOT;
    }
  });
});
