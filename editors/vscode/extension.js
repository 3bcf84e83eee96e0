// The arp extension's client: starts `arp lsp` from the one `arp.server.path` names, else the
// workspace's installed arp, else the arp bundled in the extension (out/server/arp.js, run by the
// editor's own Node), and hands `.arp` documents to it. Its commands run the same arp for
// compile, test and eval, printing to the "arp" output channel, so what the editor shows is what
// the command line does.
"use strict";
const { execFile } = require("node:child_process");
const { existsSync } = require("node:fs");
const { dirname, join } = require("node:path");
const vscode = require("vscode");
const { LanguageClient, TransportKind } = require("vscode-languageclient/node");

/** @type {LanguageClient | undefined} */
let client;
/** @type {vscode.OutputChannel | undefined} */
let output;

/** The bundled arp, when this is a packaged extension. */
let bundled;

/**
 * How to run arp: `{ command, args }` for the setting, else the first workspace folder's
 * node_modules/.bin/arp, else the bundled arp (run by the editor's Node), else `arp` on PATH.
 */
function arpCommand() {
  const configured = vscode.workspace.getConfiguration("arp").get("server.path");
  if (typeof configured === "string" && configured !== "") return { command: configured, args: [] };
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    const local = join(folder.uri.fsPath, "node_modules", ".bin", process.platform === "win32" ? "arp.cmd" : "arp");
    if (existsSync(local)) return { command: local, args: [] };
  }
  if (bundled !== undefined && existsSync(bundled)) return { command: process.execPath, args: [bundled], bundled: true };
  return { command: "arp", args: [] };
}

/** The saved `.arp` file in the active editor, or undefined with a message saying why not. */
async function activeArpFile() {
  const editor = vscode.window.activeTextEditor;
  if (editor === undefined || editor.document.languageId !== "arp" || editor.document.isUntitled) {
    void vscode.window.showWarningMessage("arp: open a saved .arp file first");
    return undefined;
  }
  if (editor.document.isDirty) await editor.document.save();
  return editor.document.uri.fsPath;
}

/** The folder commands run in: the file's workspace folder, so imports and node_modules resolve as on the command line. */
function workingFolder(file) {
  return vscode.workspace.getWorkspaceFolder(vscode.Uri.file(file))?.uri.fsPath ?? dirname(file);
}

/** Runs `arp ARGS` and shows its output; resolves with the exit code. */
function runArp(args, cwd) {
  output ??= vscode.window.createOutputChannel("arp");
  output.show(true);
  output.appendLine(`$ arp ${args.join(" ")}`);
  return new Promise((resolve) => {
    const arp = arpCommand();
    // The editor's executable runs as plain Node for the bundled arp.
    const env = arp.bundled ? { ...process.env, ELECTRON_RUN_AS_NODE: "1" } : process.env;
    execFile(arp.command, [...arp.args, "--no-color", ...args], { cwd, env, shell: process.platform === "win32" && !arp.bundled, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (stdout) output.append(stdout);
      if (stderr) output.append(stderr);
      const code = error && typeof error.code === "number" ? error.code : error ? 1 : 0;
      output.appendLine(`(exit ${code})`);
      resolve(code);
    });
  });
}

async function compileCommand() {
  const file = await activeArpFile();
  if (file === undefined) return;
  const cwd = workingFolder(file);
  const out = await vscode.window.showInputBox({ prompt: "Write the IAM JSON to (relative to the workspace folder)", value: join("build", "arp") });
  if (out === undefined) return;
  await runArp(["compile", file, "--out", out, "--target", "json,ts"], cwd);
}

async function testCommand() {
  const file = await activeArpFile();
  if (file === undefined) return;
  await runArp(["test", file], workingFolder(file));
}

async function evalCommand() {
  const file = await activeArpFile();
  if (file === undefined) return;
  const principal = await vscode.window.showInputBox({ prompt: "Principal ARN", value: "arn:aws:iam::123456789012:user/alice" });
  if (principal === undefined) return;
  const action = await vscode.window.showInputBox({ prompt: "Action", value: "apprunner:DescribeService" });
  if (action === undefined) return;
  const resource = await vscode.window.showInputBox({ prompt: "Resource ARN (or *)", value: "*" });
  if (resource === undefined) return;
  const code = await runArp(["eval", file, "--principal", principal, "--action", action, "--resource", resource], workingFolder(file));
  void vscode.window.showInformationMessage(`arp eval: ${code === 0 ? "Allow" : "denied (see the arp output)"}`);
}

/** @param {vscode.ExtensionContext} context */
async function activate(context) {
  bundled = context.asAbsolutePath(join("out", "server", "arp.js"));
  const lint = vscode.workspace.getConfiguration("arp").get("server.lint") === true;
  const arp = arpCommand();
  const lspArgs = ["lsp", ...(lint ? ["--lint"] : [])];
  // The bundled arp runs as a Node module of the editor's own runtime; any other as a command.
  const run = arp.bundled
    ? { module: bundled, args: lspArgs, transport: TransportKind.stdio }
    : { command: arp.command, args: [...arp.args, ...lspArgs], transport: TransportKind.stdio, options: { shell: process.platform === "win32" } };
  client = new LanguageClient("arp", "arp", { run, debug: run }, { documentSelector: [{ scheme: "file", language: "arp" }, { scheme: "untitled", language: "arp" }] });
  context.subscriptions.push(
    vscode.commands.registerCommand("arp.restartServer", async () => {
      await client?.restart();
    }),
    vscode.commands.registerCommand("arp.compile", compileCommand),
    vscode.commands.registerCommand("arp.test", testCommand),
    vscode.commands.registerCommand("arp.eval", evalCommand),
  );
  await client.start();
}

async function deactivate() {
  await client?.stop();
}

module.exports = { activate, deactivate };
