/**
 * The playground in a real browser: Playwright driving the system's Chromium over the built page.
 * Types a policy with a typo and sees the diagnostic and its quick fix, applies the fix and sees
 * the JSON, opens the shared URL and sees the same state. Screenshots go to test-results/playground/.
 *
 *   npm run test:browser   (needs `chromium` on PATH, e.g. Debian's package)
 */
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { tmpdir } from "node:os";
import { join } from "node:path";
import assert from "node:assert/strict";
import { chromium } from "playwright-core";
import { servePlayground } from "./serve.mjs";

const out = mkdtempSync(join(tmpdir(), "arp-playground-"));
const shots = join("test-results", "playground");
mkdirSync(shots, { recursive: true });
execFileSync(process.execPath, ["playground/build.mjs", out], { stdio: "inherit" });
const { server, port } = await servePlayground(out);
const executablePath = process.env.CHROMIUM ?? execFileSync("which", ["chromium"], { encoding: "utf8" }).trim();
const browser = await chromium.launch({ executablePath, args: ["--no-sandbox"] });
try {
  const page = await browser.newPage({ viewport: { width: 1200, height: 700 } });
  page.on("console", (m) => console.log("page:", m.text()));
  page.on("pageerror", (e) => console.log("page error:", e.message));
  page.on("worker", (w) => w.on("console", (m) => console.log("worker:", m.text())));
  await page.goto(`http://127.0.0.1:${port}/`);
  await page.waitForFunction(() => document.querySelector("#status")?.textContent?.includes("compiled"));

  await page.fill("#source", "");
  const started = Date.now();
  await page.type("#source", "policy Readers {\n  allow apprunner:DescribeServce on *\n}\n");
  const problem = page.locator("#diagnostics li", { hasText: "ARP2002" });
  await problem.waitFor();
  const typingToDiagnostic = Date.now() - started;
  await page.screenshot({ path: join(shots, "diagnostic.png") });
  const fix = problem.locator("button.quick-fix", { hasText: "Change to `apprunner:DescribeService`" });
  await fix.click();
  await page.waitForFunction(() => document.querySelector("#json")?.textContent?.includes("apprunner:DescribeService"));
  assert.equal(await page.locator("#diagnostics li").count(), 0);
  await page.waitForFunction(() => document.querySelector("#decision")?.textContent?.startsWith("Allow"));
  await page.fill("#action", "apprunner:DeleteService");
  await page.waitForFunction(() => document.querySelector("#decision")?.textContent?.startsWith("ImplicitDeny"));
  const roundTrip = Number(await page.locator("#status").getAttribute("data-round-trip"));
  await page.screenshot({ path: join(shots, "json.png") });

  await page.selectOption("#examples", "examples/read-only-auditors/auditors.arp");
  await page.waitForFunction(() => document.querySelector("#json")?.textContent?.includes("NoChanges"));

  const shared = page.url();
  const second = await browser.newPage({ viewport: { width: 1200, height: 700 } });
  await second.goto(shared);
  await second.waitForFunction(() => document.querySelector("#json")?.textContent?.includes("NoChanges"));
  assert.equal(await second.inputValue("#source"), await page.inputValue("#source"));
  await second.screenshot({ path: join(shots, "shared.png") });
  console.log(`playground browser test passed: typing to diagnostic ${typingToDiagnostic} ms (includes keystrokes), fix to JSON round trip ${roundTrip.toFixed(0)} ms; screenshots in ${shots}`);
} finally {
  await browser.close();
  server.close();
  rmSync(out, { recursive: true, force: true });
}
