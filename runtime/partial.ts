/**
 * Partial evaluation: the decision when some context keys are unknown. `evaluate` reads a key
 * the request does not carry as absent (IAM's "missing"); a tool explaining a denial it did not
 * see (`arp why`) knows less: a key the caller did not give may have had any value, or none.
 * Here such a key is unknown, and each statement whose action and resource match either
 * applies whatever it holds, cannot apply, or applies only if its residual conditions (the ones
 * reading unknown keys, ANDed as IAM ANDs a Condition block) hold.
 *
 * The answer is `Allow`, `ExplicitDeny`, `ImplicitDeny`, or `DependsOn` with the residual
 * condition of each deciding statement ("allowed if aws:ResourceTag/team = payments",
 * "denied if aws:SecureTransport is false"). Every decision is the runtime's own: each
 * statement is evaluated by `compilePolicySet` with its unknown conditions removed.
 */
import { compilePolicySet } from "./evaluate.js";
import { principalKeys } from "./principal.js";
import type { IamPolicyDocument, IamStatement } from "./policyDocument.js";
import type { Decision, PolicyInput, RequestInput, SourceLocation, StatementRef } from "./types.js";

/** One condition of a statement that reads an unknown key, as IAM writes it. */
export interface ResidualCondition {
  readonly operator: string;
  readonly key: string;
  readonly values: readonly string[];
}

/** A statement that applies only if every one of its residual conditions holds. */
export interface DependentStatement extends StatementRef {
  readonly effect: "Allow" | "Deny";
  readonly residual: readonly ResidualCondition[];
}

/** What a statement does whatever the unknown keys hold. */
export interface AppliedStatement extends StatementRef {
  readonly effect: "Allow" | "Deny";
}

/** Whether something holds: surely, surely not, or depending on unknown keys. */
export type Tristate = "yes" | "no" | "depends";

export interface PartialResult {
  /**
   * `DependsOn` when the unknown keys decide between Allow and a denial. A denial that is
   * certain but explicit only under some values is `ImplicitDeny` with `explicitDeny: "depends"`.
   */
  readonly decision: Decision | "DependsOn";
  /** Whether an Allow statement applies. */
  readonly allowed: Tristate;
  /** Whether a Deny statement applies. */
  readonly explicitDeny: Tristate;
  /** Statements that apply whatever the unknown keys hold. */
  readonly applied: readonly AppliedStatement[];
  /** Statements that apply only if their residual conditions hold. */
  readonly dependent: readonly DependentStatement[];
  /** The unknown keys that statements matching the action and resource read, as spelt, sorted. */
  readonly unknownKeys: readonly string[];
}

export interface PartialOptions {
  /**
   * The keys that are unknown. By default every key the request's context does not carry
   * (and the runtime does not derive from the principal ARN) is unknown.
   */
  readonly unknown?: readonly string[];
}

interface NamedPolicy {
  readonly name: string;
  readonly document: IamPolicyDocument;
  readonly sources: readonly (SourceLocation | undefined)[];
}

function named(policies: readonly PolicyInput[]): NamedPolicy[] {
  return policies.map((p, i) =>
    "document" in p ? { name: p.name, document: p.document, sources: p.sources ?? [] } : { name: `policy[${i}]`, document: p as IamPolicyDocument, sources: [] },
  );
}

const VARIABLE = /\$\{([^}]*)\}/g;

/** The keys a condition reads: its own key and the policy variables in its values. */
function keysRead(key: string, values: readonly string[]): string[] {
  const out = [key];
  for (const v of values) for (const m of v.matchAll(VARIABLE)) if (m[1]!.includes(":")) out.push(m[1]!);
  return out;
}

/** `${aws:username}` → `alice` when the request knows it; other text, and unknown variables, as written. */
function substituteKnown(value: string, known: (name: string) => string | undefined): string {
  return value.replace(VARIABLE, (whole, name: string) => (name.includes(":") ? known(name) ?? whole : whole));
}

function strings(value: unknown): string[] {
  return (Array.isArray(value) ? value : [value]).map((v) => String(v));
}

/**
 * Decides `request` by `policies` with the unknown keys open. Throws as `evaluate` does for a
 * malformed policy or request.
 */
export function evaluatePartial(policies: readonly PolicyInput[], request: RequestInput, options: PartialOptions = {}): PartialResult {
  // Validates everything once, exactly as evaluate does.
  compilePolicySet(policies).evaluate(request);
  const given = new Set(Object.keys(request.context ?? {}).filter((k) => Object.hasOwn(request.context ?? {}, k) && request.context?.[k] !== undefined).map((k) => k.toLowerCase()));
  for (const k of principalKeys(request.principal).keys()) given.add(k);
  const unknownList = options.unknown?.map((k) => k.toLowerCase());
  const isUnknown = (key: string): boolean => (unknownList === undefined ? !given.has(key.toLowerCase()) : unknownList.includes(key.toLowerCase()));
  const derived = principalKeys(request.principal);
  const context = new Map(Object.entries(request.context ?? {}).filter(([k]) => Object.hasOwn(request.context ?? {}, k)).map(([k, v]) => [k.toLowerCase(), v] as const));
  // A variable a residual reads but the request knows is shown with its value, as evaluate substitutes it.
  const knownValue = (name: string): string | undefined => {
    if (isUnknown(name)) return undefined;
    const v = context.get(name.toLowerCase()) ?? derived.get(name.toLowerCase());
    return typeof v === "string" ? v : undefined;
  };
  const unknownKeys = new Map<string, string>();
  const applied: AppliedStatement[] = [];
  const dependent: DependentStatement[] = [];
  for (const policy of named(policies)) {
    const list = Array.isArray(policy.document.Statement) ? policy.document.Statement : [policy.document.Statement];
    list.forEach((statement, index) => {
      const residual: ResidualCondition[] = [];
      const opened: string[] = [];
      const known: Record<string, Record<string, string[]>> = {};
      for (const [operator, block] of Object.entries(statement.Condition ?? {})) {
        for (const [key, raw] of Object.entries(block)) {
          const values = strings(raw);
          const open = keysRead(key, values).filter(isUnknown);
          if (open.length > 0) {
            opened.push(...open);
            residual.push({ operator, key, values: values.map((v) => substituteKnown(v, knownValue)) });
          } else (known[operator] ??= {})[key] = values;
        }
      }
      const reduced: IamStatement = { ...statement, Effect: statement.Effect } as IamStatement;
      delete reduced.Condition;
      if (Object.keys(known).length > 0) reduced.Condition = known;
      const one = { name: policy.name, document: { Version: policy.document.Version ?? "2012-10-17", Statement: [reduced] } as IamPolicyDocument };
      const result = compilePolicySet([one]).evaluate(request);
      if (result.matched.length === 0) return;
      const source = policy.sources[index];
      const ref = {
        policy: policy.name,
        index,
        ...(statement.Sid === undefined ? {} : { sid: statement.Sid }),
        ...(source === undefined ? {} : { source }),
        effect: statement.Effect === "Deny" ? ("Deny" as const) : ("Allow" as const),
      };
      // Only the statements that can apply make a key matter to this request.
      opened.forEach((k) => unknownKeys.set(k.toLowerCase(), k));
      if (residual.length === 0) applied.push(ref);
      else dependent.push({ ...ref, residual });
    });
  }
  const state = (effect: "Allow" | "Deny"): Tristate =>
    applied.some((s) => s.effect === effect) ? "yes" : dependent.some((s) => s.effect === effect) ? "depends" : "no";
  const allowed = state("Allow");
  const explicitDeny = state("Deny");
  let decision: PartialResult["decision"];
  if (explicitDeny === "yes") decision = "ExplicitDeny";
  else if (allowed === "no") decision = "ImplicitDeny";
  else if (explicitDeny === "no" && allowed === "yes") decision = "Allow";
  else decision = "DependsOn";
  const keys = [...unknownKeys.values()].sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : a.toLowerCase() > b.toLowerCase() ? 1 : 0));
  return { decision, allowed, explicitDeny, applied, dependent, unknownKeys: keys };
}

/** `aws:SecureTransport is false`, `aws:RequestedRegion is not one of eu-west-1, eu-central-1` */
export function describeResidual(c: ResidualCondition): string {
  const values = c.values.length === 1 ? `"${c.values[0]}"` : `one of ${c.values.map((v) => `"${v}"`).join(", ")}`;
  const base = c.operator.replace(/^(ForAllValues|ForAnyValue):/, "").replace(/IfExists$/, "");
  const quantifier = c.operator.startsWith("ForAllValues:") ? "every value of " : c.operator.startsWith("ForAnyValue:") ? "any value of " : "";
  const ifExists = c.operator.endsWith("IfExists") ? " (or is absent)" : "";
  const subject = `${quantifier}${c.key}`;
  switch (base) {
    case "Null":
      return c.values[0] === "true" ? `${subject} is absent` : `${subject} is present`;
    case "Bool":
      return `${subject} is ${c.values.join(" or ")}${ifExists}`;
    default: {
      const negated = /^(StringNot|NumericNot|DateNot|NotIpAddress|ArnNot)/.test(base);
      return `${subject} ${negated ? "is not" : "is"} ${values} (${base})${ifExists}`;
    }
  }
}
