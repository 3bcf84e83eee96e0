/**
 * One trust-policy statement as a `trust` of a role:
 * `[deny] trust service "..." | account "..." | arn "..." | federated "..." | anyone [to <sts actions>] [when <tests>]`.
 * An `Allow` statement becomes `trust`, a `Deny` one `deny trust`. arp's trust has no
 * `NotPrincipal` (IAM rejects it in a role trust policy: "Role trust policies do not support
 * NotPrincipal", access-analyzer-reference-policy-checks), no `NotAction` and no label.
 */
import type { IamPrincipal } from "../../runtime/policyDocument.js";
import { DEFAULT_TRUST_ACTION, wayOf, type TrustWay } from "../check/trustPrincipal.js";
import { diagnostic } from "../../grammar/diagnostics/codes.js";
import type { IrStatement } from "../ir.js";
import { fromIamArn, iamTextOf, oneLine, quote, renderString, renderWord } from "./iamText.js";
import { concat, join, mapped, verbatim, type MappedText } from "./mappedText.js";
import type { ImportedPrincipal, ImportedStatement, Located } from "./policyModel.js";
import { translateTests } from "./translateCondition.js";
import { notImportable, partsOrReport, type TranslateContext } from "./translateContext.js";
import { whenClause } from "./translateStatement.js";

export interface TranslatedTrust {
  /**
   * `trust` on one line (after a `// Sid:` comment line when the statement had a Sid), each
   * part mapped to its JSON; the formatter lays it out.
   */
  readonly text: MappedText;
  readonly expected: IrStatement;
}

type Field = "AWS" | "Service" | "Federated";

interface TranslatedPrincipal {
  readonly text: MappedText;
  readonly field: Field;
  /** What the compiler emits for it, or `*` alone for `anyone`. */
  readonly iam: string;
}

const ACCOUNT = /^\d{12}$/;

export function translateTrust(ctx: TranslateContext, s: ImportedStatement): TranslatedTrust | undefined {
  const before = ctx.diagnostics.length;
  if (s.notPrincipalSpan !== undefined) {
    notImportable(ctx, s.notPrincipalSpan, "IAM rejects `NotPrincipal` in a role trust policy (\"Role trust policies do not support NotPrincipal\"), and arp's `trust` has none",
      "name the principals in `Principal`; to deny everyone but some, deny `\"AWS\": \"*\"` with a condition on `aws:PrincipalArn` or `aws:PrincipalOrgID`");
  }
  if (s.actions.not) notImportable(ctx, s.actions.keySpan, "arp's `trust` and `deny trust` name their `sts:` actions: they have no `NotAction`");
  const principals = s.principal === undefined ? [] : translatePrincipals(ctx, s.principal);
  const words = s.actions.items.map((a) => actionWord(ctx, a));
  const tests = translateTests(ctx, s.tests);
  if (ctx.diagnostics.slice(before).some((d) => d.severity === "error") || principals === undefined || tests === undefined) return undefined;
  if (s.sid !== undefined) {
    const message = s.sid.text === "" ? "an empty `Sid` is not kept" : "a `trust` has no label, so this `Sid` is kept only as a comment";
    ctx.diagnostics.push(diagnostic("DroppedElement", s.sid.span, message, { hint: "a Sid changes no decision" }));
  }
  const actionTexts = s.actions.items.map((a) => a.text);
  const fallback = defaultAction(s.principal);
  const defaulted = actionTexts.length === 1 && actionTexts[0] === fallback;
  const comment = s.sid !== undefined && s.sid.text !== "" ? `// Sid: ${oneLine(s.sid.text)}\n` : "";
  const text = concat(
    s.effect === "Deny" ? "deny trust " : "trust ",
    join(principals.map((p) => p.text), ", "),
    defaulted ? "" : concat(" to ", join(words as MappedText[], ", ")),
    whenClause(tests.map((t) => t.text)),
  );
  return {
    text: concat(comment, text.from(s.span)),
    expected: {
      effect: s.effect,
      principal: expectedPrincipal(principals),
      actions: { not: false, values: [...new Set(actionTexts)] },
      conditions: tests.map((t) => t.expected),
      span: s.span,
    },
  };
}

/**
 * The action arp's `trust` assumes when no `to` is written, as `checkTrust` decides it: each
 * principal's own way's action. Undefined when the principals use different ways, since arp
 * then writes one statement per way.
 */
function defaultAction(principal: ImportedPrincipal | undefined): string | undefined {
  const ways = new Set((principal?.entries ?? []).map((e) => wayOf(e.field, e.value.text)));
  if (principal?.anyone === true || ways.size === 0) ways.add("assume");
  return ways.size === 1 ? DEFAULT_TRUST_ACTION[[...ways][0] as TrustWay] : undefined;
}

/** `trust ... to` takes bare action names only. */
function actionWord(ctx: TranslateContext, a: Located): MappedText | undefined {
  const word = renderWord([{ kind: "text", text: a.text }]);
  if (word === undefined) return notImportable(ctx, a.span, `\`${a.text}\` is not an action arp can name in a \`trust\``);
  return verbatim(word, a.span);
}

function translatePrincipals(ctx: TranslateContext, p: ImportedPrincipal): TranslatedPrincipal[] | undefined {
  if (p.anyone) return [{ text: mapped("anyone", p.span), field: "AWS", iam: "*" }];
  const out: TranslatedPrincipal[] = [];
  let ok = true;
  for (const { field, value } of p.entries) {
    const r = field === "CanonicalUser"
      ? notImportable(ctx, value.span, "arp's `trust` names services, accounts, IAM ARNs and federated providers, not canonical users",
        "a canonical user identifies an account to Amazon S3; trust the account with `{ \"AWS\": \"111122223333\" }` instead")
      : translatePrincipal(ctx, field, value);
    if (r === undefined) ok = false;
    else out.push(r);
  }
  return ok ? out : undefined;
}

function partition(ctx: TranslateContext): string {
  return ctx.params.partition ?? "aws";
}

function translatePrincipal(ctx: TranslateContext, field: Field, value: Located): TranslatedPrincipal | undefined {
  if (value.text.includes("${")) {
    return notImportable(ctx, value.span, "IAM does not substitute policy variables in a `Principal`, and arp cannot write this text literally there");
  }
  const text = value.text;
  if (field === "Service") return { text: mapped(`service ${quote(text)}`, value.span), field, iam: text };
  if (field === "Federated") return { text: mapped(`federated ${quote(text)}`, value.span), field, iam: text };
  const root = /^arn:([^:]+):iam::(\d{12}):root$/.exec(text);
  const account = ACCOUNT.test(text) || text === "*" ? text : root?.[1] === partition(ctx) ? root[2] : undefined;
  if (account !== undefined) {
    const iam = account === "*" ? "*" : `arn:${partition(ctx)}:iam::${account}:root`;
    const written = ctx.params.account === account ? '"${account}"' : quote(account);
    return { text: mapped(`account ${written}`, value.span), field, iam };
  }
  const parts = partsOrReport(ctx, fromIamArn(text, false, ctx.params), value.span);
  if (parts === undefined) return undefined;
  return { text: mapped(`arn ${renderString(parts)}`, value.span), field, iam: iamTextOf(parts, ctx.params) };
}

function expectedPrincipal(principals: readonly TranslatedPrincipal[]): IamPrincipal {
  if (principals.some((p) => p.text.text === "anyone")) return "*";
  const out: Partial<Record<Field, string | string[]>> = {};
  for (const field of ["AWS", "Service", "Federated"] as const) {
    const values = [...new Set(principals.filter((p) => p.field === field).map((p) => p.iam))];
    if (values.length > 0) out[field] = values.length === 1 ? (values[0] as string) : values;
  }
  return out;
}
