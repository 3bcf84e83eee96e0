// One IAM operator table: every fact about a base condition operator is declared in
// runtime/operators/table.ts and derived everywhere else, so an operator's name is written as a
// string literal in that one source file (docs and tests excepted).
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, normalize, relative } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { OPERATOR_TABLE, OPERATORS } from "../../runtime/operators/index.js";

const ROOT = normalize(join(dirname(new URL(import.meta.url).pathname), "../.."));
const TABLE_FILE = "runtime/operators/table.ts";

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith(".ts") && !e.name.endsWith(".d.ts"))
    .map((e) => relative(ROOT, join(e.parentPath, e.name)).split("\\").join("/"));
}

/** The string literals of a file, read by TypeScript's parser (comments are not literals). */
function stringLiterals(file: string): Set<string> {
  const source = ts.createSourceFile(file, readFileSync(join(ROOT, file), "utf8"), ts.ScriptTarget.Latest);
  const out = new Set<string>();
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) out.add(node.text);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

const FILES = ["compiler", "runtime", "grammar"].flatMap(sourceFiles);
const LITERALS = new Map(FILES.map((f) => [f, stringLiterals(f)]));
const FAMILIES = new Set(OPERATOR_TABLE.map((r) => r.family));

describe("the IAM operator table", () => {
  it("reads every source file of compiler/, runtime/ and grammar/", () => {
    expect(FILES).toContain(TABLE_FILE);
    expect(FILES.length).toBeGreaterThan(50);
  });

  // `Bool` and `Null` are also the names of their families (one spelling of the family type),
  // so a literal `"Bool"` may be a family test; every other name is only an operator.
  const names = OPERATOR_TABLE.map((r) => r.name).filter((n) => !FAMILIES.has(n as never));

  it.each(names)("%s is written as a string literal in the table only", (name) => {
    const files = FILES.filter((f) => LITERALS.get(f)!.has(name));
    expect(files).toEqual([TABLE_FILE]);
  });

  it("has 27 base operators, and leaves out only the two that double as family names", () => {
    expect(OPERATOR_TABLE).toHaveLength(27);
    expect(names).toHaveLength(25);
  });

  it("no source writes a qualified or IfExists spelling of an operator as a literal", () => {
    const spelled = (s: string): boolean =>
      OPERATOR_TABLE.some((r) => [`ForAnyValue:${r.name}`, `ForAllValues:${r.name}`, `${r.name}IfExists`].some((x) => s.includes(x)));
    const offenders = FILES.filter((f) => [...LITERALS.get(f)!].some(spelled));
    expect(offenders).toEqual([]);
  });

  it("the runtime's registry is the table, row for row", () => {
    expect(OPERATORS.map((o) => ({ name: o.name, family: o.family, negated: o.negated, variables: o.variables })))
      .toEqual(OPERATOR_TABLE.map((r) => ({ name: r.name, family: r.family, negated: r.negated, variables: r.variables })));
  });

  it("twins pair a positive operator with a negated one of the same family, both ways", () => {
    for (const row of OPERATOR_TABLE.filter((r) => r.twin !== undefined)) {
      const twin = OPERATOR_TABLE.find((r) => r.name === row.twin)!;
      expect([twin.twin, twin.family, twin.negated, twin.ignoreCase]).toEqual([row.name, row.family, !row.negated, row.ignoreCase]);
    }
  });

  it("complements are positive operators of the same family, both ways", () => {
    for (const row of OPERATOR_TABLE.filter((r) => r.complement !== undefined)) {
      const complement = OPERATOR_TABLE.find((r) => r.name === row.complement)!;
      expect([complement.complement, complement.family, complement.negated]).toEqual([row.name, row.family, false]);
    }
  });
});
