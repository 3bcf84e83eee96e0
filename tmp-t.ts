import { check } from "./compiler/index.js";
for (const n of [32, 33, 40]) {
  const terms = Array.from({ length: n }, (_, i) => `tag t${i} = "v"`).join(" or ");
  const r = check(`allow apprunner:DescribeService on service/* when ${terms}\n`);
  console.log(n, r.diagnostics.map(d => d.code + " " + d.message.slice(0, 80)));
}
