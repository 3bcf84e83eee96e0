/**
 * Turns `${name}` interpolations and `$name` variables into IAM text: parameters become their
 * value at compile time, arp's variable aliases and IAM keys become IAM policy variables
 * (`${aws:username}`), and `${*}`, `${?}`, `${$}` stay IAM's escapes.
 */
import { closest, distance } from "fastest-levenshtein";
import type { Interpolation, TemplatePart, VariableRef } from "../../grammar/ast.js";
import type { Span } from "../../grammar/diagnostics/diagnostic.js";
import { report, type CheckContext, type ParamValue } from "./context.js";
import { aliasNames, iamKeyForAlias } from "./policyVariables.js";

/** Resolved text. `dynamic` is true when it holds an IAM policy variable evaluated per request. */
export interface ResolvedText {
  readonly text: string;
  readonly dynamic: boolean;
}

const IAM_ESCAPES = new Set(["*", "?", "$"]);

/** Resolves a string's or pattern's parts; undefined when any part failed (already reported). */
export function resolveParts(ctx: CheckContext, parts: readonly TemplatePart[]): ResolvedText | undefined {
  let text = "";
  let dynamic = false;
  let failed = false;
  for (const part of parts) {
    if (part.kind === "Text") {
      text += literalText(part.text);
      continue;
    }
    const r = resolveInterpolation(ctx, part);
    if (r === undefined) failed = true;
    else {
      text += r.text;
      dynamic ||= r.dynamic;
    }
  }
  return failed ? undefined : { text, dynamic };
}

/**
 * The first parameter of `parts` that is only a stand-in (`param account` declared without a
 * value and not set, compiler/check/context.ts). Where the built-in `*` would change what the
 * text means rather than widen a pattern (a trusted account, an attached policy's ARN), the
 * value must be given.
 */
export function placeholderIn(ctx: CheckContext, parts: readonly TemplatePart[]): ParamValue | undefined {
  for (const part of parts) {
    if (part.kind !== "Interpolation") continue;
    const param = ctx.params.get(part.name);
    if (param?.placeholder === true) return param;
  }
  return undefined;
}

/**
 * Literal text as IAM must read it. A `${` that the user escaped (`"\${x}"`) would start a
 * policy variable in IAM, so its `$` is written as IAM's escape `${$}`.
 */
export function literalText(text: string): string {
  return text.replaceAll("${", "${$}{");
}

function resolveInterpolation(ctx: CheckContext, part: Interpolation): ResolvedText | undefined {
  return resolveName(ctx, part.name, part.span, part.defaultValue);
}

/** Resolves `$path` (with an optional `?? "default"`). */
export function resolveVariable(ctx: CheckContext, v: VariableRef): ResolvedText | undefined {
  let fallback: string | undefined;
  if (v.defaultValue !== undefined) {
    const d = resolveParts(ctx, v.defaultValue.parts);
    if (d === undefined) return undefined;
    if (d.dynamic) {
      report(ctx, "InvalidValue", v.defaultValue.span, "a variable's default value must be plain text");
      return undefined;
    }
    fallback = d.text;
  }
  return resolveName(ctx, v.path, v.span, fallback);
}

/**
 * Resolves one name. Parameters win over aliases so that a user's `param user` is honoured;
 * names with a `:` are IAM keys and must be known to the catalog.
 */
export function resolveName(
  ctx: CheckContext,
  name: string,
  span: Span,
  fallback?: string,
): ResolvedText | undefined {
  if (IAM_ESCAPES.has(name)) return { text: `\${${name}}`, dynamic: false };
  const param = ctx.params.get(name);
  if (param?.unset === true) return undefined;
  if (param !== undefined) return { text: param.value, dynamic: false };
  const iamKey = iamKeyForAlias(name) ?? (name.includes(":") ? knownKey(ctx, name, span) : undefined);
  if (iamKey === undefined) {
    if (!name.includes(":")) reportUndefined(ctx, name, span);
    return undefined;
  }
  if (fallback === undefined) return { text: `\${${iamKey}}`, dynamic: true };
  if (fallback.includes("'") || fallback.includes("}")) {
    report(ctx, "InvalidValue", span, `a default value cannot contain \`'\` or \`}\` in IAM: \`${fallback}\``);
    return undefined;
  }
  return { text: `\${${iamKey}, '${fallback}'}`, dynamic: true };
}

function knownKey(ctx: CheckContext, name: string, span: Span): string | undefined {
  const key = ctx.catalog.conditionKey(name);
  // "You can't use a multivalued condition key as a variable": IAM would never substitute it.
  if (key !== undefined && key.type.startsWith("ArrayOf")) {
    report(ctx, "UndefinedVariable", span, `\`${name}\` can carry several values, so IAM cannot use it as a policy variable`, {
      hint: `test it in a condition instead, e.g. \`any ${name} = "..."\``,
    });
    return undefined;
  }
  if (key !== undefined) return name;
  const suggestion = ctx.catalog.suggestConditionKey(name);
  report(ctx, "UndefinedVariable", span, `\`${name}\` is not a known IAM key, so it cannot be a policy variable`, {
    ...(suggestion !== undefined ? { hint: `did you mean \`${suggestion}\`?` } : {}),
  });
  return undefined;
}

function reportUndefined(ctx: CheckContext, name: string, span: Span): void {
  const candidates = [...ctx.params.keys(), ...aliasNames()];
  const best = candidates.length > 0 ? closest(name, candidates) : undefined;
  const hint =
    best !== undefined && isClose(name, best)
      ? `did you mean \`$${best}\`?`
      : "declare it with `param " + name + "`, or use a policy variable such as `$user` or `$principal.tag.KEY`";
  report(ctx, "UndefinedVariable", span, `\`$${name}\` is not a parameter or a policy variable`, { hint });
}

function isClose(a: string, b: string): boolean {
  return distance(a, b) <= Math.max(2, Math.floor(Math.max(a.length, b.length) / 3));
}
