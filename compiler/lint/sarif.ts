/**
 * `arp lint --format sarif`: SARIF 2.1.0 (OASIS), the format code-scanning services take. One
 * run, one rule per code reported (described from the code table, linked to its section of
 * docs/diagnostics.md), one result per diagnostic. A diagnostic a comment suppressed (ARP8001)
 * is a result of the code it suppressed, with an in-source suppression and its reason, so
 * scanners show it as reviewed rather than dropping it.
 */
import { Codes, type CodeInfo } from "../../grammar/diagnostics/codes.js";
import type { Diagnostic, Span } from "../../grammar/diagnostics/diagnostic.js";
import { suppressedCode } from "../driver/suppressions.js";
import { lineMapOf } from "../diagnostics/sourceText.js";
import { lintSeverity } from "./lintSeverity.js";

/** Where the documentation of each code lives, in the arp package. */
const DOCS = "docs/diagnostics.md";

type Level = "error" | "warning" | "note";

interface SarifRegion {
  readonly startLine: number;
  readonly startColumn: number;
  readonly endLine: number;
  readonly endColumn: number;
}

const BY_CODE: ReadonlyMap<string, { name: string; info: CodeInfo }> = new Map(Object.entries(Codes).map(([name, info]) => [info.code, { name, info }]));

function levelOf(severity: CodeInfo["severity"]): Level {
  return severity === "info" ? "note" : severity;
}

function region(span: Span, sources: ReadonlyMap<string, string>): SarifRegion {
  const text = sources.get(span.file);
  if (text === undefined) return { startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 };
  const map = lineMapOf(text);
  const start = map.position(span.start);
  const end = map.position(span.end);
  return { startLine: start.line, startColumn: start.column, endLine: end.line, endColumn: end.column };
}

/** A file path as a relative URI (forward slashes, each segment percent-encoded). */
function uriOf(file: string): string {
  return file.split(/[\\/]/).map(encodeURIComponent).join("/");
}

function ruleOf(code: string): object {
  const entry = BY_CODE.get(code);
  const security = entry?.info.summary.startsWith("security:") === true;
  return {
    id: code,
    ...(entry === undefined ? {} : { name: entry.name, shortDescription: { text: entry.info.summary }, defaultConfiguration: { level: levelOf(entry.info.severity) } }),
    help: { text: `${entry?.info.summary ?? code}. See ${DOCS}#${code.toLowerCase()} in the arp package.` },
    ...(security ? { properties: { tags: ["security"] } } : {}),
  };
}

/** The SARIF log of `diagnostics` (sorted), as stable, 2-space-indented JSON. */
/**
 * SARIF's `inSource` for an `// arp-ignore` comment; `external` for an `arp.config.json` entry,
 * which points (as its related location) into another file.
 */
function suppressionKind(d: Diagnostic): "inSource" | "external" {
  const by = d.related?.[0]?.span.file;
  return by !== undefined && by !== d.span.file ? "external" : "inSource";
}

export function renderSarif(diagnostics: readonly Diagnostic[], sources: ReadonlyMap<string, string>, toolVersion: string): string {
  const results = diagnostics.map((d) => {
    const suppressed = suppressedCode(d);
    const code = suppressed ?? d.code;
    const info = BY_CODE.get(code)?.info;
    const level = info === undefined ? levelOf(d.severity) : levelOf(info.severity);
    const message = suppressed === undefined ? d.message : d.message.replace(/^ARP\d{4} suppressed: /, "");
    return {
      code,
      result: {
        ruleId: code,
        level,
        message: { text: d.hint === undefined || suppressed !== undefined ? message : `${message} (${d.hint})` },
        locations: [{ physicalLocation: { artifactLocation: { uri: uriOf(d.span.file) }, region: region(d.span, sources) } }],
        ...(suppressed === undefined ? {} : { suppressions: [{ kind: suppressionKind(d), justification: (d.hint ?? "").replace(/^[^:]*: /, "") }] }),
        properties: { severity: suppressed === undefined ? lintSeverity(d) : "suppressed" },
      },
    };
  });
  const codes = [...new Set(results.map((r) => r.code))].sort();
  const index = new Map(codes.map((c, i) => [c, i]));
  const log = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: { driver: { name: "arp", version: toolVersion, rules: codes.map(ruleOf) } },
        results: results.map((r) => ({ ...r.result, ruleIndex: index.get(r.code)! })),
      },
    ],
  };
  return JSON.stringify(log, null, 2);
}
