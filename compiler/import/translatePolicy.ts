/**
 * Translates a validated policy into `.arp` text: an identity policy into `policy Name { ... }`,
 * a trust policy into `role Name { trust ... }`, with the parameters that repeated values call
 * for. Alongside the text it builds the IAM document the compiler should give back, so the
 * round trip can be verified.
 *
 * The text is arp's tokens, one statement per line, every part mapped to the JSON it came
 * from: it is what the round trip compiles, so a diagnostic points at the exact JSON. Laying it
 * out is the formatter's job alone (`importPolicy` formats it), so imports and `arp fmt` agree.
 */
import type { IamPolicyDocument } from "../../runtime/policyDocument.js";
import type { Catalog } from "../catalog/index.js";
import { diagnostic } from "../../grammar/diagnostics/codes.js";
import type { Diagnostic } from "../../grammar/diagnostics/diagnostic.js";
import { emitDocument } from "../emit/iamJson.js";
import type { IrStatement } from "../ir.js";
import { chooseParams } from "./chooseParams.js";
import { oneLine, quote, type ImportParams } from "./iamText.js";
import { concatAll, type MappedText } from "./mappedText.js";
import { suppressionComment } from "../driver/suppressions.js";
import { placeholderParams } from "./templateIntrinsics.js";

/** The CloudFormation pseudo-parameter each parameter stands for. */
const PSEUDO_NAMES = { partition: "AWS::Partition", account: "AWS::AccountId", region: "AWS::Region" } as const;
import { variablesEnabled, type ImportedPolicy, type Located } from "./policyModel.js";
import type { TranslateContext } from "./translateContext.js";
import { translateStatement } from "./translateStatement.js";
import { translateTrust } from "./translateTrust.js";

export interface Translation {
  readonly kind: "policy" | "role";
  readonly name: string;
  /** The whole `.arp`: {@link assembleArp} with no suppressions. */
  readonly arp: MappedText;
  /** What comes before the statements: the header comments, parameters and `policy Name {`. */
  readonly head: string;
  /** Each statement's text, in document order (one per JSON statement). */
  readonly statements: readonly MappedText[];
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
  /** The parameters to write with; by default chosen from this policy alone. */
  readonly params?: ImportParams;
}

export function translatePolicy(policy: ImportedPolicy, options: TranslateOptions, diagnostics: Diagnostic[]): Translation | undefined {
  const before = diagnostics.length;
  const params = options.params ?? chooseParams(policy);
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
    const translated = policy.kind === "trust" ? translateTrust(ctx, s) : translateStatement(ctx, s);
    if (translated === undefined) continue;
    body.push(translated.text);
    expected.push(translated.expected);
  }
  if (diagnostics.slice(before).some((d) => d.severity === "error")) return undefined;
  const kind = policy.kind === "trust" ? "role" : "policy";
  const head = `${headerText(options.source, comments, params)}${kind} ${quote(options.name)} {\n`;
  return {
    kind,
    name: options.name,
    arp: assembleArp({ head, statements: body }, new Map()).text,
    head,
    statements: body,
    params,
    expected: emitDocument({ name: options.name, kind: policy.kind, statements: expected, span: policy.span }),
  };
}

/** The assembled `.arp` and where each statement lies in it. */
export interface AssembledArp {
  readonly text: MappedText;
  /** `[start, end)` of each statement in `text`, comment lines included. */
  readonly ranges: readonly (readonly [number, number])[];
}

/**
 * The `.arp` of a translation with an `// arp-ignore` line above each statement that
 * `suppressions` names codes for (by statement index), with the reason given.
 */
export function assembleArp(
  t: ArpLayout,
  suppressions: ReadonlyMap<number, { readonly codes: readonly string[]; readonly reason: string }>,
): AssembledArp {
  const pieces: (MappedText | string)[] = [t.head];
  const ranges: [number, number][] = [];
  let offset = t.head.length;
  t.statements.forEach((statement, i) => {
    const s = suppressions.get(i);
    const comment = s === undefined ? "" : `${suppressionComment(s.codes, s.reason)}\n`;
    const separator = `${t.before?.get(i) ?? ""}${i > 0 ? "\n" : ""}`;
    pieces.push(separator, comment, statement);
    const start = offset + separator.length;
    offset = start + comment.length + statement.length;
    ranges.push([start, offset]);
  });
  pieces.push(t.tail ?? "\n}\n");
  return { text: concatAll(pieces), ranges };
}

/** How an `.arp` is put together from translated statements. */
export interface ArpLayout {
  /** Everything before the first statement. */
  readonly head: string;
  readonly statements: readonly MappedText[];
  /** Text before statement i's line break (a role's `policy Name {`), by index. */
  readonly before?: ReadonlyMap<number, string>;
  /** Everything after the last statement; `\n}\n` by default. */
  readonly tail?: string;
}

/** What goes above the policy or role: where it came from, then the parameters. */
export function headerText(source: string, comments: readonly string[], params: ImportParams): string {
  const lines = [`// Imported from ${oneLine(source)}`, ...comments.map((c) => `// ${oneLine(c)}`)];
  const unset = placeholderParams(params);
  for (const p of ["partition", "account", "region"] as const) {
    const value = params[p];
    // A pseudo-parameter of a CloudFormation template: the stack's, given at compile time.
    if (unset[p] !== undefined) lines.push(`// the stack's ${PSEUDO_NAMES[p]}: arp compile --set ${p}=...`, `param ${p}`);
    else if (value !== undefined) lines.push(`param ${p} = ${quote(value)}`);
  }
  return `${lines.join("\n")}\n\n`;
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
