// The layers of docs/architecture.md, held by the code: grammar and runtime import nothing above
// them, the folders of compiler/ import each other without cycles, the type checker never
// reaches into lowering, the emitters read only the IR, and no test or source reads bench/.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, normalize, relative } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const ROOT = normalize(join(dirname(new URL(import.meta.url).pathname), "../.."));

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith(".ts") && !e.name.endsWith(".d.ts"))
    .map((e) => relative(ROOT, join(e.parentPath, e.name)).split("\\").join("/"));
}

interface Edge {
  readonly from: string;
  /** A repository path without extension for a relative import; the specifier otherwise. */
  readonly to: string;
  readonly relative: boolean;
}

function importsOf(file: string): Edge[] {
  const info = ts.preProcessFile(readFileSync(join(ROOT, file), "utf8"), true, true);
  return info.importedFiles.map(({ fileName }) => {
    if (!fileName.startsWith(".")) return { from: file, to: fileName, relative: false };
    const target = normalize(join(dirname(file), fileName)).split("\\").join("/").replace(/\.(js|ts)$/, "");
    return { from: file, to: target, relative: true };
  });
}

/** A node of the folder graph: each folder of compiler/, each top-level compiler file, grammar, runtime. */
function nodeOf(path: string): string {
  const parts = path.split("/");
  if (parts[0] === "compiler") return parts.length > 2 ? `compiler/${parts[1]}` : path.replace(/\.ts$/, "");
  return parts[0]!;
}

const SOURCES = ["grammar", "runtime", "compiler"].flatMap(sourceFiles);
const EDGES = SOURCES.flatMap(importsOf);

function outside(folder: string, allowedPackages: RegExp): string[] {
  return EDGES.filter((e) => e.from.startsWith(`${folder}/`))
    .filter((e) => (e.relative ? !e.to.startsWith(`${folder}/`) : !allowedPackages.test(e.to)))
    .map((e) => `${e.from} -> ${e.to}`);
}

/** Strongly connected components of more than one node (Tarjan). */
function cycles(graph: ReadonlyMap<string, ReadonlySet<string>>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const found: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, index.size);
    low.set(v, index.get(v)!);
    stack.push(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (stack.includes(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const component: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      component.push(w);
    } while (w !== v);
    if (component.length > 1) found.push(component.sort());
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return found;
}

describe("the layers of docs/architecture.md", () => {
  it("reads the sources", () => {
    expect(SOURCES.length).toBeGreaterThan(150);
    expect(EDGES.length).toBeGreaterThan(500);
  });

  it("runtime/ imports only runtime/: no package, not even Node's", () => {
    expect(outside("runtime", /^$/)).toEqual([]);
  });

  it("grammar/ imports only grammar/, chevrotain and Node's modules", () => {
    expect(outside("grammar", /^(chevrotain|node:.*)$/)).toEqual([]);
  });

  it("the folders of compiler/, grammar and runtime import each other without cycles", () => {
    const graph = new Map<string, Set<string>>();
    for (const e of EDGES.filter((e) => e.relative)) {
      const [a, b] = [nodeOf(e.from), nodeOf(e.to)];
      if (a === b) continue;
      if (!graph.has(a)) graph.set(a, new Set());
      graph.get(a)!.add(b);
    }
    expect(cycles(graph)).toEqual([]);
  });

  it("the checker never reaches into lowering, and the emitters read the IR, not the checker", () => {
    const crossing = EDGES.filter((e) =>
      (e.from.startsWith("compiler/check/") && e.to.startsWith("compiler/lower/")) ||
      (e.from.startsWith("compiler/emit/") && /^compiler\/(check|lower|driver)\//.test(e.to)));
    expect(crossing.map((e) => `${e.from} -> ${e.to}`)).toEqual([]);
  });

  it("neither the sources nor the tests import bench/", () => {
    const all = [...EDGES, ...sourceFiles("test").flatMap(importsOf)];
    expect(all.filter((e) => e.relative && e.to.startsWith("bench/")).map((e) => `${e.from} -> ${e.to}`)).toEqual([]);
  });
});
