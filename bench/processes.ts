/**
 * `npm run bench -- --processes`: the command line's budgets, measured as whole processes of
 * the built CLI (`node bin/arp.js`, what `npx arp` runs), each beside `node -e 0` measured in
 * the same run. Every case runs in turns with the others (round after round), so a disturbance
 * on the shared machine spreads over all of them; the table gives the median and the fastest
 * run, and the peak resident memory of one more run.
 *
 * Arguments after `--processes`: `[runs per case]` (at least 10; default 10).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { random } from "../test/support/samplePolicies.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const BIN = join(ROOT, "bin/arp.js");
const afterFlag = process.argv.slice(process.argv.indexOf("--processes") + 1).map(Number).filter((n) => n > 0);
const RUNS = Math.max(10, afterFlag[0] ?? 10);
const STATEMENTS = 1000;

interface Case {
  readonly name: string;
  readonly args: readonly string[];
  /** Budgets from issue #12; undefined for the baseline. */
  readonly budgetMs?: number;
  readonly budgetMb?: number;
  /** Runs before each timed run, untimed (say, removing what the last run wrote). */
  readonly reset?: () => void;
}

interface Result {
  readonly times: number[];
  /** Of the one run that reports its own resource use. */
  peakMb: number;
  cpuMs: number;
}

const SERVICE_ACTIONS = [
  "DescribeService", "UpdateService", "PauseService", "ResumeService", "StartDeployment", "DeleteService",
  "ListOperations", "DescribeCustomDomains", "AssociateCustomDomain", "DisassociateCustomDomain",
  "ListTagsForResource", "TagResource", "UntagResource",
];
const CONNECTION_ACTIONS = ["DeleteConnection", "ListTagsForResource", "TagResource", "UntagResource"];

/** Statements per policy: IAM allows 6,144 characters in a managed policy. */
const PER_POLICY = 20;

/**
 * A `.arp` program of `count` statements, as a platform team's policies grow: policies of
 * twenty statements, App Runner actions on named services and connections, a third of them
 * with a tag condition.
 */
function largeProgram(count: number, seed = 12): string {
  const rnd = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rnd() * items.length)] as T;
  const lines: string[] = [];
  for (let n = 0; n < count; n++) {
    if (n % PER_POLICY === 0) lines.push(`${n === 0 ? "" : "}\n"}policy Team${n / PER_POLICY} {`);
    const effect = rnd() < 0.15 ? "deny" : "allow";
    const onConnection = rnd() < 0.2;
    const actions = Array.from({ length: 1 + Math.floor(rnd() * 3) }, () => `apprunner:${pick(onConnection ? CONNECTION_ACTIONS : SERVICE_ACTIONS)}`);
    const resource = onConnection ? `connection/conn-${n % 40}/*` : `service/app-${n % 50}-*/*`;
    const roll = rnd();
    const condition =
      roll < 0.2 ? ` when tag team = "team-${n % 20}"` : roll < 0.3 ? " when tag team = $principal.tag.team" : roll < 0.35 ? " when aws:SecureTransport" : "";
    lines.push(`  "S${n}": ${effect} ${[...new Set(actions)].join(", ")} on ${resource}${condition}`);
  }
  lines.push("}", "");
  return lines.join("\n");
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Runs `node args` once and returns its wall time in milliseconds; throws when it fails. */
function timed(args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = process.env): number {
  const started = performance.now();
  const r = spawnSync(process.execPath, args, { cwd, env, encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
  const ms = performance.now() - started;
  if (r.status !== 0) throw new Error(`node ${args.join(" ")} exited ${r.status}:\n${r.stderr}`);
  return ms;
}

/**
 * Peak resident memory (MB) and CPU time (ms, user + system) of one run, reported by the
 * process itself as it exits. CPU time varies less than wall time on a loaded machine.
 */
function resourceUse(args: readonly string[], cwd: string, reporter: string, out: string): { peakMb: number; cpuMs: number } {
  timed(["--require", reporter, ...args], cwd, { ...process.env, ARP_BENCH_RSS: out });
  const [rssKb = 0, cpuUs = 0] = readFileSync(out, "utf8").split(" ").map(Number);
  return { peakMb: rssKb / 1024, cpuMs: cpuUs / 1000 };
}

function main(): void {
  const build = spawnSync(process.execPath, [join(ROOT, "scripts/build.mjs"), "--incremental"], { stdio: "inherit" });
  if (build.status !== 0) throw new Error("the build failed");

  const work = mkdtempSync(join(tmpdir(), "arp-bench-"));
  try {
    const reporter = join(work, "rss.cjs");
    writeFileSync(reporter, 'process.on("exit", () => { const u = process.resourceUsage(); require("node:fs").writeFileSync(process.env.ARP_BENCH_RSS, `${u.maxRSS} ${u.userCPUTime + u.systemCPUTime}`); });\n');
    writeFileSync(join(work, "small.arp"), "allow apprunner:DescribeService on service/web/* when tag team = $principal.tag.team\n");
    writeFileSync(join(work, "large.arp"), largeProgram(STATEMENTS));
    // The IAM JSON `arp import` reads: what the large program compiles to, one file a policy.
    timed([BIN, "compile", "large.arp", "--out", "seed"], work);
    const policies = readdirSync(join(work, "seed")).filter((f) => /^Team\d+\.json$/.test(f)).map((f) => join("seed", f));
    const importedStatements = policies
      .map((f) => (JSON.parse(readFileSync(join(work, f), "utf8")) as { Statement: unknown[] }).Statement.length)
      .reduce((a, b) => a + b, 0);

    const cases: Case[] = [
      { name: "`node -e 0` (baseline)", args: ["-e", "0"] },
      { name: "`arp --version`", args: [BIN, "--version"], budgetMs: 150 },
      { name: "`arp check` of a one-statement file", args: [BIN, "check", "small.arp"], budgetMs: 300 },
      { name: "`arp compile examples/ --target json,ts`", args: [BIN, "compile", join(ROOT, "examples"), "--out", "examples-out", "--target", "json,ts"], budgetMs: 1000 },
      { name: `\`arp compile\` of ${STATEMENTS.toLocaleString("en-US")} statements to JSON+TS`, args: [BIN, "compile", "large.arp", "--out", "large-out", "--target", "json,ts"], budgetMs: 2000, budgetMb: 300 },
      {
        name: `\`arp import\` of ${importedStatements.toLocaleString("en-US")} statements (${policies.length} files)`,
        args: [BIN, "import", ...policies, "--out", "imported"],
        budgetMs: 1000,
        reset: () => rmSync(join(work, "imported"), { recursive: true, force: true }),
      },
    ];
    const results = new Map<Case, Result>(cases.map((c) => [c, { times: [], peakMb: 0, cpuMs: 0 }]));
    // One untimed run each: the file system cache and the build, not the first case, pay.
    for (const c of cases) {
      c.reset?.();
      timed(c.args, work);
    }
    for (let round = 0; round < RUNS; round++) {
      for (const c of cases) {
        c.reset?.();
        (results.get(c) as Result).times.push(timed(c.args, work));
      }
      process.stderr.write(`round ${round + 1}/${RUNS}\r`);
    }
    for (const c of cases) {
      c.reset?.();
      Object.assign(results.get(c) as Result, resourceUse(c.args, work, reporter, join(work, "rss.txt")));
    }

    const baseline = median((results.get(cases[0] as Case) as Result).times);
    const lines = [
      `\nWhole processes, median of ${RUNS} runs each (node ${process.version}, ${process.platform}):\n`,
      "| command | median | fastest | ÷ `node -e 0` | budget | CPU (one run) | peak RSS | within budget |",
      "| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    ];
    for (const c of cases) {
      const r = results.get(c) as Result;
      const med = median(r.times);
      const budget = c.budgetMs === undefined ? "–" : `≤ ${c.budgetMs.toLocaleString("en-US")} ms${c.budgetMb === undefined ? "" : `, ≤ ${c.budgetMb} MB`}`;
      const within = c.budgetMs === undefined ? "" : med <= c.budgetMs && (c.budgetMb === undefined || r.peakMb <= c.budgetMb) ? "yes" : "**no**";
      lines.push(`| ${c.name} | ${Math.round(med).toLocaleString("en-US")} ms | ${Math.round(Math.min(...r.times)).toLocaleString("en-US")} ms | ${(med / baseline).toFixed(1)}× | ${budget} | ${Math.round(r.cpuMs).toLocaleString("en-US")} ms | ${Math.round(r.peakMb)} MB | ${within} |`);
    }
    console.log(lines.join("\n"));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

main();
