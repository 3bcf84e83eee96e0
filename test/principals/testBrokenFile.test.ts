// `arp test .` in a project with one broken file still runs the others' tests, and says which
// file it could not run.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runPolicyTests } from "../../compiler/index.js";
import { runInProcess } from "../fuzz/cliHarness.js";
import { tempDir } from "../support/tempDir.js";

const GOOD = `policy Read { allow apprunner:DescribeService on service/* }
test "reads" { expect allow apprunner:DescribeService on service/web/abc }
`;
const BROKEN = "policy Broken { allow apprunner:Nope on * }\n";

describe("arp test with a broken file", () => {
  it("runs the other files' tests and lists the broken file", () => {
    const run = runPolicyTests([{ path: "good.arp", text: GOOD }, { path: "broken.arp", text: BROKEN }]);
    expect(run.outcomes.map((o) => o.passed)).toEqual([true]);
    expect(run.notRun).toEqual(["broken.arp"]);
    expect(run.ok).toBe(false);
    expect(run.diagnostics.map((d) => `${d.span.file} ${d.code}`)).toEqual(["broken.arp ARP2002"]);
  });

  it("a file importing the broken one is not run either", () => {
    const run = runPolicyTests([
      { path: "good.arp", text: GOOD },
      { path: "broken.arp", text: BROKEN },
      { path: "user.arp", text: 'import "./broken.arp"\npolicy Mine { use Broken }\n' },
    ]);
    expect(run.outcomes.length).toBe(1);
    expect(run.notRun.length).toBeGreaterThanOrEqual(1);
    expect(run.notRun).toContain("broken.arp");
  });

  it("the summary line says what was not run, and the exit code is 1", async () => {
    const dir = tempDir("arp-test-broken-");
    writeFileSync(join(dir, "good.arp"), GOOD);
    writeFileSync(join(dir, "broken.arp"), BROKEN);
    const r = await runInProcess(["test", dir]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("1 passed, 0 failed; not run, a file has errors:");
    expect(r.stdout).toContain("broken.arp");
  });
});
