/**
 * File-system failures are diagnostics, not exceptions: a directory that cannot be listed
 * (ARP9002), a formatted file that cannot be written back (ARP9003). Tests run as root in some
 * CI containers, where permissions do not stop anything, so `node:fs` itself fails here for
 * one name.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";

const LOCKED = "locked-dir";
const READ_ONLY = "read-only.arp";

vi.mock("node:fs", async (importOriginal) => {
  const fs = await importOriginal<typeof import("node:fs")>();
  const readdirSync = ((path: string, ...rest: unknown[]) => {
    if (String(path).endsWith(LOCKED)) {
      throw Object.assign(new Error(`EACCES: permission denied, scandir '${String(path)}'`), { code: "EACCES" });
    }
    return (fs.readdirSync as (...a: unknown[]) => unknown)(path, ...rest);
  }) as typeof fs.readdirSync;
  const renameSync = ((from: string, to: string) => {
    if (String(to).endsWith(READ_ONLY)) throw Object.assign(new Error(`EROFS: read-only file system, rename '${to}'`), { code: "EROFS" });
    fs.renameSync(from, to);
  }) as typeof fs.renameSync;
  return { ...fs, readdirSync, renameSync, default: { ...fs, readdirSync, renameSync } };
});

const { loadSources } = await import("../../compiler/driver/loadSources.js");
const { formatFiles } = await import("../../compiler/cli/fmtCommand.js");

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

describe("arp fmt", () => {
  it("reports a file it cannot write back as ARP9003, leaving it and no temporary file behind", async () => {
    const dir = join(root, "fmt");
    mkdirSync(dir);
    const file = join(dir, READ_ONLY);
    writeFileSync(file, "allow   apprunner:ListServices on *\n");
    const outcome = await formatFiles([file], false);
    expect(outcome.diagnostics.map((d) => d.code)).toEqual(["ARP9003"]);
    expect(outcome.diagnostics[0]!.message).toContain("EROFS");
    expect(readFileSync(file, "utf8")).toBe("allow   apprunner:ListServices on *\n");
    expect(readdirSync(dir)).toEqual([READ_ONLY]);
  });
});
