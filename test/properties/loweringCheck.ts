/**
 * One case of the lowering property: compile a condition's two policies with arp, decide both
 * compiled documents with the runtime on every request of the case's domain, and compare with
 * the condition's meaning (conditionModel.ts). Also shrinks a failing case to a small one and
 * names its class, so that a run reports each kind of mismatch once.
 */
import { compile } from "../../compiler/index.js";
import { compilePolicySet, type Decision, type IamPolicyDocument, type PolicySet } from "../../runtime/index.js";
import { policySource } from "./conditionArbitrary.js";
import { keysOf, meaning, needsQuantifierError, type Atom, type Cond } from "./conditionModel.js";
import { REQUEST_ACTION, REQUEST_RESOURCE, requestsFor, type DomainRequest } from "./requestDomain.js";

/**
 * Refusals the property accepts (and counts): IAM cannot express it (ARP3005), it expands to
 * too many statements (ARP3006), or the expansion outgrows IAM's policy size (ARP4004).
 */
const ACCEPTED_REFUSALS: ReadonlySet<string> = new Set(["ARP3005", "ARP3006", "ARP4004"]);

export type Effect = "allow" | "deny";

export interface Failure {
  readonly kind: "decision" | "unexpected-error" | "missing-ARP3003" | "runtime-rejected";
  readonly cond: Cond;
  readonly source: string;
  readonly detail: string;
  readonly request?: DomainRequest;
  readonly effect?: Effect;
  readonly expected?: Decision;
  readonly got?: Decision;
  /** The compiled statements of the policy that decided wrongly. */
  readonly json?: string;
}

export type Outcome =
  | { readonly kind: "compared"; readonly requests: number; readonly failures: readonly Failure[] }
  | { readonly kind: "refused"; readonly code: string }
  | { readonly kind: "failed"; readonly failure: Failure };

interface Compiled {
  readonly allow: PolicySet;
  readonly deny: PolicySet;
  readonly allowJson: string;
  readonly denyJson: string;
}

type CompileOutcome = { readonly compiled: Compiled } | { readonly refused: string } | { readonly failure: Failure };

function compileCase(cond: Cond): CompileOutcome {
  const source = policySource(cond);
  const result = compile(source);
  const errors = result.diagnostics.filter((d) => d.severity === "error");
  const codes = [...new Set(errors.map((d) => d.code))];
  const fail = (kind: Failure["kind"], detail: string): CompileOutcome => ({ failure: { kind, cond, source, detail } });
  if (needsQuantifierError(cond)) {
    if (codes.includes("ARP3003")) return { refused: "ARP3003" };
    return fail("missing-ARP3003", errors.length === 0 ? "compiled without ARP3003" : `refused with ${codes.join(", ")} but not ARP3003`);
  }
  if (errors.length > 0) {
    if (codes.every((c) => ACCEPTED_REFUSALS.has(c))) return { refused: codes[0]! };
    return fail("unexpected-error", errors.map((d) => `${d.code} ${d.message}`).join("; "));
  }
  const doc = (name: string): IamPolicyDocument => {
    const policy = result.policies.find((p) => p.name === name);
    if (policy === undefined) throw new Error(`no compiled policy ${name}`);
    return policy.document as IamPolicyDocument;
  };
  try {
    const allow = doc("AllowWhen");
    const deny = doc("DenyWhen");
    return {
      compiled: {
        allow: compilePolicySet([{ name: "AllowWhen", document: allow }]),
        deny: compilePolicySet([{ name: "DenyWhen", document: deny }]),
        allowJson: JSON.stringify(allow.Statement),
        denyJson: JSON.stringify(deny.Statement),
      },
    };
  } catch (error) {
    return fail("runtime-rejected", String(error));
  }
}

function runtimeRequest(request: DomainRequest) {
  return { principal: request.principal, action: REQUEST_ACTION, resource: REQUEST_RESOURCE, context: request.context };
}

/** The first wrong decision on `request`, if any, allow policy first. */
function decide(cond: Cond, source: string, compiled: Compiled, request: DomainRequest): Failure | undefined {
  const holds = meaning(cond, request);
  const input = runtimeRequest(request);
  const allowGot = compiled.allow.evaluate(input).decision;
  const allowWant: Decision = holds ? "Allow" : "ImplicitDeny";
  const base = { kind: "decision" as const, cond, source, request };
  if (allowGot !== allowWant) {
    return { ...base, effect: "allow", expected: allowWant, got: allowGot, json: compiled.allowJson, detail: `allow: expected ${allowWant}, got ${allowGot}` };
  }
  const denyGot = compiled.deny.evaluate(input).decision;
  const denyWant: Decision = holds ? "ExplicitDeny" : "Allow";
  if (denyGot !== denyWant) {
    return { ...base, effect: "deny", expected: denyWant, got: denyGot, json: compiled.denyJson, detail: `deny: expected ${denyWant}, got ${denyGot}` };
  }
  return undefined;
}

/**
 * Compiles and decides one case on its whole domain. `limit` bounds how many wrong requests
 * are kept (the first is the one reported); `only` narrows the domain, to look past a known
 * class of failure.
 */
export function checkCase(cond: Cond, limit = 1, only: (request: DomainRequest) => boolean = () => true): Outcome {
  const compiled = compileCase(cond);
  if ("refused" in compiled) return { kind: "refused", code: compiled.refused };
  if ("failure" in compiled) return { kind: "failed", failure: compiled.failure };
  const source = policySource(cond);
  const failures: Failure[] = [];
  let requests = 0;
  for (const request of requestsFor(keysOf(cond))) {
    if (!only(request)) continue;
    requests++;
    // Every request is decided even after a failure, so that timings and counts do not
    // depend on whether today's code passes.
    const failure = decide(cond, source, compiled.compiled, request);
    if (failure !== undefined && failures.length < limit) failures.push(failure);
  }
  return { kind: "compared", requests, failures };
}

// ---- shrinking a failure ---------------------------------------------------------------------

/** The same kind of failure on this (smaller) case, or undefined. */
function failsLike(failure: Failure, cond: Cond, request: DomainRequest | undefined): Failure | undefined {
  const compiled = compileCase(cond);
  if ("refused" in compiled) return undefined;
  if ("failure" in compiled) return compiled.failure.kind === failure.kind ? compiled.failure : undefined;
  if (failure.kind !== "decision" || request === undefined) return undefined;
  const found = decide(cond, policySource(cond), compiled.compiled, request);
  return found?.effect === failure.effect ? found : undefined;
}

function* smallerAtoms(atom: Atom): Generator<Cond> {
  if (atom.kind !== "compare") return;
  if (atom.values.length > 1) for (const v of atom.values) yield { ...atom, values: [v], list: atom.op === "in" || atom.op === "not in" };
  if (atom.ifExists) yield { ...atom, ifExists: false };
  if (atom.ignoreCase) yield { ...atom, ignoreCase: false };
}

/** Conditions one step simpler than `cond`. */
function* smaller(cond: Cond): Generator<Cond> {
  switch (cond.kind) {
    case "not":
      yield cond.operand;
      if (cond.operand.kind === "not") yield cond.operand.operand;
      for (const s of smaller(cond.operand)) yield { kind: "not", operand: s };
      return;
    case "and":
    case "or":
      yield* cond.operands;
      if (cond.operands.length > 2) {
        for (let i = 0; i < cond.operands.length; i++) yield { ...cond, operands: cond.operands.filter((_, j) => j !== i) };
      }
      for (let i = 0; i < cond.operands.length; i++) {
        for (const s of smaller(cond.operands[i]!)) yield { ...cond, operands: cond.operands.map((o, j) => (j === i ? s : o)) };
      }
      return;
    default:
      yield* smallerAtoms(cond);
  }
}

function* smallerRequests(request: DomainRequest): Generator<DomainRequest> {
  for (const key of Object.keys(request.context)) {
    const context = { ...request.context };
    delete context[key];
    yield { ...request, context };
  }
}

/** Greedily simplifies a failing case (condition, then request) while it fails the same way. */
export function shrink(failure: Failure, budget = 400): Failure {
  let current = failure;
  let steps = 0;
  let progress = true;
  while (progress && steps < budget) {
    progress = false;
    for (const cond of smaller(current.cond)) {
      if (++steps > budget) break;
      const next = failsLike(current, cond, current.request);
      if (next !== undefined) {
        current = next;
        progress = true;
        break;
      }
    }
    if (progress || current.request === undefined) continue;
    for (const request of smallerRequests(current.request)) {
      const next = failsLike(current, current.cond, request);
      if (next !== undefined) {
        current = next;
        progress = true;
        break;
      }
    }
  }
  return current;
}

// ---- naming a failure's class ----------------------------------------------------------------

function valueShape(value: unknown): string {
  if (value === undefined) return "missing";
  if (typeof value === "string") return value === "" ? '""' : "v";
  const values = value as readonly string[];
  if (values.length === 0) return "[]";
  return `[${values.map((v) => (v === "" ? '""' : "v")).join(",")}]`;
}

/** An abstract test: operator, quantifier and suffixes, without key names or values. */
function atomShape(atom: Atom): string {
  const family = `${atom.key.family}${atom.key.multi ? "[]" : ""}`;
  if (atom.kind === "exists") return `${family} ${atom.missing ? "missing" : "exists"}`;
  if (atom.kind === "truthy") return `${family} bare`;
  const variable = atom.values.some((v) => v.kind === "variable") ? " $var" : "";
  return [atom.quantifier, family, atom.sugar ?? atom.op, `${atom.values.length > 1 ? "list" : "value"}${variable}`,
    atom.ignoreCase ? "ignoring case" : undefined, atom.ifExists ? "if exists" : undefined].filter(Boolean).join(" ");
}

function condShape(cond: Cond): string {
  if (cond.kind === "not") return `not ${condShape(cond.operand)}`;
  if (cond.kind === "and" || cond.kind === "or") return `(${cond.operands.map(condShape).join(` ${cond.kind} `)})`;
  return `[${atomShape(cond)}]`;
}

/** A class name for a shrunk failure: the condition's shape, the request's, and the outcome. */
export function failureClass(failure: Failure): string {
  const parts = [failure.kind, condShape(failure.cond)];
  if (failure.request !== undefined) {
    const keys = keysOf(failure.cond).filter((k) => k.derived === undefined);
    parts.push(keys.map((k) => valueShape(failure.request!.context[k.iam])).join(" "));
    parts.push(failure.request.principal.includes(":user/") ? "user" : "role");
  }
  if (failure.effect !== undefined) parts.push(`${failure.effect}: want ${failure.expected} got ${failure.got}`);
  return parts.join(" | ");
}

/** A failure as a readable, replayable block. */
export function describeFailure(failure: Failure): string {
  const lines = [`${failure.kind}: ${failure.detail}`, failure.source.trimEnd()];
  if (failure.request !== undefined) lines.push(`request: ${JSON.stringify(runtimeRequest(failure.request))}`);
  if (failure.json !== undefined) lines.push(`statements: ${failure.json}`);
  return lines.join("\n");
}
