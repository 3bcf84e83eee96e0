// compile's writer: the output directory switches from the old complete set to the new one at
// once, stale outputs go, files arp did not write stay (same inode), and a crash at any point
// leaves a state the next write recovers from.
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { realFs, writeOwnedDirectory, type FsOps, type OutputFile } from "../../compiler/writeOutputs.js";
import { tempDir } from "../support/tempDir.js";


function manifest(names: readonly string[]): OutputFile {
  return { name: "arp.manifest.json", text: `${JSON.stringify({ files: [...names, "arp.manifest.json"].sort() })}\n` };
}
function set(files: Record<string, string>): OutputFile[] {
  return [...Object.entries(files).map(([name, text]) => ({ name, text })), manifest(Object.keys(files))];
}
const OLD = set({ "Old.json": "old\n", "Shared.json": "shared v1\n", "evaluator.ts": "// v1\n" });
const NEW = set({ "New.json": "new\n", "Shared.json": "shared v2\n" });

/** Everything under `dir` as path → content (directories end in `/`, links as `-> target`). */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string, rel: string): void => {
    for (const e of readdirSync(d).sort()) {
      const p = join(d, e);
      const st = lstatSync(p);
      if (st.isSymbolicLink()) out[`${rel}${e}`] = "-> link";
      else if (st.isDirectory()) {
        out[`${rel}${e}/`] = "";
        walk(p, `${rel}${e}/`);
      } else out[`${rel}${e}`] = readFileSync(p, "utf8");
    }
  };
  walk(dir, "");
  return out;
}
function asRecord(files: readonly OutputFile[]): Record<string, string> {
  return Object.fromEntries(files.map((f) => [f.name, f.text]));
}

/** An output directory holding OLD plus a user's file and directory. */
function populated(): { parent: string; out: string; foreign: Record<string, string> } {
  const parent = tempDir("arp-out-");
  const out = join(parent, "out");
  writeOwnedDirectory(out, OLD);
  writeFileSync(join(out, "README.md"), "mine\n");
  mkdirSync(join(out, "cfn"));
  writeFileSync(join(out, "cfn", "stack.yaml"), "Resources: {}\n");
  return { parent, out, foreign: { "README.md": "mine\n", "cfn/": "", "cfn/stack.yaml": "Resources: {}\n" } };
}

describe("writeOwnedDirectory", () => {
  it("replaces the set: stale outputs removed, foreign files kept as the same files", () => {
    const { parent, out, foreign } = populated();
    const inode = statSync(join(out, "README.md")).ino;
    const report = writeOwnedDirectory(out, NEW);
    expect(snapshot(out)).toEqual({ ...asRecord(NEW), ...foreign });
    expect([...report.removed].sort()).toEqual(["Old.json", "evaluator.ts"]);
    expect(report.recovered).toBeUndefined();
    expect(statSync(join(out, "README.md")).ino).toBe(inode);
    expect(readdirSync(parent)).toEqual(["out"]);
  });

  it("keeps a file that appears in the directory while the new set is staged", () => {
    const { out, foreign } = populated();
    let first = true;
    const fs = new Proxy(realFs, {
      get(target, key: keyof FsOps) {
        const real = target[key] as (...args: unknown[]) => unknown;
        if (key !== "rename") return real;
        return (...args: unknown[]) => {
          if (first) writeFileSync(join(out, "late.txt"), "late\n"); // just before the switch
          first = false;
          return real(...args);
        };
      },
    });
    writeOwnedDirectory(out, NEW, fs);
    expect(snapshot(out)).toEqual({ ...asRecord(NEW), ...foreign, "late.txt": "late\n" });
  });

  it("writes the same bytes every time, and rewriting changes nothing", () => {
    const a = join(tempDir("arp-out-"), "a");
    const b = join(tempDir("arp-out-"), "b");
    writeOwnedDirectory(a, NEW);
    writeOwnedDirectory(b, NEW);
    expect(snapshot(a)).toEqual(snapshot(b));
    expect(writeOwnedDirectory(a, NEW).removed).toEqual([]);
    expect(snapshot(a)).toEqual(asRecord(NEW));
  });

  it("keeps the directory's mode and replaces the target of a symbolic link, not the link", () => {
    const parent = tempDir("arp-out-");
    const real = join(parent, "real");
    writeOwnedDirectory(real, OLD);
    realFs.chmod(real, 0o750);
    symlinkSync(real, join(parent, "link"));
    writeOwnedDirectory(join(parent, "link"), NEW);
    expect(lstatSync(join(parent, "link")).isSymbolicLink()).toBe(true);
    expect(snapshot(real)).toEqual(asRecord(NEW));
    expect(statSync(real).mode & 0o777).toBe(0o750);
  });

  it("refuses to replace a file at an output name that arp did not write", () => {
    const { out, foreign } = populated();
    writeFileSync(join(out, "New.json"), "hand-written\n");
    const before = snapshot(out);
    expect(() => writeOwnedDirectory(out, NEW)).toThrow(/not written by arp/);
    expect(snapshot(out)).toEqual(before);
    expect(before).toMatchObject(foreign);
  });

  it("refuses an output directory that holds the current directory", () => {
    const { out } = populated();
    const before = snapshot(out);
    mkdirSync(join(out, "cfn", "deep"));
    for (const cwd of [out, join(out, "cfn", "deep")]) {
      vi.spyOn(process, "cwd").mockReturnValue(cwd);
      expect(() => writeOwnedDirectory(out, NEW)).toThrow(/current directory/);
      vi.restoreAllMocks();
    }
    rmSync(join(out, "cfn", "deep"), { recursive: true });
    expect(snapshot(out)).toEqual(before);
  });

  it("refuses names that are not plain file names, before touching the disk", () => {
    const parent = tempDir("arp-out-");
    const out = join(parent, "sub", "out");
    for (const name of ["../escaped.json", "../../x", "a/b.json", "a\\b.json", "..", ".", "", "x\0y", "/etc/passwd"]) {
      expect(() => writeOwnedDirectory(out, [{ name, text: "x" }])).toThrow(/internal error/);
    }
    expect(() => writeOwnedDirectory(out, [{ name: "A.json", text: "" }, { name: "a.json", text: "" }])).toThrow(/internal error/);
    expect(readdirSync(parent)).toEqual([]);
  });
});

describe("writeOwnedDirectory when an operation fails", () => {
  /** realFs, except that the `nth` call of `op` (1-based) throws. */
  function failing(op: keyof FsOps, nth: number): FsOps {
    let calls = 0;
    return new Proxy(realFs, {
      get(target, key: keyof FsOps) {
        const real = target[key] as (...args: unknown[]) => unknown;
        if (key !== op) return real;
        return (...args: unknown[]) => {
          calls += 1;
          if (calls === nth) throw Object.assign(new Error(`injected ${op} failure`), { code: "EIO" });
          return real(...args);
        };
      },
    });
  }

  for (const [op, nth] of [["writeExclusive", 2], ["link", 1], ["mkdir", 2], ["chmod", 1], ["rename", 1], ["rename", 2]] as const) {
    it(`leaves the old set and no temporary behind when ${op} #${nth} fails`, () => {
      const { parent, out } = populated();
      const before = snapshot(out);
      expect(() => writeOwnedDirectory(out, NEW, failing(op, nth))).toThrow(/injected/);
      expect(snapshot(out)).toEqual(before);
      expect(readdirSync(parent)).toEqual(["out"]);
    });
  }
});

describe("writeOwnedDirectory after a crash", () => {
  class Crash extends Error {}
  /** realFs until `after` operations have run; then every operation throws, as if the process died. */
  function crashing(after: number): { fs: FsOps; crashed: () => boolean } {
    let calls = 0;
    const fs = new Proxy(realFs, {
      get(target, key: keyof FsOps) {
        const real = target[key] as (...args: unknown[]) => unknown;
        return (...args: unknown[]) => {
          if (calls >= after) throw new Crash("crashed");
          calls += 1;
          return real(...args);
        };
      },
    });
    return { fs, crashed: () => calls >= after };
  }

  it("recovers from a crash after every single operation", () => {
    const total = (() => {
      const { out } = populated();
      let n = 0;
      writeOwnedDirectory(out, NEW, new Proxy(realFs, { get: (t, k: keyof FsOps) => (...a: unknown[]) => { n += 1; return (t[k] as (...x: unknown[]) => unknown)(...a); } }));
      return n;
    })();
    expect(total).toBeGreaterThan(10);
    let recoveries = 0;
    for (let k = 0; k < total; k++) {
      const { parent, out, foreign } = populated();
      const inode = statSync(join(out, "cfn", "stack.yaml")).ino;
      try {
        writeOwnedDirectory(out, NEW, crashing(k).fs);
      } catch (e) {
        expect(e instanceof Crash || (e as Error).cause instanceof Crash).toBe(true);
      }
      // What a reader sees at the crash: the old set, the new set, or (between the renames) nothing.
      if (existsSync(out)) expect([{ ...asRecord(OLD), ...foreign }, { ...asRecord(NEW), ...foreign }]).toContainEqual(snapshot(out));
      else expect(readdirSync(parent).some((n) => n.startsWith(".out.arp-old-"))).toBe(true);
      const report = writeOwnedDirectory(out, NEW);
      if (report.recovered !== undefined) recoveries += 1;
      expect(snapshot(out)).toEqual({ ...asRecord(NEW), ...foreign });
      expect(statSync(join(out, "cfn", "stack.yaml")).ino).toBe(inode);
      expect(readdirSync(parent)).toEqual(["out"]);
    }
    expect(recoveries).toBeGreaterThan(0);
  });

  it("recovers when the recovery itself is interrupted at any step", () => {
    /** Leaves the state of a crash between the two renames: no `out`, a backup and a staging. */
    const crashBetweenRenames = (out: string): void => {
      let renames = 0;
      const fs = new Proxy(realFs, {
        get: (t, k: keyof FsOps) => (...a: unknown[]) => {
          if (renames >= 1) throw new Crash("crashed");
          if (k === "rename") renames += 1;
          return (t[k] as (...x: unknown[]) => unknown)(...a);
        },
      });
      expect(() => writeOwnedDirectory(out, NEW, fs)).toThrow(Crash);
    };
    for (let k = 0; k < 12; k++) {
      const { parent, out, foreign } = populated();
      crashBetweenRenames(out);
      try {
        writeOwnedDirectory(out, NEW, crashing(k).fs);
      } catch (e) {
        expect(e instanceof Crash || (e as Error).cause instanceof Crash).toBe(true);
      }
      writeOwnedDirectory(out, NEW);
      expect(snapshot(out)).toEqual({ ...asRecord(NEW), ...foreign });
      expect(readdirSync(parent)).toEqual(["out"]);
    }
  });

  it("says how it recovered when the crash came between the two renames", () => {
    const { out, foreign } = populated();
    // Run until the first rename (out → backup) is done and the second has not happened.
    let renames = 0;
    const fs = new Proxy(realFs, {
      get(target, key: keyof FsOps) {
        const real = target[key] as (...args: unknown[]) => unknown;
        return (...args: unknown[]) => {
          if (renames >= 1) throw new Crash("crashed");
          if (key === "rename") renames += 1;
          return real(...args);
        };
      },
    });
    expect(() => writeOwnedDirectory(out, NEW, fs)).toThrow(Crash);
    expect(existsSync(out)).toBe(false);
    const report = writeOwnedDirectory(out, NEW);
    expect(report.recovered).toMatch(/interrupted: restored the previous outputs/);
    expect([...report.removed].sort()).toEqual(["Old.json", "evaluator.ts"]);
    expect(snapshot(out)).toEqual({ ...asRecord(NEW), ...foreign });
  });

  it("moves what a leftover backup holds that arp did not write and the directory lacks", () => {
    const { parent, out, foreign } = populated();
    const backup = join(parent, ".out.arp-old-0123456789abcdef");
    mkdirSync(backup);
    writeFileSync(join(backup, "only-here.txt"), "precious\n");
    writeFileSync(join(backup, "README.md"), "older copy\n");
    const report = writeOwnedDirectory(out, NEW);
    expect(report.recovered).toMatch(/after moving `only-here\.txt`/);
    expect(snapshot(out)).toEqual({ ...asRecord(NEW), ...foreign, "only-here.txt": "precious\n" });
    expect(readdirSync(parent)).toEqual(["out"]);
  });
});
