/**
 * The playground in a real browser: Playwright driving the system's Chromium over the built page.
 * Types a policy with a typo and sees the diagnostic (in the editor and the list) and its quick
 * fix, applies the fix and sees the JSON, evaluates a request and sees the decision, opens the
 * shared URL and sees the same state. Measures the JavaScript loaded before the first catalog
 * file and typing-to-result on every example. Screenshots go to test-results/playground/.
 *
 *   npm run test:browser   (needs Chromium: $CHROMIUM, or `chromium` on PATH, e.g. Debian's package)
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
const base = `http://127.0.0.1:${port}/`;
const startedAt = Date.now();
let passed = 0;
const step = async (name, body) => {
  await body();
  passed++;
  console.log(`  ✓ ${name}`);
};

/** Types into the editor as a person would; Escape closes the completion list before each Enter. */
async function typeLines(page, lines) {
  for (const [i, line] of lines.entries()) {
    await page.keyboard.type(line);
    await page.keyboard.press("Escape");
    if (i < lines.length - 1) await page.keyboard.press("Enter");
  }
}

/** Waits for a compile newer than `after` (the status's id) and returns its typing-to-result ms. */
async function nextResult(page, after) {
  await page.waitForFunction((id) => Number(document.querySelector("#status")?.dataset.id ?? 0) > id, after);
  return Number(await page.locator("#status").getAttribute("data-typing-to-result"));
}
const resultId = async (page) => Number((await page.locator("#status").getAttribute("data-id")) ?? 0);

try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 760 } });
  const page = await context.newPage();
  page.on("pageerror", (e) => console.log("page error:", e.message));
  // JavaScript fetched before the first catalog file: the page's and the worker's.
  let firstLoadBytes = 0;
  let catalogSeen = false;
  const loads = [];
  context.on("response", async (response) => {
    const url = response.url();
    if (url.includes("/catalog/")) catalogSeen = true;
    else if (url.endsWith(".js") && !catalogSeen) loads.push(response.body().then((b) => (firstLoadBytes += b.length)).catch(() => undefined));
  });
  await page.goto(base);
  await page.waitForFunction(() => document.querySelector("#status")?.textContent?.includes("first result"));
  await Promise.all(loads);

  await step("a typo shows a diagnostic in the editor and the list, with its quick fix", async () => {
    await page.click(".cm-content");
    await page.keyboard.press("Control+A");
    await page.keyboard.press("Delete");
    await typeLines(page, ["policy Readers {", "  allow apprunner:DescribeServce on *", ""]);
    // The editor keeps the previous line's indentation; the closing brace goes back to column 1.
    await page.keyboard.press("Shift+Home");
    await page.keyboard.type("}");
    const problem = page.locator("#diagnostics li", { hasText: "ARP2002" });
    await problem.waitFor();
    await page.locator(".cm-lintRange-error").first().waitFor();
    await page.locator(".cm-lintRange-error").first().hover();
    await page.locator(".cm-tooltip-lint", { hasText: "ARP2002" }).waitFor();
    await page.locator(".cm-tooltip-lint button", { hasText: "Change to `apprunner:DescribeService`" }).waitFor();
    await page.screenshot({ path: join(shots, "diagnostic.png") });
  });

  await step("applying the fix compiles to IAM JSON", async () => {
    await page.locator(".cm-tooltip-lint button", { hasText: "Change to `apprunner:DescribeService`" }).click();
    await page.waitForFunction(() => document.querySelector("#json")?.textContent?.includes('"apprunner:DescribeService"'));
    await page.waitForFunction(() => document.querySelectorAll("#diagnostics li").length === 0);
    assert.match(await page.evaluate(() => window.arpText()), /allow apprunner:DescribeService on \*/);
  });

  await step("hover shows the catalog's description and completion offers actions", async () => {
    const at = await page.evaluate(() => window.arpCoordsAt(window.arpText().indexOf("DescribeService") + 3));
    await page.mouse.move(at.x, at.y);
    await page.locator(".cm-tooltip-hover .hover", { hasText: "DescribeService" }).waitFor();
    await page.screenshot({ path: join(shots, "hover.png") });
    await page.mouse.move(0, 0);
    await page.evaluate(() => window.arpSetCursor(window.arpText().indexOf(" on *")));
    await page.keyboard.type(", apprunner:Paus");
    await page.locator(".cm-tooltip-autocomplete", { hasText: "apprunner:PauseService" }).waitFor();
    await page.keyboard.press("Escape");
    for (let i = 0; i < ", apprunner:Paus".length; i++) await page.keyboard.press("Backspace");
    await page.waitForFunction(() => document.querySelectorAll("#diagnostics li").length === 0);
  });

  await step("a request is decided, with its explanation", async () => {
    await page.waitForFunction(() => document.querySelector("#decision")?.textContent?.startsWith("Allow"));
    await page.fill("#action", "apprunner:DeleteService");
    await page.waitForFunction(() => document.querySelector("#decision")?.textContent?.startsWith("ImplicitDeny"));
    await page.screenshot({ path: join(shots, "json.png") });
  });

  await step("the evaluator and test panes show the generated module and the expectations", async () => {
    await page.selectOption("#examples", "examples/ci-deployer/ci-deployer.arp");
    await page.click("#tabs button[data-pane=tests]");
    await page.waitForFunction(() => /\d+ passed, 0 failed/.test(document.querySelector("#tests")?.textContent ?? ""));
    await page.click("#tabs button[data-pane=evaluator]");
    await page.waitForFunction(() => document.querySelector("#evaluator")?.textContent?.includes("export function authorize"));
    await page.screenshot({ path: join(shots, "evaluator.png") });
    await page.click("#tabs button[data-pane=json]");
  });

  await step("a shared URL opens the same document and request", async () => {
    await page.selectOption("#examples", "examples/read-only-auditors/auditors.arp");
    await page.waitForFunction(() => document.querySelector("#json")?.textContent?.includes("NoChanges"));
    await page.waitForFunction(() => decodeURIComponent(location.hash).includes("NoChanges"));
    const second = await context.newPage();
    await second.goto(page.url());
    await second.waitForFunction(() => document.querySelector("#json")?.textContent?.includes("NoChanges"));
    assert.equal(await second.evaluate(() => window.arpText()), await page.evaluate(() => window.arpText()));
    assert.equal(await second.inputValue("#action"), "apprunner:DeleteService");
    await second.screenshot({ path: join(shots, "shared.png") });
    await second.close();
  });

  // Typing to result: a keystroke at the end of each example until its diagnostics, JSON and
  // decision are shown (the 25 ms debounce included).
  const timings = [];
  await step("typing to result on every example", async () => {
    const names = await page.$$eval("#examples option", (options) => options.map((o) => o.value).filter((v) => v.startsWith("examples/")));
    for (const name of names) {
      await page.selectOption("#examples", name);
      await nextResult(page, (await resultId(page)) - 1);
      const samples = [];
      for (let i = 0; i < 3; i++) {
        const before = await resultId(page);
        await page.evaluate(() => document.querySelector(".cm-content").focus());
        await page.keyboard.press("Control+End");
        await page.keyboard.type(i === 0 ? "\n" : " ");
        samples.push(await nextResult(page, before));
      }
      samples.sort((a, b) => a - b);
      timings.push([name, samples[1]]);
    }
  });

  const worst = Math.max(...timings.map(([, ms]) => ms));
  for (const [name, ms] of timings) console.log(`    ${name}: ${ms.toFixed(0)} ms`);
  console.log(`  first-load JavaScript before the catalog: ${(firstLoadBytes / 1024).toFixed(0)} KB (target ≤ 1024 KB)`);
  console.log(`  typing to result, median of 3 per example: worst ${worst.toFixed(0)} ms (target ≤ 100 ms)`);
  assert.ok(firstLoadBytes > 0 && firstLoadBytes <= 1024 * 1024, `first load ${firstLoadBytes} bytes`);
  if (worst > 100) console.log(`  note: above the 100 ms target on this (possibly loaded) machine`);
  console.log(`  screenshots in ${shots}; ${((Date.now() - startedAt) / 1000).toFixed(1)} s`);
  console.log(`${passed} passed, 0 failed`);
} finally {
  await browser.close();
  server.close();
  rmSync(out, { recursive: true, force: true });
}
