/**
 * CST → AST for policies and their statements: `policy`, `use`, and
 * `["Label":] allow|deny actions [on|not on resources] [principal ...] [when cond]`.
 */
import { diagnostic } from "./diagnostics/codes.js";
import type {
  ActionClause,
  PolicyDecl,
  PolicyItem,
  PrincipalClause,
  PrincipalRef,
  ResourceClause,
  Statement,
  UseStatement,
} from "./ast.js";
import { type BuildContext, first, isReal, nodeSpan, tokenSpan } from "./buildContext.js";
import { buildCondition } from "./buildConditions.js";
import type {
  ActionsCstNode,
  PolicyDeclCstNode,
  PolicyItemCstNode,
  PrincipalRefCstNode,
  PrincipalsCstNode,
  ResourcesCstNode,
  StatementCstNode,
  TargetCstNode,
  UseStatementCstNode,
} from "./cst.js";
import { identifier, stringLiteral, targetPattern } from "./templateParts.js";

/** `policy Name ["description"] { items }`; `at` is where a missing policy would have been. */
export function buildPolicy(ctx: BuildContext, node: PolicyDeclCstNode, at: number): PolicyDecl {
  const c = node.children;
  const span = nodeSpan(ctx, node, at);
  const description = first(c.StringLiteral);
  const items = (c.policyItem ?? []).flatMap((item) => buildPolicyItem(ctx, item, span.end));
  return {
    kind: "Policy",
    name: identifier(ctx, first(c.Name), span.start),
    ...(isReal(description) ? { description: stringLiteral(ctx, description, span.start) } : {}),
    items,
    span,
  };
}

function buildPolicyItem(ctx: BuildContext, node: PolicyItemCstNode, at: number): PolicyItem[] {
  const statement = first(node.children.statement);
  if (statement !== undefined) return [buildStatement(ctx, statement, at)];
  const use = first(node.children.useStatement);
  return use !== undefined ? [buildUse(ctx, use, at)] : [];
}

/** `use PolicyName` */
export function buildUse(ctx: BuildContext, node: UseStatementCstNode, at: number): UseStatement {
  const span = nodeSpan(ctx, node, at);
  return { kind: "Use", name: identifier(ctx, first(node.children.Name), span.end), span };
}

/** One statement; parts lost to recovery become empty placeholders or are left out. */
export function buildStatement(ctx: BuildContext, node: StatementCstNode, at: number): Statement {
  const c = node.children;
  const span = nodeSpan(ctx, node, at);
  const label = first(c.StringLiteral);
  const effectToken = first(c.Allow) ?? first(c.Deny);
  const effectSpan = tokenSpan(ctx, effectToken, span.start);
  const resources = first(c.resources);
  const principals = first(c.principals);
  return {
    kind: "Statement",
    ...(isReal(label) ? { label: stringLiteral(ctx, label, span.start) } : {}),
    effect: c.Deny !== undefined ? "deny" : "allow",
    effectSpan,
    actions: buildActions(ctx, first(c.actions), effectSpan.end),
    ...(resources !== undefined ? { resources: buildResources(ctx, resources, span.end) } : {}),
    ...(principals !== undefined ? { principals: buildPrincipals(ctx, principals, span.end) } : {}),
    ...(c.When !== undefined ? { condition: buildCondition(ctx, first(c.condition), span.end) } : {}),
    span,
  };
}

/** `a, b` or `* except a, b`; `except` after anything but `*` is reported here, not by the parser. */
function buildActions(ctx: BuildContext, node: ActionsCstNode | undefined, at: number): ActionClause {
  const span = nodeSpan(ctx, node, at);
  const targets = node?.children.target ?? [];
  const except = first(node?.children.Except);
  if (except === undefined) return { kind: "Actions", except: false, items: buildTargets(ctx, targets, span.end), span };
  const [head] = buildTargets(ctx, targets.slice(0, 1), span.start);
  if (head !== undefined && head.text !== "*") {
    ctx.diagnostics.push(
      diagnostic("UnexpectedToken", tokenSpan(ctx, except, span.start), `only \`*\` can come before \`except\`, found \`${head.text}\``, {
        hint: "write `* except a, b` to allow or deny every action but `a` and `b`",
      }),
    );
  }
  return { kind: "Actions", except: true, items: buildTargets(ctx, targets.slice(1), span.end), span };
}

function buildResources(ctx: BuildContext, node: ResourcesCstNode, at: number): ResourceClause {
  const span = nodeSpan(ctx, node, at);
  const items = buildTargets(ctx, node.children.target, span.end);
  const head = items[0];
  if (node.children.On === undefined && head !== undefined) {
    ctx.diagnostics.push(
      diagnostic("UnexpectedToken", head.span, `expected \`on\` before the resources, found \`${head.text}\``, {
        hint: `write \`on ${head.text}\`, or a \`,\` before it if it is another action`,
      }),
    );
  }
  return { kind: "Resources", negated: node.children.Not !== undefined, items, span };
}

function buildPrincipals(ctx: BuildContext, node: PrincipalsCstNode, at: number): PrincipalClause {
  const span = nodeSpan(ctx, node, at);
  const items = (node.children.principalRef ?? []).flatMap((p) => buildPrincipalRef(ctx, p, span.end));
  return { kind: "Principals", items, span };
}

/** Targets as patterns, leaving out those recovery invented (they have no text to check). */
export function buildTargets(ctx: BuildContext, nodes: readonly TargetCstNode[] | undefined, at: number) {
  return (nodes ?? []).flatMap((n) => {
    const token = first(n.children.Word) ?? first(n.children.StringLiteral);
    return isReal(token) ? [targetPattern(ctx, token, at)] : [];
  });
}

/** `service "..."`, `account "..."`, `arn "..."`, `federated "..."` or `anyone`. */
export function buildPrincipalRef(ctx: BuildContext, node: PrincipalRefCstNode, at: number): PrincipalRef[] {
  const c = node.children;
  const span = nodeSpan(ctx, node, at);
  if (c.Anyone !== undefined) return [{ kind: "Principal", principalKind: "anyone", span }];
  const principalKind = c.Service ? "service" : c.Account ? "account" : c.Arn ? "arn" : c.Federated ? "federated" : undefined;
  if (principalKind === undefined) return [];
  return [{ kind: "Principal", principalKind, value: stringLiteral(ctx, first(c.StringLiteral), span.end), span }];
}
