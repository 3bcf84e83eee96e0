// The VS Code extension's manifest and client agree: every command the manifest contributes is
// registered by the client, the palette offers compile/test/eval only in .arp files, and the
// packaged entry point is the bundle editors/vscode/package.mjs writes.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const DIR = new URL("../../editors/vscode/", import.meta.url);
const manifest = JSON.parse(readFileSync(new URL("package.json", DIR), "utf8")) as {
  main: string;
  contributes: { commands: { command: string; title: string }[]; menus: { commandPalette: { command: string; when: string }[] } };
};
const client = readFileSync(new URL("extension.js", DIR), "utf8");
const packager = readFileSync(new URL("package.mjs", DIR), "utf8");

describe("the VS Code extension", () => {
  it("registers every contributed command, including compile, test and eval", () => {
    const contributed = manifest.contributes.commands.map((c) => c.command);
    expect(contributed).toEqual(expect.arrayContaining(["arp.compile", "arp.test", "arp.eval", "arp.restartServer"]));
    const registered = [...client.matchAll(/registerCommand\("([^"]+)"/g)].map((m) => m[1]);
    expect(registered.sort()).toEqual([...contributed].sort());
  });

  it("offers the file commands in the palette only for .arp files", () => {
    for (const entry of manifest.contributes.menus.commandPalette) {
      expect(manifest.contributes.commands.map((c) => c.command)).toContain(entry.command);
      expect(entry.when).toBe("editorLangId == arp");
    }
  });

  it("runs the arp CLI's own compile, test and eval subcommands", () => {
    for (const sub of ["compile", "test", "eval"]) expect(client).toContain(`runArp(["${sub}", file`);
  });

  it("starts from the bundle the packager writes", () => {
    expect(manifest.main).toBe("./out/extension.js");
    expect(packager).toContain('join(here, "out", "extension.js")');
  });
});
