/**
 * Runs the `test` blocks of `.arp` files, like `opa test`: every expectation is evaluated by
 * the runtime against what the test's `for` names (a role: its inline and attached policies;
 * a policy: that policy alone; several names: all of them together), or its file's own
 * policies, and each
 * failure carries the source location and the evaluator's explanation.
 */
import type { Expectation, TestDecl } from "../../grammar/ast.js";
import { evaluate } from "../../runtime/index.js";
import { explain } from "../../runtime/explain.js";
import type { Decision, PolicyInput } from "../../runtime/types.js";
import { analyzeProgram, type Analysis, type CompileOptions, type SourceInput } from "../compileProgram.js";
import { diagnostic } from "../../grammar/diagnostics/codes.js";
import { hasErrors, sortDiagnostics, type Diagnostic, type Span } from "../../grammar/diagnostics/diagnostic.js";
import { CoverageRecorder, type CoveredPolicy, type TestCoverage } from "./testCoverage.js";

export interface ExpectationOutcome {
  readonly test: string;
  readonly span: Span;
  readonly want: Expectation["decision"];
  readonly got: Decision;
  readonly passed: boolean;
  /** The evaluator's explanation of the decision. */
  readonly explanation: string;
}

export interface TestRunResult {
  /** True when everything compiled and every expectation held. */
  readonly ok: boolean;
  readonly outcomes: readonly ExpectationOutcome[];
  /** Compilation problems, and one ARP5006 per failed expectation. */
  readonly diagnostics: readonly Diagnostic[];
  readonly sources: ReadonlyMap<string, string>;
  /** Input files whose errors kept their tests from running (the others ran without them). */
  readonly notRun: readonly string[];
  /** With the `coverage` option: what the expectations exercised in the files that ran. */
  readonly coverage?: TestCoverage;
}

/** How `arp test` runs: compile options, and whether to measure coverage. */
export interface TestRunOptions extends CompileOptions {
  readonly coverage?: boolean;
}

function holds(want: Expectation["decision"], got: Decision): boolean {
  switch (want) {
    case "allow":
      return got === "Allow";
    case "deny":
      return got !== "Allow";
    case "implicit deny":
      return got === "ImplicitDeny";
    case "explicit deny":
      return got === "ExplicitDeny";
  }
}

function testName(t: TestDecl): string {
  return t.name.parts.map((p) => (p.kind === "Text" ? p.text : `\${${p.name}}`)).join("");
}

export function runPolicyTests(inputs: readonly SourceInput[], options: TestRunOptions = {}): TestRunResult {
  const first = analyzeProgram(inputs, options);
  // A file with errors is not run, and keeps no other file from running: the rest is analysed
  // again without it (and without any file that then fails, such as one importing it).
  const broken = new Set<string>();
  const reported: Diagnostic[] = [];
  let analysis = first;
  for (let round = 0; round < inputs.length && hasErrors(analysis.program.diagnostics); round++) {
    const failing = inputs.filter((i) => !broken.has(i.path) && analysis.program.diagnostics.some((d) => d.severity === "error" && d.span.file === i.path));
    if (failing.length === 0) break;
    for (const f of failing) {
      broken.add(f.path);
      reported.push(...analysis.program.diagnostics.filter((d) => d.span.file === f.path));
    }
    analysis = analyzeProgram(inputs.filter((i) => !broken.has(i.path)), options);
  }
  const { program } = analysis;
  const outcomes: ExpectationOutcome[] = [];
  const recorder = options.coverage === true ? new CoverageRecorder() : undefined;
  if (!hasErrors(program.diagnostics)) {
    if (recorder !== undefined) registerStatements(analysis, recorder);
    for (const file of program.files.inputs) {
      for (const item of file.items) {
        if (item.kind === "Test") outcomes.push(...runTest(analysis, item, recorder));
      }
    }
  } else if (broken.size > 0) {
    // What the remaining files could not be run for is reported too.
    reported.push(...program.diagnostics);
  }
  const diagnostics = sortDiagnostics(broken.size === 0 ? program.diagnostics : [...reported, ...(hasErrors(program.diagnostics) ? [] : program.diagnostics)]);
  const sources = new Map([...first.program.files.sources, ...program.files.sources]);
  return {
    ok: !hasErrors(diagnostics) && outcomes.every((o) => o.passed),
    outcomes,
    diagnostics,
    sources,
    notRun: inputs.filter((i) => broken.has(i.path)).map((i) => i.path),
    ...(recorder !== undefined ? { coverage: recorder.report() } : {}),
  };
}

/** Evaluates a test's requests, which the check stage built, against the policies it names. */
/** Every identity statement of the input files counts, whether or not a test names its policy. */
function registerStatements({ program, built }: Analysis, recorder: CoverageRecorder): void {
  const inputs = new Set(program.files.inputs.map((f) => f.span.file));
  recorder.register(built.policies.map((p) => p.ir), inputs);
  for (const set of built.principals) recorder.register(set.members.map((m) => m.policy.ir), inputs);
}

function runTest({ program, checked, built }: Analysis, test: TestDecl, recorder: CoverageRecorder | undefined): ExpectationOutcome[] {
  const check = checked.tests.get(test);
  if (check?.targets === undefined) return [];
  const policies: PolicyInput[] = [];
  const covered: CoveredPolicy[] = [];
  for (const target of check.targets) {
    if (target.kind !== "policy") {
      const set = built.principalNamed((target.kind === "role" ? target.role : target.user).decl.name.name);
      if (set === undefined) return [];
      policies.push(...set.members.map((m) => ({ name: m.name, document: m.policy.document, sources: m.policy.sources })));
      covered.push(...set.members.map((m) => ({ name: m.name, document: m.policy.document, ir: m.policy.ir })));
      continue;
    }
    const c = built.policyOf(target.policy);
    if (c === undefined) return [];
    policies.push({ name: c.name, document: c.document, sources: c.sources });
    covered.push({ name: c.name, document: c.document, ir: c.ir });
  }
  const name = testName(test);
  const out: ExpectationOutcome[] = [];
  for (const e of test.expectations) {
    const request = check.requests.get(e);
    if (request === undefined) continue;
    const result = evaluate(policies, request);
    recorder?.record(covered, request, result);
    const passed = holds(e.decision, result.decision);
    const explanation = explain(result, request);
    out.push({ test: name, span: e.span, want: e.decision, got: result.decision, passed, explanation });
    if (!passed) {
      program.diagnostics.push(diagnostic("TestFailed", e.span,
        `test \`${name}\`: expected ${e.decision}, but the policies give ${describe(result.decision)}`,
        { hint: explanation }));
    }
  }
  return out;
}

function describe(d: Decision): string {
  return d === "Allow" ? "allow" : d === "ExplicitDeny" ? "explicit deny" : "implicit deny";
}
