/**
 * `arp eval`: evaluate one request against compiled policies and explain the decision.
 * `arp why`: read AWS's AccessDenied message, evaluate it, and say what blocks it and what
 * statement would allow it.
 */
import type { Command } from "commander";
import pc from "picocolors";
import { compilePolicySet, explain, InvalidRequestError, parseDenial } from "../../runtime/index.js";
import type { ContextValue, EvaluationResult, PolicyInput, Request } from "../../runtime/types.js";
import { terminalJson, terminalLines } from "../diagnostics/terminalText.js";
import { compileFiles, type CompileResult } from "../index.js";
import { suggestStatement } from "../why/suggestStatement.js";
import { EXIT_ERRORS, EXIT_OK, formatOption } from "./options.js";
import { printDiagnostics, colorOf, type OutputFormat } from "./report.js";
import { collectSetting, emptyTable, entryOf, UsageError, withEntry, type NameTable } from "./settings.js";

/**
 * Decides `request` against the compiled policies. The runtime refuses a malformed request
 * (an empty `--resource`, a value over its bounds): that is the command line's mistake, a
 * usage error, not a decision.
 */
function decide(result: CompileResult, request: Request): EvaluationResult {
  try {
    return compilePolicySet(policyInputs(result)).evaluate(request);
  } catch (e) {
    if (e instanceof InvalidRequestError) throw new UsageError(e.message);
    throw e;
  }
}

/** Commander's collector for repeatable `--context key=value`; a repeated key becomes a list. */
export function collectContext(raw: string, previous: NameTable<ContextValue>): NameTable<ContextValue> {
  const eq = raw.indexOf("=");
  if (eq <= 0) throw new UsageError(`--context expects KEY=VALUE, got \`${raw}\``);
  const key = raw.slice(0, eq);
  const value = raw.slice(eq + 1);
  const prior = entryOf(previous, key);
  const next: ContextValue = prior === undefined ? value : [...(typeof prior === "string" ? [prior] : prior), value];
  return withEntry(previous, key, next);
}

interface EvalOptions {
  readonly set: Record<string, string>;
  readonly context: Record<string, ContextValue>;
  readonly format: OutputFormat;
}

function policyInputs(result: CompileResult): PolicyInput[] {
  return [
    ...result.policies.map((p) => ({ name: p.name, document: p.document, sources: p.sources })),
    ...result.roles.flatMap((r) => r.inlinePolicies.map((p) => ({ name: `${r.name}/${p.name}`, document: p.document, sources: p.sources }))),
  ];
}

/** Compiles the files; on errors prints them and returns undefined. */
function compiled(paths: string[], opts: EvalOptions, cmd: Command): CompileResult | undefined {
  const result = compileFiles(paths, { params: opts.set });
  const color = colorOf(cmd);
  if (!result.ok) {
    printDiagnostics(result.diagnostics, result.sources, { format: opts.format, color });
    process.exitCode = EXIT_ERRORS;
    return undefined;
  }
  return result;
}

function decisionLine(result: EvaluationResult, color: boolean): string {
  if (!color) return result.decision;
  return result.decision === "Allow" ? pc.green(result.decision) : pc.red(result.decision);
}

function printResult(request: Request, result: EvaluationResult, format: OutputFormat, color: boolean): void {
  if (format === "json") {
    process.stdout.write(`${terminalJson(JSON.stringify({ request, ...result }, null, 2))}\n`);
    return;
  }
  // The explanation quotes the request and the policies: escape what it quotes, keep its lines.
  process.stdout.write(`${decisionLine(result, color)}\n${terminalLines(explain(result, request))}\n`);
}

export function registerEvalCommand(program: Command): void {
  program
    .command("eval")
    .description("evaluate one request against the policies compiled from .arp files; exit 0 on Allow, 1 on deny")
    .argument("<paths...>", ".arp files or directories")
    .requiredOption("--principal <arn>", "the caller, e.g. arn:aws:iam::123456789012:user/alice")
    .requiredOption("--action <action>", "e.g. apprunner:DescribeService")
    .requiredOption("--resource <arn>", "the resource ARN, or * for actions without resources")
    .option("--context <key=value>", "a request context value (repeat a key for several values)", collectContext, emptyTable<ContextValue>())
    .option("--set <name=value>", "set a parameter (repeatable)", collectSetting, emptyTable<string>())
    .addOption(formatOption())
    .action((paths: string[], opts: EvalOptions & { principal: string; action: string; resource: string }, cmd: Command) => {
      const result = compiled(paths, opts, cmd);
      if (result === undefined) return;
      const request: Request = { principal: opts.principal, action: opts.action, resource: opts.resource, context: opts.context };
      const evaluation = decide(result, request);
      printResult(request, evaluation, opts.format, colorOf(cmd));
      process.exitCode = evaluation.decision === "Allow" ? EXIT_OK : EXIT_ERRORS;
    });
}

/**
 * App Runner's console names a service, not its ARN ("on resource: my-example-service"); such
 * a name is read as `service/NAME/*` in the caller's account, which any `service/...` pattern
 * that could match the real ARN also matches. `--resource` overrides it.
 */
function resourceOf(named: string, principal: string, params: Readonly<NameTable<string>>): string {
  if (named === "*" || named.startsWith("arn:")) return named;
  const account = /^arn:[^:]+:(?:iam|sts)::(\d{12}):/.exec(principal)?.[1] ?? entryOf(params, "account") ?? "*";
  return `arn:${entryOf(params, "partition") ?? "aws"}:apprunner:${entryOf(params, "region") ?? "*"}:${account}:service/${named}/*`;
}

export function registerWhyCommand(program: Command): void {
  program
    .command("why")
    .description("explain an AccessDenied message against the policies compiled from .arp files")
    .argument("<message>", "the message, e.g. \"User: arn:aws:iam::123456789012:user/marymajor is not authorized to perform: ...\"")
    .argument("<paths...>", ".arp files or directories")
    .option("--resource <arn>", "the resource ARN, when the message names only a resource's name")
    .option("--context <key=value>", "a request context value (repeat a key for several values)", collectContext, emptyTable<ContextValue>())
    .option("--set <name=value>", "set a parameter (repeatable)", collectSetting, emptyTable<string>())
    .addOption(formatOption())
    .action((message: string, paths: string[], opts: EvalOptions & { resource?: string }, cmd: Command) => {
      const denial = parseDenial(message);
      if (denial === undefined) {
        throw new UsageError("the message is not an AccessDenied message of the form `User: ARN is not authorized to perform: ACTION on resource: RESOURCE`");
      }
      const result = compiled(paths, opts, cmd);
      if (result === undefined) return;
      const resource = opts.resource ?? resourceOf(denial.resource, denial.principal, opts.set);
      const request: Request = { principal: denial.principal, action: denial.action, resource, context: opts.context };
      const evaluation = decide(result, request);
      const color = colorOf(cmd);
      printResult(request, evaluation, opts.format, color);
      if (opts.format === "text") process.stdout.write(`${terminalLines(remedy(evaluation, request, opts.set))}\n`);
      process.exitCode = EXIT_OK;
    });
}

function remedy(result: EvaluationResult, request: Request, params: Readonly<Record<string, string>>): string {
  switch (result.decision) {
    case "Allow":
      return "these policies allow the request: the denial comes from elsewhere (another attached policy, a permissions boundary, an SCP, or a session policy)";
    case "ExplicitDeny": {
      const blockers = result.matched.map((m) => `${m.sid ?? `statement ${m.index}`} in policy ${m.policy}${m.source ? ` (${m.source.file}:${m.source.line})` : ""}`);
      return `blocked by an explicit deny, which no allow can override: ${blockers.join("; ")}`;
    }
    case "ImplicitDeny":
      return `no statement allows it; the smallest statement that would:\n  ${suggestStatement(request, params)}`;
  }
}
