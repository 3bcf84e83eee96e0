// Commands given nothing to work on say so: `arp compile` without paths says there is no input
// (not that `--out` is missing), `arp catalog` with a word nothing matches fails with a
// did-you-mean, and a `$parameter` where a string goes shows the string to write. `arp catalog`
// text shows what `--json` shows of a few actions, their condition keys included.
import { afterEach, describe, expect, it, vi } from "vitest";
import { main } from "../../compiler/cli/main.js";
import { compile } from "../../compiler/index.js";

afterEach(() => {
  vi.restoreAllMocks();
  process.exitCode = undefined;
});

async function arp(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  vi.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  });
  vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  });
  process.exitCode = undefined;
  const code = await main([...args, "--no-color"]);
  vi.restoreAllMocks();
  return { code, stdout, stderr };
}

describe("no input", () => {
  it("`arp compile` alone, or with only --out, says there is nothing to compile", async () => {
    for (const args of [["compile"], ["compile", "--out", "build/iam"]]) {
      const r = await arp(args);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe("error: no input: give the .arp files or directories to compile, e.g. `arp compile policies/ --out build/iam`\n");
    }
  });

  it("`arp compile` with paths but no --out asks for the output directory; `arp check` alone says there is no input", async () => {
    const compile = await arp(["compile", "policies/"]);
    expect(compile.code).toBe(2);
    expect(compile.stderr).toMatch(/^error: no output directory: give one with `--out`/);
    const check = await arp(["check"]);
    expect(check.code).toBe(2);
    expect(check.stderr).toBe("error: no input: give the .arp files or directories to check, e.g. `arp check policies/`\n");
  });
});

describe("arp catalog with a word nothing matches", () => {
  it("exits 1 and says so on stderr, with what the word most likely misspells", async () => {
    const none = await arp(["catalog", "nosuchthing"]);
    expect(none.code).toBe(1);
    expect(none.stdout).toBe("");
    expect(none.stderr).toMatch(/^error: nothing in the catalog matches `nosuchthing`\n/);
    const cases: [string, string][] = [
      ["apprunner:DescribeServce", "apprunner:DescribeService"],
      ["DescribeServce", "apprunner:DescribeService"],
      ["apprunnr", "apprunner"],
      ["aws:SourceAcount", "aws:SourceAccount"],
    ];
    for (const [word, meant] of cases) {
      const r = await arp(["catalog", word]);
      expect(r.code, word).toBe(1);
      expect(r.stderr, word).toContain(`did you mean \`${meant}\`?`);
    }
  });

  it("with --json, still prints the (empty) listing and exits 1; a word that matches exits 0", async () => {
    const r = await arp(["catalog", "nosuchthing", "--json"]);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject({ actions: [], resourceTypes: [], conditionKeys: [] });
    expect((await arp(["catalog", "apprunner:DescribeService"])).code).toBe(0);
  });
});

describe("arp catalog's text", () => {
  it("lists the condition keys of each of a few actions, as --json does", async () => {
    const text = await arp(["catalog", "apprunner:CreateService"]);
    const json = JSON.parse((await arp(["catalog", "apprunner:CreateService", "--json"])).stdout) as { actions: { conditionKeys: string[] }[] };
    const keys = json.actions[0]!.conditionKeys;
    expect(keys).toContain("aws:TagKeys");
    expect(text.stdout).toContain(`      condition keys: ${keys.join(", ")}\n`);
  });

  it("a long listing names the actions only, and says how to see their keys", async () => {
    const r = await arp(["catalog"]);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/^ {6}condition keys: /m);
    expect(r.stdout).toContain("(each action's condition keys: name fewer actions, or add --json)");
  });
});

describe("a $parameter where a string goes", () => {
  it("`trust account $auditor` suggests `\"${auditor}\"`", () => {
    const text = 'param auditor = "123456789012"\nrole R {\n  trust account $auditor\n}\n';
    const d = compile({ path: "r.arp", text }).diagnostics;
    expect(d.map((x) => x.code)).toEqual(["ARP1002"]);
    expect(d[0]!.hint).toBe('write `"${auditor}"`: a parameter or variable is used inside a string');
  });
});
