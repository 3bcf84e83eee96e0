/**
 * Temporary directories for tests that touch the file system. Each one is removed when the
 * test that made it finishes, pass or fail, so the suite leaves the machine as it found it.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { onTestFinished } from "vitest";

/** A fresh directory under the system's temp folder, removed after the current test. */
export function tempDir(prefix = "arp-test-"): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}
