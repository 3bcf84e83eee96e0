/**
 * Compiles the generated `.arp` and holds it to the translation's promise. What the checker
 * reports is reported at the JSON it came from: its errors as not importable (ARP6004), its
 * warnings as they are. A compiled document that differs from the expected one is reported
 * too, so an import never changes a policy silently.
 */
import { isDeepStrictEqual } from "node:util";
import type { IamPolicyDocument, IamStatement } from "../../runtime/policyDocument.js";
import { compileProgram, type CompileResult, type SourceInput } from "../compileProgram.js";
import { Codes, diagnostic } from "../../grammar/diagnostics/codes.js";
import type { Diagnostic, Span } from "../../grammar/diagnostics/diagnostic.js";
import { SUPPRESSIBLE_ERRORS, suppressedCode } from "../driver/suppressions.js";
import { originOf, type MappedText } from "./mappedText.js";
import type { ImportedPolicy } from "./policyModel.js";
import { placeholderParams } from "./templateIntrinsics.js";
import { assembleArp, type ArpLayout, type Translation } from "./translatePolicy.js";

/** The verified import: the compiled document and the `.arp` that gives it. */
export interface VerifiedImport {
  readonly document: IamPolicyDocument;
  /** The `.arp`, with an `// arp-ignore` line above each statement that needs one. */
  readonly arp: MappedText;
}

const NAME_CODES = new Set(["ARP2001", "ARP2002", "ARP2003", "ARP2006"]);
/** ARP2005 as the importer meets it: IAM's validator already refused the malformed ARNs. */
const NO_RESOURCE_TYPE = "ARP2005";
/**
 * ARP2011, a warning the importer marks too: a legacy `apprunner:ResourceTag/K` compiles to
 * `aws:ResourceTag/K` unless the comment keeps it as written, which the JSON asks for.
 */
const LEGACY_KEY = Codes.DeprecatedKeyAlias.code;

/** Why the importer marks a statement: IAM accepts it as written, and so does arp now. */
function reasonFor(codes: readonly string[]): string {
  const names = codes.some((c) => NAME_CODES.has(c));
  const arns = codes.includes(NO_RESOURCE_TYPE);
  const legacy = codes.includes(LEGACY_KEY);
  const pairs = codes.some((c) => !NAME_CODES.has(c) && c !== NO_RESOURCE_TYPE && c !== LEGACY_KEY);
  return [
    names ? "a name arp's catalog does not know" : "",
    arns ? "an ARN of no resource type arp's catalog knows, which matches nothing AWS names" : "",
    pairs ? "an action with resources it cannot act on, which grants nothing in IAM too" : "",
    legacy ? "the legacy tag key App Runner's guide names, which AWS evaluates" : "",
  ].filter((r) => r !== "").join("; ") + "; imported as written";
}

/** Rounds of marking: a suppressed name can reveal a mismatch only the next compile sees. */
const MAX_ROUNDS = 3;

/**
 * Diagnostics of the round trip, mapped into the JSON; the compiled document and its `.arp`
 * when it held. What IAM accepts and arp's checker refuses only because its catalog does not
 * know a name or an ARN's resource type, or because an action is paired with resources it cannot act on, is kept as
 * written under an `// arp-ignore` comment and reported as a warning, so the import stays the
 * input exactly.
 */
export function verifyImport(
  translation: Translation,
  policy: ImportedPolicy,
  arpPath: string,
  diagnostics: Diagnostic[],
): VerifiedImport | undefined {
  return verifyLayout(translation, translation, policy.span, arpPath, diagnostics, (result) => {
    const compiled = translation.kind === "role" ? result.roles[0]?.trust.document : result.policies[0]?.document;
    if (compiled === undefined) throw new Error(`internal error: the imported ${translation.kind} \`${translation.name}\` compiled to nothing`);
    if (isDeepStrictEqual(compiled, translation.expected)) return compiled;
    diagnostics.push(mismatch(compiled, translation.expected, policy));
    return undefined;
  });
}

/**
 * Compiles a layout, marking what IAM accepts and arp's checker refuses, and maps what the
 * compiler says into the JSON; `check` holds the clean result to what the translation
 * promised and returns the document to report, or undefined after reporting the difference.
 */
export function verifyLayout(
  layout: ArpLayout,
  terms: Pick<Translation, "params">,
  whole: Span,
  arpPath: string,
  diagnostics: Diagnostic[],
  check: (result: CompileResult) => IamPolicyDocument | undefined,
  companions: readonly SourceInput[] = [],
): VerifiedImport | undefined {
  const translation = { ...layout, ...terms };
  const policy = { span: whole };
  const marks = new Map<number, { codes: string[]; reason: string }>();
  let assembled = assembleArp(translation, marks);
  // A template's pseudo-parameters are declared without a value: the round trip sets them to
  // the placeholders the expected document holds (templateIntrinsics.ts).
  const compile = (text: string): CompileResult => compileProgram([{ path: arpPath, text }, ...companions], { params: placeholderParams(terms.params) });
  let result = compile(assembled.text.text);
  // The hints of errors a mark then suppresses ("did you mean ...?"), by where they point.
  const hints = new Map<string, string>();
  for (let round = 1; round < MAX_ROUNDS && result.diagnostics.some(markable); round++) {
    for (const d of result.diagnostics) {
      if (d.hint !== undefined && d.severity === "error") hints.set(hintKey(d.code, mapDiagnostic(d, assembled.text, policy.span, arpPath).span), d.hint);
    }
    const added = markSuppressible(result.diagnostics, assembled.ranges, marks, arpPath);
    if (!added) break;
    assembled = assembleArp(translation, marks);
    result = compile(assembled.text.text);
  }
  for (const d of result.diagnostics) {
    const mapped = mapDiagnostic(d, assembled.text, policy.span, arpPath);
    const hint = mapped.code === d.code ? undefined : hints.get(hintKey(mapped.code, mapped.span));
    diagnostics.push(inJsonTerms(hint === undefined ? mapped : { ...mapped, hint: `${hint} (${mapped.hint ?? ""})` }, translation));
  }
  if (!result.ok) return undefined;
  const document = check(result);
  return document === undefined ? undefined : { document, arp: assembled.text };
}

/** A diagnostic the import's own `// arp-ignore` takes on: see {@link markSuppressible}. */
function markable(d: Diagnostic): boolean {
  return d.severity === "error" ? SUPPRESSIBLE_ERRORS.has(d.code) : d.code === LEGACY_KEY;
}

/**
 * Adds the codes of suppressible errors, and of legacy keys to keep as written, to the marks of the statements they are in; false when
 * there is nothing new to add. Other errors stay, and the import fails on them alone.
 */
function markSuppressible(
  found: readonly Diagnostic[],
  ranges: readonly (readonly [number, number])[],
  marks: Map<number, { codes: string[]; reason: string }>,
  arpPath: string,
): boolean {
  const placed: [number, string][] = [];
  for (const d of found.filter(markable)) {
    const index = d.span.file === arpPath ? ranges.findIndex(([start, end]) => start <= d.span.start && d.span.start < end) : -1;
    if (index >= 0) placed.push([index, d.code]);
  }
  let added = false;
  for (const [index, code] of placed) {
    const mark = marks.get(index) ?? { codes: [], reason: "" };
    if (!mark.codes.includes(code)) {
      mark.codes.push(code);
      added = true;
    }
    marks.set(index, { codes: mark.codes, reason: reasonFor(mark.codes) });
  }
  return added;
}

/**
 * A diagnostic of the generated `.arp` at the JSON it came from: an error as not importable, a
 * diagnostic the import's own `// arp-ignore` suppressed as the warning it stands for.
 */
function mapDiagnostic(d: Diagnostic, arp: MappedText, whole: Span, arpPath: string): Diagnostic {
  const origin = d.span.file === arpPath ? originOf(arp.segments, d.span.start, d.span.end) : undefined;
  const span = origin ?? whole;
  const suppressed = suppressedCode(d);
  if (suppressed !== undefined) {
    return {
      code: suppressed,
      severity: "warning",
      message: d.message.slice(`${suppressed} suppressed: `.length),
      span,
      hint: `imported as written under \`// arp-ignore ${suppressed}\`: IAM accepts it`,
    };
  }
  if (d.severity !== "error") return withoutRelated({ ...d, span });
  return diagnostic("NotImportable", span, d.message, d.hint !== undefined ? { hint: d.hint } : {});
}

function hintKey(code: string, span: Span): string {
  return `${code}@${span.start}-${span.end}`;
}

/** Messages quote arp text; the JSON has the parameters' values where arp has `${account}`. */
function inJsonTerms(d: Diagnostic, translation: Pick<Translation, "params">): Diagnostic {
  const values = Object.entries(translation.params).filter((e): e is [string, string] => e[1] !== undefined);
  const rewrite = (text: string): string => values.reduce((t, [name, value]) => t.replaceAll(`\${${name}}`, value), text);
  return { ...d, message: rewrite(d.message), ...(d.hint !== undefined ? { hint: rewrite(d.hint) } : {}) };
}

/** Related notes point into the generated `.arp`, which the user never sees. */
function withoutRelated(d: Diagnostic): Diagnostic {
  const { related: _dropped, ...rest } = d;
  return rest;
}

function statementsOf(doc: IamPolicyDocument): IamStatement[] {
  return Array.isArray(doc.Statement) ? doc.Statement : [doc.Statement];
}

export function mismatch(compiled: IamPolicyDocument, expected: IamPolicyDocument, policy: ImportedPolicy): Diagnostic {
  const got = statementsOf(compiled);
  const want = statementsOf(expected);
  const index = want.findIndex((s, i) => !isDeepStrictEqual(s, got[i]));
  const at = policy.statements[index]?.span ?? policy.span;
  const shown = got[index] !== undefined ? JSON.stringify(got[index]) : "nothing";
  return diagnostic("NotImportable", at, "arp cannot reproduce this statement exactly", {
    hint: `the imported statement compiles to ${shown}`,
  });
}
