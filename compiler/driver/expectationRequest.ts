/**
 * Turns a test's `expect ... on ... as ... with ...` into a runtime request. Shorthand
 * resources and `as user NAME` need a concrete account and region: a test uses the file's
 * parameters where they are concrete and `123456789012` / `us-east-1` where they are `*`.
 */
import type { Expectation, Pattern } from "../../grammar/ast.js";
import type { ContextValue, Request } from "../../runtime/types.js";
import { checkValues } from "../check/checkValues.js";
import { report, type CheckContext, type ParamValue } from "../check/context.js";
import { familyOf } from "../check/operatorsForType.js";
import { resolveAction } from "../check/resolveActions.js";
import { resolveKey } from "../check/resolveKey.js";
import { resolveParts } from "../check/resolveTemplate.js";
import { resolveResources } from "../check/resolveResources.js";

export const TEST_ACCOUNT = "123456789012";
export const TEST_REGION = "us-east-1";

/** The file's parameters with `*` replaced by concrete test values. */
export function testContext(ctx: CheckContext): CheckContext {
  const params = new Map<string, ParamValue>(ctx.params);
  const concrete = (name: string, fallback: string) => {
    const p = params.get(name);
    if (p === undefined || p.value.includes("*")) params.set(name, { name, value: fallback });
  };
  concrete("account", TEST_ACCOUNT);
  concrete("region", TEST_REGION);
  return { ...ctx, params };
}

export function expectationRequest(ctx: CheckContext, expectation: Expectation): Request | undefined {
  const before = ctx.diagnostics.length;
  const action = actionOf(ctx, expectation.action);
  const resource = resourceOf(ctx, expectation.resource);
  const principal = principalOf(ctx, expectation);
  const context = new Map<string, ContextValue>();
  for (const entry of expectation.context) {
    const key = resolveKey(ctx, entry.key, []);
    if (key === undefined) continue;
    const { family, multi } = familyOf(key.type);
    const values = checkValues(ctx, entry.value, family === "Bool" || family === "String" ? family : "String", key.name);
    if (values === undefined) continue;
    context.set(key.name, multi || entry.value.kind === "List" ? values : (values[0] as string));
  }
  if (ctx.diagnostics.length > before || action === undefined || resource === undefined || principal === undefined) return undefined;
  // `Object.fromEntries` defines own properties, so no key name (even `__proto__`) reaches a prototype.
  return { principal, action, resource, context: Object.fromEntries(context) };
}

function actionOf(ctx: CheckContext, pattern: Pattern): string | undefined {
  if (/[*?]/.test(pattern.text) || !/^[\w-]+:[\w-]+$/.test(pattern.text)) {
    report(ctx, "InvalidTestRequest", pattern.span, `a test request names one action, such as \`apprunner:DescribeService\`, not \`${pattern.text}\``);
    return undefined;
  }
  // A typo here would make `expect deny` pass for an action that does not exist.
  return resolveAction(ctx, pattern) === undefined ? undefined : pattern.text;
}

function resourceOf(ctx: CheckContext, pattern: Pattern): string | undefined {
  const resolved = resolveResources(ctx, { kind: "Resources", negated: false, items: [pattern], span: pattern.span });
  const arn = resolved.items[0]?.arn;
  if (arn === undefined) return undefined;
  if (arn !== "*" && /[*?]/.test(arn)) {
    report(ctx, "InvalidTestRequest", pattern.span, `a test request names one resource, not the pattern \`${arn}\``);
    return undefined;
  }
  return arn;
}

function principalOf(ctx: CheckContext, e: Expectation): string | undefined {
  const partition = ctx.params.get("partition")?.value ?? "aws";
  const account = ctx.params.get("account")?.value ?? TEST_ACCOUNT;
  const p = e.principal;
  if (p === undefined) return `arn:${partition}:iam::${account}:user/arp-test`;
  if (p.form === "arn") {
    const text = p.value.kind === "String" ? resolveParts(ctx, p.value.parts)?.text : p.value.name;
    if (text !== undefined && !text.startsWith("arn:")) {
      report(ctx, "InvalidTestRequest", p.span, `\`${text}\` is not a principal ARN`);
      return undefined;
    }
    return text;
  }
  const name = p.value.kind === "Identifier" ? p.value.name : resolveParts(ctx, p.value.parts)?.text;
  return name === undefined ? undefined : `arn:${partition}:iam::${account}:${p.form}/${name}`;
}
