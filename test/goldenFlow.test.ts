/**
 * Golden files have one update flow: vitest's `toMatchFileSnapshot` (test/support/golden.ts)
 * and `npx vitest run -u`. These keep it the only one, and keep CI from writing a missing golden.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("..", import.meta.url));

function testSources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === "fixtures" ? [] : testSources(path);
    return e.name.endsWith(".ts") ? [path] : [];
  });
}

describe("golden update flow", () => {
  it("CI runs the suite with CI=true, under which vitest writes no missing golden", () => {
    expect(readFileSync(join(ROOT, ".ci/run"), "utf8")).toMatch(/^export CI=true$/m);
  });

  it("no test rewrites expected files on an environment flag", () => {
    const flagged = testSources(join(ROOT, "test"))
      .filter((file) => /process\.env(?:\.|\[")UPDATE_/.test(readFileSync(file, "utf8")))
      .map((file) => relative(ROOT, file));
    expect(flagged).toEqual([]);
  });

  it("package.json has no golden script", () => {
    const scripts = (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts;
    expect(Object.keys(scripts).filter((s) => /golden/.test(s) || /UPDATE_/.test(scripts[s] ?? ""))).toEqual([]);
  });
});
