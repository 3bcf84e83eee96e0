/**
 * Suppressions kept outside the sources, for findings a team reviewed once for a whole folder
 * (a vendored policy set, generated files): `arp.config.json`, or the `arp` key of
 * `package.json`, in the directory `arp lint` runs from:
 *
 * ```json
 * { "lint": { "ignore": [{ "code": "ARP7011", "paths": ["stdlib/"], "reason": "trust as AWS documents it" }] } }
 * ```
 *
 * A path is a file or a folder (ending in `/`), relative to the config file. As with
 * `// arp-ignore`, the reason is required, a suppressed finding stays visible as a note
 * (ARP8001) naming the config file and the reason, and an entry that suppresses nothing is a
 * warning (ARP8003) at the entry.
 */
import { existsSync, readFileSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import { Codes, diagnostic } from "../../grammar/diagnostics/codes.js";
import type { Diagnostic, Span } from "../../grammar/diagnostics/diagnostic.js";

/** One `ignore` entry, read and checked. */
export interface ConfigSuppression {
  readonly code: string;
  readonly paths: readonly string[];
  readonly reason: string;
  /** Where the entry is in the config file, for diagnostics about it. */
  readonly span: Span;
}

export interface LintConfig {
  /** The config file, as diagnostics name it. */
  readonly file: string;
  /** Its text, to render diagnostics located in it. */
  readonly text: string;
  readonly suppressions: readonly ConfigSuppression[];
  /** Problems with the file itself (ARP8002). */
  readonly diagnostics: readonly Diagnostic[];
}

const KNOWN_CODES: ReadonlySet<string> = new Set(Object.values(Codes).map((c) => c.code));

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** The span of the `n`th entry: the `n`th `"code"` in the text, or the whole file. */
function entrySpan(file: string, text: string, n: number): Span {
  let at = -1;
  for (let i = 0; i <= n; i++) {
    at = text.indexOf('"code"', at + 1);
    if (at < 0) return { file, start: 0, end: 0 };
  }
  return { file, start: at, end: at + 6 };
}

function readEntries(file: string, text: string, lint: unknown): { suppressions: ConfigSuppression[]; diagnostics: Diagnostic[] } {
  const suppressions: ConfigSuppression[] = [];
  const diagnostics: Diagnostic[] = [];
  const ignore = isRecord(lint) ? lint["ignore"] : undefined;
  if (lint === undefined || (isRecord(lint) && ignore === undefined)) return { suppressions, diagnostics };
  if (!Array.isArray(ignore)) {
    diagnostics.push(diagnostic("MalformedSuppression", { file, start: 0, end: 0 }, "`lint.ignore` must be a list of { code, paths, reason } entries"));
    return { suppressions, diagnostics };
  }
  ignore.forEach((entry: unknown, n) => {
    const span = entrySpan(file, text, n);
    const code = isRecord(entry) ? entry["code"] : undefined;
    const paths = isRecord(entry) ? entry["paths"] : undefined;
    const reason = isRecord(entry) ? entry["reason"] : undefined;
    const problem =
      typeof code !== "string" || !KNOWN_CODES.has(code) ? "names no code of arp"
        : !Array.isArray(paths) || paths.length === 0 || !paths.every((p) => typeof p === "string" && p !== "") ? "lists no paths"
          : typeof reason !== "string" || reason.trim() === "" ? "gives no reason"
            : undefined;
    if (problem !== undefined) {
      diagnostics.push(diagnostic("MalformedSuppression", span, `this \`lint.ignore\` entry ${problem}, so it suppresses nothing`, {
        hint: '{ "code": "ARP7011", "paths": ["stdlib/"], "reason": "why it is right" }',
      }));
      return;
    }
    suppressions.push({ code: code as string, paths: paths as string[], reason: (reason as string).trim(), span });
  });
  return { suppressions, diagnostics };
}

/**
 * Reads `arp.config.json`, else the `arp` key of `package.json`, in `dir`; undefined when
 * neither holds lint settings.
 */
export function readLintConfig(dir: string): LintConfig | undefined {
  for (const [name, pick] of [["arp.config.json", (j: unknown) => j], ["package.json", (j: unknown) => (isRecord(j) ? j["arp"] : undefined)]] as const) {
    const path = join(dir, name);
    if (!existsSync(path)) continue;
    const file = relative(process.cwd(), path) || name;
    const text = readFileSync(path, "utf8");
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (e) {
      return { file, text, suppressions: [], diagnostics: [diagnostic("MalformedSuppression", { file, start: 0, end: 0 }, `${name} is not JSON: ${(e as Error).message}`)] };
    }
    const settings = pick(json);
    if (settings === undefined) continue;
    const lint = isRecord(settings) ? settings["lint"] : undefined;
    return { file, text, ...readEntries(file, text, lint) };
  }
  return undefined;
}

/** Whether `file` (as diagnostics name it) is under one of `paths` (relative to `base`). */
function under(file: string, paths: readonly string[], base: string): boolean {
  const target = resolve(file);
  return paths.some((p) => {
    const full = resolve(base, p);
    return target === full || target.startsWith(full.endsWith(sep) ? full : full + sep);
  });
}

/**
 * Applies the config's suppressions to lint's output: a finding it covers becomes a note
 * (ARP8001); each entry that covered nothing is reported (ARP8003). Errors are never suppressed
 * here: a config file cannot hide that a statement does not compile.
 */
export function applyLintConfig(diagnostics: readonly Diagnostic[], config: LintConfig, base: string): Diagnostic[] {
  const used = new Set<ConfigSuppression>();
  const out = diagnostics.map((d) => {
    if (d.severity === "error" || d.code === Codes.SuppressedDiagnostic.code) return d;
    const s = config.suppressions.find((x) => x.code === d.code && under(d.span.file, x.paths, base));
    if (s === undefined) return d;
    used.add(s);
    return diagnostic("SuppressedDiagnostic", d.span, `${d.code} suppressed: ${d.message}`, {
      hint: `${config.file}: ${s.reason}`,
      related: [{ message: "suppressed by this entry", span: s.span }],
    });
  });
  for (const s of config.suppressions) {
    if (!used.has(s)) out.push(diagnostic("UnusedSuppression", s.span, `the \`lint.ignore\` entry for ${s.code} suppresses nothing under ${s.paths.join(", ")}`, { hint: "remove it, or fix its paths" }));
  }
  return [...out, ...config.diagnostics];
}
