/**
 * CST → AST for roles (`role Name ["description"] { trust ...  attach ...  policy ... }`), IAM
 * users (`user Name { group ...  attach ...  policy ... }`) and groups (`group Name { attach ...  policy ... }`).
 */
import type { AttachDecl, GroupDecl, GroupItem, RoleDecl, RoleItem, TrustDecl, UserDecl, UserItem } from "./ast.js";
import { type BuildContext, first, isReal, nodeSpan } from "./buildContext.js";
import { buildCondition } from "./buildConditions.js";
import { buildPolicy, buildPrincipalRef } from "./buildPolicies.js";
import type { AttachDeclCstNode, GroupDeclCstNode, RoleDeclCstNode, RoleItemCstNode, TrustDeclCstNode, UserDeclCstNode, UserItemCstNode } from "./cst.js";
import { identifier, isStringToken, stringLiteral, wordPattern } from "./templateParts.js";

/** `role Name ["description"] { items }`; `at` is where a missing role would have been. */
export function buildRole(ctx: BuildContext, node: RoleDeclCstNode, at: number): RoleDecl {
  const c = node.children;
  const span = nodeSpan(ctx, node, at);
  const description = first(c.StringLiteral);
  return {
    kind: "Role",
    name: identifier(ctx, first(c.Name), span.start),
    ...(isReal(description) ? { description: stringLiteral(ctx, description, span.start) } : {}),
    items: (c.roleItem ?? []).flatMap((item) => buildRoleItem(ctx, item, span.end)),
    span,
  };
}

function buildRoleItem(ctx: BuildContext, node: RoleItemCstNode, at: number): RoleItem[] {
  const c = node.children;
  const trust = first(c.trustDecl);
  if (trust !== undefined) return [buildTrust(ctx, trust, at)];
  const attach = first(c.attachDecl);
  if (attach !== undefined) return [buildAttach(ctx, attach, at)];
  const policy = first(c.policyDecl);
  return policy !== undefined ? [buildPolicy(ctx, policy, at)] : [];
}

/** `[deny] trust refs [to actions] [when cond]`; `actions` is absent unless `to` was written. */
function buildTrust(ctx: BuildContext, node: TrustDeclCstNode, at: number): TrustDecl {
  const c = node.children;
  const span = nodeSpan(ctx, node, at);
  const principals = (c.principalRef ?? []).flatMap((p) => buildPrincipalRef(ctx, p, span.end));
  const actions = (c.Word ?? []).filter(isReal).map((w) => wordPattern(ctx, w, span.end));
  return {
    kind: "Trust",
    effect: c.Deny !== undefined ? "deny" : "allow",
    principals,
    ...(c.To !== undefined ? { actions } : {}),
    ...(c.When !== undefined ? { condition: buildCondition(ctx, first(c.condition), span.end) } : {}),
    span,
  };
}

/** `user Name ["description"] { items }`; `at` is where a missing user would have been. */
export function buildUser(ctx: BuildContext, node: UserDeclCstNode, at: number): UserDecl {
  const c = node.children;
  const span = nodeSpan(ctx, node, at);
  const description = first(c.StringLiteral);
  return {
    kind: "User",
    name: identifier(ctx, first(c.Name), span.start),
    ...(isReal(description) ? { description: stringLiteral(ctx, description, span.start) } : {}),
    items: (c.userItem ?? []).flatMap((item) => buildUserItem(ctx, item, span.end)),
    span,
  };
}

function buildUserItem(ctx: BuildContext, node: UserItemCstNode, at: number): UserItem[] {
  const c = node.children;
  const member = first(c.memberOf);
  if (member !== undefined) {
    const span = nodeSpan(ctx, member, at);
    const groups = (member.children.Name ?? []).filter(isReal).map((n) => identifier(ctx, n, span.end));
    return [{ kind: "MemberOf", groups, span }];
  }
  const attach = first(c.attachDecl);
  if (attach !== undefined) return [buildAttach(ctx, attach, at)];
  const policy = first(c.policyDecl);
  return policy !== undefined ? [buildPolicy(ctx, policy, at)] : [];
}

/** `group Name ["description"] { items }`; `at` is where a missing group would have been. */
export function buildGroup(ctx: BuildContext, node: GroupDeclCstNode, at: number): GroupDecl {
  const c = node.children;
  const span = nodeSpan(ctx, node, at);
  const description = first(c.StringLiteral);
  const items = (c.groupItem ?? []).flatMap((item): GroupItem[] => {
    const attach = first(item.children.attachDecl);
    if (attach !== undefined) return [buildAttach(ctx, attach, span.end)];
    const policy = first(item.children.policyDecl);
    return policy !== undefined ? [buildPolicy(ctx, policy, span.end)] : [];
  });
  return {
    kind: "Group",
    name: identifier(ctx, first(c.Name), span.start),
    ...(isReal(description) ? { description: stringLiteral(ctx, description, span.start) } : {}),
    items,
    span,
  };
}

/** `attach Name` gives an Identifier, `attach "arn:..."` a StringLiteral. */
function buildAttach(ctx: BuildContext, node: AttachDeclCstNode, at: number): AttachDecl {
  const span = nodeSpan(ctx, node, at);
  const token = first(node.children.Name);
  const target =
    isReal(token) && isStringToken(token)
      ? stringLiteral(ctx, token, span.end)
      : identifier(ctx, token, span.end);
  return { kind: "Attach", target, span };
}
