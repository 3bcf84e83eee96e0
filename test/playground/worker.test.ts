import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { execFileSync } from "node:child_process";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AnalyzeRequest, AnalyzeResponse, WorkerRequest, WorkerResponse } from "../../playground/src/protocol.js";

// The built worker runs here as in a browser: `self` and a synchronous XMLHttpRequest that
// serves the built folder, recording which catalog files the compiler asked for.
const out = mkdtempSync(join(tmpdir(), "arp-playground-"));
const requested: string[] = [];
let last: WorkerResponse | undefined;
let send: (message: WorkerRequest) => void;
let analyze: (text: string, request?: AnalyzeRequest["request"]) => AnalyzeResponse;

beforeAll(async () => {
  execFileSync(process.execPath, ["playground/build.mjs", out], { stdio: "pipe" });
  const base = "http://playground.test/";
  const scope = globalThis as unknown as Record<string, unknown>;
  scope.self = { location: { href: base }, postMessage: (m: WorkerResponse) => (last = m) };
  scope.XMLHttpRequest = class {
    private path = "";
    status = 0;
    responseText = "";
    open(_method: string, url: string): void {
      this.path = join(out, url.slice(base.length));
      requested.push(url.slice(base.length));
    }
    send(): void {
      this.status = existsSync(this.path) ? 200 : 404;
      if (this.status === 200) this.responseText = readFileSync(this.path, "utf8");
    }
  };
  await import(pathToFileURL(join(out, "worker.js")).href);
  let id = 1000;
  send = (message) => (scope.self as { onmessage: (e: { data: unknown }) => void }).onmessage({ data: { ...message, id: ++id } });
  analyze = (text, request) => {
    (scope.self as { onmessage: (e: { data: unknown }) => void }).onmessage({ data: { id: ++id, text, request } });
    return last as AnalyzeResponse;
  };
}, 20_000);

afterAll(() => rmSync(out, { recursive: true, force: true }));

describe("playground worker", () => {
  it("reports a misspelt action with its did-you-mean quick fix", () => {
    const r = analyze("policy P {\n  allow apprunner:DescribeServce on *\n}\n");
    expect(r.diagnostics.map((d) => d.code)).toEqual(["ARP2002"]);
    expect(r.diagnostics[0]!.range.start.line).toBe(1);
    expect(r.fixes.map((f) => f.title)).toContain("Change to `apprunner:DescribeService`");
    expect(r.json).toBe("[]");
  });

  it("compiles a correct policy to IAM JSON", () => {
    const r = analyze("policy P {\n  allow apprunner:DescribeService on *\n}\n");
    expect(r.diagnostics).toEqual([]);
    expect(JSON.parse(r.json)).toEqual([{ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "apprunner:DescribeService", Resource: "*" }] }]);
    expect(r.outputs.map((o) => o.label)).toEqual(["policy P"]);
    expect(JSON.parse(r.outputs[0]!.json)).toEqual(JSON.parse(r.json)[0]);
  });

  it("labels each policy's and each role's JSON, as arp compile writes them", () => {
    const r = analyze('policy P {\n  allow apprunner:DescribeService on *\n}\nrole R {\n  trust service "tasks.apprunner.amazonaws.com"\n  attach P\n}\n');
    expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(r.outputs.map((o) => o.label)).toEqual(["policy P", "role R"]);
    expect(r.outputs[1]!.json).toContain("tasks.apprunner.amazonaws.com");
  });

  it("decides a request against the document's policies", () => {
    const text = "policy P {\n  allow apprunner:DescribeService on *\n}\n";
    const request = { principal: "arn:aws:iam::123456789012:user/carol", action: "apprunner:DescribeService", resource: "*", context: "" };
    expect(analyze(text, request).decision).toMatch(/^Allow/);
    expect(analyze(text, { ...request, action: "apprunner:DeleteService" }).decision).toMatch(/^ImplicitDeny/);
  });

  it("decides by the policies of the principal making the request, never pooling the document's", () => {
    const text = "policy Reads {\n  allow apprunner:DescribeService on *\n}\npolicy Deletes {\n  allow apprunner:DeleteService on *\n}\nrole Reader {\n  trust service \"tasks.apprunner.amazonaws.com\"\n  attach Reads\n}\n";
    const request = { principal: "arn:aws:iam::123456789012:role/Reader", action: "apprunner:DeleteService", resource: "*", context: "" };
    expect(analyze(text, request).decision).toMatch(/^ImplicitDeny \(the policies of role Reader\)/);
    expect(analyze(text, { ...request, as: "Deletes" }).decision).toMatch(/^Allow \(the policies of policy Deletes\)/);
    expect(analyze(text, { ...request, principal: "arn:aws:iam::123456789012:user/carol" }).decision).toMatch(/^cannot decide: whose policies decide\?.*Reader \(role\)/);
  });

  it("uses stdlib policies embedded in the worker", () => {
    const r = analyze("policy P { use AWSAppRunnerReadOnlyAccess allow apprunner:PauseService on service/* }\n");
    expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const actions = JSON.stringify(JSON.parse(r.json));
    expect(actions).toContain("apprunner:PauseService");
    expect(actions).toContain("apprunner:Describe");
  });

  it("fetches the catalog per service, never one file of every service", () => {
    const services = requested.filter((p) => /^catalog\/(actions|resourceTypes|conditionKeys)\//.test(p)).map((p) => p.split("/")[2]);
    expect(services.length).toBeGreaterThan(0);
    expect(new Set(services).size).toBeLessThan(10);
  });

  it("colours every keyword of the lexer in the page's editor", async () => {
    const { keywords } = await import("../../grammar/tokens.js");
    const page = readFileSync(join(out, "main.js"), "utf8");
    expect(page).toContain(JSON.stringify(keywords.map((k) => String(k.PATTERN))));
  });

  it("loads at most 1 MB of JavaScript before the catalog", () => {
    // The entry points and every shared chunk (an upper bound: some load only with a pane).
    const shared = readdirSync(join(out, "chunks")).filter((f) => f.startsWith("chunk-")).map((f) => join("chunks", f));
    const bytes = ["main.js", "worker.js", ...shared].reduce((sum, f) => sum + statSync(join(out, f)).size, 0);
    expect(bytes).toBeLessThanOrEqual(1024 * 1024);
  });

  it("answers hover and completion from the language service, as the language server does", () => {
    const text = "policy P {\n  allow apprunner:DescribeService on *\n}\n";
    send({ kind: "hover", id: 0, text, offset: text.indexOf("DescribeService") + 2 });
    expect(last).toMatchObject({ kind: "hover", hover: { from: text.indexOf("apprunner:DescribeService") } });
    expect((last as { hover: { markdown: string } }).hover.markdown).toContain("DescribeService");
    const partial = "policy P {\n  allow apprunner:Pau";
    send({ kind: "complete", id: 0, text: partial, offset: partial.length });
    const completion = last as unknown as { kind: string; from: number; entries: { label: string }[] };
    expect(completion.kind).toBe("complete");
    expect(completion.entries.map((e) => e.label)).toContain("apprunner:PauseService");
    expect(completion.from).toBe(partial.indexOf("apprunner:Pau"));
  });

  it("reports each expect line's result for the test pane", () => {
    const text = 'policy P {\n  allow apprunner:DescribeService on *\n}\ntest "reads" for P {\n  expect allow apprunner:DescribeService on *\n  expect allow apprunner:DeleteService on *\n}\n';
    const r = analyze(text);
    expect(r.tests.map((t) => [t.passed, t.want, t.got])).toEqual([
      [true, "allow", "Allow"],
      [false, "allow", "ImplicitDeny"],
    ]);
    expect(text.slice(r.tests[1]!.at)).toMatch(/^expect allow apprunner:DeleteService/);
  });

  it("generates the standalone evaluator for its pane", async () => {
    send({ kind: "evaluator", id: 0, text: "policy P {\n  allow apprunner:DescribeService on *\n}\n" });
    await expect.poll(() => last?.kind).toBe("evaluator");
    const code = (last as { code: string }).code;
    expect(code).toContain("export function authorize");
    expect(code).toContain("apprunner:DescribeService");
  });
});
