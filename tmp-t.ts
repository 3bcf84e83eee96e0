import { check } from "./compiler/index.js";
for (const n of [20000, 80000]) {
  const src = `allow apprunner:DescribeService on "service/${"${".repeat(n)}"\n`;
  const t0 = performance.now();
  const r = check(src);
  console.log(n, Math.round(performance.now() - t0), "ms", r.diagnostics.length);
  const src2 = `allow apprunner:DescribeService on service/* when tag a = "${"$".repeat(n)}"\n`;
  const t1 = performance.now();
  const r2 = check(src2);
  console.log(n, Math.round(performance.now() - t1), "ms", r2.diagnostics.length);
}
