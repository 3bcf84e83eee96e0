// import's writer: adds or replaces its own files in a user's directory, never deletes anything
// else, never follows a planted symbolic link, and undoes what it renamed when a rename fails.
import { mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { addFiles, realFs, writeOwnedDirectory, type FsOps } from "../../compiler/writeOutputs.js";
import { tempDir } from "../support/tempDir.js";


function failingRename(nth: number): FsOps {
  let calls = 0;
  return new Proxy(realFs, {
    get(target, key: keyof FsOps) {
      const real = target[key] as (...args: unknown[]) => unknown;
      if (key !== "rename") return real;
      return (...args: unknown[]) => {
        calls += 1;
        if (calls === nth) throw new Error("injected rename failure");
        return real(...args);
      };
    },
  });
}

describe("addFiles", () => {
  it("adds and replaces its files and leaves every other file alone", () => {
    const dir = tempDir("arp-add-");
    writeFileSync(join(dir, "a.arp"), "old a\n");
    writeFileSync(join(dir, "notes.txt"), "mine\n");
    addFiles(dir, [{ name: "a.arp", text: "new a\n" }, { name: "b.arp", text: "b\n" }]);
    expect(readdirSync(dir).sort()).toEqual(["a.arp", "b.arp", "notes.txt"]);
    expect(readFileSync(join(dir, "a.arp"), "utf8")).toBe("new a\n");
    expect(readFileSync(join(dir, "notes.txt"), "utf8")).toBe("mine\n");
  });

  it("puts back what it replaced when a later rename fails, and leaves no temporary", () => {
    const dir = tempDir("arp-add-");
    writeFileSync(join(dir, "a.arp"), "old a\n");
    writeFileSync(join(dir, "c.arp"), "old c\n");
    const files = [{ name: "a.arp", text: "new a\n" }, { name: "b.arp", text: "b\n" }, { name: "c.arp", text: "new c\n" }];
    expect(() => addFiles(dir, files, failingRename(3))).toThrow(/injected/);
    expect(readdirSync(dir).sort()).toEqual(["a.arp", "c.arp"]);
    expect(readFileSync(join(dir, "a.arp"), "utf8")).toBe("old a\n");
    expect(readFileSync(join(dir, "c.arp"), "utf8")).toBe("old c\n");
  });

  it("refuses names that are not plain file names and writes nothing outside", () => {
    const parent = tempDir("arp-add-");
    const dir = join(parent, "in");
    mkdirSync(dir);
    for (const name of ["../escaped.arp", "x/../../y.arp", "..", "", "a\\b.arp"]) {
      expect(() => addFiles(dir, [{ name, text: "x" }])).toThrow(/internal error/);
    }
    expect(readdirSync(parent)).toEqual(["in"]);
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe("planted symbolic links", () => {
  /** The predictable temporary names older versions used, each a link to a file outside. */
  function plant(dir: string, finals: readonly string[], victim: string): void {
    for (const f of finals) symlinkSync(victim, join(dir, `${f}.${process.pid}.tmp`));
  }

  it("are not followed by import's writer", () => {
    const dir = tempDir("arp-add-");
    const victim = join(tempDir("arp-add-"), "victim.txt");
    writeFileSync(victim, "untouched\n");
    plant(dir, ["a.arp"], victim);
    addFiles(dir, [{ name: "a.arp", text: "a\n" }]);
    expect(readFileSync(victim, "utf8")).toBe("untouched\n");
    expect(readFileSync(join(dir, "a.arp"), "utf8")).toBe("a\n");
  });

  it("are not followed by compile's writer, and are kept as links", () => {
    const parent = tempDir("arp-add-");
    const out = join(parent, "out");
    mkdirSync(out);
    const victim = join(tempDir("arp-add-"), "victim.txt");
    writeFileSync(victim, "untouched\n");
    plant(out, ["P.json", "arp.manifest.json"], victim);
    writeOwnedDirectory(out, [{ name: "P.json", text: "{}\n" }, { name: "arp.manifest.json", text: '{"files":["P.json","arp.manifest.json"]}\n' }]);
    expect(readFileSync(victim, "utf8")).toBe("untouched\n");
    expect(readFileSync(join(out, `P.json.${process.pid}.tmp`), "utf8")).toBe("untouched\n"); // still a link to it
  });

  it("make exclusive create fail instead of writing through them", () => {
    const dir = tempDir("arp-add-");
    const victim = join(tempDir("arp-add-"), "victim.txt");
    writeFileSync(victim, "untouched\n");
    symlinkSync(victim, join(dir, "link"));
    expect(() => realFs.writeExclusive(join(dir, "link"), "evil")).toThrow(/EEXIST/);
    symlinkSync(join(dir, "nowhere"), join(dir, "dangling"));
    expect(() => realFs.writeExclusive(join(dir, "dangling"), "evil")).toThrow(/EEXIST/);
    expect(readdirSync(dir).sort()).toEqual(["dangling", "link"]);
    expect(readFileSync(victim, "utf8")).toBe("untouched\n");
  });
});
