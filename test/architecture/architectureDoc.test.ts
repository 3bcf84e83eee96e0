// docs/architecture.md's table of folders, held to the code: for each row, the nodes its files
// import and the packages they use are exactly the ones the row lists, and every source folder
// of grammar/, runtime/ and compiler/ has a row. A new import between folders fails here until
// the table says so.
import { readdirSync, readFileSync } from "node:fs";
import { builtinModules } from "node:module";
import { dirname, join, normalize, relative } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const ROOT = normalize(join(dirname(new URL(import.meta.url).pathname), "../.."));

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith(".ts") && !e.name.endsWith(".d.ts"))
    .map((e) => relative(ROOT, join(e.parentPath, e.name)).split("\\").join("/"));
}

/** The table's name of the node a path belongs to: `compiler/check`, `compiler/ir.ts`, `grammar`, `test/support`. */
function nodeOf(path: string): string {
  const parts = path.split("/");
  if (parts[0] === "compiler" || parts[0] === "test") return parts.length > 2 ? `${parts[0]}/${parts[1]}` : `${path.replace(/\.(js|ts)$/, "")}.ts`;
  return parts[0]!;
}

/** `@scope/name` or `name` of a package import; Node's own modules are `Node`. */
function packageOf(specifier: string): string {
  const bare = specifier.replace(/^node:/, "");
  if (specifier.startsWith("node:") || builtinModules.includes(bare.split("/")[0]!)) return "Node";
  const parts = specifier.split("/");
  return specifier.startsWith("@") ? `${parts[0]}/${parts[1]}` : parts[0]!;
}

interface Uses {
  readonly nodes: Set<string>;
  readonly packages: Set<string>;
}

/** What each node imports: other nodes (relative imports) and packages. */
function actualUses(): Map<string, Uses> {
  const uses = new Map<string, Uses>();
  for (const file of ["grammar", "runtime", "compiler", "test/support"].flatMap(sourceFiles)) {
    const from = nodeOf(file);
    if (!uses.has(from)) uses.set(from, { nodes: new Set(), packages: new Set() });
    const entry = uses.get(from)!;
    for (const { fileName } of ts.preProcessFile(readFileSync(join(ROOT, file), "utf8"), true, true).importedFiles) {
      if (!fileName.startsWith(".")) {
        entry.packages.add(packageOf(fileName));
        continue;
      }
      const to = nodeOf(normalize(join(dirname(file), fileName)).split("\\").join("/"));
      if (to !== from) entry.nodes.add(to);
    }
  }
  return uses;
}

/** The rows of the "Folders and what each may import" table. */
function documentedUses(): Map<string, Uses> {
  const doc = readFileSync(join(ROOT, "docs/architecture.md"), "utf8");
  const section = doc.slice(doc.indexOf("## Folders and what each may import"));
  const rows = new Map<string, Uses>();
  for (const line of section.slice(0, section.indexOf("\n## ")).split("\n")) {
    const cells = line.split("|").slice(1, -1).map((c) => c.trim());
    const name = /^`([^`]+)`$/.exec(cells[0] ?? "")?.[1];
    if (cells.length !== 4 || name === undefined) continue;
    // Only backticked names count in the imports cell (it may explain, in parentheses, what is read).
    const nodes = [...cells[2]!.replace(/\([^)]*\)/g, "").matchAll(/`([^`]+)`/g)].map((m) => m[1]!.replace(/\/$/, ""));
    const packages = cells[3] === "—" ? [] : cells[3]!.split(",").map((p) => p.trim());
    rows.set(name.replace(/\/$/, ""), { nodes: new Set(nodes), packages: new Set(packages) });
  }
  return rows;
}

const ACTUAL = actualUses();
const DOCUMENTED = documentedUses();
const sorted = (s: Set<string> | undefined): string[] => [...(s ?? [])].sort();

describe("docs/architecture.md's folder table", () => {
  it("has a row for every node of grammar/, runtime/, compiler/ and test/support/, and no other", () => {
    expect(DOCUMENTED.size).toBeGreaterThan(15);
    expect([...DOCUMENTED.keys()].sort()).toEqual([...ACTUAL.keys()].sort());
  });

  it.each([...ACTUAL.keys()].sort())("%s imports what its row lists", (node) => {
    expect(sorted(ACTUAL.get(node)!.nodes)).toEqual(sorted(DOCUMENTED.get(node)?.nodes));
  });

  it.each([...ACTUAL.keys()].sort())("%s uses the packages its row lists", (node) => {
    expect(sorted(ACTUAL.get(node)!.packages)).toEqual(sorted(DOCUMENTED.get(node)?.packages));
  });
});
