// Every IAM document arp writes or shows passes the validator with no error: the golden
// corpus, the compiled examples and stdlib, and the JSON blocks of the docs and README that are
// IAM documents. Warnings are allowed only where arp warns the user too (see ALLOWED_WARNINGS).
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compileFiles } from "../../compiler/index.js";
import { pathText, validateIamDocument, type IamDocumentKind, type IamFinding } from "../../compiler/validate/index.js";

/**
 * Warnings arp's own output may carry, each because the compiler already warns about it:
 * `"Principal": "*"` is arp's open trust (ARP5004), and a trust policy over IAM's default
 * quota is ARP4005's warning.
 */
const ALLOWED_WARNINGS = new Set(["trust-principal-star", "trust-size-default"]);

/**
 * The golden case of a warning arp gives keeps the IAM that warning is about: the validator
 * reports it too, and only there is it expected.
 */
const WARNING_CASES: Readonly<Record<string, string>> = {
  "missing-qualifier": "err-ARP3003-",
  "set-operator-single-valued": "err-ARP3004-",
  "wildcard-without-like": "err-ARP3007-",
};

function problems(doc: unknown, kind: IamDocumentKind, file = ""): string[] {
  return validateIamDocument(doc, kind)
    .filter((f: IamFinding) => f.severity === "error" || !(ALLOWED_WARNINGS.has(f.rule) || (WARNING_CASES[f.rule] !== undefined && file.startsWith(WARNING_CASES[f.rule]!))))
    .map((f) => `${f.severity} ${f.rule} at ${pathText(f.path)}: ${f.message}`);
}

/** The kind of a golden entry: `<Name>.role`, `.user` and `.group` are bundles, the rest policies. */
function bundleKindOf(name: string): IamDocumentKind {
  if (name.endsWith(".role")) return "roleBundle";
  if (name.endsWith(".user")) return "userBundle";
  return name.endsWith(".group") ? "groupBundle" : "identity";
}

/** A golden file maps policy names to documents and `<Role>.role`, `<User>.user`, `<Group>.group` to bundles. */
function goldenDocuments(text: string): [string, unknown, IamDocumentKind][] {
  const byName = JSON.parse(text) as Record<string, unknown>;
  return Object.entries(byName).map(([name, doc]) => [name, doc, bundleKindOf(name)]);
}

describe("the validator accepts every golden document", () => {
  const dir = "test/corpus";
  const files = readdirSync(dir).filter((f) => f.endsWith(".json")).sort();
  it("there are golden documents", () => expect(files.length).toBeGreaterThan(40));
  for (const file of files) {
    it(file, () => {
      const docs = goldenDocuments(readFileSync(join(dir, file), "utf8"));
      expect(docs.length).toBeGreaterThan(0);
      for (const [name, doc, kind] of docs) expect({ name, problems: problems(doc, kind, file) }).toEqual({ name, problems: [] });
    });
  }
});

describe("the validator accepts every compiled example and the stdlib", () => {
  const dirs = [
    ...readdirSync("examples", { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => `examples/${d.name}`),
    "stdlib",
  ];
  for (const dir of dirs) {
    it(dir, () => {
      const result = compileFiles([dir]);
      expect(result.ok).toBe(true);
      for (const p of result.policies) expect({ name: p.name, problems: problems(p.document, "identity") }).toEqual({ name: p.name, problems: [] });
      for (const r of result.roles) {
        expect({ name: r.name, problems: problems(JSON.parse(r.json), "roleBundle") }).toEqual({ name: r.name, problems: [] });
        expect(problems(r.trust.document, "trust")).toEqual([]);
        for (const p of r.inlinePolicies) expect(problems(p.document, "inline")).toEqual([]);
      }
      for (const u of result.users) expect({ name: u.name, problems: problems(JSON.parse(u.json), "userBundle") }).toEqual({ name: u.name, problems: [] });
      for (const g of result.groups) expect({ name: g.name, problems: problems(JSON.parse(g.json), "groupBundle") }).toEqual({ name: g.name, problems: [] });
      expect(result.policies.length + result.roles.length).toBeGreaterThan(0);
    });
  }
});

/** The ```json blocks of a Markdown file that are IAM documents or role bundles. */
function jsonBlocks(text: string): { line: number; value: unknown; kind: IamDocumentKind }[] {
  const out: { line: number; value: unknown; kind: IamDocumentKind }[] = [];
  const fence = /^```json\n([\s\S]*?)^```/gm;
  for (const m of text.matchAll(fence)) {
    const before = text.slice(0, m.index);
    const line = before.split("\n").length;
    // The import diagnostics (ARP6xxx) show documents IAM rejects, on purpose.
    if (/^### ARP6\d+$/m.test(before.slice(before.lastIndexOf("\n### ")))) continue;
    let value: unknown;
    try {
      value = JSON.parse(m[1] ?? "");
    } catch {
      continue; // a fragment, not a document
    }
    if (typeof value !== "object" || value === null) continue;
    if ("AssumeRolePolicyDocument" in value) out.push({ line, value, kind: "roleBundle" });
    else if ("UserName" in value) out.push({ line, value, kind: "userBundle" });
    else if ("GroupName" in value) out.push({ line, value, kind: "groupBundle" });
    else if ("Statement" in value) {
      const statements = [(value as { Statement: unknown }).Statement].flat() as { Principal?: unknown }[];
      out.push({ line, value, kind: statements.some((s) => s.Principal !== undefined) ? "trust" : "identity" });
    }
  }
  return out;
}

describe("the validator accepts every IAM document in the docs", () => {
  const files = ["README.md", ...readdirSync("docs").filter((f) => f.endsWith(".md")).map((f) => `docs/${f}`)];
  const all = files.flatMap((file) => jsonBlocks(readFileSync(file, "utf8")).map((b) => ({ file, ...b })));
  it("the docs show IAM documents", () => expect(all.length).toBeGreaterThan(3));
  for (const block of all) {
    it(`${block.file}:${block.line}`, () => expect(problems(block.value, block.kind)).toEqual([]));
  }
});
