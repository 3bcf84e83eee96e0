/**
 * The evaluators the benchmark compares, as a list: adding one (iam-simulate, cedar-wasm, ...)
 * is one entry whose `prepare` turns a policy into a decision function.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { generateEvaluator, type PolicySource } from "../compiler/emit/typescript/index.js";
import { compilePolicySet } from "../runtime/index.js";
import type { Decision, Request } from "../runtime/index.js";
import { authorize as handwritten10 } from "./handwritten10.js";
import { authorize as handwrittenTeam10 } from "./handwrittenTeam10.js";
import { cedarWasm } from "./contenders/cedar.js";
import { iamSimulate } from "./contenders/iamSimulate.js";
import { straightforward } from "./contenders/straightforward.js";

/** A contender's decision function. */
export type Decide = (request: Request) => Decision;

/** One evaluator the benchmark compares. */
export interface Contender {
  readonly name: string;
  /** Policy sizes it can decide; every size when absent. */
  readonly sizes?: readonly number[];
  /**
   * At most this many of a workload's requests, for a contender so slow that checking all of
   * them against the runtime would take minutes: it is checked and timed on the first
   * `requests` only.
   */
  readonly requests?: number;
  /** Workloads it can decide (bench/run.ts names them); every workload when absent. */
  readonly workloads?: readonly string[];
  /** Build-time work for one policy (generating code): neither timed nor charged to memory. */
  build?(policy: PolicySource): Promise<void>;
  /** Loads the decision function for one policy: what a running service pays, in heap. */
  load(policy: PolicySource): Promise<Decide>;
}

const BUILD = join(dirname(fileURLToPath(import.meta.url)), "..", "build", "bench");

interface GeneratedModule {
  authorize: Decide;
  explain(request: Request): { decision: Decision };
}

/** Where a policy's generated module goes: one file per contender, so each loads its own copy. */
function moduleFile(policy: PolicySource, tag: string): string {
  return join(BUILD, `${policy.name}-${tag}.ts`);
}

/** Generates the policy's evaluator into build/bench. */
async function generate(policy: PolicySource, tag: string): Promise<void> {
  mkdirSync(BUILD, { recursive: true });
  writeFileSync(moduleFile(policy, tag), await generateEvaluator([policy], { moduleName: policy.name }));
}

/** Imports a generated module as any consumer would. */
async function importGenerated(policy: PolicySource, tag: string): Promise<GeneratedModule> {
  return (await import(pathToFileURL(moduleFile(policy, tag)).href)) as GeneratedModule;
}

/** Every contender, in table order; add iam-simulate, cedar-wasm, ... here. */
export const CONTENDERS: readonly Contender[] = [
  {
    name: "hand-written",
    sizes: [10],
    workloads: ["sample"],
    load: async () => handwritten10,
  },
  {
    name: "hand-written",
    sizes: [10],
    workloads: ["apprunner"],
    load: async () => handwrittenTeam10,
  },
  {
    name: "generated authorize",
    build: (policy) => generate(policy, "authorize"),
    load: async (policy) => (await importGenerated(policy, "authorize")).authorize,
  },
  {
    name: "generated explain",
    build: (policy) => generate(policy, "explain"),
    load: async (policy) => {
      const { explain } = await importGenerated(policy, "explain");
      return (request) => explain(request).decision;
    },
  },
  {
    name: "runtime interpreter",
    load: async (policy) => {
      const set = compilePolicySet([policy]);
      return (request) => set.evaluate(request).decision;
    },
  },
  straightforward,
  iamSimulate,
  cedarWasm,
];
