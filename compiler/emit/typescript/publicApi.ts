/**
 * The exported surface of a generated evaluator: its types (the same shapes as
 * runtime/types.ts, so a generated module and the interpreter are interchangeable), the
 * statement reference table explanations cite, and `authorize` / `explain`.
 */
import type { InterfaceSpec, PropertySpec, TypeAliasSpec } from "./declarations.js";
import { lit } from "./emitContext.js";
import type { StatementPlan } from "./model.js";
import { allowsVariables } from "./operators.js";
import { parsePattern } from "./patterns.js";
import { resourcePrefixes } from "./resourceIndex.js";

function union(names: readonly string[]): string {
  return names.length === 0 ? "never" : names.map(lit).join(" | ");
}

/** Condition keys and policy-variable keys the policies read, first spelling kept, sorted. */
export function contextKeys(statements: readonly StatementPlan[]): string[] {
  const keys = new Map<string, string>();
  const add = (written: string): void => {
    const lower = written.toLowerCase();
    if (!keys.has(lower)) keys.set(lower, written);
  };
  for (const s of statements) {
    for (const c of s.conditions) {
      add(c.key);
      const family = c.operator.info?.family;
      if (s.variables && family !== undefined && allowsVariables(family)) c.values.forEach((v) => variableKeys(v).forEach(add));
    }
    if (s.variables) (s.resources?.values ?? []).forEach((v) => variableKeys(v).forEach(add));
  }
  return [...keys].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, written]) => written);
}

function variableKeys(value: string): string[] {
  return parsePattern(value, false, true).flatMap((p) => (p.kind === "var" ? [p.written] : []));
}

/** The exported type aliases. */
export function typeAliases(actions: readonly string[], keys: readonly string[]): TypeAliasSpec[] {
  return [
    { name: "Action", type: union(actions), docs: ["Every action the policies name. `Request.action` also takes any other name."] },
    { name: "ContextKey", type: union(keys), docs: ["Every condition key and policy variable the policies read."] },
    { name: "ContextValue", type: "string | readonly string[]", docs: ["One value, or several for a multi-valued key such as `aws:TagKeys`."] },
    { name: "Decision", type: `"Allow" | "ImplicitDeny" | "ExplicitDeny"` },
  ];
}

const p = (name: string, type: string, optional = false, docs?: string): PropertySpec => ({
  name,
  type,
  optional,
  ...(docs !== undefined ? { docs: [docs] } : {}),
});

/** The exported interfaces, shaped as runtime/types.ts's. */
export function interfaces(): InterfaceSpec[] {
  return [
    {
      name: "Request",
      properties: [
        p("principal", "string", false, "The caller's ARN."),
        p("action", "Action | (string & {})", false, "`service:Action`, matched case-insensitively."),
        p("resource", "string", false, "The resource ARN, or `*`."),
        p(
          "context",
          "{ readonly [K in ContextKey]?: ContextValue } & { readonly [key: string]: ContextValue | undefined }",
          true,
          "Condition keys (matched case-insensitively) to their values.",
        ),
      ],
    },
    { name: "SourceLocation", properties: [p("file", "string"), p("line", "number"), p("column", "number")] },
    {
      name: "StatementRef",
      properties: [p("policy", "string"), p("index", "number"), p("sid", "string", true), p("source", "SourceLocation", true)],
    },
    {
      name: "ConditionFailure",
      properties: [
        p("operator", "string"),
        p("key", "string"),
        p("expected", "readonly string[]", false, "Policy values after variable substitution."),
        p("actual", "readonly string[]", true, "The request's values for the key; absent when the key was missing."),
        p("unresolved", "readonly string[]", true, "Policy variables that had no value (their values never match)."),
      ],
    },
    {
      name: "StatementMiss",
      extends: ["StatementRef"],
      properties: [
        p("effect", `"Allow" | "Deny"`),
        p(
          "reason",
          `| { readonly kind: "action"; readonly element?: "Action" | "NotAction" } | { readonly kind: "resource"; readonly element?: "Resource" | "NotResource" } | { readonly kind: "condition"; readonly failure: ConditionFailure } | { readonly kind: "unresolvable"; readonly detail: string; readonly failure?: ConditionFailure }`,
        ),
      ],
    },
    {
      name: "EvaluationResult",
      properties: [
        p("decision", "Decision"),
        p("matched", "readonly StatementRef[]", false, "The statements that decided."),
        p("notApplied", "readonly StatementMiss[]", false, "Statements that did not apply, with why."),
        p("overridden", "readonly StatementRef[]", true, "Allow statements overridden by an explicit deny; present only when non-empty."),
      ],
    },
  ];
}

function refLiteral(s: StatementPlan): string {
  const fields = [`policy: ${lit(s.policy)}`, `index: ${s.index}`];
  if (s.sid !== undefined) fields.push(`sid: ${lit(s.sid)}`);
  if (s.source !== undefined) {
    fields.push(`source: { file: ${lit(s.source.file)}, line: ${s.source.line}, column: ${s.source.column} }`);
  }
  return `{ ${fields.join(", ")} }`;
}

/** Why a statement misses when its action is not a candidate (or it can never apply). */
function actionMissLiteral(s: StatementPlan): string {
  if (s.malformed !== undefined) return `{ kind: "unresolvable", detail: ${lit(s.malformed)} }`;
  if (s.actions === undefined) return `{ kind: "action" }`;
  return `{ kind: "action", element: ${lit(s.actions.not ? "NotAction" : "Action")} }`;
}

/** The statement reference, effect and action-miss tables explanations cite. */
export function statementTables(statements: readonly StatementPlan[], compact = false): string[] {
  const [refs, effects, misses, records, resourceMisses, plans] = setTables(statements, compact);
  return [refs!, effects!, misses!, MISS_RECORD.trim(), records!, resourceMisses!, plans!];
}

/**
 * The tables of one policy set (`statementTables` without the shared `Why` and `missRecord`,
 * which a module of several sets declares once, as `MISS_RECORD_SOURCE`). `compact` writes
 * them as rows and codes built into the same values at load, for large policy sets.
 */
export function setTables(statements: readonly StatementPlan[], compact = false): string[] {
  return [
    compact ? compactRefs(statements) : `/** Each statement as explanations cite it, by global index. */\nconst REFS: readonly StatementRef[] = frozenRefs([${statements.map(refLiteral).join(", ")}]);`,
    compact
      ? `const EFFECTS: readonly ("Allow" | "Deny")[] = Array.from(${lit(statements.map((s) => (s.effect === "Deny" ? "D" : "A")).join(""))}, (c) => (c === "D" ? "Deny" : "Allow"));`
      : `const EFFECTS: readonly ("Allow" | "Deny")[] = [${statements.map((s) => lit(s.effect)).join(", ")}];`,
    compact ? compactActionMisses(statements) : `/** Why each statement misses when the action index does not select it. */\nconst ACTION_MISSES: readonly StatementMiss["reason"][] = [${statements.map(actionMissLiteral).join(", ")}];`,
    `/** The action misses, built once: most statements miss on their action. */\nconst ACTION_MISS_RECORDS: readonly StatementMiss[] = REFS.map((ref, i) => prebuiltMiss(ref, EFFECTS[i]!, ACTION_MISSES[i]!));`,
    `/**
 * The resource misses of the statements the resource index holds whose Resource has no
 * variable (so a miss there is always a plain resource miss), built once: explain() gives one
 * to each such statement the index does not meet instead of testing it. "1" marks them.
 */
const RESOURCE_MISS_RECORDS: readonly (StatementMiss | undefined)[] = REFS.map((ref, i) =>
  ${resourceMissMarks(statements)}.charCodeAt(i) === 49 ? prebuiltMiss(ref, EFFECTS[i]!, { kind: "resource", element: "Resource" }) : undefined,
);`,
    EXPLAIN_PLANS_DECLARATION,
  ];
}

/** explain()'s plans of one policy set (snippetsExplain.ts), made as it is asked. */
export const EXPLAIN_PLANS_DECLARATION = `/** explain()'s plans, by action, made as requests ask for them. */\nconst EXPLAIN_PLANS: ExplainPlans = { actions: new Map(), ownBases: 0 };`;

/** The module-level builders of compact tables. */
export const COMPACT_TABLE_HELPERS = `
/** Statement references from rows [policy, index, sid, file, line, column], policies and files by number. */
function refsOf(policies: readonly string[], files: readonly string[], rows: readonly (readonly [number, number, (string | null)?, number?, number?, number?])[]): readonly StatementRef[] {
  return frozenRefs(
    rows.map(([p, index, sid, f, line, column]): StatementRef => {
      const policy = policies[p]!;
      const source = f === undefined ? undefined : { file: files[f]!, line: line!, column: column! };
      if (sid === undefined || sid === null) return source === undefined ? { policy, index } : { policy, index, source };
      return source === undefined ? { policy, index, sid } : { policy, index, sid, source };
    }),
  );
}

/** Each number of \`at\` replaced by that entry of \`values\`. */
function decoded<T>(values: readonly T[], at: readonly number[]): T[] {
  return at.map((k) => values[k]!);
}

/** Each action entry (service prefix joined to the name), and the same under its lower-cased name when that differs. */
function withLowerCase(groups: readonly (readonly [string, readonly (readonly [string, Candidates])[]])[]): (readonly [string, Candidates])[] {
  return groups.flatMap(([service, entries]) =>
    entries.flatMap(([rest, c]) => {
      const name = service + rest;
      const lower = name.toLowerCase();
      return lower === name ? [[name, c] as const] : [[name, c] as const, [lower, c] as const];
    }),
  );
}`.trim();

/** Which statements' resource miss is prebuilt (RESOURCE_MISS_RECORDS): "1" marks them. */
export function resourceMissMarks(statements: readonly StatementPlan[]): string {
  return lit(statements.map((s) => (plainResourceMiss(s) ? "1" : "0")).join(""));
}

/** Distinct values in order of first use, and each item's index among them. */
function codes(items: readonly string[]): { readonly values: readonly string[]; readonly index: readonly number[] } {
  const values: string[] = [];
  const at = new Map<string, number>();
  const index = items.map((item) => {
    let k = at.get(item);
    if (k === undefined) {
      k = values.length;
      at.set(item, k);
      values.push(item);
    }
    return k;
  });
  return { values, index };
}

/** REFS as rows `[policy, index, sid, file, line, column]`, policies and files by number. */
function compactRefs(statements: readonly StatementPlan[]): string {
  const policies = codes(statements.map((s) => lit(s.policy)));
  const files = codes(statements.flatMap((s) => (s.source === undefined ? [] : [lit(s.source.file)])));
  const rows = statements.map((s, i) => {
    const row = [String(policies.index[i]), String(s.index)];
    if (s.sid !== undefined || s.source !== undefined) row.push(s.sid === undefined ? "null" : lit(s.sid));
    if (s.source !== undefined) row.push(String(files.values.indexOf(lit(s.source.file))), String(s.source.line), String(s.source.column));
    return `[${row.join(",")}]`;
  });
  return `const REFS: readonly StatementRef[] = refsOf([${policies.values.join(", ")}], [${files.values.join(", ")}], [${rows.join(",")}]);`;
}

/** ACTION_MISSES as the distinct reasons and each statement's number among them. */
function compactActionMisses(statements: readonly StatementPlan[]): string {
  const reasons = codes(statements.map(actionMissLiteral));
  return `const ACTION_MISSES: readonly StatementMiss["reason"][] = decoded<StatementMiss["reason"]>([${reasons.values.join(", ")}], [${reasons.index.join(",")}]);`;
}

/**
 * Whether the statement, when the resource index does not meet it, misses with a plain
 * `{ kind: "resource", element: "Resource" }`: it is indexed (a Resource, tested first in its
 * function) and no Resource entry has a variable (which could make the miss "unresolvable").
 */
function plainResourceMiss(s: StatementPlan): boolean {
  if (resourcePrefixes(s) === undefined) return false;
  return !s.variables || (s.resources?.values ?? []).every((v) => parsePattern(v, true, true).every((p) => p.kind !== "var"));
}

const MISS_RECORD = `
/** Where a statement records why it did not apply, for explain(); authorize() passes none. */
interface Why {
  reason: StatementMiss["reason"] | undefined;
}

/**
 * A statement miss, with the fields in the runtime's order. Written out rather than spread:
 * object spread is a slow path in V8, and explain() builds one record per statement.
 */
function missRecord(ref: StatementRef, effect: "Allow" | "Deny", reason: StatementMiss["reason"]): StatementMiss {
  const { policy, index, sid, source } = ref;
  if (sid === undefined) {
    return source === undefined ? { policy, index, effect, reason } : { policy, index, source, effect, reason };
  }
  return source === undefined ? { policy, index, sid, effect, reason } : { policy, index, sid, source, effect, reason };
}

/**
 * A miss of the prebuilt tables, which every answer shares: frozen, reason and all, so that a
 * caller changing one answer cannot change the next (the runtime's are frozen too). Spread
 * here rather than built by missRecord, so that its objects come from allocation sites of
 * their own: V8 moves a site whose objects survive into old space ("pretenuring"), and the
 * tables' hundreds of long-lived records made missRecord's sites pretenured, sending every
 * short-lived record of explain() to old space too (twice the time, 60 MB of heap).
 */
function prebuiltMiss(ref: StatementRef, effect: "Allow" | "Deny", reason: StatementMiss["reason"]): StatementMiss {
  return Object.freeze({ ...ref, effect, reason: Object.freeze(reason) });
}

/** The statement references, frozen with their sources: answers share them. */
function frozenRefs(refs: StatementRef[]): readonly StatementRef[] {
  for (const ref of refs) {
    if (ref.source !== undefined) Object.freeze(ref.source);
    Object.freeze(ref);
  }
  return refs;
}`;

/** `Why` and `missRecord`, declared once for every set of a module. */
export function missRecordSource(): string {
  return MISS_RECORD.trim();
}

/** The type of one set's evaluator, and the set names, in a module of principal sets. */
export function setTypes(names: readonly string[]): { readonly aliases: TypeAliasSpec[]; readonly interfaces: InterfaceSpec[] } {
  return {
    aliases: [{ name: "PrincipalSetName", type: union(names), docs: ["Each principal whose policies the module decides: every role, every IAM user (with its groups' policies), and every standalone policy (alone)."] }],
    interfaces: [
      {
        name: "Evaluator",
        properties: [
          p("authorize", "(request: Request) => Decision", false, "The decision for one request by this principal."),
          p("explain", "(request: Request) => EvaluationResult", false, "The decision with the statements that decided and why the others did not apply."),
        ],
      },
      {
        name: "PrincipalSet",
        properties: [
          p("kind", `"role" | "user" | "policy"`),
          p("policies", "readonly string[]", false, "Its policies, as explanations name them."),
          p("unknownManagedPolicies", "readonly string[]", false, "Managed policies it attaches whose content arp does not know: its answers leave them out."),
        ],
      },
    ],
  };
}

/** The body of the emitted `authorize`: the request read once, then `decide` (resourceIndex.ts). */
export const AUTHORIZE_BODY = `
const q = takeView();
try {
  return decide(q.read(request));
} finally {
  releaseView(q);
}`;

/**
 * The body of the emitted `explain`: every statement, in order, with why it missed. The
 * result starts as a copy of the plan's prebuilt misses (one block copy of the action misses,
 * with the resource misses of the indexed candidates the resource index's walk does not meet,
 * which decide() skips the same way) and only the plan's statements are tested (snippetsExplain.ts),
 * so a large policy set costs little more than authorize() beyond that copy. Plan lists are in
 * statement order, so matches are too.
 */
export const EXPLAIN_BODY = `
const q = new View().read(request);
const candidates = candidatesFor(q.action);
const resource = q.resource;
const start = candidates.indexed === undefined ? -1 : q.restStart();
const plan = explainPlan(EXPLAIN_PLANS, candidates, PREFIX_ROOT, resource, start, ACTION_MISS_RECORDS, RESOURCE_MISS_RECORDS);
const notApplied: StatementMiss[] = plan.base.slice();
for (const i of plan.missed) notApplied[i] = RESOURCE_MISS_RECORDS[i]!;
const matched: number[] = [];
const denied: StatementRef[] = [];
const allowed: StatementRef[] = [];
// One record of why for every statement tested: each miss takes its reason out at once.
const why: Why = { reason: undefined };
for (const i of plan.deny) {
  why.reason = undefined;
  if (STATEMENTS[i]!(q, why)) {
    matched.push(i);
    denied.push(REFS[i]!);
  } else notApplied[i] = missRecord(REFS[i]!, EFFECTS[i]!, why.reason ?? ACTION_MISSES[i]!);
}
for (const i of plan.allow) {
  why.reason = undefined;
  if (STATEMENTS[i]!(q, why)) {
    matched.push(i);
    allowed.push(REFS[i]!);
  } else notApplied[i] = missRecord(REFS[i]!, EFFECTS[i]!, why.reason ?? ACTION_MISSES[i]!);
}
// Matched statements leave the list, highest index first so the others keep their places.
// Insertion sort: a handful of matches, and Array.prototype.sort with a comparator costs more.
for (let k = 1; k < matched.length; k++) {
  const v = matched[k]!;
  let j = k - 1;
  for (; j >= 0 && matched[j]! < v; j--) matched[j + 1] = matched[j]!;
  matched[j + 1] = v;
}
for (let k = 0; k < matched.length; k++) notApplied.splice(matched[k]!, 1);
if (denied.length > 0) {
  return allowed.length > 0
    ? { decision: "ExplicitDeny", matched: denied, notApplied, overridden: allowed }
    : { decision: "ExplicitDeny", matched: denied, notApplied };
}
if (allowed.length > 0) return { decision: "Allow", matched: allowed, notApplied };
return { decision: "ImplicitDeny", matched: [], notApplied };`;
