/**
 * `// arp-ignore ARP2002: newer than the catalog` — a deliberate, visible escape hatch: a
 * comment that takes responsibility for a diagnostic of the code(s) it names, with a reason.
 *
 * Where it applies: a comment alone on its line covers the next line of code; a comment after
 * code covers its own line. Either way the covered line takes with it the lines after it that
 * are indented deeper (a statement the formatter broke over several lines), so a suppression
 * survives `arp fmt`.
 *
 * What it does: a covered diagnostic of a named code arrives as a note (ARP8001) that quotes it,
 * so no suppression is silent and the summary counts them. A warning can always be suppressed
 * (a suppressed ARP2011 also keeps the legacy `apprunner:ResourceTag/K` key as written:
 * compiler/check/resolveKey.ts).
 * An error only when the compiler still builds the construct as written without it: an
 * unknown action, service or key is then kept verbatim, and an action paired with resources it
 * cannot act on is kept with them, and a deny that can never apply is kept as written
 * (`SUPPRESSIBLE_ERRORS`). Every other error stays an error.
 *
 * What it checks: a comment with no known code or no reason (ARP8002), an error that cannot be
 * suppressed (ARP8002), and a code a comment names that suppressed nothing (ARP8003).
 *
 * The compiler's one diagnostics list is a {@link SuppressingDiagnostics}: suppression happens as
 * each diagnostic arrives, so a checker pass sees a suppressed error as no error and keeps the
 * statement for lowering.
 */
import type { Comment, SourceFile } from "../../grammar/ast.js";
import { Codes, diagnostic } from "../../grammar/diagnostics/codes.js";
import type { Diagnostic, Span } from "../../grammar/diagnostics/diagnostic.js";

/**
 * Errors after which the checker keeps what it reported, as written, when a comment suppresses
 * them: unknown names (kept verbatim), well-formed ARNs of no resource type (kept verbatim; a
 * malformed one, which IAM rejects, is not kept, and the checker refuses its suppression),
 * action/resource pairs that grant nothing, and a deny whose condition can never hold (ARP5010:
 * its author says it is intended).
 */
export const SUPPRESSIBLE_ERRORS: ReadonlySet<string> = new Set([
  Codes.UnknownService.code,
  Codes.UnknownAction.code,
  Codes.WildcardMatchesNothing.code,
  Codes.MalformedArn.code,
  Codes.UnknownConditionKey.code,
  Codes.ResourceTypeMismatch.code,
  Codes.WildcardOnlyAction.code,
  Codes.DenyNeverApplies.code,
]);

/** The directive's word; `// arp-ignore` opens a suppression comment. */
export const SUPPRESSION_DIRECTIVE = "arp-ignore";

const DIRECTIVE = /^\/\/\s*arp-ignore\b(.*)$/;
const CODES = /^\s+(ARP\d{4}(?:\s*,\s*ARP\d{4})*)\s*(?::(.*))?$/;
const KNOWN_CODES: ReadonlySet<string> = new Set(Object.values(Codes).map((c) => c.code));

/** One `arp-ignore` comment, read. */
export interface Suppression {
  readonly file: string;
  readonly codes: readonly string[];
  readonly reason: string;
  readonly span: Span;
  /** The covered lines, 0-based, inclusive. */
  readonly firstLine: number;
  readonly lastLine: number;
}

/** The text of a suppression comment for `codes` with `reason` (one line). */
export function suppressionComment(codes: readonly string[], reason: string): string {
  return `// ${SUPPRESSION_DIRECTIVE} ${[...new Set(codes)].sort().join(", ")}: ${reason.replace(/[\r\n\u2028\u2029]+/g, " ")}`;
}

/** The code a note (ARP8001) says was suppressed; undefined for any other diagnostic. */
export function suppressedCode(d: Diagnostic): string | undefined {
  if (d.code !== Codes.SuppressedDiagnostic.code) return undefined;
  return /^(ARP\d{4})\b/.exec(d.message)?.[1];
}

/** Offsets where each line starts. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

/** The 0-based line holding `offset`. */
function lineOf(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] as number) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The lines a comment at `span` covers: see the module comment. */
function coveredLines(text: string, starts: readonly number[], span: Span): { first: number; last: number } {
  const lines = (i: number): string => text.slice(starts[i], starts[i + 1] ?? text.length).replace(/\r?\n$/, "");
  const commentLine = lineOf(starts, span.start);
  const trailing = text.slice(starts[commentLine], span.start).trim() !== "";
  let first = commentLine;
  if (!trailing) {
    first = commentLine + 1;
    while (first < starts.length && /^\s*(\/\/.*)?$/.test(lines(first))) first++;
  }
  const indent = (line: string): number => line.length - line.trimStart().length;
  const own = indent(lines(first));
  let last = first;
  while (last + 1 < starts.length) {
    const next = lines(last + 1);
    if (next.trim() === "" || indent(next) <= own) break;
    last++;
  }
  return { first, last };
}

/**
 * The compiler's diagnostics list, applying the `arp-ignore` comments of the files given to
 * {@link readCommentsOf} to every diagnostic pushed after that.
 */
export class SuppressingDiagnostics extends Array<Diagnostic> {
  // Array methods that build a new array (slice, filter, map) build a plain one.
  static override get [Symbol.species](): ArrayConstructor {
    return Array;
  }

  private readonly suppressions: Suppression[] = [];
  private readonly lines = new Map<string, readonly number[]>();
  /** `index of suppression` → the codes it suppressed something of. */
  private readonly used = new Map<Suppression, Set<string>>();
  /** Comments already told that one of their codes cannot be suppressed. */
  private readonly refused = new Set<string>();

  /** Reads the `arp-ignore` comments of `files`; `sources` holds their text by path. */
  readCommentsOf(files: readonly SourceFile[], sources: ReadonlyMap<string, string>): void {
    for (const file of files) {
      const text = sources.get(file.span.file);
      if (text === undefined) continue;
      const starts = lineStarts(text);
      this.lines.set(file.span.file, starts);
      for (const c of file.comments) this.read(c, text, starts);
    }
  }

  private read(comment: Comment, text: string, starts: readonly number[]): void {
    if (comment.block) return;
    const directive = DIRECTIVE.exec(comment.text);
    if (directive === null) return;
    const parsed = CODES.exec(directive[1] ?? "");
    const codes = parsed === null ? [] : (parsed[1] as string).split(",").map((c) => c.trim());
    const unknown = codes.filter((c) => !KNOWN_CODES.has(c));
    const reason = (parsed?.[2] ?? "").trim();
    if (parsed === null || unknown.length > 0 || reason === "") {
      const problem = parsed === null
        ? "names no diagnostic code"
        : unknown.length > 0 ? `names ${unknown.map((c) => `\`${c}\``).join(", ")}, which ${unknown.length === 1 ? "is not a code" : "are not codes"} of arp`
          : "gives no reason";
      super.push(diagnostic("MalformedSuppression", comment.span, `this \`${SUPPRESSION_DIRECTIVE}\` comment ${problem}, so it suppresses nothing`, {
        // A comment that names its codes but no reason is shown with its own codes.
        hint: parsed !== null && unknown.length === 0
          ? `write \`${suppressionComment(codes, "why it is right")}\``
          : `write \`${suppressionComment(["ARP2002"], "why the name is right")}\``,
      }));
      return;
    }
    const { first, last } = coveredLines(text, starts, comment.span);
    this.suppressions.push({ file: comment.span.file, codes, reason, span: comment.span, firstLine: first, lastLine: last });
  }

  override push(...items: Diagnostic[]): number {
    for (const d of items) super.push(this.apply(d));
    return this.length;
  }

  private apply(d: Diagnostic): Diagnostic {
    if (d.code === Codes.SuppressedDiagnostic.code || this.suppressions.length === 0) return d;
    const starts = this.lines.get(d.span.file);
    if (starts === undefined) return d;
    const line = lineOf(starts, d.span.start);
    const s = this.suppressions.find((x) => x.file === d.span.file && x.codes.includes(d.code) && x.firstLine <= line && line <= x.lastLine);
    if (s === undefined) return d;
    if (d.severity === "error" && !SUPPRESSIBLE_ERRORS.has(d.code)) {
      const key = `${s.span.file}:${s.span.start}:${d.code}`;
      if (!this.refused.has(key)) {
        this.refused.add(key);
        super.push(diagnostic("MalformedSuppression", s.span, `${d.code} cannot be suppressed: arp cannot build the statement as written without it`, {
          hint: `only warnings and ${[...SUPPRESSIBLE_ERRORS].join(", ")} can be suppressed; fix what ${d.code} reports`,
        }));
      }
      this.markUsed(s, d.code);
      return d;
    }
    this.markUsed(s, d.code);
    return diagnostic("SuppressedDiagnostic", d.span, `${d.code} suppressed: ${d.message}`, {
      hint: `\`${SUPPRESSION_DIRECTIVE}\`: ${s.reason}`,
      related: [{ message: "suppressed by this comment", span: s.span }],
    });
  }

  private markUsed(s: Suppression, code: string): void {
    const set = this.used.get(s) ?? new Set<string>();
    set.add(code);
    this.used.set(s, set);
  }

  /**
   * Reports each code of a comment that suppressed nothing; call once, after every stage.
   * `ran` says whether the stage that reports a code ran: a lint code (ARP7xxx) is not unused
   * in a run that did not lint.
   */
  reportUnused(ran: (code: string) => boolean = () => true): void {
    for (const s of this.suppressions) {
      const unused = s.codes.filter((c) => ran(c) && this.used.get(s)?.has(c) !== true);
      if (unused.length === 0) continue;
      super.push(diagnostic("UnusedSuppression", s.span, `\`${SUPPRESSION_DIRECTIVE} ${unused.join(", ")}\` suppresses nothing here`, {
        hint: "remove it, or move it to the line before the one that reports the code",
      }));
    }
  }
}
