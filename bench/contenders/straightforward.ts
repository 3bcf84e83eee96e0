/**
 * The baseline an index must beat: what a straightforward generator emits for a policy set. A
 * `switch` over the action names (each case lists, in document order, the statements whose
 * Action can match it), the context read once per request into a lower-cased table, and each
 * candidate statement tested in turn: its resource patterns as regular expressions, then its
 * conditions. It knows only the operators the App Runner workload uses
 * (test/support/appRunnerWorkload.ts) and only the actions it is given, and throws on anything
 * else, so it is a contender for that workload alone; the bench checks that it decides every
 * request as the runtime does before timing it.
 */
import type { Decision, IamStatement, Request } from "../../runtime/index.js";
import { compileWildcard } from "../../runtime/index.js";
import type { PolicySource } from "../../compiler/emit/typescript/index.js";
import { APP_RUNNER_ACTIONS } from "../../test/support/appRunnerWorkload.js";
import type { Contender } from "../contenders.js";

const lit = (s: string): string => JSON.stringify(s);

/** A Resource pattern as a regular expression: `*` stays inside one of the first five fields unless it ends one. */
function resourceRegex(pattern: string): string {
  let out = "^";
  let colons = 0;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === ":") colons++;
    const inPrefix = colons < 5;
    const endsField = pattern[i + 1] === ":" || i + 1 === pattern.length;
    if (c === "*") out += inPrefix && !endsField ? "[^:]*" : ".*";
    else if (c === "?") out += inPrefix ? "[^:]" : ".";
    else out += c.replace(/[.+^${}()|[\]\\/]/g, "\\$&");
  }
  return `/${out}$/`;
}

/** One condition value: a literal, or `${key}` read from the context table. */
function valueExpr(value: string): string {
  const variable = /^\$\{([^}]+)\}$/.exec(value);
  return variable === null ? lit(value) : `one(c[${lit(variable[1]!.toLowerCase())}])`;
}

function likeRegex(value: string): string {
  return `/^${value.replace(/[.+^${}()|[\]\\/]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".")}$/`;
}

/** One condition test over `v`, the key's values (an array, or undefined when missing). */
function conditionExpr(operator: string, key: string, values: readonly string[]): string {
  const v = `c[${lit(key.toLowerCase())}]`;
  const list = values.map(valueExpr);
  switch (operator) {
    case "StringEquals":
      return `(${v} !== undefined && ${v}.some((x) => ${list.map((e) => `x === ${e}`).join(" || ")}))`;
    case "StringEqualsIfExists":
      return `(${v} === undefined || ${v}.some((x) => ${list.map((e) => `x === ${e}`).join(" || ")}))`;
    case "StringNotEquals":
      return `(${v} === undefined || !${v}.some((x) => ${list.map((e) => `x === ${e}`).join(" || ")}))`;
    case "StringLike":
      return `(${v} !== undefined && ${v}.some((x) => ${values.map((e) => `${likeRegex(e)}.test(x)`).join(" || ")}))`;
    case "ForAllValues:StringEquals":
      return `(${v} === undefined || ${v}.every((x) => ${list.map((e) => `x === ${e}`).join(" || ")}))`;
    case "ForAnyValue:StringLike":
      return `(${v} !== undefined && ${v}.some((x) => ${values.map((e) => `${likeRegex(e)}.test(x)`).join(" || ")}))`;
    case "Bool":
      return `(${v} !== undefined && ${v}.some((x) => ${values.map((e) => `x.toLowerCase() === ${lit(e.toLowerCase())}`).join(" || ")}))`;
    case "DateLessThan":
      return `(${v} !== undefined && ${v}.some((x) => Date.parse(x) < ${Date.parse(values[0]!)}))`;
    case "IpAddress":
      return `(${v} !== undefined && ${v}.some((x) => ${values.map(cidrExpr).join(" || ")}))`;
    default:
      throw new Error(`the straightforward generator does not know ${operator}`);
  }
}

function cidrExpr(cidr: string): string {
  const [address, bits] = cidr.split("/");
  const mask = Number(bits) === 0 ? 0 : (~0 << (32 - Number(bits))) >>> 0;
  return `((ip4(x) & ${mask}) >>> 0) === ${(ipv4(address!) & mask) >>> 0}`;
}

function ipv4(text: string): number {
  return text.split(".").reduce((n, part) => n * 256 + Number(part), 0);
}

function statementExpr(s: IamStatement): string {
  const resources = [s.Resource ?? []].flat();
  const resourceTest = resources.includes("*") ? "true" : resources.map((r) => `${resourceRegex(r)}.test(r)`).join(" || ");
  const conditions = Object.entries(s.Condition ?? {}).flatMap(([operator, byKey]) =>
    Object.entries(byKey).map(([key, values]) => conditionExpr(operator, key, [values].flat().map(String))),
  );
  return [`(${resourceTest})`, ...conditions].join(" && ");
}

/** The generated source of `decide(request)`. */
export function straightforwardSource(statements: readonly IamStatement[], actions: readonly string[]): string {
  const matchers = statements.map((s) => [s.Action ?? []].flat().map((a) => compileWildcard([{ text: a, wild: true }], true)));
  const cases = actions.map((action) => {
    const hits = statements.flatMap((_s, i) => (matchers[i]!.some((w) => w.test(action.toLowerCase())) ? [i] : []));
    const deny = hits.filter((i) => statements[i]!.Effect === "Deny").map((i) => `if (${statementExpr(statements[i]!)}) return "ExplicitDeny";`);
    const allow = hits.filter((i) => statements[i]!.Effect === "Allow").map((i) => `if (!allowed && ${statementExpr(statements[i]!)}) allowed = true;`);
    return `case ${lit(action.toLowerCase())}: {\n${[...deny, ...allow].join("\n")}\nbreak;\n}`;
  });
  return `
function one(values) { return values !== undefined && values.length === 1 ? values[0] : undefined; }
function ip4(text) {
  const parts = text.split(".");
  if (parts.length !== 4) return -1;
  let n = 0;
  for (const p of parts) n = n * 256 + Number(p);
  return n;
}
return function decide(request) {
  const r = request.resource;
  const c = Object.create(null);
  const context = request.context ?? {};
  for (const key of Object.keys(context)) {
    const given = context[key];
    const values = Array.isArray(given) ? given : [given];
    c[key.toLowerCase()] = values.every((x) => x === "") ? undefined : values;
  }
  let allowed = false;
  switch (request.action.toLowerCase()) {
${cases.join("\n")}
  }
  return allowed ? "Allow" : "ImplicitDeny";
};`;
}

export const straightforward: Contender = {
  name: "straightforward generator",
  workloads: ["apprunner"],
  load: async (policy: PolicySource) => {
    const statements = [policy.document.Statement].flat();
    return new Function(straightforwardSource(statements, APP_RUNNER_ACTIONS))() as (r: Request) => Decision;
  },
};
