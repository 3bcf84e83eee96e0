/**
 * Condition inlining: each operator/key test of a statement becomes a block of straight-line
 * code in the statement's function. Policy values are read at generation time (numbers, dates,
 * IP ranges and base-64 become constants; string, Bool and ARN values become compiled
 * matches), so a request only parses its own values. The quantifier, the missing-key rule and
 * negation are decided here, per condition, following runtime/conditions.ts:
 *
 * - a plain operator holds when any request value matches; its negated form is the exact
 *   negation of that; `ForAnyValue:` needs one request value that passes, `ForAllValues:`
 *   needs every one to (negated operators NOR the policy values);
 * - a missing or null key (the view's `get` returns undefined for both): true under
 *   `ForAllValues:`, false under `ForAnyValue:` (with or without `IfExists`), true under a
 *   plain operator's `IfExists`, else true exactly for negated operators;
 * - a policy value whose variable has no value is dropped, and named in the explanation.
 */
import { EmitContext, lit, usesIdentifier, viewCall } from "./emitContext.js";
import {
  allResolved,
  bindVariables,
  compileMatch,
  globParts,
  Locals,
  required,
  resolveVariables,
  substitutedText,
  type MatchOptions,
  type VariableUse,
} from "./matchers.js";
import type { ConditionPlan } from "./model.js";
import { allowsVariables, type OperatorInfo } from "./operators.js";
import { parsePattern, patternText, type Piece } from "./patterns.js";
import { readBinary, readCidr, readDate, readNumber } from "./values.js";

/** How one request value `x` is tested against every policy value. */
interface ValueTest {
  /** Statements run once per request value before `positive`. */
  readonly prepare: readonly string[];
  /** True when `x` matches at least one (resolved) policy value. */
  readonly positive: string;
  readonly variables: readonly VariableUse[];
  /** Expressions for `expected` and `unresolved` in a failure record. */
  readonly expected: string;
  readonly unresolved: string;
}

/** One policy value after compiling: its test and how it reads in an explanation. */
interface CompiledValue {
  readonly test: string;
  readonly variables: readonly VariableUse[];
  readonly pieces: readonly Piece[];
  readonly exact?: string;
}

const COMPARE: Readonly<Record<string, string>> = {
  equals: "===",
  lessThan: "<",
  lessThanEquals: "<=",
  greaterThan: ">",
  greaterThanEquals: ">=",
};

/** The disjunction of tests, each once (a policy may list a value twice). */
function anyOf(tests: readonly string[]): string {
  const terms = [...new Set(tests)];
  if (terms.length === 0) return "false";
  return terms.length === 1 ? terms[0]! : terms.map((t) => `(${t})`).join(" || ");
}

/** No unresolved variables. */
const NONE = "[]";

/** `expected` and `unresolved` for values that may hold variables (see runtime resolveValues). */
function explanation(values: readonly CompiledValue[], ctx: EmitContext): { expected: string; unresolved: string } {
  if (values.every((v) => v.variables.length === 0)) {
    const texts = values.map((v) => lit(patternText(v.pieces)));
    return { expected: ctx.constant("EXPECTED", "readonly string[]", `[${texts.join(", ")}]`), unresolved: NONE };
  }
  const expected: string[] = [];
  const unresolved: string[] = [];
  for (const v of values) {
    const text = substitutedText(v.pieces, v.variables);
    const needed = required(v.variables);
    if (needed.length === 0) expected.push(text);
    else expected.push(`...(${allResolved(v.variables)} ? [${text}] : [])`);
    for (const r of needed) unresolved.push(`...(${r.local} === undefined ? [${lit(r.written)}] : [])`);
  }
  return { expected: `[${expected.join(", ")}]`, unresolved: `[${unresolved.join(", ")}]` };
}

/** Compiles each policy value of a string, Bool or ARN condition. */
function compileValues(
  c: ConditionPlan,
  variables: boolean,
  wildcards: boolean,
  compile: (pieces: readonly Piece[]) => { expr: string; variables: readonly VariableUse[]; exact?: string },
): CompiledValue[] {
  return c.values.map((value) => {
    const pieces = parsePattern(value, wildcards, variables);
    const m = compile(pieces);
    const test = m.variables.length === 0 ? m.expr : `${allResolved(m.variables)} && ${m.expr}`;
    return { test, variables: m.variables, pieces, ...(m.exact !== undefined ? { exact: m.exact } : {}) };
  });
}

/** Joins value tests; many literal values become one Set look-up. */
function positiveOf(values: readonly CompiledValue[], subject: string, ctx: EmitContext): string {
  const exact = [...new Set(values.filter((v) => v.exact !== undefined).map((v) => v.exact!))];
  const others = values.filter((v) => v.exact === undefined).map((v) => v.test);
  if (exact.length > 6) {
    const set = ctx.constant("SET", "ReadonlySet<string>", `new Set([${exact.join(", ")}])`);
    return anyOf([`${set}.has(${subject})`, ...others]);
  }
  return anyOf([...exact.map((e) => `${subject} === ${e}`), ...others]);
}

/** String operators and Bool: equality, case-folded equality, or glob, with variables. */
function textTest(c: ConditionPlan, info: OperatorInfo, variables: boolean, ctx: EmitContext, locals: Locals): ValueTest {
  const fold = info.comparison === "equalsIgnoreCase" || info.family === "Bool";
  const wildcards = info.comparison === "like";
  const subject = fold ? "lower" : "x";
  const options: MatchOptions = { fold, wildcards };
  const values = compileValues(c, variables, wildcards, (pieces) => compileMatch(pieces, subject, ctx, locals, options));
  return {
    prepare: fold ? ["const lower = lowerCase(x);"] : [],
    positive: positiveOf(values, subject, ctx),
    variables: values.flatMap((v) => v.variables),
    ...explanation(values, ctx),
  };
}

/** Splits pattern pieces at the first five colons of their text: the ARN components. */
function arnComponents(pieces: readonly Piece[]): Piece[][] {
  const components: Piece[][] = [[]];
  for (const p of pieces) {
    if (p.kind !== "text") {
      components[components.length - 1]!.push(p);
      continue;
    }
    let rest = p.text;
    let colon = rest.indexOf(":");
    while (colon >= 0 && components.length < 6) {
      if (colon > 0) components[components.length - 1]!.push({ kind: "text", text: rest.slice(0, colon) });
      components.push([]);
      rest = rest.slice(colon + 1);
      colon = rest.indexOf(":");
    }
    if (rest !== "") components[components.length - 1]!.push({ kind: "text", text: rest });
  }
  return components;
}

/**
 * One ARN pattern. When its components are fixed at generation time (no variable before the
 * sixth component, where a value's colons would move the split) each component is inlined as
 * its own match on `parts<k>`, the request value split into k components; otherwise the
 * components are built per request.
 */
function compileArn(
  pieces: readonly Piece[],
  ctx: EmitContext,
  locals: Locals,
  splits: Set<number>,
): { expr: string; variables: VariableUse[] } {
  const components = arnComponents(pieces);
  const fixed = components.every((comp, i) => i === 5 || comp.every((p) => p.kind !== "var"));
  if (!fixed) {
    const variables = bindVariables(pieces, locals, true);
    return { expr: `arnLike(x, arnOf(${globParts(pieces, variables, ctx)}))`, variables };
  }
  const k = components.length;
  splits.add(k);
  const variables: VariableUse[] = [];
  const checks = components.map((component, i) => {
    const m = compileMatch(component, `parts${k}[${i}]!`, ctx, locals, { wildcards: true });
    variables.push(...m.variables);
    return m.expr;
  });
  const all = checks.filter((e) => e !== "true");
  return { expr: [`parts${k} !== undefined`, ...all].join(" && "), variables };
}

/** ARN operators: colon-separated components, each a glob. */
function arnTest(c: ConditionPlan, variables: boolean, ctx: EmitContext, locals: Locals): ValueTest {
  const splits = new Set<number>();
  const values = compileValues(c, variables, true, (pieces) => compileArn(pieces, ctx, locals, splits));
  return {
    prepare: [...splits].sort((a, b) => a - b).map((k) => `const parts${k} = arnParts(x, ${k});`),
    positive: anyOf(values.map((v) => v.test)),
    variables: values.flatMap((v) => v.variables),
    ...explanation(values, ctx),
  };
}

/** A test over values fixed at generation time (numbers, dates, ranges, bytes). */
function fixedTest(c: ConditionPlan, prepare: string | undefined, terms: readonly string[], ctx: EmitContext): ValueTest {
  const pieces = c.values.map((v) => parsePattern(v, false, false));
  return {
    prepare: prepare === undefined ? [] : [prepare],
    positive: anyOf(terms),
    variables: [],
    ...explanation(pieces.map((p) => ({ test: "", variables: [], pieces: p })), ctx),
  };
}

/** The orders of `dateOrder` (runtime/dates.ts: before 1, equal 2, after 4) each comparison accepts. */
const DATE_ORDERS: Readonly<Record<string, number>> = {
  equals: 2,
  lessThan: 1,
  lessThanEquals: 3,
  greaterThan: 4,
  greaterThanEquals: 6,
};

function orderedTest(c: ConditionPlan, info: OperatorInfo, ctx: EmitContext): ValueTest {
  const numeric = info.family === "Numeric";
  // NaN never compares true, so an unreadable policy value is simply dropped.
  const bounds = c.values.map((v) => (numeric ? readNumber(v) : readDate(v))).filter((n) => !Number.isNaN(n));
  if (numeric) return fixedTest(c, "const n = parseDecimal(x);", bounds.map((n) => `n ${COMPARE[info.comparison]!} ${n}`), ctx);
  // A date is compared inside dateOrder: the instant it reads is a float, which a call could
  // only return as a new heap object.
  return fixedTest(c, undefined, bounds.map((n) => `(dateOrder(x, ${n}) & ${DATE_ORDERS[info.comparison]!}) !== 0`), ctx);
}

function binaryTest(c: ConditionPlan, ctx: EmitContext): ValueTest {
  const terms = [...new Set(c.values.map(readBinary))].map((b) => `bytes === ${lit(b)}`);
  return fixedTest(c, "const bytes = binaryBytes(x);", terms, ctx);
}

function ipTest(c: ConditionPlan, ctx: EmitContext): ValueTest {
  const ranges = c.values.flatMap((v) => {
    const r = readCidr(v);
    return r === undefined ? [] : [ctx.constant("RANGE", "Cidr", `{ groups: [${r.groups.join(", ")}], prefix: ${r.prefix} }`)];
  });
  const unique = [...new Set(ranges)];
  const test = unique.length === 0 ? "false" : `address !== undefined && (${unique.map((r) => `inRange(address, ${r})`).join(" || ")})`;
  return fixedTest(c, "const address = requestAddress(x);", [test], ctx);
}

function valueTest(c: ConditionPlan, info: OperatorInfo, variables: boolean, ctx: EmitContext, locals: Locals): ValueTest {
  const vars = variables && allowsVariables(info.family);
  switch (info.family) {
    case "String":
    case "Bool":
      return textTest(c, info, vars, ctx, locals);
    case "Numeric":
    case "Date":
      return orderedTest(c, info, ctx);
    case "Binary":
      return binaryTest(c, ctx);
    case "IPAddress":
      return ipTest(c, ctx);
    case "ARN":
      return arnTest(c, vars, ctx, locals);
    case "Null":
      throw new Error("valueTest: Null has no per-value test");
  }
}

function failWith(c: ConditionPlan, expected: string, unresolved: string): string {
  return `return why === null ? false : failCondition(why, ${lit(c.operator.written)}, ${lit(c.key)}, ${expected}, values, ${unresolved});`;
}

/** `Null`: "true" holds when the key is null (absent, `[]`, or only ""), "false" when present. */
function nullBlock(c: ConditionPlan, ctx: EmitContext): string[] {
  const wanted = new Set(c.values.map((v) => v.toLowerCase()));
  const terms = [...(wanted.has("true") ? ["values === undefined"] : []), ...(wanted.has("false") ? ["values !== undefined"] : [])];
  const holds = terms.length === 2 ? "true" : terms[0] ?? "false";
  const expected = ctx.constant("EXPECTED", "readonly string[]", `[${c.values.map(lit).join(", ")}]`);
  return [`const values = ${viewCall(ctx, "get", c.lookup, c.key)};`, `if (!(${holds})) ${failWith(c, expected, NONE)}`];
}

/** The body of one condition's block in a statement function. */
export function emitCondition(c: ConditionPlan, variables: boolean, ctx: EmitContext, locals: Locals): string[] {
  const info = c.operator.info;
  if (info === undefined) {
    const detail = `unknown condition operator \`${c.operator.written}\``;
    return [`return why === null ? false : miss(why, { kind: "unresolvable", detail: ${lit(detail)} });`];
  }
  if (info.family === "Null") return nullBlock(c, ctx);
  const test = valueTest(c, info, variables, ctx, locals);
  const { qualifier, ifExists } = c.operator;
  const all = qualifier === "ForAllValues";
  const whenMissing = all || (qualifier === undefined && (ifExists || info.negated));
  // Searching for the request value that settles the condition: see the table in the file comment.
  const init = all || (qualifier === undefined && info.negated);
  const invert = (qualifier === "ForAnyValue" && info.negated) || (all && !info.negated);
  const settles = invert ? `!(${test.positive})` : test.positive;
  // A value parsed for nothing (every policy value unreadable, or none given) is not parsed.
  const prepare = test.prepare.filter((line) => usesIdentifier(test.positive, /^const (\w+)/.exec(line)![1]!));
  const present = "values !== undefined";
  // No policy value can match: a present key settles the condition at its first value, or never.
  const fixed = test.positive === "false" ? [`holds = ${invert ? !init : init};`] : undefined;
  const search = fixed ?? [
    ...(init === whenMissing ? [] : [`holds = ${init};`]),
    `const count = typeof values === "string" ? 1 : values.length;`,
    "for (let k = 0; k < count; k++) {",
    `const x = typeof values === "string" ? values : values[k]!;`,
    ...prepare,
    `if (${settles}) {`,
    `holds = ${!init};`,
    "break;",
    "}",
    "}",
  ];
  return [
    `const values = ${viewCall(ctx, "get", c.lookup, c.key)};`,
    ...resolveVariables(test.variables, ctx),
    `let holds = ${whenMissing};`,
    `if (${present}) {`,
    ...search,
    "}",
    `if (!holds) ${failWith(c, test.expected, test.unresolved)}`,
  ];
}
