/**
 * CST → AST for a whole file: declarations in source order, plus the comments. The builders
 * for each concept live beside this one: `buildPolicies`, `buildRoles`, `buildTests`,
 * `buildConditions`, `templateParts`. Whether a file mixes bare statements with `policy` blocks
 * (ARP1005) is decided by `compiler/collectPolicies.ts`, which sees the whole tree.
 */
import type { Comment, ImportDecl, ParamDecl, SourceFile, TopLevelItem } from "./ast.js";
import { type BuildContext, first, isReal, makeSpan, nodeSpan } from "./buildContext.js";
import { buildPolicy, buildStatement, buildUse } from "./buildPolicies.js";
import { buildGroup, buildRole, buildUser } from "./buildRoles.js";
import { buildTest } from "./buildTests.js";
import type { FileCstNode, ImportDeclCstNode, ParamDeclCstNode, TopLevelItemCstNode } from "./cst.js";
import { identifier, stringLiteral } from "./templateParts.js";

/** Builds the file node; `comments` come from the lexer's comment group. */
export function buildSourceFile(ctx: BuildContext, cst: FileCstNode | undefined, comments: readonly Comment[]): SourceFile {
  const items = (cst?.children.topLevelItem ?? []).flatMap((item) => buildTopLevelItem(ctx, item));
  return { kind: "File", items, comments, span: makeSpan(ctx, 0, ctx.text.length) };
}

function buildTopLevelItem(ctx: BuildContext, node: TopLevelItemCstNode): TopLevelItem[] {
  const c = node.children;
  const at = nodeSpan(ctx, node, ctx.text.length).start;
  const param = first(c.paramDecl);
  if (param !== undefined) return [buildParam(ctx, param, at)];
  const imp = first(c.importDecl);
  if (imp !== undefined) return [buildImport(ctx, imp, at)];
  const policy = first(c.policyDecl);
  if (policy !== undefined) return [buildPolicy(ctx, policy, at)];
  const role = first(c.roleDecl);
  if (role !== undefined) return [buildRole(ctx, role, at)];
  const user = first(c.userDecl);
  if (user !== undefined) return [buildUser(ctx, user, at)];
  const group = first(c.groupDecl);
  if (group !== undefined) return [buildGroup(ctx, group, at)];
  const test = first(c.testDecl);
  if (test !== undefined) return [buildTest(ctx, test, at)];
  const use = first(c.useStatement);
  if (use !== undefined) return [buildUse(ctx, use, at)];
  const statement = first(c.statement);
  return statement !== undefined ? [buildStatement(ctx, statement, at)] : [];
}

/** `param name [= "value"]` */
function buildParam(ctx: BuildContext, node: ParamDeclCstNode, at: number): ParamDecl {
  const c = node.children;
  const span = nodeSpan(ctx, node, at);
  const value = first(c.StringLiteral);
  return {
    kind: "Param",
    name: identifier(ctx, first(c.Name), span.end),
    ...(isReal(value) ? { defaultValue: stringLiteral(ctx, value, span.end) } : {}),
    span,
  };
}

/** `import "path"` */
function buildImport(ctx: BuildContext, node: ImportDeclCstNode, at: number): ImportDecl {
  const span = nodeSpan(ctx, node, at);
  return { kind: "Import", path: stringLiteral(ctx, first(node.children.StringLiteral), span.end), span };
}
