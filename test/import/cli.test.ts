/**
 * `arp import`: files or stdin in, the `.arp` of each file that imports printed or written,
 * those that do not listed, diagnostics with code frames into the JSON, exit 1 on any error.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { runImport, type ImportIo } from "../../compiler/cli/importCommand.js";
import { main } from "../../compiler/cli/main.js";
import { readFixture } from "./support.js";
import { tempDir } from "../support/tempDir.js";

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the command with fixtures as files (by name) and `stdin`. */
async function run(files: string[], options: { out?: string; format?: "text" | "json"; stdin?: string; name?: string; strict?: boolean; force?: boolean } = {}): Promise<Run> {
  let stdout = "";
  let stderr = "";
  const io: ImportIo = {
    readStdin: () => options.stdin ?? "",
    readFile: (path) => {
      if (path.startsWith("fixtures/")) return readFixture(path.slice("fixtures/".length).replace(/\.json$/, ""));
      return readFileSync(path, "utf8");
    },
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
  };
  const code = await runImport(files, {
    ...(options.out !== undefined ? { out: options.out } : {}),
    ...(options.name !== undefined ? { name: options.name } : {}),
    ...(options.strict !== undefined ? { strict: options.strict } : {}),
    ...(options.force !== undefined ? { force: options.force } : {}),
    format: options.format ?? "text",
    color: false,
  }, io);
  return { code, stdout, stderr };
}

const importDir = (): string => tempDir("arp-import-");

describe("arp import", () => {
  it("prints the .arp of each input", async () => {
    const r = await run(["fixtures/team-services.json", "fixtures/trust-cognito.json"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("policy team-services {");
    expect(r.stdout).toContain("role trust-cognito {");
    expect(r.stderr).toContain("warning ARP3004");
  });

  it("reads standard input as a policy named `policy`", async () => {
    const r = await run([], { stdin: '{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "apprunner:List*", "Resource": "*"}}' });
    expect(r).toEqual({ code: 0, stdout: "// Imported from <stdin>\n\npolicy policy {\n  allow apprunner:List* on *\n}\n", stderr: "" });
    expect((await run(["-"], { stdin: "{}" })).stderr).toContain("<stdin>:1:1 - error ARP6002");
  });

  it("exits 1 and shows the JSON under each error", async () => {
    const r = await run(["fixtures/wrong-type-action.json"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain('fixtures/wrong-type-action.json:7:17 - error ARP6003: `Action` must be a string or an array of strings, not a number\n\n 7 |       "Action": 5,\n   |                 ^');
    expect(r.stderr).toContain("3 errors");
  });

  it("writes <name>.arp per input into --out", async () => {
    const out = importDir();
    const r = await run(["fixtures/other-services.json"], { out });
    expect(r.code).toBe(0);
    expect(readdirSync(out)).toEqual(["other-services.arp"]);
    expect(readFileSync(join(out, "other-services.arp"), "utf8")).toBe(readFileSync(new URL("./fixtures/other-services.arp", import.meta.url), "utf8"));
    expect(r.stderr).toContain(`imported 1 file to ${out}: other-services.arp`);
  });

  it("writes the files that import, lists the ones that do not, and exits 1", async () => {
    const out = importDir();
    writeFileSync(join(out, "keep.arp"), "// before\n");
    const r = await run(["fixtures/team-services.json", "fixtures/type-mismatch.json", "fixtures/not-resource.json"], { out });
    expect(r.code).toBe(1);
    expect(readdirSync(out).sort()).toEqual(["keep.arp", "not-resource.arp", "team-services.arp"]);
    expect(readFileSync(join(out, "keep.arp"), "utf8")).toBe("// before\n");
    expect(r.stderr).toContain("imported 2 files to");
    expect(r.stderr).toContain("not imported (1 file): fixtures/type-mismatch.json");
  });

  it("keeps a .arp in --out that holds something else, refusing its input, unless --force", async () => {
    const out = importDir();
    const edited = "// edited by hand since the last import\n";
    writeFileSync(join(out, "team-services.arp"), edited);
    const r = await run(["fixtures/team-services.json", "fixtures/not-resource.json"], { out });
    expect(r.code).toBe(1);
    expect(readFileSync(join(out, "team-services.arp"), "utf8")).toBe(edited);
    expect(readdirSync(out).sort()).toEqual(["not-resource.arp", "team-services.arp"]);
    expect(r.stderr).toContain(`error ARP9003: \`${join(out, "team-services.arp")}\` exists and holds something else`);
    expect(r.stderr).toContain("not imported (1 file): fixtures/team-services.json");
    // The same import again replaces nothing but identical files, so it succeeds.
    expect((await run(["fixtures/not-resource.json"], { out })).code).toBe(0);
    const forced = await run(["fixtures/team-services.json"], { out, force: true });
    expect(forced.code).toBe(0);
    expect(readFileSync(join(out, "team-services.arp"), "utf8")).toContain("policy team-services {");
  });

  it("refuses a policy larger than any IAM accepts, naming both bounds", async () => {
    const file = join(importDir(), "big.json");
    const Statement = Array.from({ length: 400 }, (_, i) => ({ Effect: "Allow", Action: "apprunner:DescribeService", Resource: `arn:aws:apprunner:us-east-1:123456789012:service/svc-${i}/*` }));
    writeFileSync(file, JSON.stringify({ Version: "2012-10-17", Statement }));
    const r = await run([file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/error ARP6003: a policy of \d+ characters without whitespace; IAM accepts none this large \(a managed policy holds at most 6144, a role's inline policies together 10240\)/);
  });

  it("prints the files that import, and exits 1 when one does not", async () => {
    const r = await run(["fixtures/type-mismatch.json", "fixtures/not-resource.json"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("policy not-resource {");
    expect(r.stderr).toContain("not imported (1 file): fixtures/type-mismatch.json");
  });

  it("names a role from a trust policy in `trust.json` after its directory, and says so", async () => {
    const dir = importDir();
    execFileSync("mkdir", ["-p", join(dir, "deployer")]);
    const trust = join(dir, "deployer", "trust.json");
    writeFileSync(trust, readFixture("trust-cognito"));
    const r = await run([trust]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("role deployer {");
    expect(r.stderr).toContain(`${trust} → deployer`);
    const named = await run([trust], { name: "Builder" });
    expect(named.stdout).toContain("role Builder {");
    // A name IAM refuses is the command line's error, not one located in the JSON.
    const bad = await run([trust], { name: "bad name" });
    expect(bad).toEqual({ code: 1, stdout: "", stderr: expect.stringContaining("--name - error ARP9003: IAM does not accept `bad name` as a name") as string });
    expect(bad.stderr).not.toContain("trust.json");
  });

  it("refuses a file with warnings under --strict", async () => {
    const r = await run(["fixtures/for-any-value.json"], { strict: true });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("error ARP2007");
  });

  it("reports a missing file (ARP9001)", async () => {
    const r = await run([join(importDir(), "nope.json")]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("error ARP9001");
  });

  it("refuses two inputs that would be written to one file", async () => {
    const dir = importDir();
    for (const sub of ["a", "b"]) {
      execFileSync("mkdir", ["-p", join(dir, sub)]);
      writeFileSync(join(dir, sub, "p.json"), readFixture("not-resource"));
    }
    const out = join(dir, "out");
    const r = await run([join(dir, "a", "p.json"), join(dir, "b", "p.json")], { out });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("error ARP9003");
    expect(existsSync(out)).toBe(false);
  });

  it("reports per file as one JSON document with --format json: outcome, .arp, diagnostics with JSON positions", async () => {
    const r = await run(["fixtures/for-any-value.json", "fixtures/type-mismatch.json", "fixtures/nope.json"], { format: "json" });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe("");
    const report = JSON.parse(r.stdout);
    expect(report).toMatchObject({ imported: 1, refused: 2, diagnostics: [] });
    const [good, bad, unread] = report.files;
    expect(good).toMatchObject({ input: "fixtures/for-any-value.json", name: "for-any-value", kind: "policy", status: "imported", exact: true });
    expect(good.arp).toContain("policy for-any-value {");
    expect(good.output).toBeUndefined();
    expect(good.diagnostics).toEqual([expect.objectContaining({ code: "ARP2007", severity: "warning", file: "fixtures/for-any-value.json", line: 29, column: 41 })]);
    expect(bad).toMatchObject({ input: "fixtures/type-mismatch.json", status: "refused" });
    expect(bad.arp).toBeUndefined();
    expect(bad.diagnostics.some((d: { severity: string; file: string; line: number }) => d.severity === "error" && d.file === "fixtures/type-mismatch.json" && d.line > 1)).toBe(true);
    expect(unread).toEqual({ input: "fixtures/nope.json", status: "refused", diagnostics: [expect.objectContaining({ severity: "error", file: "fixtures/nope.json" })] });
  });

  it("gives the path each .arp was written to, with --format json and --out", async () => {
    const out = join(importDir(), "out");
    const r = await run(["fixtures/team-services.json"], { format: "json", out });
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.files).toEqual([expect.objectContaining({ status: "imported", output: join(out, "team-services.arp") })]);
    expect(report.files[0].arp).toBeUndefined();
    expect(readFileSync(join(out, "team-services.arp"), "utf8")).toContain("policy team-services");
  });

  it("reports each template resource on its own with --format json", async () => {
    const template = JSON.stringify({ Resources: {
      Good: { Type: "AWS::IAM::ManagedPolicy", Properties: { PolicyDocument: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "apprunner:ListServices", Resource: "*" }] } } },
      Bad: { Type: "AWS::IAM::ManagedPolicy", Properties: { PolicyDocument: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:GetObject", Resource: { "Fn::GetAtt": ["B", "Arn"] } }] } } },
    } }, null, 2);
    const file = join(importDir(), "stack.json");
    writeFileSync(file, template);
    const r = await run([file], { format: "json" });
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(report.files.map((f: { resource: string; status: string }) => [f.resource, f.status])).toEqual([["Good", "imported"], ["Bad", "refused"]]);
    // At the intrinsic: the object that opens on the `"Resource": {` line.
    const line = template.slice(0, template.indexOf('"Fn::GetAtt"')).split("\n").length - 1;
    expect(report.files[1].diagnostics).toEqual([expect.objectContaining({ code: "ARP6022", file, line })]);
  });

  it("is a command of the arp binary", async () => {
    const file = join(importDir(), "build-role.json");
    writeFileSync(file, '{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Principal": {"Service": "build.apprunner.amazonaws.com"}, "Action": "sts:AssumeRole"}}');
    let stdout = "";
    const write = vi.spyOn(process.stdout, "write").mockImplementation((chunk) => ((stdout += String(chunk)), true));
    try {
      expect(await main(["import", file])).toBe(0);
    } finally {
      write.mockRestore();
    }
    expect(stdout).toBe('// Imported from build-role.json\n\nrole build-role {\n  trust service "build.apprunner.amazonaws.com"\n}\n');
  });
});
