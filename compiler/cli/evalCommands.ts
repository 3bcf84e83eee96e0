/**
 * `arp eval`: evaluate one request against compiled policies and explain the decision.
 * `arp why`: read AWS's AccessDenied message, evaluate it, and say what blocks it and what
 * statement would allow it.
 */
import type { Command } from "commander";
import pc from "picocolors";
import { compilePolicySet, evaluatePartial, explain, InvalidRequestError, type PartialResult } from "../../runtime/index.js";
import { parseAccessDenied } from "../why/accessDenied.js";
import { reconcile } from "../why/reconcile.js";
import type { ContextValue, EvaluationResult, Request, StatementMiss } from "../../runtime/types.js";
import { terminalJson, terminalLines, terminalText } from "../diagnostics/terminalText.js";
import { analyzeProgram } from "../compileProgram.js";
import { loadCatalog } from "../catalog/index.js";
import { suggestAction } from "../catalog/suggest.js";
import { loadSources } from "../driver/loadSources.js";
import { membersOf } from "../driver/checkProgram.js";
import type { PrincipalSet } from "../driver/principalSets.js";
import { hasErrors, sortDiagnostics } from "../../grammar/diagnostics/diagnostic.js";
import { choosePrincipal } from "../why/choosePrincipal.js";
import { checkContextValues, checkResourceArn } from "./requestInputs.js";
import { EXIT_ERRORS, EXIT_OK, formatOption } from "./options.js";
import { printDiagnostics, colorOf, type OutputFormat } from "./report.js";
import { collectSetting, emptyTable, entryOf, UsageError, withEntry, type NameTable } from "./settings.js";

/**
 * Decides `request` against one principal's policies. The runtime refuses a malformed request
 * (an empty `--resource`, a value over its bounds): that is the command line's mistake, a
 * usage error, not a decision.
 */
function decide(set: PrincipalSet, request: Request): EvaluationResult {
  try {
    return compilePolicySet(policyInputs(set)).evaluate(request);
  } catch (e) {
    if (e instanceof InvalidRequestError) throw new UsageError(e.message);
    throw e;
  }
}

/** A condition key is `prefix:name` (`aws:SourceIp`, `aws:ResourceTag/team`, `apprunner:VpcId`). */
const CONTEXT_KEY = /^[A-Za-z0-9.-]+:\S(?:.*\S)?$/;

/** Commander's collector for repeatable `--context key=value`; a repeated key becomes a list. */
export function collectContext(raw: string, previous: NameTable<ContextValue>): NameTable<ContextValue> {
  const eq = raw.indexOf("=");
  if (eq <= 0) throw new UsageError(`--context expects KEY=VALUE, got \`${raw}\``);
  const key = raw.slice(0, eq);
  if (key.trim() !== key) throw new UsageError(`--context \`${key}\`: a condition key has no leading or trailing spaces`);
  if (!CONTEXT_KEY.test(key)) {
    process.stderr.write(`warning: --context ${terminalText(key)}: condition keys are \`prefix:name\`, such as \`aws:SourceIp\` or \`aws:ResourceTag/team\`; no policy can read this one\n`);
  }
  const value = raw.slice(eq + 1);
  const prior = entryOf(previous, key);
  const next: ContextValue = prior === undefined ? value : [...(typeof prior === "string" ? [prior] : prior), value];
  return withEntry(previous, key, next);
}

interface EvalOptions {
  readonly set: Record<string, string>;
  readonly context: Record<string, ContextValue>;
  readonly format: OutputFormat;
  readonly as?: string;
}

function policyInputs(set: PrincipalSet): { name: string; document: PrincipalSet["members"][number]["policy"]["document"]; sources: readonly import("../../runtime/types.js").SourceLocation[] }[] {
  return set.members.map((m) => ({ name: m.name, document: m.policy.document, sources: m.policy.sources }));
}

/**
 * Compiles the files and chooses whose policies decide. On compile errors prints them and
 * returns undefined; when the choice is not made, a usage error lists the candidates.
 */
function principalFor(paths: string[], opts: EvalOptions, cmd: Command, principalArn: string): PrincipalSet | undefined {
  const loaded = loadSources(paths);
  const { program, built } = analyzeProgram(loaded.sources, { params: opts.set, stdlibPrincipals: true });
  const diagnostics = sortDiagnostics([...loaded.diagnostics, ...program.diagnostics]);
  if (hasErrors(diagnostics) || loaded.diagnostics.length > 0) {
    printDiagnostics(diagnostics, program.files.sources, { format: opts.format, color: colorOf(cmd) });
    process.exitCode = EXIT_ERRORS;
    return undefined;
  }
  const choice = choosePrincipal({
    candidates: built.principals,
    named: built.principalNamed,
    isRole: (name) => program.role(name) !== undefined,
    isUser: (name) => program.user(name) !== undefined,
    groupMembers: (name) => (program.group(name) === undefined ? undefined : membersOf(program, name)),
  }, principalArn, opts.as);
  if (!choice.ok) throw new UsageError(choice.message);
  return choice.set;
}

function decisionLine(decision: string, color: boolean): string {
  if (!color) return decision;
  return decision.includes("Allow") && !decision.includes("Deny") ? pc.green(decision) : pc.red(decision);
}

/** `as role SecurityAuditor: SecurityAuditor/AuditorExtras, AWSAppRunnerReadOnlyAccess` */
function setLine(set: PrincipalSet): string {
  const lines = [`as ${set.kind} ${set.name}: ${set.members.map((m) => m.name).join(", ")}`];
  if (set.unknownManagedArns.length > 0) {
    lines.push(`  (not evaluated, content unknown to arp: ${set.unknownManagedArns.join(", ")})`);
  }
  return lines.join("\n");
}

/**
 * The explanation, with the decision printed once (colored) and the statements that name
 * other actions summarised in one line per policy instead of one line each.
 */
function explanationText(request: Request, result: EvaluationResult, color: boolean): string {
  const actionMisses = result.notApplied.filter((m) => m.reason.kind === "action");
  const rest = { ...result, notApplied: result.notApplied.filter((m) => m.reason.kind !== "action") };
  const [first, ...lines] = explain(rest, request).split("\n");
  const head = first === undefined ? "" : first.replace(/^decision: (\w+)/, (_, d: string) => `decision: ${decisionLine(d, color)}`);
  const summary = summariseActionMisses(actionMisses, request.action);
  return [head, ...lines, ...summary].join("\n");
}

function summariseActionMisses(misses: readonly StatementMiss[], action: string): string[] {
  if (misses.length === 0) return [];
  const byPolicy = new Map<string, number>();
  for (const m of misses) byPolicy.set(m.policy, (byPolicy.get(m.policy) ?? 0) + 1);
  const parts = [...byPolicy].map(([policy, n]) => `${n} in \`${policy}\``);
  return [`not about \`${action}\`: ${misses.length} statement${misses.length === 1 ? "" : "s"} (${parts.join(", ")})`];
}

function printResult(request: Request, set: PrincipalSet, result: EvaluationResult, format: OutputFormat, color: boolean): void {
  if (format === "json") {
    const principalSet = { name: set.name, kind: set.kind, policies: set.members.map((m) => m.name), unknownManagedPolicies: set.unknownManagedArns };
    process.stdout.write(`${terminalJson(JSON.stringify({ request, principalSet, ...result }, null, 2))}\n`);
    return;
  }
  // The explanation quotes the request and the policies: escape what it quotes, keep its lines.
  process.stdout.write(`${terminalLines(setLine(set))}\n${terminalLines(explanationText(request, result, color))}\n`);
}

/** A principal is an ARN: `arn:partition:service:region:account:resource`. */
const ARN = /^arn:[^:]+:[^:]+:[^:]*:[^:]*:.+$/;

/** App Runner's resource types, as `arp` writes their shorthands. */
const APP_RUNNER_SHORTHAND = /^(service|connection|autoscalingconfiguration|observabilityconfiguration|vpcconnector|vpcingressconnection)\//;

/** Refuses a request IAM could never see, and warns about an action no service has. */
function checkInputs(request: Request, params: Readonly<NameTable<string>>): void {
  if (!ARN.test(request.principal)) {
    throw new UsageError(`--principal ${request.principal}: a principal is an ARN, such as arn:aws:iam::123456789012:user/alice or arn:aws:sts::123456789012:assumed-role/Role/session`);
  }
  const resource = request.resource;
  // An empty resource is the runtime's to refuse, with its own message.
  if (resource !== "" && resource !== "*" && !resource.startsWith("arn:")) {
    const account = /^arn:[^:]+:(?:iam|sts)::(\d{12}):/.exec(request.principal)?.[1] ?? entryOf(params, "account") ?? "ACCOUNT";
    const form = APP_RUNNER_SHORTHAND.test(resource)
      ? `arn:${entryOf(params, "partition") ?? "aws"}:apprunner:${entryOf(params, "region") ?? "REGION"}:${account}:${resource}`
      : "arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE";
    throw new UsageError(`--resource ${resource}: a request names one resource by its ARN (or \`*\`), such as ${form}`);
  }
  checkResourceArn(resource);
  checkContextValues(request.context ?? {}, (line) => process.stderr.write(`${line}\n`));
  if (!loadCatalog().action(request.action)) {
    const suggestion = suggestAction(request.action);
    process.stderr.write(`warning: no AWS service has the action \`${terminalText(request.action)}\`${suggestion === undefined ? "" : `; did you mean \`${suggestion}\`?`} (a wildcard statement may still match it)\n`);
  }
}

export function registerEvalCommand(program: Command): void {
  program
    .command("eval")
    .description("evaluate one request against the policies compiled from .arp files; exit 0 on Allow, 1 on deny")
    .argument("<paths...>", ".arp files or directories")
    .requiredOption("--principal <arn>", "the caller, e.g. arn:aws:iam::123456789012:user/alice")
    .requiredOption("--action <action>", "e.g. apprunner:DescribeService")
    .requiredOption("--resource <arn>", "the resource ARN, or * for actions without resources")
    .option("--as <name>", "the role, user or policy whose policies decide (default: the role or user the principal ARN names, or the only one)")
    .option("--context <key=value>", "a request context value (repeat a key for several values)", collectContext, emptyTable<ContextValue>())
    .option("--set <name=value>", "set a parameter (repeatable)", collectSetting, emptyTable<string>())
    .addOption(formatOption())
    .action((paths: string[], opts: EvalOptions & { principal: string; action: string; resource: string }, cmd: Command) => {
      const request: Request = { principal: opts.principal, action: opts.action, resource: opts.resource, context: opts.context };
      checkInputs(request, opts.set);
      const set = principalFor(paths, opts, cmd, request.principal);
      if (set === undefined) return;
      const evaluation = decide(set, request);
      printResult(request, set, evaluation, opts.format, colorOf(cmd));
      process.exitCode = evaluation.decision === "Allow" ? EXIT_OK : EXIT_ERRORS;
    });
}

/**
 * App Runner's console names a service, not its ARN ("on resource: my-example-service"); such
 * a name is read as `service/NAME/*` in the caller's account, which any `service/...` pattern
 * that could match the real ARN also matches. `--resource` overrides it.
 */
function resourceOf(named: string, principal: string, params: Readonly<NameTable<string>>, set: PrincipalSet): { readonly arn: string; readonly assumed?: string } {
  if (named === "*" || named.startsWith("arn:")) return { arn: named };
  const fromArn = /^arn:[^:]+:(?:iam|sts)::(\d{12}):/.exec(principal)?.[1];
  const account = fromArn ?? entryOf(params, "account") ?? "*";
  const setRegion = entryOf(params, "region") === undefined ? set.region : undefined;
  const region = entryOf(params, "region") ?? setRegion ?? "*";
  const arn = `arn:${entryOf(params, "partition") ?? "aws"}:apprunner:${region}:${account}:service/${named}/*`;
  const accountWhy = fromArn !== undefined ? "the caller's account" : account === "*" ? "any account" : "--set account";
  const regionWhy = region === "*" ? "any region (--set region to narrow)" : setRegion !== undefined ? `the region of ${set.file}` : "--set region";
  return { arn, assumed: `the message names \`${named}\`, not an ARN: read as App Runner service ${arn} (${accountWhy}, ${regionWhy}); give --resource for another` };
}

export function registerWhyCommand(program: Command): void {
  program
    .command("why")
    .description("explain an AccessDenied message against the policies compiled from .arp files")
    .argument("<message>", "the message, e.g. \"User: arn:aws:iam::123456789012:user/marymajor is not authorized to perform: ...\"")
    .argument("<paths...>", ".arp files or directories")
    .option("--resource <arn>", "the resource ARN, when the message names only a resource's name")
    .option("--as <name>", "the role, user or policy whose policies decide (default: the role or user the principal ARN names, or the only one)")
    .option("--context <key=value>", "a request context value (repeat a key for several values); keys not given are unknown", collectContext, emptyTable<ContextValue>())
    .option("--set <name=value>", "set a parameter (repeatable)", collectSetting, emptyTable<string>())
    .addOption(formatOption())
    .action((message: string, paths: string[], opts: EvalOptions & { resource?: string }, cmd: Command) => {
      const denied = parseAccessDenied(message);
      if (denied === undefined) {
        throw new UsageError("the message is not an AccessDenied message of the form `User: ARN is not authorized to perform: ACTION on resource: RESOURCE`");
      }
      const set = principalFor(paths, opts, cmd, denied.principal);
      if (set === undefined) return;
      const resource = opts.resource === undefined ? resourceOf(denied.resource, denied.principal, opts.set, set) : { arn: opts.resource };
      const request: Request = { principal: denied.principal, action: denied.action, resource: resource.arn, context: opts.context };
      checkContextValues(opts.context, (line) => process.stderr.write(`${line}\n`));
      const partial = decidePartial(set, request);
      if (opts.format === "json") {
        const principalSet = { name: set.name, kind: set.kind, policies: set.members.map((m) => m.name), unknownManagedPolicies: set.unknownManagedArns };
        process.stdout.write(`${terminalJson(JSON.stringify({ request, principalSet, message: denied, ...partial }, null, 2))}\n`);
      } else {
        const lines = [setLine(set), ...(resource.assumed === undefined ? [] : [resource.assumed]), ...reconcile(denied, partial, request, opts.set)];
        process.stdout.write(`${terminalLines(lines.join("\n"))}\n`);
      }
      process.exitCode = EXIT_OK;
    });
}

/** The partial decision, every context key not given unknown; a malformed request is a usage error. */
function decidePartial(set: PrincipalSet, request: Request): PartialResult {
  try {
    return evaluatePartial(policyInputs(set), request);
  } catch (e) {
    if (e instanceof InvalidRequestError) throw new UsageError(e.message);
    throw e;
  }
}
