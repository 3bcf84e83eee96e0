/**
 * CST → AST for policy tests: `test "name" [for P, ...] { expect ... }`.
 */
import type { ContextEntry, Expectation, TestDecl } from "./ast.js";
import { type BuildContext, first, isReal, nodeSpan } from "./buildContext.js";
import { buildKeyRef, buildValue } from "./buildConditions.js";
import type { AsPrincipalCstNode, ContextEntryCstNode, ExpectationCstNode, TestDeclCstNode } from "./cst.js";
import { identifier, stringLiteral, targetPattern } from "./templateParts.js";

/** `test "name" [for P, ...] { expectations }`; `policies` is absent unless `for` was written. */
export function buildTest(ctx: BuildContext, node: TestDeclCstNode, at: number): TestDecl {
  const c = node.children;
  const span = nodeSpan(ctx, node, at);
  const policies = (c.Name ?? []).filter(isReal).map((n) => identifier(ctx, n, span.end));
  return {
    kind: "Test",
    name: stringLiteral(ctx, first(c.StringLiteral), span.start),
    ...(c.For !== undefined ? { policies } : {}),
    expectations: (c.expectation ?? []).map((e) => buildExpectation(ctx, e, span.end)),
    span,
  };
}

function buildExpectation(ctx: BuildContext, node: ExpectationCstNode, at: number): Expectation {
  const c = node.children;
  const span = nodeSpan(ctx, node, at);
  const [action, resource] = c.target ?? [];
  const principal = first(c.asPrincipal);
  return {
    kind: "Expect",
    decision: c.Implicit ? "implicit deny" : c.Explicit ? "explicit deny" : c.Deny ? "deny" : "allow",
    action: targetPattern(ctx, targetToken(action), span.end),
    resource: targetPattern(ctx, targetToken(resource), span.end),
    ...(principal !== undefined ? { principal: buildAsPrincipal(ctx, principal, span.end) } : {}),
    context: (c.contextEntry ?? []).map((e) => buildContextEntry(ctx, e, span.end)),
    span,
  };
}

function targetToken(node: ExpectationCstNode["children"]["target"][number] | undefined) {
  return first(node?.children.Word) ?? first(node?.children.StringLiteral);
}

/** `as user alice`, `as role R` or `as "arn:..."`. */
function buildAsPrincipal(ctx: BuildContext, node: AsPrincipalCstNode, at: number): NonNullable<Expectation["principal"]> {
  const c = node.children;
  const span = nodeSpan(ctx, node, at);
  if (c.User !== undefined) return { form: "user", value: identifier(ctx, first(c.Name), span.end), span };
  if (c.Role !== undefined) return { form: "role", value: identifier(ctx, first(c.Name), span.end), span };
  return { form: "arn", value: stringLiteral(ctx, first(c.StringLiteral), span.end), span };
}

function buildContextEntry(ctx: BuildContext, node: ContextEntryCstNode, at: number): ContextEntry {
  const span = nodeSpan(ctx, node, at);
  const key = buildKeyRef(ctx, first(node.children.keyRef), span.start);
  return { kind: "ContextEntry", key, value: buildValue(ctx, first(node.children.value), span.end), span };
}
