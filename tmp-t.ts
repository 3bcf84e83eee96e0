import { check } from "./compiler/index.js";
const name = "toString";
const source = [
  `policy ${name} { allow apprunner:DescribeService on service/${name}/* when tag ${name} = "${name}" and principal tag ${name} = "${name}" }`,
  `role ${name} { trust service "build.apprunner.amazonaws.com"\n  policy ${name} { allow apprunner:ListServices on * }\n  attach ${name} }`,
  "",
].join("\n");
console.log(check(source).diagnostics.map(d => d.code + " " + d.message));
console.log(check(`allow ${name}:Describe on *\n`).diagnostics.map(d => d.code + " " + d.message));
