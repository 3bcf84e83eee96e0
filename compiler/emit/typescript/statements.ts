/**
 * One function per statement: `(q, why) => boolean`, true when the statement applies to a
 * request whose action already matched (the action index guarantees that). The resource test
 * comes first, then each condition in document order; the first that fails is recorded in
 * `why` when explain() asks, and costs nothing more than a null check when authorize() does.
 */
import { emitCondition } from "./conditions.js";
import { commentText, EmitContext, lit, usesIdentifier } from "./emitContext.js";
import { allResolved, Locals, required, resolveVariables, type CompiledMatch } from "./matchers.js";
import type { StatementPlan } from "./model.js";
import { compileResource } from "./resources.js";
import type { StatementFunction } from "./statementShapes.js";

function resourceMiss(element: "Resource" | "NotResource"): string {
  return `return why === null ? false : miss(why, { kind: "resource", element: ${lit(element)} });`;
}

/** The resource patterns of a statement, compiled against `r` (the request's resource). */
function compileResources(s: StatementPlan, ctx: EmitContext, locals: Locals): CompiledMatch[] {
  return (s.resources?.values ?? []).map((value) => compileResource(value, s.variables, "r", ctx, locals));
}

/** One test over every pattern fixed at generation time; a Set when they are many literals. */
function staticTest(matches: readonly CompiledMatch[], ctx: EmitContext): string | undefined {
  const exact = [...new Set(matches.filter((m) => m.exact !== undefined).map((m) => m.exact!))];
  const others = [...new Set(matches.filter((m) => m.exact === undefined).map((m) => m.expr))];
  const terms =
    exact.length > 6
      ? [`${ctx.constant("SET", "ReadonlySet<string>", `new Set([${exact.join(", ")}])`)}.has(r)`, ...others]
      : [...exact.map((e) => `r === ${e}`), ...others];
  return terms.length === 0 ? undefined : terms.join(" || ");
}

/** Each pattern with variables: its test, false when a variable without default is unresolved. */
function dynamicTest(m: CompiledMatch): string {
  const guard = allResolved(m.variables);
  return guard === "true" ? m.expr : `${guard} && ${m.expr}`;
}

/**
 * When every Resource entry has a variable that did not resolve, the miss is "unresolvable"
 * and names those variables (runtime/statement.ts); otherwise it is a plain resource miss.
 */
function unresolvableResource(varying: readonly CompiledMatch[]): string[] {
  if (varying.some((m) => required(m.variables).length === 0)) return [];
  const each = varying.map((m) => `(${required(m.variables).map((v) => `${v.local} === undefined`).join(" || ")})`);
  const names = varying.flatMap((m) => required(m.variables).map((v) => `...(${v.local} === undefined ? [${lit(v.written)}] : [])`));
  return [
    `if (why !== null && ${each.join(" && ")}) {`,
    `const names = [...new Set([${names.join(", ")}])].map((name) => "\`$" + "{" + name + "}\`").join(", ");`,
    "return miss(why, { kind: \"unresolvable\", detail: `Resource variable ${names} has no value` });",
    "}",
  ];
}

/** A resource test: lines to run, or `never` when no resource can match (`NotResource: "*"`). */
type ResourceCheck = { readonly lines: readonly string[] } | { readonly never: "Resource" | "NotResource" };

/** Tests Resource or NotResource against `r`; no lines when every resource matches. */
function emitResourceCheck(s: StatementPlan, ctx: EmitContext, locals: Locals): ResourceCheck {
  if (s.resources === undefined) return { lines: [] };
  const matches = compileResources(s, ctx, locals);
  const fixed = matches.filter((m) => m.variables.length === 0);
  const varying = matches.filter((m) => m.variables.length > 0);
  const everything = fixed.some((m) => m.expr === "true");
  if (s.resources.not) {
    if (everything) return { never: "NotResource" };
    // An empty NotResource excludes nothing.
    if (matches.length === 0) return { lines: [] };
  } else {
    if (everything) return { lines: [] };
    if (matches.length === 0) return { never: "Resource" };
  }
  const part = matches.some((m) => m.restStart === true) ? ["const part = q.restStart();"] : [];
  return { lines: ["const r = q.resource;", ...part, ...(s.resources.not ? notResourceLines : resourceLines)(fixed, varying, ctx)] };
}

function notResourceLines(fixed: readonly CompiledMatch[], varying: readonly CompiledMatch[], ctx: EmitContext): string[] {
  const lines: string[] = [];
  const test = staticTest(fixed, ctx);
  if (test !== undefined) lines.push(`if (${test}) ${resourceMiss("NotResource")}`);
  if (varying.length === 0) return lines;
  lines.push(...resolveVariables(varying.flatMap((m) => m.variables), ctx));
  lines.push(`if (${varying.map(dynamicTest).join(" || ")}) ${resourceMiss("NotResource")}`);
  return lines;
}

function resourceLines(fixed: readonly CompiledMatch[], varying: readonly CompiledMatch[], ctx: EmitContext): string[] {
  const test = staticTest(fixed, ctx);
  if (varying.length === 0) return [`if (!(${test})) ${resourceMiss("Resource")}`];
  const lines = ["resource: {"];
  if (test !== undefined) lines.push(`if (${test}) break resource;`);
  lines.push(...resolveVariables(varying.flatMap((m) => m.variables), ctx));
  lines.push(`if (${varying.map(dynamicTest).join(" || ")}) break resource;`);
  lines.push(...(fixed.length === 0 ? unresolvableResource(varying) : []), resourceMiss("Resource"), "}");
  return lines;
}

/** A one-line description of a statement for the comment above its function, policy text made safe there. */
function describe(s: StatementPlan): string {
  const sid = s.sid !== undefined ? ` (${s.sid})` : "";
  const where = s.source !== undefined ? ` — ${s.source.file}:${s.source.line}` : "";
  return commentText(`${s.effect} statement ${s.index} of ${s.policy}${sid}${where}`);
}

/** The declaration of statement `s`'s function, named `statement<global index>`. */
export function emitStatementFunction(s: StatementPlan, ctx: EmitContext): string {
  const f = statementFunctionParts(s, ctx);
  return `${f.comment}\nfunction ${f.name}(${f.params}): boolean {\n${f.body}\n}`;
}

/** Statement `s`'s function as parts, for `emitStatementShapes` (statementShapes.ts). */
export function statementFunctionParts(s: StatementPlan, ctx: EmitContext): StatementFunction {
  const locals = new Locals();
  const resources = emitResourceCheck(s, ctx, locals);
  if ("never" in resources) return statementFunction(s, [resourceMiss(resources.never)]);
  const body = [...resources.lines];
  for (const c of s.conditions) {
    body.push("{", ...emitCondition(c, s.variables, ctx, locals), "}");
    // An unknown operator ends the statement: conditions after it are never evaluated.
    if (c.operator.info === undefined) break;
  }
  if (s.conditions.every((c) => c.operator.info !== undefined)) body.push("return true;");
  return statementFunction(s, body);
}

function statementFunction(s: StatementPlan, body: readonly string[]): StatementFunction {
  const code = body.join("\n");
  const usesWhy = usesIdentifier(code, "why");
  const usesView = usesIdentifier(code, "q");
  const params = `${usesView ? "q" : "_q"}: View, ${usesWhy ? "why" : "_why"}: Why | null`;
  return { comment: `/** ${describe(s)} */`, name: `statement${s.global}`, params, body: code };
}

/** The table of statement functions, indexed by global statement index. */
export function emitStatementTable(statements: readonly StatementPlan[]): string {
  const names = statements.map((s) => `statement${s.global}`);
  return `const STATEMENTS: readonly ((q: View, why: Why | null) => boolean)[] = [${names.join(", ")}];`;
}
