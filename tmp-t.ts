import { check } from "./compiler/index.js";
for (const n of [1, 1, 20]) {
  const src = Array.from({length: n}, (_, i) => `allow ec2:${"Describe".repeat(2000)}${i} on *`).join("\n");
  const t0 = performance.now();
  const r = check(src);
  console.log(n, Math.round(performance.now() - t0), "ms", r.diagnostics.length);
}
