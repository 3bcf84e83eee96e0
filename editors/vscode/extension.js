// The arp extension's client: starts `arp lsp` from the workspace's installed arp (or the one
// `arp.server.path` names, or an `arp` on PATH) and hands `.arp` documents to it.
"use strict";
const { existsSync } = require("node:fs");
const { join } = require("node:path");
const vscode = require("vscode");
const { LanguageClient, TransportKind } = require("vscode-languageclient/node");

/** @type {LanguageClient | undefined} */
let client;

/** The arp command: the setting, else the first workspace folder's node_modules/.bin/arp, else `arp`. */
function serverCommand() {
  const configured = vscode.workspace.getConfiguration("arp").get("server.path");
  if (typeof configured === "string" && configured !== "") return configured;
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    const local = join(folder.uri.fsPath, "node_modules", ".bin", process.platform === "win32" ? "arp.cmd" : "arp");
    if (existsSync(local)) return local;
  }
  return "arp";
}

/** @param {vscode.ExtensionContext} context */
async function activate(context) {
  const lint = vscode.workspace.getConfiguration("arp").get("server.lint") === true;
  const run = { command: serverCommand(), args: ["lsp", ...(lint ? ["--lint"] : [])], transport: TransportKind.stdio, options: { shell: process.platform === "win32" } };
  client = new LanguageClient("arp", "arp", { run, debug: run }, { documentSelector: [{ scheme: "file", language: "arp" }, { scheme: "untitled", language: "arp" }] });
  context.subscriptions.push(
    vscode.commands.registerCommand("arp.restartServer", async () => {
      await client?.restart();
    }),
  );
  await client.start();
}

async function deactivate() {
  await client?.stop();
}

module.exports = { activate, deactivate };
