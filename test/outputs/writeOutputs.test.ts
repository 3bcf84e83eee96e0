// `writeOutputs` through the compiler: the manifest lists what a compile wrote, and the next
// compile removes those it no longer writes (#11: a renamed policy left `<Old>.json`, `--target
// json` left `evaluator.ts`) while keeping everything arp did not write.
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compile, outputFiles, writeOutputs } from "../../compiler/index.js";
import { filesClaimedBy, manifestText } from "../../compiler/manifest.js";
import { writeOwnedDirectory } from "../../compiler/writeOutputs.js";
import { tempDir } from "../support/tempDir.js";


const TRUST = 'trust service "build.apprunner.amazonaws.com"';
function compiled(text: string) {
  const result = compile({ path: "a.arp", text });
  expect(result.diagnostics).toEqual([]);
  return result;
}

describe("writeOutputs", () => {
  it("removes the file of a renamed policy and keeps the user's files", async () => {
    const out = join(tempDir("arp-compile-"), "out");
    await writeOutputs(compiled(`policy Old { allow apprunner:ListServices on * }\nrole R { ${TRUST} }`), out);
    writeFileSync(join(out, ".gitignore"), "*\n");
    expect(readdirSync(out).sort()).toEqual([".gitignore", "Old.json", "R.role.json", "arp.manifest.json"]);
    const report = await writeOutputs(compiled(`policy New { allow apprunner:ListServices on * }\nrole R { ${TRUST} }`), out);
    expect(report.removed).toEqual(["Old.json"]);
    expect(readdirSync(out).sort()).toEqual([".gitignore", "New.json", "R.role.json", "arp.manifest.json"]);
    expect(readFileSync(join(out, ".gitignore"), "utf8")).toBe("*\n");
  });

  it("removes an evaluator.ts an earlier compile wrote when only json is asked for", async () => {
    const out = join(tempDir("arp-compile-"), "out");
    const result = compiled("policy P { allow apprunner:ListServices on * }");
    // What `--target json,ts` leaves (the evaluator's text does not matter here).
    writeOwnedDirectory(out, [
      { name: "P.json", text: result.policies[0]!.json },
      { name: "evaluator.ts", text: "export {};\n" },
      { name: "arp.manifest.json", text: manifestText(result, ["P.json", "evaluator.ts"]) },
    ]);
    const report = await writeOutputs(result, out, ["json"]);
    expect(report.removed).toEqual(["evaluator.ts"]);
    expect(readdirSync(out).sort()).toEqual(["P.json", "arp.manifest.json"]);
  });

  it("lists every file it wrote in the manifest, and writes the same bytes as outputFiles", async () => {
    const out = join(tempDir("arp-compile-"), "out");
    const result = compiled(`policy P { allow apprunner:ListServices on * }\nrole R { ${TRUST} }`);
    await writeOutputs(result, out);
    const manifest = readFileSync(join(out, "arp.manifest.json"), "utf8");
    expect(filesClaimedBy(manifest)).toEqual(["P.json", "R.role.json", "arp.manifest.json"]);
    for (const f of outputFiles(result)) expect(readFileSync(join(out, f.name), "utf8")).toBe(f.text);
  });

  it("reads the files a manifest claims; an unreadable manifest claims nothing", () => {
    expect(filesClaimedBy("{not json")).toEqual([]);
    expect(filesClaimedBy('{"files": ["a.json", 3, null]}')).toEqual(["a.json"]);
    expect(filesClaimedBy('{"policies": [{"output": "Old.json"}], "roles": [{"output": "R.role.json"}]}'))
      .toEqual(["Old.json", "R.role.json", "arp.manifest.json", "evaluator.ts"]);
  });
});
