/**
 * A directory that cannot be listed is a diagnostic (ARP9002), not an exception. Tests run as
 * root in some CI containers, where `chmod 000` does not stop reading, so the failure is made
 * by `readdirSync` itself for one directory.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";

const LOCKED = "locked-dir";

vi.mock("node:fs", async (importOriginal) => {
  const fs = await importOriginal<typeof import("node:fs")>();
  const readdirSync = ((path: string, ...rest: unknown[]) => {
    if (String(path).endsWith(LOCKED)) {
      throw Object.assign(new Error(`EACCES: permission denied, scandir '${String(path)}'`), { code: "EACCES" });
    }
    return (fs.readdirSync as (...a: unknown[]) => unknown)(path, ...rest);
  }) as typeof fs.readdirSync;
  return { ...fs, readdirSync, default: { ...fs, readdirSync } };
});

const { loadSources } = await import("../../compiler/loadSources.js");

const root = mkdtempSync(join(tmpdir(), "arp-load-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("loadSources", () => {
  it("reports an unreadable directory as ARP9002 and still reads the rest", () => {
    mkdirSync(join(root, "tree", LOCKED), { recursive: true });
    writeFileSync(join(root, "tree", "ok.arp"), "allow apprunner:ListServices on *\n");
    const loaded = loadSources([join(root, "tree")], root);
    expect(loaded.sources.map((s) => s.path)).toEqual([join("tree", "ok.arp")]);
    expect(loaded.diagnostics.map((d) => [d.code, d.span.file])).toEqual([["ARP9002", join(root, "tree", LOCKED)]]);
    expect(loaded.diagnostics[0]!.message).toContain("EACCES");
  });

  it("does not add ARP9001 for a directory it could not list", () => {
    mkdirSync(join(root, LOCKED), { recursive: true });
    const loaded = loadSources([join(root, LOCKED)], root);
    expect(loaded.diagnostics.map((d) => d.code)).toEqual(["ARP9002"]);
  });
});
