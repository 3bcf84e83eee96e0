/**
 * Translates a validated policy into `.arp` text: an identity policy into `policy Name { ... }`,
 * a trust policy into `role Name { trust ... }`, with the parameters that repeated values call
 * for. Alongside the text it builds the IAM document the compiler should give back, so the
 * round trip can be verified.
 */
import type { IamPolicyDocument } from "../../runtime/policyDocument.js";
import type { Catalog } from "../catalog/index.js";
import { diagnostic } from "../diagnostics/codes.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { emitDocument } from "../emit/iamJson.js";
import type { IrStatement } from "../ir.js";
import { chooseParams } from "./chooseParams.js";
import { layoutFile, layoutStatement, layoutTrust } from "./layoutArp.js";
import type { ImportParams } from "./iamText.js";
import type { MappedText } from "./mappedText.js";
import { variablesEnabled, type ImportedPolicy, type ImportedStatement, type Located } from "./policyModel.js";
import type { TranslateContext } from "./translateContext.js";
import { translateStatement } from "./translateStatement.js";
import { translateTrust } from "./translateTrust.js";

export interface Translation {
  readonly kind: "policy" | "role";
  readonly name: string;
  readonly arp: MappedText;
  /** The parameters the `.arp` declares. */
  readonly params: ImportParams;
  /** The document compiling `arp` must produce. */
  readonly expected: IamPolicyDocument;
}

export interface TranslateOptions {
  /** The name of the input as shown in the header comment. */
  readonly source: string;
  readonly name: string;
  readonly catalog: Catalog;
}

export function translatePolicy(policy: ImportedPolicy, options: TranslateOptions, diagnostics: Diagnostic[]): Translation | undefined {
  const before = diagnostics.length;
  const params = chooseParams(policy);
  const ctx: TranslateContext = { catalog: options.catalog, params, variables: variablesEnabled(policy), diagnostics };
  const comments: string[] = [];
  if (policy.id !== undefined) {
    diagnostics.push(diagnostic("DroppedElement", policy.id.span, "arp does not keep a policy's `Id`; it is kept only as a comment", {
      hint: "`Id` changes no decision",
    }));
    comments.push(`Id: ${policy.id.text}`);
  }
  warnLiteralVariables(policy, diagnostics);
  const body: MappedText[] = [];
  const expected: IrStatement[] = [];
  for (const s of policy.statements) {
    const translated = policy.kind === "trust" ? trustOf(ctx, s) : statementOf(ctx, s);
    if (translated === undefined) continue;
    body.push(translated.text);
    expected.push(translated.expected);
  }
  if (diagnostics.slice(before).some((d) => d.severity === "error")) return undefined;
  const kind = policy.kind === "trust" ? "role" : "policy";
  const header = { source: oneLine(options.source), comments: comments.map(oneLine), params };
  return {
    kind,
    name: options.name,
    arp: layoutFile(header, kind, options.name, body),
    params,
    expected: emitDocument({ name: options.name, kind: policy.kind, statements: expected, span: policy.span }),
  };
}

function oneLine(text: string): string {
  return text.replace(/[\r\n\u2028\u2029]+/g, " ");
}

function statementOf(ctx: TranslateContext, s: ImportedStatement): { text: MappedText; expected: IrStatement } | undefined {
  const t = translateStatement(ctx, s);
  return t === undefined ? undefined : { text: layoutStatement(t.pieces).from(s.span), expected: t.expected };
}

function trustOf(ctx: TranslateContext, s: ImportedStatement): { text: MappedText; expected: IrStatement } | undefined {
  const t = translateTrust(ctx, s);
  return t === undefined ? undefined : { text: layoutTrust(t.pieces).from(s.span), expected: t.expected };
}

/** Strings whose `${...}` IAM reads as text because the policy is not Version 2012-10-17. */
function warnLiteralVariables(policy: ImportedPolicy, diagnostics: Diagnostic[]): void {
  if (variablesEnabled(policy)) return;
  const strings: Located[] = policy.statements.flatMap((s) => [...(s.resources?.items ?? []), ...s.tests.flatMap((t) => t.values)]);
  const first = strings.find((s) => s.text.includes("${"));
  if (first === undefined) return;
  diagnostics.push(diagnostic("LiteralVariables", first.span,
    `this policy is not Version 2012-10-17, so IAM reads \`\${...}\` as literal text; arp keeps it literal`,
    { hint: 'if a policy variable is meant, add `"Version": "2012-10-17"` to the JSON and import it again' }));
}
