/**
 * Resources and actions as arp patterns. An App Runner ARN whose partition, region and account
 * are what the parameters say becomes its shorthand (`service/web/*`); any other ARN is written
 * out, its region and account as `${region}`/`${account}` where those parameters match.
 */
import { expandShorthand } from "../catalog/index.js";
import { fromIamArn, fromIamText, iamTextOf, renderPattern, type ArpPart, type ImportParams } from "./iamText.js";
import { mapped, verbatim, type MappedText } from "./mappedText.js";
import type { Located } from "./policyModel.js";
import { notImportable, partsOrReport, type TranslateContext } from "./translateContext.js";

export interface TranslatedItem {
  readonly text: MappedText;
  /** The IAM text the compiler emits for it. */
  readonly iam: string;
}

/** Values the compiler fills an App Runner shorthand's ARN with. */
function shorthandParams(params: ImportParams): { partition: string; region: string; account: string } {
  return { partition: params.partition ?? "aws", region: params.region ?? "*", account: params.account ?? "*" };
}

/** The shorthand that expands back to exactly `arn`, if there is one. */
export function shorthandOf(arn: string, params: ImportParams): string | undefined {
  const segments = arn.split(":");
  if (segments.length < 6 || segments[0] !== "arn" || segments[2] !== "apprunner") return undefined;
  const rest = segments.slice(5).join(":");
  const expanded = expandShorthand(rest, shorthandParams(params));
  return expanded !== undefined && !("error" in expanded) && expanded.arn === arn ? rest : undefined;
}

export function translateResource(ctx: TranslateContext, r: Located): TranslatedItem | undefined {
  const shorthand = r.text.startsWith("arn:") && !r.text.split(":").slice(0, 5).some((s) => s.includes("$"))
    ? shorthandOf(r.text, ctx.params)
    : undefined;
  const parts: ArpPart[] | undefined = partsOrReport(ctx,
    shorthand !== undefined ? fromIamText(shorthand, ctx.variables) : fromIamArn(r.text, ctx.variables, ctx.params), r.span);
  if (parts === undefined) return undefined;
  const iam = shorthand !== undefined ? r.text.slice(0, r.text.length - shorthand.length) + iamTextOf(parts, ctx.params) : iamTextOf(parts, ctx.params);
  const text = renderPattern(parts);
  return { text: text === r.text ? verbatim(text, r.span) : mapped(text, r.span), iam };
}

export function translateAction(ctx: TranslateContext, a: Located): TranslatedItem | undefined {
  if (a.text.includes("${")) {
    return notImportable(ctx, a.span, `an action cannot contain a policy variable: \`${a.text}\``);
  }
  const parts = partsOrReport(ctx, fromIamText(a.text, false), a.span);
  if (parts === undefined) return undefined;
  const text = renderPattern(parts);
  return { text: text === a.text ? verbatim(text, a.span) : mapped(text, a.span), iam: a.text };
}
