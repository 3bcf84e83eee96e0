/**
 * What a consumer of the published package does, end to end and without tsx: `npm pack` the
 * repository, install the tarball into a fresh CommonJS project (the shape `npm init -y`
 * makes), then use the API from a plain Node ESM script, `arp/runtime` from `require`, the
 * `arp` binary through `npx`, and the generated evaluator and the package's types under
 * TypeScript's module resolutions.
 *
 * The install is the slow part (tens of seconds), so every command runs once in `beforeAll`,
 * asynchronously (a blocked event loop makes vitest's own RPC time out), and each `it` only
 * looks at what was recorded. `ARP_TIMING=1` prints how long each step took.
 */
import { execFile } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const TSC = join(ROOT, "node_modules/typescript/bin/tsc");
const SETUP_TIMEOUT = 300_000;

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * The environment of a command a consumer types. `npm test` exports `npm_*` variables (its own
 * config and lifecycle) that would otherwise reach the nested npm commands.
 */
function consumerEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { NO_COLOR: "1", npm_config_update_notifier: "false" };
  for (const [key, value] of Object.entries(process.env)) {
    if (!key.toLowerCase().startsWith("npm_") && !key.startsWith("VITEST") && key !== "NODE_OPTIONS") env[key] = value;
  }
  return env;
}

function run(command: string, args: readonly string[], cwd: string): Promise<Run> {
  const t0 = performance.now();
  return new Promise((resolve) => {
    execFile(command, args, { cwd, env: consumerEnv(), maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === "number" ? error.code : 1;
      if (process.env.ARP_TIMING) process.stderr.write(`${((performance.now() - t0) / 1000).toFixed(1)} s ${args.slice(0, 3).join(" ")}\n`);
      resolve({ code, stdout, stderr });
    });
  });
}

/** Fails setup with the command's output when a step that later steps depend on fails. */
function mustSucceed(step: string, r: Run): Run {
  if (r.code !== 0) throw new Error(`${step} exited ${r.code}\n${r.stdout}\n${r.stderr}`);
  return r;
}

/** The newest modification time among the files the build reads. */
function newestBuildInput(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestBuildInput(path));
    else if (entry.name.endsWith(".ts")) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

/** Whether dist/ was built after the last change to anything it is built from. */
function builtIsCurrent(): boolean {
  const stamp = join(ROOT, "dist/cjs/package.json"); // the build's last write
  if (!existsSync(stamp)) return false;
  const inputs = ["package.json", "tsconfig.json", "tsconfig.build.json", "tsconfig.build.cjs.json", "scripts/build.mjs"];
  const newest = Math.max(
    ...["grammar", "compiler", "runtime"].map((dir) => newestBuildInput(join(ROOT, dir))),
    ...inputs.map((file) => statSync(join(ROOT, file)).mtimeMs),
  );
  return statSync(stamp).mtimeMs > newest;
}

/** `use` of a stdlib policy: the stdlib must be found inside the installed package. */
const POLICY = `policy Team {
  use AWSAppRunnerReadOnlyAccess
  deny apprunner:DescribeService on service/prod-*
}
`;

/** (a) A build script in plain Node ESM, using the API as the README shows. */
const BUILD_SCRIPT = `import { compileFiles, renderDiagnostics, writeOutputs } from "arp";

const result = compileFiles(["policies"]);
if (!result.ok) {
  process.stderr.write(renderDiagnostics(result.diagnostics, result.sources));
  process.exit(1);
}
await writeOutputs(result, "out", ["json", "ts"]);
console.log(result.policies.map((p) => p.name).join(","));
`;

/** (b) CommonJS, in a package without "type": "module". */
const REQUIRE_SCRIPT = `const { evaluate } = require("arp/runtime");

const policy = {
  Version: "2012-10-17",
  Statement: [
    { Effect: "Allow", Action: "apprunner:Describe*", Resource: "*" },
    { Effect: "Deny", Action: "apprunner:DescribeService", Resource: "arn:aws:apprunner:*:*:service/prod-*" },
  ],
};
const decide = (action, service) =>
  evaluate([policy], {
    principal: "arn:aws:iam::123456789012:user/alice",
    action,
    resource: "arn:aws:apprunner:us-east-1:123456789012:service/" + service + "/1",
  }).decision;
console.log(JSON.stringify([decide("apprunner:DescribeService", "web"), decide("apprunner:DescribeService", "prod-web"), decide("apprunner:DeleteService", "web")]));
`;

/** The compiler API from CommonJS: Node ≥ 20.19 requires ES modules without top-level await. */
const REQUIRE_API_SCRIPT = `const { compile } = require("arp");

const result = compile("deny apprunner:DeleteService on service/prod-*");
console.log(JSON.stringify([result.ok, JSON.parse(result.policies[0].json).Statement[0].Resource]));
`;

/**
 * (d) Typed use of the package and of the generated evaluator. The `@ts-expect-error` lines
 * prove the declarations were really found: an untyped (any) import would make them unused.
 */
const TYPED_ESM = `import { compile, type CompileResult } from "arp";
import { evaluate, type Decision } from "arp/runtime";
import plugin from "arp/prettier";
import { authorize, evaluators } from "./out/evaluator.js";

const result: CompileResult = compile("allow apprunner:List* on *");
const request = { principal: "arn:aws:iam::123456789012:user/alice", action: "apprunner:ListServices", resource: "*" };
const interpreted: Decision = evaluate([], request).decision;
const generated: Decision = evaluators.Team.authorize(request);
// @ts-expect-error evaluate needs a request
evaluate([]);
// @ts-expect-error authorize needs a principal
evaluators.Team.authorize({ action: "apprunner:ListServices", resource: "*" });
// @ts-expect-error authorize needs the principal set whose policies decide
authorize(request);
export const used = [result.ok, interpreted, generated, plugin.languages];
`;

const TYPED_CJS = `import { evaluate, type Decision } from "arp/runtime";

const decision: Decision = evaluate([], { principal: "p", action: "apprunner:ListServices", resource: "*" }).decision;
// @ts-expect-error evaluate needs a request
evaluate([]);
export const decided = decision;
`;

/**
 * The compiler API, an ES module, from CommonJS: nodenext (Node ≥ 20.19's require of ES
 * modules) allows it; node16 rightly does not, so only the nodenext run reads this file.
 */
const TYPED_REQUIRE_API = `import { compile } from "arp";

// @ts-expect-error compile returns a result, not a string
export const text: string = compile("allow apprunner:List* on *");
`;

/** moduleResolution node10 has no \`exports\`: \`types\` and \`typesVersions\` must serve it. */
const TYPED_NODE10 = `import { compile } from "arp";
import { evaluate } from "arp/runtime";

// @ts-expect-error compile returns a result, not a string
const text: string = compile("allow apprunner:List* on *");
// @ts-expect-error evaluate needs a request
evaluate([]);
export { text };
`;

let work: string;
let packed: { readonly files: readonly { readonly path: string }[]; readonly size: number; readonly unpackedSize: number };
let installSeconds: number;
let buildScript: Run;
let requireScript: Run;
let requireApiScript: Run;
let cliCheck: Run;
let cliCheckBad: Run;
let cliCompile: Run;
let prettierRun: Run;
let tscNodeNext: Run;
let tscNode16: Run;
let tscBundler: Run;
let tscNode10: Run;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), "arp-consumer-"));
  const pack = join(work, "pack");
  const app = join(work, "app");
  mkdirSync(pack);
  mkdirSync(join(app, "policies"), { recursive: true });

  // Packs what the sources build to now (`pretest` built it already). Scripts are off for
  // `npm pack` itself: its `prepare` would empty dist/ under the other test files that run
  // the CLI from it.
  if (!builtIsCurrent()) mustSucceed("build", await run(process.execPath, [join(ROOT, "scripts/build.mjs"), "--incremental"], ROOT));
  const packRun = mustSucceed("npm pack", await run("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", pack], ROOT));
  const [entry] = JSON.parse(packRun.stdout) as [typeof packed & { filename: string }];
  packed = entry;

  writeFileSync(join(app, "package.json"), `${JSON.stringify({ name: "consumer", version: "1.0.0", private: true, type: "commonjs" }, null, 2)}\n`);
  writeFileSync(join(app, "policies/team.arp"), POLICY);
  writeFileSync(join(app, "broken.arp"), "allow apprunner:DescribeServce on service/*\n");
  writeFileSync(join(app, "build.mjs"), BUILD_SCRIPT);
  writeFileSync(join(app, "evaluate.js"), REQUIRE_SCRIPT);
  writeFileSync(join(app, "compile.js"), REQUIRE_API_SCRIPT);
  writeFileSync(join(app, "typed.mts"), TYPED_ESM);
  writeFileSync(join(app, "typed.cts"), TYPED_CJS);
  writeFileSync(join(app, "typed-require-api.cts"), TYPED_REQUIRE_API);
  writeFileSync(join(app, "typed-bundler.ts"), TYPED_ESM);
  writeFileSync(join(app, "typed-node10.ts"), TYPED_NODE10);

  const started = performance.now();
  mustSucceed(
    "npm install",
    await run("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", join(pack, entry.filename)], app),
  );
  installSeconds = (performance.now() - started) / 1000;

  // The steps are independent of each other (the CLI compiles into its own directory), so
  // they run side by side; the type checks read the evaluator the build script writes.
  writeFileSync(join(app, "messy.arp"), POLICY.replace("  use", "    use  ").replace("deny", "deny   "));
  [buildScript, requireScript, requireApiScript, cliCheck, cliCheckBad, prettierRun, cliCompile] = await Promise.all([
    run(process.execPath, ["build.mjs"], app),
    run(process.execPath, ["evaluate.js"], app),
    run(process.execPath, ["compile.js"], app),
    run("npx", ["--no", "arp", "check", "policies/team.arp"], app),
    run("npx", ["--no", "arp", "check", "broken.arp"], app),
    run("npx", ["--no", "--", "prettier", "--plugin", "arp/prettier", "messy.arp"], app),
    run("npx", ["--no", "arp", "compile", "policies", "--out", "cli-out", "--target", "json,ts"], app),
  ]);

  // The nodenext run also checks every declaration file the package ships or pulls in; the
  // other resolutions differ only in which files they find, so they skip that (slow) part.
  // Unresolved imports and untyped (any) imports are errors in the consumer's own files either way.
  const strict = ["--strict", "--noEmit", "--target", "es2022"];
  const resolutionOnly = [...strict, "--skipLibCheck"];
  const evaluator = "out/evaluator.ts";
  [tscNodeNext, tscNode16, tscBundler, tscNode10] = await Promise.all([
    run(process.execPath, [TSC, ...strict, "--module", "nodenext", "--moduleResolution", "nodenext", evaluator, "typed.mts", "typed.cts", "typed-require-api.cts"], app),
    run(process.execPath, [TSC, ...resolutionOnly, "--module", "node16", "--moduleResolution", "node16", "typed.mts", "typed.cts"], app),
    run(process.execPath, [TSC, ...resolutionOnly, "--module", "esnext", "--moduleResolution", "bundler", evaluator, "typed-bundler.ts"], app),
    run(process.execPath, [TSC, ...resolutionOnly, "--module", "commonjs", "--moduleResolution", "node10", "typed-node10.ts"], app),
  ]);
}, SETUP_TIMEOUT);

// Removing an installed node_modules takes seconds on a loaded machine.
afterAll(async () => {
  if (work !== undefined) await rm(work, { recursive: true, force: true });
}, SETUP_TIMEOUT);

const app = (...parts: string[]): string => join(work, "app", ...parts);

describe("the packed tarball", () => {
  it("ships the built JavaScript and the stdlib, not TypeScript sources, tests or the build's bookkeeping", () => {
    const paths = new Set(packed.files.map((f) => f.path));
    for (const expected of ["bin/arp.js", "dist/cli/main.js", "dist/compiler/index.js", "dist/compiler/index.d.ts", "dist/runtime/index.js", "dist/cjs/runtime/index.js", "dist/cjs/package.json", "dist/grammar/cst.d.ts", "prettier/plugin.js", "stdlib/AppRunnerRoles.arp"]) {
      expect(paths, expected).toContain(expected);
    }
    expect([...paths].filter((p) => p.startsWith("test/") || p.startsWith("bench/") || p.includes(".tsbuildinfo"))).toEqual([]);
    // A shipped .ts source would win over the declarations under some resolutions (node10 finds
    // runtime/index.ts for "arp/runtime") and be type-checked with the consumer's settings.
    expect([...paths].filter((p) => p.endsWith(".ts") && !p.endsWith(".d.ts"))).toEqual([]);
  });

  it("installs without TypeScript loaders or compilers at run time", () => {
    for (const devOnly of ["tsx", "typescript", "esbuild", "vitest"]) {
      expect(existsSync(app("node_modules", devOnly)), devOnly).toBe(false);
    }
    expect(installSeconds).toBeGreaterThan(0);
  });
});

describe("a consumer project", () => {
  it("(a) compiles .arp from a plain Node ESM script with the API and writes the outputs, stdlib included", () => {
    expect(buildScript.stderr).toBe("");
    expect(buildScript.code).toBe(0);
    expect(buildScript.stdout.trim()).toBe("Team");
    const document = JSON.parse(readFileSync(app("out/Team.json"), "utf8")) as { Statement: { Effect: string; Action: unknown }[] };
    expect(document.Statement.map((s) => [s.Effect, s.Action])).toEqual([
      ["Allow", ["apprunner:List*", "apprunner:Describe*"]],
      ["Deny", "apprunner:DescribeService"],
    ]);
    expect(readFileSync(app("out/evaluator.ts"), "utf8")).toMatch(/export function authorize\(/);
  });

  it("(b) requires arp/runtime from CommonJS and evaluates requests", () => {
    expect(requireScript.stderr).toBe("");
    expect(JSON.parse(requireScript.stdout)).toEqual(["Allow", "ExplicitDeny", "ImplicitDeny"]);
  });

  it("requires the compiler API from CommonJS", () => {
    expect(requireApiScript.stderr).toBe("");
    expect(JSON.parse(requireApiScript.stdout)).toEqual([true, "arn:aws:apprunner:*:*:service/prod-*"]);
  });

  it("(c) runs `npx arp check` and `npx arp compile --target json,ts`", () => {
    expect(cliCheck.code).toBe(0);
    expect(cliCheck.stdout + cliCheck.stderr).toBe("checked 1 file: no errors\n");
    expect(cliCheckBad.code).toBe(1);
    expect(cliCheckBad.stdout + cliCheckBad.stderr).toMatch(/ARP2002.*DescribeServce/);
    expect(cliCompile.code).toBe(0);
    expect(cliCompile.stdout + cliCompile.stderr).toMatch(/^wrote 1 policy/);
    expect(readFileSync(app("cli-out/Team.json"), "utf8")).toBe(readFileSync(app("out/Team.json"), "utf8"));
    expect(readFileSync(app("cli-out/evaluator.ts"), "utf8")).toBe(readFileSync(app("out/evaluator.ts"), "utf8"));
  });

  it("formats .arp through prettier with the arp/prettier plugin", () => {
    expect(prettierRun.stderr).toBe("");
    expect(prettierRun.stdout).toBe(POLICY);
  });

  it("(d) type-checks the evaluator and the package's types under nodenext resolution (ESM and CJS)", () => {
    expect(tscNodeNext.stdout + tscNodeNext.stderr).toBe("");
    expect(tscNodeNext.code).toBe(0);
  });

  it("finds the package's types under node16 resolution (ESM and CJS)", () => {
    expect(tscNode16.stdout + tscNode16.stderr).toBe("");
    expect(tscNode16.code).toBe(0);
  });

  it("(d) type-checks the evaluator and the package's types under bundler resolution", () => {
    expect(tscBundler.stdout + tscBundler.stderr).toBe("");
    expect(tscBundler.code).toBe(0);
  });

  it("finds the package's types under node10 resolution through types and typesVersions", () => {
    expect(tscNode10.stdout + tscNode10.stderr).toBe("");
    expect(tscNode10.code).toBe(0);
  });
});
