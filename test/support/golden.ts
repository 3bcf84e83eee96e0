/**
 * Golden files: a case's expected output kept beside it (test/corpus/<case>.json, a format
 * fixture's `.formatted.arp`, an import fixture's `.arp`, grammar/cst.d.ts), compared with
 * vitest's `toMatchFileSnapshot`. One way to update them all: `npx vitest run -u` (or
 * `npx vitest run -u <paths>`), then review the diff like code.
 *
 * vitest's snapshot rules decide the rest: a golden that differs fails everywhere; a missing
 * golden is written on a local run and fails under CI (`CI=true` writes nothing, which
 * .ci/run sets).
 */
import { existsSync, rmSync } from "node:fs";
import { expect } from "vitest";

/** Whether this run rewrites snapshots (`vitest -u`). */
function updating(): boolean {
  // vitest keeps the `-u` setting on the snapshot state without a public accessor; read it
  // structurally. Should that change, a stale golden fails with a message to delete it.
  const state: unknown = expect.getState().snapshotState;
  return typeof state === "object" && state !== null && (state as { _updateSnapshot?: unknown })._updateSnapshot === "all";
}

/**
 * Compares `actual` with the golden file at `path` (absolute). `undefined` means the case
 * produces no such output, so the file must not exist: `vitest -u` deletes a stale one.
 */
export async function expectGolden(actual: string | undefined, path: string): Promise<void> {
  if (actual !== undefined) {
    await expect(actual).toMatchFileSnapshot(path);
    return;
  }
  if (!existsSync(path)) return;
  if (updating()) rmSync(path);
  else expect.fail(`${path} is stale: the case no longer produces it (\`npx vitest run -u\` deletes it)`);
}
