/**
 * Operators of another type than the key's, which IAM accepts and arp cannot write (arp chooses
 * the operator from the key's type), read as the test of the key's own type that decides alike:
 *
 * - A Numeric operator on `aws:EpochTime`, a Date key: the IAM User Guide says the key "Works
 *   with date operators or numeric operators" and "accepts the number of seconds since January
 *   1, 1970", and date operators take values "in epoch (UNIX) time" (Date condition operators).
 *   A request's `aws:EpochTime` is epoch seconds, so `NumericLessThan` with epoch seconds is
 *   `DateLessThan` with the same value (ARP6020). Other Date keys (`aws:CurrentTime`) carry ISO
 *   8601 text, which a Numeric operator never reads as a number: no Date test says that.
 * - `BinaryEquals` on a String key: it decodes the request's value as base-64 and compares the
 *   bytes (runtime/operators/binary.ts), so it holds exactly for the base-64 spellings of the
 *   policy value's bytes, padded or not, with any bits the last character carries beyond the
 *   bytes: `StringEquals` with that list (ARP6021).
 *
 * Anything else (a Numeric operator on a String key, which reads `05` and `5.0` as `5`) has no
 * decision-equal test and is refused at the operator.
 */
import { diagnostic } from "../../grammar/diagnostics/codes.js";
import { binaryBytes } from "../../runtime/operators/binary.js";
import type { KeyFamily } from "../check/operatorsForType.js";
import { BASE_OPERATORS, operatorText, type BaseOperator } from "./iamOperators.js";
import type { ImportedTest, Located } from "./policyModel.js";
import { notImportable, type TranslateContext } from "./translateContext.js";

/** What the test becomes: the test to translate instead, "refused" after reporting, or undefined when no rule applies. */
export type OtherTypeReading = ImportedTest | "refused" | undefined;

/** Keys whose request value is epoch seconds, which Numeric and Date operators both read. */
const EPOCH_KEYS: ReadonlySet<string> = new Set(["aws:epochtime"]);
/** Epoch seconds as the Date operators read them (runtime/dates.ts): digits, maybe a fraction. */
const EPOCH_SECONDS = /^\d+(?:\.\d+)?$/;

/** The test as one of the key's own type, when `base` is of another family than `family`. */
export function readAsKeyType(ctx: TranslateContext, t: ImportedTest, family: KeyFamily): OtherTypeReading {
  const { base } = t.operator;
  if (base.family === "Numeric" && family === "Date" && EPOCH_KEYS.has(t.key.text.toLowerCase())) return numericOnEpoch(ctx, t);
  if (base.family === "Binary" && family === "String") return binaryOnString(ctx, t);
  if (base.family === "Numeric" && family === "String") {
    return refused(ctx, t.operatorSpan,
      `\`${base.name}\` compares \`${t.key.text}\` as a number (\`05\`, \`5.0\` and \`5\` are equal), and \`${t.key.text}\` is a string key, which arp tests as text: no string test decides alike`,
      "change the operator in the JSON to a String one (`StringEquals`, `StringLike`) if the values are written one way");
  }
  return undefined;
}

/** The operator of `family` with the same arp comparison as `base`. */
function twinIn(family: KeyFamily, base: BaseOperator): BaseOperator | undefined {
  if (base.arp.kind !== "compare") return undefined;
  const { operator, ignoreCase } = base.arp;
  return BASE_OPERATORS.find((b) => b.family === family && b.arp.kind === "compare" && b.arp.operator === operator && b.arp.ignoreCase === ignoreCase);
}

function numericOnEpoch(ctx: TranslateContext, t: ImportedTest): OtherTypeReading {
  const twin = twinIn("Date", t.operator.base);
  if (twin === undefined) return undefined;
  const bad = t.values.find((v) => !EPOCH_SECONDS.test(v.text));
  if (bad !== undefined) {
    return refused(ctx, bad.span,
      `\`${t.key.text}\` is a date key, and \`${bad.text}\` is not epoch seconds, which is all a date operator reads as a number: no date test decides as \`${t.operator.base.name}\` does`,
      "write the value as whole (or decimal) seconds since 1970-01-01");
  }
  const operator = { ...t.operator, base: twin, written: operatorText({ ...t.operator, base: twin }) };
  ctx.diagnostics.push(diagnostic("NumericOperatorOnDateKey", t.operatorSpan,
    `\`${t.key.text}\` is a date key, which arp tests with date operators: \`${operatorText(t.operator)}\` is imported as \`${operatorText(operator)}\`, which reads the same epoch seconds and decides alike`,
    { hint: `the JSON now says \`${operator.written}\`` }));
  return { ...t, operator };
}

function binaryOnString(ctx: TranslateContext, t: ImportedTest): OtherTypeReading {
  const twin = twinIn("String", t.operator.base);
  if (twin === undefined) return undefined;
  const values: Located[] = [];
  for (const v of t.values) for (const text of base64Spellings(binaryBytes(v.text))) values.push({ text, span: v.span });
  const unique = values.filter((v, i) => values.findIndex((w) => w.text === v.text) === i);
  const operator = { ...t.operator, base: twin, written: operatorText({ ...t.operator, base: twin }) };
  const added = unique.length - t.values.length;
  ctx.diagnostics.push(diagnostic("BinaryOperatorOnStringKey", t.operatorSpan,
    `\`${t.key.text}\` is a string key, which arp tests as text: \`${operatorText(t.operator)}\` is imported as \`${operatorText(operator)}\` of every base-64 spelling of the same bytes${added > 0 ? ` (${added} more value${added === 1 ? "" : "s"})` : ""}, which decides alike`,
    { hint: "`BinaryEquals` decodes the request's value, so the unpadded spelling and the ones whose last character differs only in unused bits match too; drop those if the value is always written one way" }));
  return { ...t, operator, values: unique };
}

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/**
 * Every base-64 text whose bytes are `bytes` (a binary string), as the runtime decodes: the
 * whole groups of three bytes are spelled one way; a last byte or two leave 4 or 2 bits of the
 * last character unused (16 or 4 characters), each padded or not.
 */
export function base64Spellings(bytes: string): string[] {
  let whole = "";
  const full = bytes.length - (bytes.length % 3);
  for (let i = 0; i < full; i += 3) {
    const n = (bytes.charCodeAt(i) << 16) | (bytes.charCodeAt(i + 1) << 8) | bytes.charCodeAt(i + 2);
    whole += `${ALPHABET[(n >> 18) & 63]}${ALPHABET[(n >> 12) & 63]}${ALPHABET[(n >> 6) & 63]}${ALPHABET[n & 63]}`;
  }
  const rest = bytes.length - full;
  if (rest === 0) return [whole];
  const a = bytes.charCodeAt(full);
  const b = rest === 2 ? bytes.charCodeAt(full + 1) : 0;
  const out: string[] = [];
  if (rest === 1) {
    const first = `${whole}${ALPHABET[a >> 2]}`;
    for (let spare = 0; spare < 16; spare++) out.push(`${first}${ALPHABET[((a & 3) << 4) | spare]}`);
  } else {
    const first = `${whole}${ALPHABET[a >> 2]}${ALPHABET[((a & 3) << 4) | (b >> 4)]}`;
    for (let spare = 0; spare < 4; spare++) out.push(`${first}${ALPHABET[((b & 15) << 2) | spare]}`);
  }
  const padding = rest === 1 ? "==" : "=";
  return [...out.map((s) => `${s}${padding}`), ...out];
}

function refused(ctx: TranslateContext, span: Located["span"], message: string, hint: string): "refused" {
  notImportable(ctx, span, message, hint);
  return "refused";
}
