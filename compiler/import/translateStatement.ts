/**
 * One identity-policy statement as an arp statement:
 * `["Sid":] allow|deny <actions | * except actions> on|not on <resources> [when <tests>]`.
 * A `Principal` has no place in an identity policy (App Runner supports no resource-based
 * policies), so a statement that names one is not importable.
 */
import type { IrCondition, IrStatement } from "../ir.js";
import { OPERATOR_TABLE } from "../../runtime/operators/index.js";
import { diagnostic } from "../../grammar/diagnostics/codes.js";
import { quote } from "./iamText.js";
import { concat, join, mapped, type MappedText } from "./mappedText.js";
import type { ImportedList, ImportedStatement } from "./policyModel.js";
import { translateTests, type TranslatedTest } from "./translateCondition.js";
import { notImportable, type TranslateContext } from "./translateContext.js";
import { translateAction, translateResource, type TranslatedItem } from "./translateResource.js";

export interface TranslatedStatement {
  /**
   * The statement on one line, each part mapped to its JSON. Its layout is the formatter's
   * job (`compiler/format`), so the text makes no layout decision of its own.
   */
  readonly text: MappedText;
  readonly expected: IrStatement;
}

function unique(items: readonly string[]): string[] {
  return [...new Set(items)];
}

export function translateStatement(ctx: TranslateContext, s: ImportedStatement): TranslatedStatement | undefined {
  const before = ctx.diagnostics.length;
  const principal = s.principal?.keySpan ?? s.notPrincipalSpan;
  if (principal !== undefined) {
    notImportable(ctx, principal,
      "a statement with both a principal and a resource belongs to a resource-based policy, which App Runner does not support",
      "arp writes a `Principal` only in a role's trust policy (statements without `Resource`); import the identity and trust parts separately");
  }
  const actions = translateList(ctx, s.actions, translateAction);
  const resources = translateList(ctx, s.resources as ImportedList, translateResource);
  const tests = translateTests(ctx, s.tests);
  const sid = labelOf(ctx, s);
  if (ctx.diagnostics.slice(before).some((d) => d.severity === "error")) return undefined;
  if (actions === undefined || resources === undefined || tests === undefined) return undefined;
  const effect = mapped(s.effect === "Allow" ? "allow" : "deny", s.effectSpan);
  const label = sid === undefined ? "" : concat(mapped(quote(sid.text), sid.span), ": ");
  const text = concat(
    label,
    effect,
    s.actions.not ? concat(" ", mapped("*", s.actions.keySpan), " except") : "",
    " ",
    join(actions.map((a) => a.text), ", "),
    s.resources?.not === true ? " not on " : " on ",
    join(resources.map((r) => r.text), ", "),
    whenClause(tests.map((t) => t.text)),
  );
  return {
    text: text.from(s.span),
    expected: expectedStatement(s, sid?.text, actions, resources, tests),
  };
}

/** ` when a and b`, or nothing without tests (IAM ANDs a statement's conditions). */
export function whenClause(tests: readonly MappedText[]): MappedText | string {
  return tests.length === 0 ? "" : concat(" when ", join(tests, " and "));
}

/** The Sid as a label; an empty Sid says nothing and is dropped with a warning. */
function labelOf(ctx: TranslateContext, s: ImportedStatement): ImportedStatement["sid"] {
  if (s.sid === undefined || s.sid.text !== "") return s.sid;
  ctx.diagnostics.push(diagnostic("DroppedElement", s.sid.span, "an empty `Sid` is not kept", {
    hint: "arp labels a statement only with a non-empty Sid",
  }));
  return undefined;
}

function translateList(
  ctx: TranslateContext,
  list: ImportedList,
  each: (ctx: TranslateContext, item: ImportedList["items"][number]) => TranslatedItem | undefined,
): TranslatedItem[] | undefined {
  const out: TranslatedItem[] = [];
  let ok = true;
  for (const item of list.items) {
    const r = each(ctx, item);
    if (r === undefined) ok = false;
    else out.push(r);
  }
  return ok ? out : undefined;
}

function expectedStatement(
  s: ImportedStatement,
  sid: string | undefined,
  actions: readonly TranslatedItem[],
  resources: readonly TranslatedItem[],
  tests: readonly TranslatedTest[],
): IrStatement {
  return {
    ...(sid !== undefined ? { sid } : {}),
    effect: s.effect,
    actions: { not: s.actions.not, values: unique(actions.map((a) => a.iam)) },
    resources: { not: s.resources?.not === true, values: unique(resources.map((r) => r.iam)) },
    conditions: spellApart(tests.map((t) => t.expected)),
    span: s.span,
  };
}

/** Positive base operators that take `IfExists`: their several values are ORed. */
const POSITIVE_WITH_IF_EXISTS: ReadonlySet<string> = new Set(OPERATOR_TABLE.filter((r) => !r.negated && r.qualifiers).map((r) => r.name));
/** Base operators that take `ForAllValues:`/`ForAnyValue:` and `IfExists`. */
const QUALIFIED: ReadonlySet<string> = new Set(OPERATOR_TABLE.filter((r) => r.qualifiers).map((r) => r.name));

/**
 * What lowering writes for two positive tests of one key and operator (`ArnLike` from the JSON's
 * `ArnLike`, and `ArnLike` from its `StringLike` on an ARN key), or two quantified ones (the
 * JSON's `ForAllValues:StringEquals` beside `ForAllValues:StringEqualsIfExists`, whose
 * `IfExists` the import drops): one Condition block holds each operator and key once, so the
 * second takes the operator's `IfExists` form, which the first test decides alike on a missing
 * key (compiler/lower/lowerStatement.ts).
 */
function spellApart(conditions: readonly IrCondition[]): IrCondition[] {
  const taken = new Set<string>();
  return conditions.map((c) => {
    const pair = `${c.operator}\u0000${c.key.toLowerCase()}`;
    if (!taken.has(pair)) {
      taken.add(pair);
      return c;
    }
    const [quantifier, base] = c.operator.includes(":") ? c.operator.split(":") as [string, string] : [undefined, c.operator];
    // Under a quantifier any operator that takes one has an `IfExists` spelling to spare, but
    // for `ForAllValues:` of a negated one, whose values lowering merges as it does unqualified.
    const merged = quantifier === "ForAllValues" && !POSITIVE_WITH_IF_EXISTS.has(base);
    if (quantifier === undefined || merged ? !POSITIVE_WITH_IF_EXISTS.has(base) : !QUALIFIED.has(base)) return c;
    const spare = `${c.operator}IfExists`;
    taken.add(`${spare}\u0000${c.key.toLowerCase()}`);
    return { ...c, operator: spare };
  });
}
