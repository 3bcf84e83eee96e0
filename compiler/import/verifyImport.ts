/**
 * Compiles the generated `.arp` and holds it to the translation's promise. What the checker
 * reports is reported at the JSON it came from: its errors as not importable (ARP6004), its
 * warnings as they are. A compiled document that differs from the expected one is reported
 * too, so an import never changes a policy silently.
 */
import { isDeepStrictEqual } from "node:util";
import type { IamPolicyDocument, IamStatement } from "../../runtime/policyDocument.js";
import { compileProgram } from "../compileProgram.js";
import { diagnostic } from "../../grammar/diagnostics/codes.js";
import type { Diagnostic, Span } from "../../grammar/diagnostics/diagnostic.js";
import { originOf } from "./mappedText.js";
import type { ImportedPolicy } from "./policyModel.js";
import type { Translation } from "./translatePolicy.js";

/** Diagnostics of the round trip, mapped into the JSON; the compiled document when it held. */
export function verifyImport(
  translation: Translation,
  policy: ImportedPolicy,
  arpPath: string,
  diagnostics: Diagnostic[],
): IamPolicyDocument | undefined {
  const result = compileProgram([{ path: arpPath, text: translation.arp.text }]);
  for (const d of result.diagnostics) diagnostics.push(inJsonTerms(mapDiagnostic(d, translation, policy.span, arpPath), translation));
  if (!result.ok) return undefined;
  const compiled = translation.kind === "role" ? result.roles[0]?.trust.document : result.policies[0]?.document;
  if (compiled === undefined) throw new Error(`internal error: the imported ${translation.kind} \`${translation.name}\` compiled to nothing`);
  if (isDeepStrictEqual(compiled, translation.expected)) return compiled;
  diagnostics.push(mismatch(compiled, translation.expected, policy));
  return undefined;
}

function mapDiagnostic(d: Diagnostic, translation: Translation, whole: Span, arpPath: string): Diagnostic {
  const origin = d.span.file === arpPath ? originOf(translation.arp.segments, d.span.start, d.span.end) : undefined;
  const span = origin ?? whole;
  if (d.severity !== "error") return withoutRelated({ ...d, span });
  return diagnostic("NotImportable", span, d.message, d.hint !== undefined ? { hint: d.hint } : {});
}

/** Messages quote arp text; the JSON has the parameters' values where arp has `${account}`. */
function inJsonTerms(d: Diagnostic, translation: Translation): Diagnostic {
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

function mismatch(compiled: IamPolicyDocument, expected: IamPolicyDocument, policy: ImportedPolicy): Diagnostic {
  const got = statementsOf(compiled);
  const want = statementsOf(expected);
  const index = want.findIndex((s, i) => !isDeepStrictEqual(s, got[i]));
  const at = policy.statements[index]?.span ?? policy.span;
  const shown = got[index] !== undefined ? JSON.stringify(got[index]) : "nothing";
  return diagnostic("NotImportable", at, "arp cannot reproduce this statement exactly", {
    hint: `the imported statement compiles to ${shown}`,
  });
}
