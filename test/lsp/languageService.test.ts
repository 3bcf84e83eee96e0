// The language service answers each request from the compiler's own parser, checker, catalog
// and formatter: these tests hold its answers to what the compiler and the catalog say.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  analyzeDocument,
  completionsAt,
  definitionAt,
  diagnosticsByFile,
  documentOutline,
  formattingEdits,
  hoverAt,
  offsetAt,
  positionAt,
  quickFixes,
  referencesAt,
  renameEdits,
} from "../../compiler/languageService/index.js";
import { tempDir } from "../support/tempDir.js";

const DOC = `param account = "123456789012"
policy Base {
  allow apprunner:DescribeServce on service/*
}
policy Team "Teams run their services" {
  use Base
  "List": allow apprunner:ListServices on *
  deny apprunner:* on * when not aws:SecureTransport and tag team = $account
}
role Runner {
  trust service "build.apprunner.amazonaws.com"
  attach Team
}
test "lists" for Team {
  expect allow apprunner:ListServices on * with aws:SecureTransport = true
}
`;

const PATH = "/arp-lsp-test/doc.arp";
const analysis = analyzeDocument(PATH, DOC);
/** The offset `delta` characters into the first occurrence of `text` in the document. */
const at = (text: string, delta = 1, doc = DOC): number => {
  const i = doc.indexOf(text);
  if (i < 0) throw new Error(`no ${text}`);
  return i + delta;
};

describe("positions", () => {
  it("converts offsets to zero-based lines and UTF-16 characters and back, across \\r\\n", () => {
    const text = "a\r\nbé😀c\nd";
    const c = text.indexOf("c");
    expect(positionAt(text, c)).toEqual({ line: 1, character: 4 });
    expect(offsetAt(text, { line: 1, character: 4 })).toBe(c);
    expect(offsetAt(text, { line: 0, character: 99 })).toBe(1);
    expect(positionAt(text, text.length)).toEqual({ line: 2, character: 1 });
  });
});

describe("diagnostics", () => {
  it("are the compiler's, with the code, a link to the code's section of docs/diagnostics.md and the hint", () => {
    const own = diagnosticsByFile(analysis).get(PATH) ?? [];
    expect(own.map((d) => d.code)).toEqual(["ARP2002"]);
    const [d] = own;
    expect(d?.range).toEqual({ start: { line: 2, character: 8 }, end: { line: 2, character: 32 } });
    expect(d?.codeHref).toMatch(/^file:\/\/.*\/docs\/diagnostics\.md#arp2002$/);
    expect(d?.message).toContain("did you mean `apprunner:DescribeService`?");
  });

  it("include those of the files the document imports, under those files", () => {
    const dir = tempDir("arp-lsp-");
    writeFileSync(join(dir, "lib.arp"), "policy Shared {\n  allow apprunner:PauseServic on service/*\n}\n");
    const main = join(dir, "main.arp");
    const result = diagnosticsByFile(analyzeDocument(main, 'import "./lib.arp"\npolicy Mine {\n  use Shared\n}\n'));
    expect(result.get(main)).toEqual([]);
    expect(result.get(join(dir, "lib.arp"))?.map((d) => [d.code, d.range.start.line])).toEqual([["ARP2002", 1]]);
  });

  it("include `arp test` failures on the failing `expect` line (ARP5006)", () => {
    const text = 'policy P {\n  allow apprunner:ListServices on *\n}\ntest "t" {\n  expect allow apprunner:ListServices on *\n  expect allow apprunner:DeleteService on service/web/0123456789abcdef\n}\n';
    const own = diagnosticsByFile(analysisOf(text)).get(PATH) ?? [];
    expect(own.map((d) => [d.code, d.range.start.line])).toEqual([["ARP5006", 5]]);
  });

  it("show a use of a policy the document does not define or import as the checker's error", () => {
    const text = "policy P {\n  use Missing\n}\n";
    const own = diagnosticsByFile(analyzeDocument(PATH, text)).get(PATH) ?? [];
    expect(own.map((d) => [d.code, d.severity, d.range.start])).toEqual([["ARP5003", "error", { line: 1, character: 6 }]]);
  });
});

describe("hover", () => {
  it("on a statement's effect shows the IAM JSON it compiles to", () => {
    const text = 'policy P {\n  "Read": allow apprunner:ListServices on *\n}\n';
    const hover = hoverAt(analysisOf(text), text.indexOf("allow") + 1);
    expect(hover?.markdown).toContain("```json");
    const json = /```json\n([\s\S]*)\n```/.exec(hover?.markdown ?? "")?.[1] ?? "null";
    expect(JSON.parse(json)).toEqual({ Sid: "Read", Effect: "Allow", Action: "apprunner:ListServices", Resource: "*" });
    expect(hover?.span).toMatchObject({ start: text.indexOf('"Read"'), end: text.indexOf("allow") + 5 });
  });

  it("on an action shows the catalog's description, access level and resource types", () => {
    const hover = hoverAt(analysis, at("apprunner:ListServices", 12));
    expect(hover?.markdown).toContain("**apprunner:ListServices**");
    expect(hover?.markdown).toContain("Access level: List");
    expect(hover?.markdown).toContain("`*` only");
    expect(hover?.span.start).toBe(at("apprunner:ListServices", 0));
  });

  it("on a wildcard action lists what it matches", () => {
    const hover = hoverAt(analysis, at("apprunner:* on", 3));
    expect(hover?.markdown).toMatch(/\*\*apprunner:\*\*\* matches \d+ actions/);
    expect(hover?.markdown).toContain("`apprunner:CreateService`");
  });

  it("on a resource shorthand shows the ARN it expands to, with the file's account, and its resource type", () => {
    const hover = hoverAt(analysis, at("service/*", 2));
    expect(hover?.markdown).toContain("`arn:aws:apprunner:*:123456789012:service/*`");
    expect(hover?.markdown).toContain("Resource type `apprunner:service`");
  });

  it("on a condition key shows its type, description and comparisons", () => {
    const hover = hoverAt(analysis, at("aws:SecureTransport", 4));
    expect(hover?.markdown).toContain("Type: Bool");
    expect(hover?.markdown).toContain("global key");
    expect(hover?.markdown).toContain("Comparisons: `=`");
  });

  it("on a tag key names the IAM key it stands for", () => {
    expect(hoverAt(analysis, at("tag team", 1))?.markdown).toContain("`aws:ResourceTag/${TagKey}`");
  });

  it("on a comparison shows the IAM operator it compiles to", () => {
    expect(hoverAt(analysis, at("= $account", 0))?.markdown).toContain("`StringEquals`");
  });

  it("on a used policy's name shows its declaration", () => {
    expect(hoverAt(analysis, at("use Base", 5))?.markdown).toContain("policy Base");
  });

  it("has nothing to say on a comment or blank space", () => {
    expect(hoverAt(analysisOf("// a note\n"), 3)).toBeUndefined();
  });
});

function analysisOf(text: string) {
  return analyzeDocument(PATH, text);
}

function labelsAt(text: string): string[] {
  return completionsAt(analysisOf(text), text.length).map((c) => c.label);
}

describe("completion", () => {
  it("offers services, then a service's actions, replacing the typed word", () => {
    expect(labelsAt("policy P {\n  allow app")).toContain("apprunner");
    const text = "policy P {\n  allow apprunner:Desc";
    const entries = completionsAt(analysisOf(text), text.length);
    expect(entries.map((c) => c.label)).toContain("apprunner:DescribeService");
    expect(entries[0]?.replace).toMatchObject({ start: text.indexOf("apprunner:"), end: text.length });
  });

  it("offers only the actions that act on the statement's resource type when the resources are written", () => {
    const text = "policy P {\n  allow apprunner: on connection/*\n}\n";
    const labels = completionsAt(analysisOf(text), text.indexOf(" on")).map((c) => c.label);
    expect(labels).toEqual(expect.arrayContaining(["apprunner:CreateConnection", "apprunner:DeleteConnection"]));
    expect(labels).not.toContain("apprunner:PauseService");
    const all = completionsAt(analysisOf(text.replace("connection/*", "*")), text.indexOf(" on")).map((c) => c.label);
    expect(all).toContain("apprunner:PauseService");
  });

  it("offers `*` and App Runner's resource shorthands after `on`", () => {
    expect(labelsAt("policy P {\n  allow apprunner:CreateService on ")).toEqual(expect.arrayContaining(["*", "service/*", "connection/*"]));
  });

  it("offers the condition keys the statement's actions take after `when`, and not other services' keys", () => {
    const labels = labelsAt("policy P {\n  allow apprunner:CreateService on service/* when ");
    expect(labels).toEqual(expect.arrayContaining(["apprunner:ConnectionArn", "aws:SourceIp", "aws:RequestTag/${TagKey}"]));
    expect(labels.filter((l) => l.startsWith("s3:"))).toEqual([]);
    const forList = labelsAt("policy P {\n  allow apprunner:ListServices on * when ");
    expect(forList).not.toContain("apprunner:ConnectionArn");
  });

  it("offers the comparisons a key's type takes after the key", () => {
    const ip = labelsAt("policy P {\n  allow apprunner:ListServices on * when aws:SourceIp ");
    expect(ip).toEqual(expect.arrayContaining(["=", "in", "exists", "missing"]));
    expect(ip).not.toContain("like");
    expect(labelsAt("policy P {\n  allow apprunner:ListServices on * when tag team ")).toEqual(expect.arrayContaining(["=", "like", "not like"]));
    expect(labelsAt("policy P {\n  allow apprunner:ListServices on * when aws:EpochTime ")).toContain("<=");
  });

  it("offers condition keys in a test request's context, after `as user`", () => {
    const labels = labelsAt('test "t" {\n  expect allow apprunner:ListServices on * as user alice with ');
    expect(labels).toEqual(expect.arrayContaining(["aws:SourceIp", "tag"]));
    expect(labelsAt('test "t" {\n  expect implicit deny apprunner:Pau')).toContain("apprunner:PauseService");
    expect(labelsAt('test "t" {\n  expect allow apprunner:PauseService on ')).toContain("service/*");
  });

  it("offers parameters and variables after a comparison", () => {
    const labels = labelsAt('param team = "a"\npolicy P {\n  allow apprunner:ListServices on * when aws:username = ');
    expect(labels).toEqual(expect.arrayContaining(["$team", "$user", "$principal.tag.KEY"]));
  });

  it("offers policy names after `use` and `attach` (the document's, then the stdlib's), and role names after `as role`", () => {
    const uses = labelsAt("policy Base {\n  allow apprunner:ListServices on *\n}\npolicy Q {\n  use ");
    expect(uses).toEqual(expect.arrayContaining(["Base", "AWSAppRunnerReadOnlyAccess"]));
    expect(labelsAt("policy Base {}\nrole R {\n  attach ")).toContain("Base");
    const roles = labelsAt('role Runner {\n  trust service "build.apprunner.amazonaws.com"\n}\ntest "t" {\n  expect allow apprunner:ListServices on * as role ');
    expect(roles).toContain("Runner");
  });

  it("offers keywords at the top level", () => {
    expect(labelsAt("")).toEqual(expect.arrayContaining(["policy", "role", "param", "import", "test"]));
  });
});

describe("definition, references and rename", () => {
  it("go from `use` and `attach` to the policy, and find every use", () => {
    expect(definitionAt(analysis, at("use Base", 5))).toMatchObject({ file: PATH, start: at("policy Base", 7), end: at("policy Base", 11) });
    expect(definitionAt(analysis, at("attach Team", 8))).toMatchObject({ start: at("policy Team", 7) });
    const refs = referencesAt(analysis, at("policy Team", 8), true).map((s) => s.start);
    expect(refs).toEqual([at("policy Team", 7), at("attach Team", 7), at("for Team", 4)]);
    expect(referencesAt(analysis, at("policy Team", 8), false)).toHaveLength(2);
  });

  it("go from `$param` to the parameter", () => {
    expect(definitionAt(analysis, at("$account", 3))).toMatchObject({ start: at("param account", 6), end: at("param account", 13) });
    expect(referencesAt(analysis, at("param account", 8), false).map((s) => s.start)).toEqual([at("$account", 1)]);
  });

  it("find a parameter used inside a string's interpolation", () => {
    const text = 'param account = "1"\nrole R {\n  trust arn "arn:aws:iam::${account}:root"\n}\n';
    const refs = referencesAt(analysisOf(text), text.indexOf("account"), false);
    expect(refs.map((s) => text.slice(s.start, s.end))).toEqual(["account"]);
    expect(refs[0]?.start).toBe(text.indexOf("${account}") + 2);
    expect(definitionAt(analysisOf(text), text.indexOf("${account}") + 4)).toMatchObject({ start: 6, end: 13 });
  });

  it("go to a stdlib policy and to an imported file", () => {
    const stdlib = analysisOf("role R {\n  attach AWSAppRunnerReadOnlyAccess\n}\n");
    expect(definitionAt(stdlib, 22)?.file).toMatch(/^stdlib\//);
    const dir = tempDir("arp-lsp-");
    writeFileSync(join(dir, "lib.arp"), "policy Shared {\n  allow apprunner:ListServices on *\n}\n");
    const text = 'import "./lib"\npolicy Mine {\n  use Shared\n}\n';
    const imported = analyzeDocument(join(dir, "main.arp"), text);
    expect(definitionAt(imported, 10)).toEqual({ file: join(dir, "lib.arp"), start: 0, end: 0 });
    expect(definitionAt(imported, at("use Shared", 5, text))).toEqual({ file: join(dir, "lib.arp"), start: 7, end: 13 });
  });

  it("rename edits the definition and every use; a stdlib name is not renamed", () => {
    const edits = renameEdits(analysis, at("use Base", 5), "Core") ?? [];
    expect(edits.map((e) => e.span.start).sort((a, b) => a - b)).toEqual([at("policy Base", 7), at("use Base", 4)]);
    expect(renameEdits(analysisOf("role R {\n  attach AWSAppRunnerReadOnlyAccess\n}\n"), 22, "X")).toBeUndefined();
  });
});

describe("outline", () => {
  it("lists parameters, policies with labelled statements, roles and tests", () => {
    const outline = documentOutline(analysis).map((e) => [e.kind, e.name, e.children.map((c) => c.name)]);
    expect(outline).toEqual([
      ["param", "account", []],
      ["policy", "Base", []],
      ["policy", "Team", ["List"]],
      ["role", "Runner", []],
      ["test", "lists", []],
    ]);
  });
});

describe("formatting", () => {
  it("is the formatter's output as one edit, none for a formatted document or one that does not parse", async () => {
    const edits = await formattingEdits(PATH, "policy P {\nallow apprunner:ListServices on *\n}\n");
    expect(edits).toEqual([{ span: { file: PATH, start: 0, end: 47 }, newText: "policy P {\n  allow apprunner:ListServices on *\n}\n" }]);
    expect(await formattingEdits(PATH, "policy P {\n  allow apprunner:ListServices on *\n}\n")).toEqual([]);
    expect(await formattingEdits(PATH, "policy P {\n  allow on\n")).toEqual([]);
  });
});

describe("quick fixes", () => {
  it("write a did-you-mean suggestion over the misspelt action", () => {
    const [fix] = quickFixes(DOC, analysis.diagnostics);
    expect(fix?.title).toBe("Change to `apprunner:DescribeService`");
    expect(fix?.edits).toEqual([{ span: { file: PATH, start: at("apprunner:DescribeServce", 0), end: at("apprunner:DescribeServce", 24) }, newText: "apprunner:DescribeService" }]);
  });

  it("write a shorthand's suggested type word over the type word only", () => {
    const text = "policy P {\n  allow apprunner:DescribeService on servce/*\n}\n";
    const fixes = quickFixes(text, analysisOf(text).diagnostics);
    expect(fixes.map((f) => f.edits)).toContainEqual([{ span: { file: PATH, start: text.indexOf("servce"), end: text.indexOf("servce") + 6 }, newText: "service" }]);
  });

  it("offer to suppress an error the compiler can build past, and the comment does suppress it", () => {
    const fixes = quickFixes(DOC, analysis.diagnostics);
    const suppress = fixes.find((f) => f.title === "Suppress ARP2002 on this line");
    expect(suppress?.edits).toEqual([{ span: { file: PATH, start: at("  allow apprunner:Describe", 0), end: at("  allow apprunner:Describe", 0) }, newText: "  // arp-ignore ARP2002: reason\n" }]);
    const edited = DOC.slice(0, at("  allow apprunner:Describe", 0)) + (suppress?.edits[0]?.newText ?? "") + DOC.slice(at("  allow apprunner:Describe", 0));
    expect(analysisOf(edited).diagnostics.map((d) => d.severity)).not.toContain("error");
    const notSuppressible = quickFixes("policy P {\n  use Missing\n}\n", analysisOf("policy P {\n  use Missing\n}\n").diagnostics);
    expect(notSuppressible).toEqual([]);
  });

  it("suppress a warning with an arp-ignore comment above its line, at its indentation", () => {
    const warning = { code: "ARP7001", severity: "warning" as const, message: "m", span: { file: PATH, start: 13, end: 18 } };
    const [fix] = quickFixes("policy P {\n  allow x\n}\n", [warning]);
    expect(fix?.edits).toEqual([{ span: { file: PATH, start: 11, end: 11 }, newText: "  // arp-ignore ARP7001: reason\n" }]);
  });
});
