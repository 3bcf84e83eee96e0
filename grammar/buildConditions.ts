/**
 * CST → AST for conditions, condition keys and values. `and`/`or` chains are flattened into
 * one node with two or more operands; a single operand is returned as itself, so parentheses
 * leave no trace in the tree.
 */
import { diagnostic } from "./diagnostics/codes.js";
import type {
  Comparison,
  CompareOperator,
  Condition,
  KeyRef,
  ListLiteral,
  ScalarValue,
  Value,
} from "./ast.js";
import { type BuildContext, first, isReal, nodeSpan, tokenSpan } from "./buildContext.js";
import type {
  AndExprCstNode,
  CompOpCstNode,
  ComparisonCstNode,
  ConditionCstNode,
  CondTestCstNode,
  KeyRefCstNode,
  ListCstNode,
  NotExprCstNode,
  PrimaryCstNode,
  ScalarCstNode,
  TagNameCstNode,
  ValueCstNode,
} from "./cst.js";
import { nameText, stringLiteral, wordPattern } from "./templateParts.js";

/** `a or b or c`; `at` is where a missing condition would have been. */
export function buildCondition(ctx: BuildContext, node: ConditionCstNode | undefined, at: number): Condition {
  const span = nodeSpan(ctx, node, at);
  const operands = (node?.children.andExpr ?? []).map((n) => buildAnd(ctx, n, span.end));
  return flatten("Or", operands, span);
}

function buildAnd(ctx: BuildContext, node: AndExprCstNode, at: number): Condition {
  const span = nodeSpan(ctx, node, at);
  const operands = (node.children.notExpr ?? []).map((n) => buildNot(ctx, n, span.end));
  return flatten("And", operands, span);
}

/** One operand stays itself; none (after recovery) becomes a placeholder truthy test. */
function flatten(kind: "And" | "Or", operands: Condition[], span: KeyRef["span"]): Condition {
  if (operands.length === 1) return operands[0]!;
  if (operands.length === 0) return { kind: "Truthy", key: { kind: "Key", form: "raw", name: "", span }, span };
  return { kind, operands, span };
}

function buildNot(ctx: BuildContext, node: NotExprCstNode, at: number): Condition {
  const span = nodeSpan(ctx, node, at);
  const inner = first(node.children.notExpr);
  if (node.children.Not !== undefined) {
    return { kind: "Not", operand: inner ? buildNot(ctx, inner, span.end) : buildCondition(ctx, undefined, span.end), span };
  }
  return buildPrimary(ctx, first(node.children.primary), span.end);
}

function buildPrimary(ctx: BuildContext, node: PrimaryCstNode | undefined, at: number): Condition {
  const span = nodeSpan(ctx, node, at);
  const test = first(node?.children.condTest);
  if (test !== undefined) return buildCondTest(ctx, test, span.end);
  return buildCondition(ctx, first(node?.children.condition), span.end);
}

function buildCondTest(ctx: BuildContext, node: CondTestCstNode, at: number): Condition {
  const c = node.children;
  const span = nodeSpan(ctx, node, at);
  const key = buildKeyRef(ctx, first(c.keyRef), span.start);
  const quantifier = c.Any ? ("any" as const) : c.All ? ("all" as const) : undefined;
  const comparison = first(c.comparison);
  if (comparison !== undefined) return buildComparison(ctx, comparison, key, quantifier, span);
  const setOp = first(c.Within) ?? first(c.Include);
  if (setOp !== undefined) {
    // `within` = every value is in the list, `include` = some value is: IAM's ForAll/ForAny.
    return {
      kind: "Compare",
      quantifier: c.Within ? "all" : "any",
      key,
      operator: "in",
      operatorSpan: tokenSpan(ctx, setOp, span.end),
      value: buildValue(ctx, first(c.value), span.end),
      ignoreCase: false,
      ifExists: false,
      span,
    };
  }
  const quantifierToken = first(c.Any) ?? first(c.All);
  if (quantifierToken !== undefined) {
    // Dropping it silently would change meaning: `all K exists` is not `K exists` in IAM.
    ctx.diagnostics.push(diagnostic("UnexpectedToken", tokenSpan(ctx, quantifierToken, span.start),
      `\`${quantifierToken.image}\` qualifies a comparison such as \`${quantifierToken.image} ${key.name || "K"} in [...]\`, not ${c.Exists || c.Missing ? "`exists` or `missing`" : "a bare key"}`,
      { hint: "remove it, or compare the key with values" }));
  }
  if (c.Exists || c.Missing) return { kind: "Exists", key, missing: c.Missing !== undefined, span };
  return { kind: "Truthy", key, span };
}

function buildComparison(
  ctx: BuildContext,
  node: ComparisonCstNode,
  key: KeyRef,
  quantifier: "any" | "all" | undefined,
  span: KeyRef["span"],
): Comparison {
  const c = node.children;
  const op = first(c.compOp);
  const ifToken = first(c.If);
  const ifExistsSpan = ifToken === undefined
    ? undefined
    : { ...tokenSpan(ctx, ifToken, span.end), end: tokenSpan(ctx, first(c.Exists), span.end).end };
  return {
    kind: "Compare",
    ...(quantifier !== undefined ? { quantifier } : {}),
    key,
    operator: compareOperator(op),
    operatorSpan: nodeSpan(ctx, op, span.end),
    value: buildValue(ctx, first(c.value), span.end),
    ignoreCase: c.Ignoring !== undefined,
    ifExists: c.If !== undefined,
    ...(ifExistsSpan !== undefined ? { ifExistsSpan } : {}),
    span,
  };
}

function compareOperator(node: CompOpCstNode | undefined): CompareOperator {
  const c = node?.children;
  if (c === undefined) return "=";
  if (c.Not) return c.Like ? "not like" : "not in";
  if (c.NotEquals) return "!=";
  if (c.Like) return "like";
  if (c.LessEquals) return "<=";
  if (c.Less) return "<";
  if (c.GreaterEquals) return ">=";
  if (c.Greater) return ">";
  if (c.In) return "in";
  return "=";
}

/** `tag K`, `request tag K`, `principal tag K`, `tag keys`, or a raw key such as `aws:SourceIp`. */
export function buildKeyRef(ctx: BuildContext, node: KeyRefCstNode | undefined, at: number): KeyRef {
  const span = nodeSpan(ctx, node, at);
  const c = node?.children;
  if (c === undefined) return { kind: "Key", form: "raw", name: "", span };
  if (c.Principal) return { kind: "Key", form: "principalTag", name: nameText(ctx, first(c.Name)), span };
  const tag = first(c.tagName);
  if (tag !== undefined && tag.children.Keys) return { kind: "Key", form: "tagKeys", name: "", span };
  if (c.Request) return { kind: "Key", form: "requestTag", name: tagNameText(ctx, tag), span };
  if (c.Tag) return { kind: "Key", form: "resourceTag", name: tagNameText(ctx, tag), span };
  return { kind: "Key", form: "raw", name: wordPattern(ctx, first(c.Word), span.start).text, span };
}

function tagNameText(ctx: BuildContext, node: TagNameCstNode | undefined): string {
  return nameText(ctx, first(node?.children.Name));
}

// ---- values ------------------------------------------------------------------------------

/** A scalar or a list; a missing value becomes an empty string at `at`. */
export function buildValue(ctx: BuildContext, node: ValueCstNode | undefined, at: number): Value {
  const list = first(node?.children.list);
  if (list !== undefined) return buildList(ctx, list, at);
  return buildScalar(ctx, first(node?.children.scalar), at);
}

function buildList(ctx: BuildContext, node: ListCstNode, at: number): ListLiteral {
  const span = nodeSpan(ctx, node, at);
  const items = (node.children.scalar ?? []).map((s) => buildScalar(ctx, s, span.end));
  return { kind: "List", items, span };
}

function buildScalar(ctx: BuildContext, node: ScalarCstNode | undefined, at: number): ScalarValue {
  const span = nodeSpan(ctx, node, at);
  const c = node?.children;
  if (c === undefined) return stringLiteral(ctx, undefined, at);
  const number = first(c.NumberLiteral);
  if (isReal(number)) return { kind: "Number", text: number.image, span };
  if (c.True || c.False) return { kind: "Boolean", value: c.True !== undefined, span };
  const variable = first(c.Variable);
  if (isReal(variable)) {
    // In this alternative the only string is the default after `??`.
    const fallback = first(c.StringLiteral);
    return {
      kind: "Variable",
      path: variable.image.slice(1),
      ...(c.DoubleQuestion ? { defaultValue: stringLiteral(ctx, fallback, span.end) } : {}),
      span,
    };
  }
  return stringLiteral(ctx, first(c.StringLiteral), span.start);
}
