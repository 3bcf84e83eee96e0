/**
 * A statement's `Condition` as an arp `when` clause: one test per operator/key pair, joined
 * with `and` (IAM ANDs them). Each test reads back through the table in `iamOperators.ts`:
 * tag keys take the tag sugar (`tag team`, `request tag team`, `principal tag team`,
 * `tag keys within [...]`), `ForAnyValue:`/`ForAllValues:` become `any`/`all`, `...IfExists`
 * becomes `if exists`, `...IgnoreCase` `ignoring case`, `Null` `exists`/`missing`, and
 * `Bool` true the bare key. arp chooses an IAM operator from the key's type: a String operator
 * on an ARN key (`StringLike` on `aws:SourceArn`) becomes the ARN test that decides alike
 * (stringOperatorOnArn.ts, ARP6008), a Numeric operator on `aws:EpochTime` the Date one and
 * `BinaryEquals` on a string key `StringEquals` of its base-64 spellings (operatorOfOtherType.ts,
 * ARP6020, ARP6021); an operator of another type than the key's otherwise cannot be said.
 */
import { modernResourceTagKey, type CatalogConditionKey } from "../catalog/index.js";
import { familyOf, iamOperator, type KeyFamily } from "../check/operatorsForType.js";
import { familyTakesVariables, operatorsOfFamily } from "../../runtime/operators/index.js";
import { isBoolText } from "../../runtime/valueShapes.js";
import type { IrCondition } from "../ir.js";
import { fromIamArn, fromIamText, iamTextOf, quote, renderValue, renderWord, type ArpPart } from "./iamText.js";
import { operatorText } from "./iamOperators.js";
import { readAsKeyType } from "./operatorOfOtherType.js";
import { arnPatternsForStringLike, arnTwin, hasWildcard, literalWildcards } from "./stringOperatorOnArn.js";
import { concat, join, mapped, type MappedText } from "./mappedText.js";
import type { ImportedTest, Located } from "./policyModel.js";
import { notImportable, partsOrReport, type TranslateContext } from "./translateContext.js";
import { diagnostic } from "../../grammar/diagnostics/codes.js";

/** One translated test: its arp text and the IAM condition the compiler will emit for it. */
export interface TranslatedTest {
  readonly text: MappedText;
  readonly expected: IrCondition;
}

/** The tests, or undefined when any could not be translated (all reported). */
export function translateTests(ctx: TranslateContext, tests: readonly ImportedTest[]): TranslatedTest[] | undefined {
  const out: TranslatedTest[] = [];
  let ok = true;
  for (const t of tests) {
    const r = translateTest(ctx, t);
    if (r === undefined) ok = false;
    else out.push(r);
  }
  return ok ? out : undefined;
}

const TAG_SUGAR: readonly { readonly prefix: string; readonly words: string }[] = [
  { prefix: "aws:ResourceTag/", words: "tag" },
  { prefix: "aws:RequestTag/", words: "request tag" },
  { prefix: "aws:PrincipalTag/", words: "principal tag" },
];

function translateTest(ctx: TranslateContext, written: ImportedTest): TranslatedTest | undefined {
  const catalogKey = lookUpKey(ctx, written.key);
  const key = catalogKey === undefined ? undefined : keyText(ctx, written.key);
  if (catalogKey === undefined || key === undefined) return undefined;
  const t = withSetOperator(ctx, written, familyOf(catalogKey.type).multi);
  if (t === undefined) return undefined;
  const { base } = t.operator;
  const expectedBase = { operator: operatorText(t.operator), key: t.key.text, span: t.span };
  if (base.arp.kind === "null") {
    const missing = nullValue(ctx, t);
    if (missing === undefined) return undefined;
    const text = concat(key, missing ? " missing" : " exists").from(t.span);
    return { text, expected: { ...expectedBase, values: [missing ? "true" : "false"] } };
  }
  const { family } = familyOf(catalogKey.type);
  const onArn = family === "ARN" && base.family === "String" ? stringTestOnArnKey(ctx, t) : undefined;
  if (onArn !== undefined) return onArn === "refused" ? undefined : translateTest(ctx, onArn);
  const ownType = base.family === family ? undefined : readAsKeyType(ctx, t, family);
  if (ownType !== undefined) return ownType === "refused" ? undefined : translateTest(ctx, ownType);
  if (base.family !== family) {
    return notImportable(ctx, t.operatorSpan,
      `arp chooses the operator from the key's type: \`${t.key.text}\` is ${article(family)} ${family} key, so arp cannot test it with \`${base.name}\``,
      `arp compares ${family} keys with ${familyOperators(family)}; if that is what this test means, change the operator in the JSON`);
  }
  const values = translateValues(ctx, t, family);
  if (values === undefined) return undefined;
  const expected = { ...expectedBase, values: values.map((v) => v.iam) };
  if (isBareBool(t)) return { text: key.from(t.span), expected };
  return { text: comparison(t, key, values).from(t.span), expected };
}

/**
 * A String operator on an ARN key as the ARN test that decides alike (stringOperatorOnArn.ts),
 * with a warning; "refused" after reporting what has no such test.
 */
function stringTestOnArnKey(ctx: TranslateContext, t: ImportedTest): ImportedTest | "refused" {
  const { base } = t.operator;
  const twin = arnTwin(base);
  if (twin === undefined) {
    notImportable(ctx, t.operatorSpan,
      `\`${t.key.text}\` is an ARN key, and no ARN operator decides as \`${base.name}\` does: ARN operators match case`,
      `arp compares ARN keys with ${familyOperators("ARN")}; if that is what this test means, change the operator in the JSON`);
    return "refused";
  }
  const like = base.arp.kind === "compare" && (base.arp.operator === "like" || base.arp.operator === "not like");
  if (!like && !ctx.variables) {
    const wild = t.values.find((v) => hasWildcard(v.text, ctx.variables));
    if (wild !== undefined) {
      notImportable(ctx, wild.span,
        `\`${base.name}\` matches \`*\` and \`?\` literally, and the ARN operators of the ARN key \`${t.key.text}\` read them as wildcards`,
        "with Version 2012-10-17, arp writes them `${*}` and `${?}`, which stand for them literally");
      return "refused";
    }
  }
  const values = like
    ? t.values.flatMap((v) => arnPatternsForStringLike(v.text, ctx.variables).map((text) => ({ text, span: v.span })))
    : t.values.map((v) => ({ text: literalWildcards(v.text), span: v.span }));
  const operator = { ...t.operator, base: twin, written: operatorText({ ...t.operator, base: twin }) };
  const added = values.length - t.values.length;
  // A pattern with fewer than five colons is written out to the six parts of an ARN.
  const lengthened = !like ? 0 : t.values.filter((v) => !values.some((w) => w.span === v.span && w.text === v.text)).length;
  const how = added > 0 ? `, with ${added} more pattern${added === 1 ? "" : "s"} for where a wildcard before the fifth colon matches colons`
    : lengthened > 0 ? `, with ${lengthened === 1 ? "its pattern" : "patterns"} written out to the six parts of an ARN` : "";
  ctx.diagnostics.push(diagnostic("StringOperatorOnArnKey", t.operatorSpan,
    `\`${t.key.text}\` is an ARN key, which arp tests with ARN operators: \`${operatorText(t.operator)}\` is imported as \`${operatorText(operator)}\`${how}, which decides alike${lengthened > 0 ? " on every ARN" : ""}`,
    { hint: added === 0 && lengthened > 0 ? "ARN operators compare the six colon-separated parts of an ARN, so the pattern writes all six; its `*` covers the parts it did not write"
      : added > 0 ? "a String operator's `*` matches colons, and an ARN operator's does not before the fifth colon; drop the added patterns if only ARNs of that shape are meant" : `the JSON now says \`${operator.base.name}\`` }));
  return { ...t, operator, values };
}

/**
 * The test as arp can say it, decision-equal to the JSON. `IfExists` after a set operator
 * changes nothing (a missing or null key makes `ForAllValues` true and `ForAnyValue` false
 * either way), so it is dropped with ARP3008. A plain operator on a multi-valued key, which
 * arp requires to be quantified (ARP3003), holds for a positive operator when any value
 * matches and for a negated one when none does: `ForAnyValue:` and `ForAllValues:` of the
 * same operator decide alike, on a missing or null key too, so it imports as those with a
 * warning. Only a plain `...IfExists` on a multi-valued key has no one-test equivalent.
 */
function withSetOperator(ctx: TranslateContext, t: ImportedTest, multi: boolean): ImportedTest | undefined {
  const { operator } = t;
  if (operator.quantifier !== undefined && operator.ifExists) {
    ctx.diagnostics.push(diagnostic("IfExistsAfterQuantifier", t.operatorSpan,
      `\`IfExists\` after \`${operator.quantifier}:\` changes nothing: arp imports \`${operatorText({ ...operator, ifExists: false })}\``));
    return { ...t, operator: { ...operator, ifExists: false } };
  }
  if (!multi || operator.quantifier !== undefined || operator.base.arp.kind !== "compare") return t;
  if (operator.ifExists) {
    return notImportable(ctx, t.operatorSpan,
      `\`${operatorText(operator)}\` on the multi-valued key \`${t.key.text}\` holds when the key is missing or when any value matches, which one arp test cannot say`,
      `write \`ForAnyValue:${operator.base.name}\` and a separate statement with \`Null\` if both are meant`);
  }
  const quantifier = operator.base.negated ? "ForAllValues" : "ForAnyValue";
  ctx.diagnostics.push(diagnostic("MultiValuedKeyNeedsQuantifier", t.span,
    `\`${t.key.text}\` can carry several values: arp imports \`${operator.base.name}\` as \`${quantifier}:${operator.base.name}\`, which decides alike`,
    { severity: "warning" }));
  return { ...t, operator: { ...operator, quantifier } };
}

function article(word: string): string {
  return /^[AEIOU]/.test(word) ? "an" : "a";
}

/** A family's operators for a hint: all of them when two or fewer, else its first two positive ones. */
function familyOperators(family: KeyFamily): string {
  const rows = operatorsOfFamily(family);
  const names = rows.length <= 2
    ? rows.map((r) => r.name)
    : [...rows.filter((r) => !r.negated && !r.ignoreCase).slice(0, 2).map((r) => r.name), "..."];
  return names.map((n) => (n === "..." ? n : `\`${n}\``)).join(", ");
}

/**
 * The key as the catalog knows it. A legacy `apprunner:ResourceTag/K` is kept as written: the
 * App Runner guide names it ("provide tag information ... using the
 * `apprunner:ResourceTag/key-name` ... condition keys"), and it is what AWS evaluates. The
 * language compiles it to `aws:ResourceTag/K` (ARP2011) unless `// arp-ignore ARP2011` keeps it,
 * so the round trip marks its statement with that comment (verifyImport.ts) and the JSON comes
 * back as it was, whatever the statement's actions. It is read as the string a tag is.
 */
function lookUpKey(ctx: TranslateContext, key: Located): CatalogConditionKey | undefined {
  const found = ctx.catalog.conditionKey(key.text);
  if (found !== undefined) return found;
  const modern = modernResourceTagKey(key.text);
  if (modern !== undefined) return ctx.catalog.conditionKey(modern) ?? UNCHECKED_KEY;
  // A key the catalog does not know (newer than it, or invented): IAM accepts it, so it is
  // kept as written and read as a string, as arp's checker reads it under the `// arp-ignore`
  // comment the round trip adds (compiler/driver/suppressions.ts).
  return UNCHECKED_KEY;
}

/** How a key outside the catalog is read: a single-valued string. */
const UNCHECKED_KEY: CatalogConditionKey = { name: "", type: "String", description: "a key outside the catalog", global: false };

/** The key as arp writes it: tag sugar when the key is spelled exactly so, else the bare key. */
function keyText(ctx: TranslateContext, key: Located): MappedText | undefined {
  if (key.text === "aws:TagKeys") return mapped("tag keys", key.span);
  for (const sugar of TAG_SUGAR) {
    if (key.text.startsWith(sugar.prefix) && key.text.length > sugar.prefix.length) {
      const tag = key.text.slice(sugar.prefix.length);
      if (!tag.includes("${") && !tag.includes("\r") && !tag.includes("\n")) return mapped(`${sugar.words} ${quote(tag)}`, key.span);
    }
  }
  const word = renderWord([{ kind: "text", text: key.text }]);
  if (word === undefined) {
    return notImportable(ctx, key.span, `arp writes a condition key as one word, and \`${key.text}\` cannot be one`);
  }
  return mapped(word, key.span);
}

/** `Null`: true when it tests that the key is missing. */
function nullValue(ctx: TranslateContext, t: ImportedTest): boolean | undefined {
  const values = new Set(t.values.map((v) => v.text.toLowerCase()));
  const bad = t.values.find((v) => !isBoolText(v.text));
  if (bad !== undefined) {
    return notImportable(ctx, bad.span, `\`Null\` takes \`true\` (the key is missing) or \`false\` (it is present), not \`${bad.text}\``);
  }
  if (values.size > 1) {
    return notImportable(ctx, t.span, `\`Null\` with both \`true\` and \`false\` holds for every request`,
      "remove the test: it restricts nothing");
  }
  return values.has("true");
}

function isBareBool(t: ImportedTest): boolean {
  const only = t.values.length === 1 ? t.values[0] : undefined;
  return t.operator.base.family === "Bool" && t.operator.quantifier === undefined && !t.operator.ifExists && only?.text === "true";
}

interface TranslatedValue {
  readonly text: MappedText;
  /** What the compiler emits for it. */
  readonly iam: string;
}

const NUMBER = /^-?\d+(\.\d+)?$/;


function translateValues(ctx: TranslateContext, t: ImportedTest, family: KeyFamily): TranslatedValue[] | undefined {
  const out: TranslatedValue[] = [];
  let ok = true;
  for (const v of t.values) {
    const r = translateValue(ctx, v, family);
    if (r === undefined) ok = false;
    else out.push(r);
  }
  return ok ? out : undefined;
}

function translateValue(ctx: TranslateContext, v: Located, family: KeyFamily): TranslatedValue | undefined {
  if (family === "Numeric" && NUMBER.test(v.text)) return { text: mapped(v.text, v.span), iam: v.text };
  if (family === "Bool" && isBoolText(v.text)) {
    const text = v.text.toLowerCase();
    return { text: mapped(text, v.span), iam: text };
  }
  if (ctx.params.account !== undefined && v.text === ctx.params.account) return { text: mapped("$account", v.span), iam: v.text };
  if (ctx.params.region !== undefined && v.text === ctx.params.region && family === "String") {
    return { text: mapped("$region", v.span), iam: v.text };
  }
  const variables = ctx.variables && familyTakesVariables(family);
  const parts: ArpPart[] | undefined = partsOrReport(ctx, v.text.startsWith("arn:") ? fromIamArn(v.text, variables, ctx.params) : fromIamText(v.text, variables), v.span);
  if (parts === undefined) return undefined;
  const iam = iamTextOf(parts, ctx.params);
  return { text: mapped(renderValue(parts), v.span), iam: family === "Bool" ? iam.toLowerCase() : iam };
}

/** `[any|all] key op value [ignoring case] [if exists]`, or `tag keys within|include [...]`. */
function comparison(t: ImportedTest, key: MappedText, values: readonly TranslatedValue[]): MappedText {
  const { base, quantifier, ifExists } = t.operator;
  const list = concat("[", join(values.map((v) => v.text), ", "), "]");
  const op = mapped(arpOperator(t, values.length), t.operatorSpan);
  if (t.key.text === "aws:TagKeys" && base.name === iamOperator("String", "=", false) && quantifier !== undefined && !ifExists) {
    return concat(key, quantifier === "ForAllValues" ? " within " : " include ", list);
  }
  const arp = base.arp.kind === "compare" ? base.arp : undefined;
  return concat(
    quantifier === "ForAnyValue" ? "any " : quantifier === "ForAllValues" ? "all " : "",
    key,
    " ",
    op,
    " ",
    values.length === 1 ? (values[0] as TranslatedValue).text : list,
    arp?.ignoreCase === true ? " ignoring case" : "",
    ifExists ? " if exists" : "",
  );
}

/** The comparison word; several values read better with `in`/`not in` than with `=`/`!=`. */
function arpOperator(t: ImportedTest, valueCount: number): string {
  const arp = t.operator.base.arp;
  if (arp.kind !== "compare") return "";
  if (valueCount > 1 && t.operator.base.family !== "Bool") {
    if (arp.operator === "=") return "in";
    if (arp.operator === "!=") return "not in";
  }
  return arp.operator;
}
