// Runs before every test file (vitest.config.ts `setupFiles`). A worker reports each test's
// result to vitest over an RPC that times out after 60 s; a file of synchronous tests keeps the
// worker's event loop busy from one test to the next, so on a loaded machine the reply can
// wait behind a minute of work and the run fails with `Timeout calling "onTaskUpdate"` though
// every test passed. Yielding to the event loop after each test lets the replies through
// (vitest-dev/vitest discussion 6511).
import { afterEach } from "vitest";

afterEach(async () => {
  await new Promise<void>((resolve) => setImmediate(resolve));
});
