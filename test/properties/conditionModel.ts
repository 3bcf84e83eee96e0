/**
 * What an arp condition means, written from docs/language.md and the semantics decided for
 * issue #9 (S1–S5), sharing no code with compiler/lower or runtime/operators: the property
 * compares the compiled IAM documents with this. Where AWS's documentation speaks, the sentence
 * is quoted beside the rule.
 */
import { BlockList, isIP } from "node:net";
import {
  ROLE_SESSION_PRINCIPAL,
  USER_PRINCIPAL,
  keyByIam,
  type DomainRequest,
  type KeySpec,
  type RequestValue,
  type VariableValue,
} from "./requestDomain.js";

/** A comparison operator as `.arp` writes it. */
export type CompareOp = "=" | "!=" | "like" | "not like" | "<" | "<=" | ">" | ">=" | "in" | "not in";

/** A policy value: IAM text, or a template around a policy variable. */
export type PolicyValue = { readonly kind: "literal"; readonly text: string } | { readonly kind: "variable"; readonly variable: VariableValue };

export type Atom =
  | {
      readonly kind: "compare";
      readonly key: KeySpec;
      readonly op: CompareOp;
      readonly values: readonly PolicyValue[];
      /** Written as a list `[...]` (always for `in`/`not in`, `within`, `include`). */
      readonly list: boolean;
      readonly ignoreCase: boolean;
      readonly ifExists: boolean;
      readonly quantifier?: "any" | "all";
      /** `tag keys within [...]` (all + in) or `tag keys include [...]` (any + in). */
      readonly sugar?: "within" | "include";
    }
  | { readonly kind: "exists"; readonly key: KeySpec; readonly missing: boolean }
  /** A bare boolean key. */
  | { readonly kind: "truthy"; readonly key: KeySpec };

export type Cond =
  | Atom
  | { readonly kind: "not"; readonly operand: Cond }
  | { readonly kind: "and"; readonly operands: readonly Cond[] }
  | { readonly kind: "or"; readonly operands: readonly Cond[] };

const NEGATED: ReadonlySet<CompareOp> = new Set(["!=", "not like", "not in"]);

/** True for `!=`, `not like`, `not in`: IAM's negated operators (StringNotEquals, NotIpAddress, ...). */
export function isNegatedOp(op: CompareOp): boolean {
  return NEGATED.has(op);
}

/**
 * The keys a condition reads from the request context: its tests' keys, and the keys of the
 * variables in its values.
 */
export function keysOf(cond: Cond): KeySpec[] {
  const out = new Set<KeySpec>();
  const visit = (c: Cond): void => {
    if (c.kind === "not") visit(c.operand);
    else if (c.kind === "and" || c.kind === "or") c.operands.forEach(visit);
    else {
      out.add(c.key);
      if (c.kind === "compare") for (const v of c.values) if (v.kind === "variable") out.add(keyByIam(v.variable.key));
    }
  };
  visit(cond);
  return [...out];
}

/**
 * S5: "Every multi-valued key needs `any`/`all` in every form, including a bare boolean key and
 * `not K` (ARP3003, now an error)". True when arp must refuse the condition for that reason.
 */
export function needsQuantifierError(cond: Cond): boolean {
  if (cond.kind === "not") return needsQuantifierError(cond.operand);
  if (cond.kind === "and" || cond.kind === "or") return cond.operands.some(needsQuantifierError);
  if (cond.kind === "exists") return false;
  return cond.key.multi && (cond.kind === "truthy" || cond.quantifier === undefined);
}

// ---- the request context as a condition sees it ---------------------------------------------

/**
 * Keys that follow from the principal, from "Principal key values" (reference_policies_variables):
 * `aws:username` is the IAM user's friendly name, and "not present" for an assumed role; and
 * for `aws:PrincipalArn`: "For IAM roles, the request context returns the ARN of the role, not
 * the ARN of the user that assumed the role" (reference_policies_condition-keys).
 */
function derivedValue(key: KeySpec, principal: string): string | undefined {
  if (key.derived === "username") return principal === USER_PRINCIPAL ? "alice" : undefined;
  if (key.derived === "principalArn") {
    if (principal === USER_PRINCIPAL) return USER_PRINCIPAL;
    if (principal === ROLE_SESSION_PRINCIPAL) return "arn:aws:iam::123456789012:role/Deployer";
  }
  return undefined;
}

function rawValue(key: KeySpec, request: DomainRequest): RequestValue {
  return key.derived !== undefined ? derivedValue(key, request.principal) : request.context[key.iam];
}

/**
 * S1: a key is null when absent, `[]`, or every value is `""`; null keys have no values. Arrays
 * mixing `""` with other values keep the `""` elements as ordinary values.
 */
export function valuesOf(key: KeySpec, request: DomainRequest): readonly string[] | undefined {
  const raw = rawValue(key, request);
  if (raw === undefined) return undefined;
  const values = typeof raw === "string" ? [raw] : raw;
  return values.every((v) => v === "") ? undefined : values;
}

/**
 * S4: `${K}` has no value when K is null (S1), multi-valued, or missing; IAM's default
 * ("To add a default value to a variable, surround the default value with single quotes")
 * stands in then.
 */
function variableValue(v: VariableValue, request: DomainRequest): string | undefined {
  const key = keyByIam(v.key);
  const raw = rawValue(key, request);
  const single = typeof raw === "string" && raw !== "" ? raw : undefined;
  return single ?? v.fallback;
}

/** A policy value after substitution: a matcher text, and whether the substituted part is data. */
interface Resolved {
  readonly prefix: string;
  readonly data: string;
  readonly suffix: string;
}

/**
 * S4: a condition value whose variable has no value is dropped: "a positive operator cannot
 * match it, a negated one is satisfied by it" — both follow from leaving it out of the list.
 */
function resolve(value: PolicyValue, request: DomainRequest): Resolved | undefined {
  if (value.kind === "literal") return { prefix: value.text, data: "", suffix: "" };
  const data = variableValue(value.variable, request);
  return data === undefined ? undefined : { prefix: value.variable.prefix, data, suffix: value.variable.suffix };
}

// ---- matching one request value against one policy value ------------------------------------

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** `*` any run of characters, `?` one character ("multi-character match wildcards (*) and single-character match wildcards (?)"). */
function wildcardSource(pattern: string): string {
  return [...pattern].map((c) => (c === "*" ? "[\\s\\S]*" : c === "?" ? "[\\s\\S]" : escapeRegex(c))).join("");
}

/** A substituted value is data, so only the policy's own text carries wildcards. */
function likeRegex(r: Resolved, flags = ""): RegExp {
  return new RegExp(`^${wildcardSource(r.prefix)}${escapeRegex(r.data)}${wildcardSource(r.suffix)}$`, flags);
}

function text(r: Resolved): string {
  return r.prefix + r.data + r.suffix;
}

/** Splits an ARN into its six colon-delimited components (the last keeps its colons). */
function arnParts(arn: string): string[] | undefined {
  const parts = arn.split(":");
  if (parts.length < 6) return undefined;
  return [...parts.slice(0, 5), parts.slice(5).join(":")];
}

/**
 * ArnEquals/ArnLike: "Case-sensitive matching of the ARN. Each of the six colon-delimited
 * components of the ARN is checked separately and each can include multi-character match
 * wildcards (*) or single-character match wildcards (?). The ArnEquals and ArnLike condition
 * operators behave identically." Substituted data never holds a colon in this domain.
 */
function arnMatches(request: string, r: Resolved): boolean {
  const got = arnParts(request);
  const want = arnParts(r.prefix + "\u0000" + r.suffix);
  if (got === undefined || want === undefined) return false;
  return want.every((segment, i) => {
    const [before, after] = segment.includes("\u0000") ? segment.split("\u0000") as [string, string] : [segment, undefined];
    const source = after === undefined ? wildcardSource(before) : `${wildcardSource(before)}${escapeRegex(r.data)}${wildcardSource(after)}`;
    return new RegExp(`^${source}$`).test(got[i]!);
  });
}

/** Epoch seconds ("or in epoch (UNIX) time") or a W3C ISO 8601 date. */
function dateMillis(value: string): number {
  return /^\d+$/.test(value) ? Number(value) * 1000 : Date.parse(value);
}

function ipMatches(request: string, cidr: string): boolean {
  const family = isIP(request);
  if (family === 0) return false;
  const [address, prefix] = cidr.split("/") as [string, string | undefined];
  const policyFamily = isIP(address);
  if (policyFamily !== family) return false;
  const list = new BlockList();
  const type = family === 4 ? "ipv4" : "ipv6";
  // "If you specify an IP address without the associated routing prefix, IAM uses the default prefix value of /32."
  list.addSubnet(address, prefix === undefined ? (family === 4 ? 32 : 128) : Number(prefix), type);
  return list.check(request, type);
}

function order(op: CompareOp, a: number, b: number): boolean {
  switch (op) {
    case "<": return a < b;
    case "<=": return a <= b;
    case ">": return a > b;
    case ">=": return a >= b;
    default: return a === b; // =, in, and the negated forms' positive twin
  }
}

/** The positive test behind `op` (`!=` → `=`, `not like` → `like`) on one request value. */
function matchesOne(atom: Extract<Atom, { kind: "compare" }>, request: string, r: Resolved): boolean {
  const like = atom.op === "like" || atom.op === "not like";
  switch (atom.key.family) {
    case "String":
      if (like) return likeRegex(r).test(request);
      // StringEqualsIgnoreCase: "Exact matching, ignoring case"; StringEquals: "Exact matching, case sensitive".
      return atom.ignoreCase ? request.toLowerCase() === text(r).toLowerCase() : request === text(r);
    case "ARN":
      return arnMatches(request, r);
    case "Numeric": {
      const a = Number(request);
      return request.trim() !== "" && Number.isFinite(a) && order(atom.op, a, Number(text(r)));
    }
    case "Date": {
      const a = dateMillis(request);
      return Number.isFinite(a) && order(atom.op, a, dateMillis(text(r)));
    }
    case "Bool":
      return request === text(r);
    case "IP":
      return ipMatches(request, text(r));
  }
}

// ---- the meaning of a condition --------------------------------------------------------------

function compare(atom: Extract<Atom, { kind: "compare" }>, request: DomainRequest): boolean {
  const negated = isNegatedOp(atom.op);
  const policy = atom.values.map((v) => resolve(v, request)).filter((r): r is Resolved => r !== undefined);
  // A positive operator holds when a value matches any policy value; a negated one when it matches none.
  const holdsFor = (value: string): boolean => policy.some((r) => matchesOne(atom, value, r)) !== negated;
  const values = valuesOf(atom.key, request);
  if (atom.quantifier !== undefined) {
    // S2: "`ForAllValues:*` holds (with or without IfExists); `ForAnyValue:*` fails" on a null key;
    // S5: `if exists` after `any`/`all` changes nothing.
    if (values === undefined) return atom.quantifier === "all";
    // S3: ForAnyValue when some request value satisfies Op, ForAllValues when every one does.
    return atom.quantifier === "any" ? values.some(holdsFor) : values.every(holdsFor);
  }
  // S2: on a null key IfExists holds, a positive operator fails, a negated one holds.
  if (values === undefined) return atom.ifExists || negated;
  // S3: positive holds if any value matches any policy value; negated if no value matches any.
  return negated ? values.every(holdsFor) : values.some(holdsFor);
}

/** The source's boolean meaning on one request. */
export function meaning(cond: Cond, request: DomainRequest): boolean {
  switch (cond.kind) {
    case "not":
      return !meaning(cond.operand, request);
    case "and":
      return cond.operands.every((c) => meaning(c, request));
    case "or":
      return cond.operands.some((c) => meaning(c, request));
    case "exists":
      // S2: on a null key `Null:"true"` (missing) holds and `Null:"false"` (exists) fails.
      return (valuesOf(cond.key, request) === undefined) === cond.missing;
    case "truthy": {
      // A bare boolean key is `= true`; S3 for several values (only reachable as an error, S5).
      const values = valuesOf(cond.key, request);
      return values !== undefined && values.includes("true");
    }
    case "compare":
      return compare(cond, request);
  }
}
