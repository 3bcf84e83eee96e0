import { importPolicy } from "./compiler/index.js";
for (const n of [15000]) {
  const doc = { Version: "2012-10-17", Statement: Array.from({ length: n }, () => ({ Effect: "Allow", Action: "apprunner:ListServices", Resource: "*" })) };
  const json = JSON.stringify(doc);
  const t0 = performance.now();
  try {
    const r = importPolicy(json, { file: "p.json" });
    console.log(n, json.length, Math.round(performance.now() - t0), "ms", r.diagnostics.slice(0, 2).map((d) => d.code + d.message.slice(0, 80)));
  } catch (e) { console.log(n, "threw", String(e).slice(0, 200)); }
}
