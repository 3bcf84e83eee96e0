/** `arp diff OLD NEW`: what access changed, per principal, with a request that shows each change. */
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { Option, type Command } from "commander";
import { compileFiles } from "../index.js";
import { loadCatalog } from "../catalog/index.js";
import type { CompiledPrincipalSet } from "../compileProgram.js";
import { diffAccess, type AccessChange, type SetDiff } from "../diff/diffAccess.js";
import { GitRevisionError, parseRevisionPath, samePathAt, withRevision, type RevisionPath } from "../diff/gitRevision.js";
import { checkNeverGrants, NeverGrantsSpecError, parseNeverGrants, type NeverGrantsSpec } from "../diff/neverGrants.js";
import { jsonPrincipalSets, MANIFEST_FILE } from "../diff/jsonPrincipalSets.js";
import { renderDiagnostics } from "../diagnostics/render.js";
import { readSourceFile, SourceReadError } from "../driver/loadSources.js";
import type { Diagnostic } from "../../grammar/diagnostics/diagnostic.js";
import { terminalText } from "../diagnostics/terminalText.js";
import { EXIT_ERRORS, EXIT_OK, EXIT_USAGE } from "./options.js";
import { colorOf } from "./report.js";
import { collectSetting, emptyTable } from "./settings.js";

interface DiffOptions {
  readonly set: Record<string, string>;
  readonly format: "text" | "json";
  readonly newAccess: boolean;
  readonly git?: string;
  readonly neverGrants: string[];
}

/** One side of the comparison: its principal sets, or the errors that kept it from compiling. */
interface Version {
  readonly sets: readonly CompiledPrincipalSet[];
  readonly errors: readonly Diagnostic[];
  readonly sources: ReadonlyMap<string, string>;
}

/** The `.json` files under `dir` (recursively, sorted), except the manifest. */
function jsonFilesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.json$/i.test(e.name) && e.name !== MANIFEST_FILE)
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

function hasArpFiles(dir: string): boolean {
  return readdirSync(dir, { withFileTypes: true, recursive: true }).some((e) => e.isFile() && e.name.endsWith(".arp"));
}

/** Compiled JSON: each file a policy or a role bundle. */
function jsonVersion(paths: readonly string[]): Version {
  const inputs = [];
  const errors: Diagnostic[] = [];
  for (const path of paths) {
    try {
      inputs.push({ path, text: readSourceFile(path) });
    } catch (e) {
      if (!(e instanceof SourceReadError)) throw e;
      errors.push(e.diagnostic);
    }
  }
  const read = jsonPrincipalSets(inputs);
  return { sets: read.sets, errors: [...errors, ...read.diagnostics.filter((d) => d.severity === "error")], sources: new Map(inputs.map((i) => [i.path, i.text])) };
}

/** A path on disk: `.arp` sources (compiled), or compiled JSON (a `.json` file, or a folder of them). */
function versionAt(path: string, params: Record<string, string>): Version {
  const isDir = (() => {
    try {
      return statSync(path).isDirectory();
    } catch {
      return false;
    }
  })();
  if (/\.json$/i.test(path) || (isDir && !hasArpFiles(path) && jsonFilesUnder(path).length > 0)) return jsonVersion(isDir ? jsonFilesUnder(path) : [path]);
  const r = compileFiles([path], { params });
  return { sets: r.principals, errors: r.ok ? [] : r.diagnostics.filter((d) => d.severity === "error"), sources: r.sources };
}

/** Diagnostics about a revision's temporary copy name the revision instead (`HEAD~1:policies/a.arp`). */
function relabel(version: Version, root: string, label: string): Version {
  const rename = (file: string): string => (file.startsWith(root) ? `${label}${file.slice(root.length).replace(/\\/g, "/").replace(/^\//, "")}` : file);
  return {
    sets: version.sets,
    errors: version.errors.map((d) => ({ ...d, span: { ...d.span, file: rename(d.span.file) } })),
    sources: new Map([...version.sources].map(([file, text]) => [rename(file), text])),
  };
}

/** OLD or NEW as the user wrote it: a path, or `REV:path`. */
function loadVersion(arg: string | RevisionPath, params: Record<string, string>): Version {
  const at = typeof arg === "string" ? parseRevisionPath(arg) : arg;
  if (at === undefined) return versionAt(arg as string, params);
  const label = `${at.revision}:${at.path === "" || at.path.endsWith("/") ? at.path : `${at.path}/`}`;
  return withRevision(at, (path, root) => relabel(versionAt(path, params), root, label));
}

function describe(change: AccessChange): string {
  const e = change.example;
  const actions = change.actions.length <= 3 ? change.actions.join(", ") : `${change.actions.slice(0, 3).join(", ")} and ${change.actions.length - 3} more`;
  const context = Object.keys(e.context).length === 0 ? "no context" : JSON.stringify(e.context);
  const resources = change.resources.length <= 2 ? change.resources.join(", ") : `${change.resources.slice(0, 2).join(", ")} and ${change.resources.length - 2} more`;
  return `    ${actions} on ${resources}\n      e.g. ${e.action} on ${e.resource} by ${e.principal} with ${context}: ${e.old} before, ${e.new} now`;
}

/** What a report says when a bound was hit: some classes of requests were sampled or have no member. */
const NOT_EXHAUSTIVE = " (not exhaustive: a bound was hit, so some requests were sampled or left untried)";

function textReport(diffs: readonly SetDiff[]): string {
  const lines: string[] = [];
  for (const d of diffs) {
    if (d.added.length === 0 && d.removed.length === 0) continue;
    lines.push(`${d.kind} ${d.name}:`);
    if (d.added.length > 0) lines.push("  new access:", ...d.added.map(describe));
    if (d.removed.length > 0) lines.push("  access removed:", ...d.removed.map(describe));
  }
  const requests = diffs.reduce((n, d) => n + d.requests, 0);
  // Exhaustive: a request of every class the policies draw was decided (docs/diff.md).
  const sampled = diffs.some((d) => !d.exhaustive) ? NOT_EXHAUSTIVE : ", exhaustive";
  lines.push(lines.length === 0 ? `no change in access for ${diffs.length} principal${diffs.length === 1 ? "" : "s"} (${requests} requests decided${sampled})` : `${requests} requests decided${sampled}`);
  return lines.join("\n").split("\n").map((line) => terminalText(line)).join("\n");
}

/** One `--never-grants` property checked on one principal set. */
interface NeverGrantsResult {
  readonly property: string;
  readonly name: string;
  readonly kind: SetDiff["kind"];
  readonly holds: boolean;
  readonly violations: readonly AccessChange[];
  readonly exhaustive: boolean;
}

function neverGrantsReport(results: readonly NeverGrantsResult[]): string {
  const lines: string[] = [];
  for (const r of results) {
    if (r.holds) continue;
    lines.push(`${r.kind} ${r.name} grants ${r.property}:`);
    lines.push(...r.violations.map((v) => describe(v).replace(/: ExplicitDeny before, Allow now$/, ": Allow")));
  }
  const sampled = results.some((r) => !r.exhaustive) ? NOT_EXHAUSTIVE : ", exhaustive";
  const broken = results.filter((r) => !r.holds).length;
  lines.push(`${results.length - broken} of ${results.length} checks hold${sampled}`);
  return lines.join("\n").split("\n").map((line) => terminalText(line)).join("\n");
}

function runNeverGrants(path: string, texts: readonly string[], opts: DiffOptions, cmd: Command): void {
  let specs: NeverGrantsSpec[];
  try {
    specs = texts.map(parseNeverGrants);
  } catch (e) {
    if (!(e instanceof NeverGrantsSpecError)) throw e;
    cmd.error(`error: --never-grants: ${e.message}`, { exitCode: EXIT_USAGE });
  }
  const version = loadVersion(path, opts.set);
  if (version.errors.length > 0) {
    process.stderr.write(`${renderDiagnostics(version.errors, version.sources, { color: colorOf(cmd) })}\n`);
    process.exitCode = EXIT_ERRORS;
    return;
  }
  const catalog = loadCatalog();
  const results: NeverGrantsResult[] = specs.flatMap((spec) =>
    version.sets.map((set) => {
      const d = checkNeverGrants(set, spec, catalog);
      return { property: spec.text, name: d.name, kind: d.kind, holds: d.added.length === 0, violations: d.added, exhaustive: d.exhaustive };
    }),
  );
  if (opts.format === "json") process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
  else process.stdout.write(`${neverGrantsReport(results)}\n`);
  process.exitCode = results.every((r) => r.holds) ? EXIT_OK : EXIT_ERRORS;
}

/** Collects a repeatable string option. */
function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

export function registerDiffCommand(program: Command): void {
  program
    .command("diff")
    .description("compare the access two versions of .arp files grant, per principal, with a request that shows each change")
    .argument("<old>", "the old version: .arp or compiled JSON (file or directory), or REV:path from git")
    .argument("[new]", "the new version, the same ways (with --git: the working-tree path)")
    .option("--set <name=value>", "set a parameter for both versions (repeatable)", collectSetting, emptyTable<string>())
    .option("--no-new-access", "exit 1 when the new version allows any request the old one did not")
    .option("--git <rev>", "compare PATH at git revision REV (old) with PATH in the working tree (new): `arp diff --git HEAD~1 policies/`")
    .option("--never-grants <spec>", 'with one PATH: exit 1 when a principal allows any request matching "service:Action on resource" (wildcards allowed; repeatable)', collect, [])
    .addOption(new Option("--format <format>", "the report as text or JSON").choices(["text", "json"]).default("text"))
    .action((first: string, second: string | undefined, opts: DiffOptions, cmd: Command) => {
      if (opts.neverGrants.length > 0) {
        if (second !== undefined || opts.git !== undefined) cmd.error("error: with --never-grants, give one path and no --git", { exitCode: EXIT_USAGE });
        runNeverGrants(first, opts.neverGrants, opts, cmd);
        return;
      }
      if ((opts.git === undefined) === (second === undefined)) {
        cmd.error(opts.git === undefined ? "error: missing required argument 'new'" : "error: with --git, give one path: the working-tree version", { exitCode: EXIT_USAGE });
      }
      let before: Version;
      let after: Version;
      try {
        before = loadVersion(opts.git !== undefined ? samePathAt(opts.git, first) : first, opts.set);
        after = loadVersion(second ?? first, opts.set);
      } catch (e) {
        if (!(e instanceof GitRevisionError)) throw e;
        process.stderr.write(`${terminalText(`git: ${e.message}`)}\n`);
        process.exitCode = EXIT_ERRORS;
        return;
      }
      const failed = [before, after].filter((r) => r.errors.length > 0);
      if (failed.length > 0) {
        for (const r of failed) process.stderr.write(`${renderDiagnostics(r.errors, r.sources, { color: colorOf(cmd) })}\n`);
        process.exitCode = EXIT_ERRORS;
        return;
      }
      const diffs = diffAccess(before.sets, after.sets, loadCatalog());
      if (opts.format === "json") process.stdout.write(`${JSON.stringify(diffs, null, 2)}\n`);
      else process.stdout.write(`${textReport(diffs)}\n`);
      // `--no-new-access` is commander's negation of `--new-access` (default true).
      const gate = opts.newAccess === false;
      process.exitCode = gate && diffs.some((d) => d.added.length > 0) ? EXIT_ERRORS : EXIT_OK;
    });
}
