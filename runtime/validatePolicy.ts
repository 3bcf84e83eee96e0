/**
 * Checks a policy input against IAM's policy grammar and reads it into plain, frozen data the
 * evaluator compiles. Every document IAM rejects throws `PolicyValidationError`; nothing is
 * skipped or guessed. Only own properties are read, each once.
 *
 * Rules, from the IAM User Guide:
 * - Grammar: `<effect_block> = "Effect" : ("Allow" | "Deny")`; "The `Effect` value is case
 *   sensitive" (Effect). Element names are IAM's, spelled exactly; any other name is rejected.
 * - "Statements must include either an `Action` or `NotAction` element" (Action); "Statements
 *   must include either a `Resource` or a `NotResource` element" (Resource); never both.
 * - "Arrays can take one or more values" (Grammar): an empty list is rejected everywhere.
 * - An action is "a service namespace, a colon, and the name of an action" or `*`; a resource
 *   is `*` or an ARN (Grammar, notes about string values).
 * - Condition operators are those of "IAM JSON policy elements: Condition operators"; a value
 *   must be what its operator compares (a number, a date, an address range, `true`/`false`,
 *   base-64); "Quotation marks are optional for numeric and Boolean values" (Grammar).
 * - "The `Sid` element supports ASCII uppercase letters (A-Z), lowercase letters (a-z), and
 *   numbers (0-9)" and "In IAM, the `Sid` value must be unique within a JSON policy" (Sid).
 * - Principal: "You cannot use the `Principal` element in an identity-based policy" and it "is
 *   required … in trust policies for IAM roles" (Principal, Grammar notes). A document whose
 *   statements name a `Principal` and no `Resource` is read as a role trust policy (the
 *   resource is the role), and then every statement must name one; any other document is an
 *   identity policy. `Principal` is checked, not evaluated.
 * - `Version`: "2012-10-17" or "2008-10-17" (Grammar); without it variables are literal text.
 *   `Id` is accepted: it changes no decision.
 */
import { parseOperator, type ParsedOperator } from "./operators/index.js";
import { PolicyValidationError } from "./policyError.js";
import type { SourceLocation } from "./types.js";
import { fitsFamily } from "./valueShapes.js";
import { parseTemplate } from "./variables.js";

/** One (operator, key) pair of a valid `Condition`, values as IAM reads them (text). */
export interface ValidCondition {
  readonly operator: string;
  readonly parsed: ParsedOperator;
  readonly key: string;
  readonly values: readonly string[];
}

/** A statement IAM accepts, as plain data. */
export interface ValidStatement {
  readonly sid: string | undefined;
  readonly effect: "Allow" | "Deny";
  readonly actionElement: "Action" | "NotAction";
  readonly actions: readonly string[];
  /** Undefined in a role trust policy, which applies to the role it is attached to. */
  readonly resourceElement: "Resource" | "NotResource" | undefined;
  readonly resources: readonly string[];
  readonly conditions: readonly ValidCondition[];
}

/** A policy IAM accepts, as plain data. */
export interface ValidPolicy {
  readonly name: string;
  /** False under Version 2008-10-17 (or none), where `${…}` is literal text. */
  readonly variables: boolean;
  readonly trust: boolean;
  readonly statements: readonly ValidStatement[];
  readonly sources: readonly (SourceLocation | undefined)[];
}

const DOCUMENT_ELEMENTS = new Set(["Version", "Id", "Statement"]);
const STATEMENT_ELEMENTS = new Set([
  "Sid",
  "Effect",
  "Principal",
  "NotPrincipal",
  "Action",
  "NotAction",
  "Resource",
  "NotResource",
  "Condition",
]);
const NAMED_INPUT = new Set(["name", "document", "sources"]);
const PRINCIPAL_FIELDS = new Set(["AWS", "Service", "Federated", "CanonicalUser"]);
const SID = /^[A-Za-z0-9]*$/;
const ACTION = /^[^:]+:[^:]+$/;

type Obj = Readonly<Record<string, unknown>>;

/** Where a problem is found; builds the error. */
class Site {
  constructor(
    readonly policy: string,
    readonly statement: number | undefined,
  ) {}
  fail(element: string, problem: string): never {
    throw new PolicyValidationError(this.policy, this.statement, element, problem);
  }
  at(statement: number): Site {
    return new Site(this.policy, statement);
  }
}

/** Validates the `policies` argument of `evaluate`/`compilePolicySet`. */
export function validatePolicies(policies: unknown): ValidPolicy[] {
  if (!Array.isArray(policies)) {
    throw new PolicyValidationError("policies", undefined, "", `must be an array of policies, not ${kind(policies)}`);
  }
  const out: ValidPolicy[] = [];
  for (let i = 0; i < policies.length; i++) {
    if (!Object.hasOwn(policies, i)) throw new PolicyValidationError(`policy[${i}]`, undefined, "", "is missing (a hole)");
    out.push(validatePolicy(policies[i], i));
  }
  return out;
}

/** Validates one policy input: a bare document or `{ name, document, sources? }`. */
export function validatePolicy(input: unknown, position: number): ValidPolicy {
  const fallback = `policy[${position}]`;
  if (!isObject(input)) return new Site(fallback, undefined).fail("", `must be a policy document, not ${kind(input)}`);
  if (!Object.hasOwn(input, "document")) return validateDocument(input, fallback, []);
  const name = own(input, "name");
  if (typeof name !== "string" || name === "") {
    return new Site(fallback, undefined).fail("name", "must be a non-empty string");
  }
  const site = new Site(name, undefined);
  for (const key of Object.keys(input)) if (!NAMED_INPUT.has(key)) site.fail(key, "is not a field of a named policy");
  const document = own(input, "document");
  if (!isObject(document)) return site.fail("document", `must be a policy document, not ${kind(document)}`);
  return validateDocument(document, name, readSources(own(input, "sources"), site));
}

function readSources(raw: unknown, site: Site): (SourceLocation | undefined)[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) return site.fail("sources", "must be an array");
  return Array.from(raw, (s: unknown, i) => {
    if (s === undefined) return undefined;
    const file = isObject(s) ? own(s, "file") : undefined;
    const line = isObject(s) ? own(s, "line") : undefined;
    const column = isObject(s) ? own(s, "column") : undefined;
    if (typeof file !== "string" || typeof line !== "number" || typeof column !== "number") {
      return site.fail(`sources[${i}]`, "must be { file, line, column } or undefined");
    }
    return Object.freeze({ file, line, column });
  });
}

function validateDocument(document: Obj, name: string, sources: (SourceLocation | undefined)[]): ValidPolicy {
  const site = new Site(name, undefined);
  for (const key of Object.keys(document)) {
    if (!DOCUMENT_ELEMENTS.has(key)) site.fail(key, "is not an element of a policy document (Version, Id, Statement)");
  }
  const version = own(document, "Version");
  if (version !== undefined && version !== "2012-10-17" && version !== "2008-10-17") {
    site.fail("Version", `must be "2012-10-17" or "2008-10-17"`);
  }
  const id = own(document, "Id");
  if (id !== undefined && typeof id !== "string") site.fail("Id", "must be a string");
  const raw = own(document, "Statement");
  if (raw === undefined) site.fail("Statement", "is required");
  const items = Array.isArray(raw) ? raw : [raw];
  if (items.length === 0) site.fail("Statement", "is an empty array: a policy needs at least one statement");
  const objects = items.map((item: unknown, i) => {
    if (!Object.hasOwn(items, i) || !isObject(item)) return site.at(i).fail("", `a statement must be an object, not ${kind(item)}`);
    return item;
  });
  const names = (element: string, negated: string) => (s: Obj) => own(s, element) !== undefined || own(s, negated) !== undefined;
  // A trust policy names principals and no resource (the resource is the role); anything else
  // is read as an identity policy, where a Principal is refused.
  const trust = objects.some(names("Principal", "NotPrincipal")) && !objects.some(names("Resource", "NotResource"));
  const variables = version === "2012-10-17";
  const statements = objects.map((s, i) => validateStatement(s, site.at(i), trust, variables));
  checkSids(statements, site);
  return Object.freeze({ name, variables, trust, statements: Object.freeze(statements), sources: Object.freeze(sources) });
}

function validateStatement(statement: Obj, site: Site, trust: boolean, variables: boolean): ValidStatement {
  for (const key of Object.keys(statement)) {
    if (!STATEMENT_ELEMENTS.has(key)) site.fail(key, `is not an element of a statement${suggestion(key)}`);
  }
  const sid = own(statement, "Sid");
  if (sid !== undefined && (typeof sid !== "string" || !SID.test(sid))) {
    site.fail("Sid", "must be a string of ASCII letters and digits");
  }
  const effect = own(statement, "Effect");
  if (effect !== "Allow" && effect !== "Deny") site.fail("Effect", `must be exactly "Allow" or "Deny" (case-sensitive), not ${shown(effect)}`);
  const [actionElement, actions] = pair(statement, "Action", "NotAction", site, true);
  checkEach(actions, actionElement ?? "Action", site, (a) => a === "*" || ACTION.test(a), "must be * or service:action");
  checkPrincipal(statement, site, trust);
  const [resourceElement, resources] = pair(statement, "Resource", "NotResource", site, !trust);
  checkEach(resources, resourceElement ?? "Resource", site, (r) => r === "*" || r.startsWith("arn:"), "must be * or an ARN");
  const condition = own(statement, "Condition");
  const conditions = condition === undefined ? [] : validateCondition(condition, site, variables);
  return Object.freeze({
    sid: sid as string | undefined,
    effect,
    actionElement: actionElement!,
    actions,
    resourceElement,
    resources,
    conditions,
  });
}

/** `Action`/`NotAction` or `Resource`/`NotResource`: exactly one (or none when not required). */
function pair<A extends string, B extends string>(
  statement: Obj,
  positive: A,
  negative: B,
  site: Site,
  required: boolean,
): [A | B | undefined, readonly string[]] {
  const a = own(statement, positive);
  const b = own(statement, negative);
  if (a !== undefined && b !== undefined) site.fail(negative, `a statement has ${positive} or ${negative}, not both`);
  if (a === undefined && b === undefined) {
    if (required) site.fail(positive, `is required: a statement must include either ${positive} or ${negative}`);
    return [undefined, []];
  }
  const element = a !== undefined ? positive : negative;
  return [element, stringList(a ?? b, element, site)];
}

/** IAM's "a string or a non-empty array of strings", each non-empty. */
function stringList(value: unknown, element: string, site: Site): readonly string[] {
  const items = typeof value === "string" ? [value] : Array.isArray(value) ? value : undefined;
  if (items === undefined) return site.fail(element, `must be a string or an array of strings, not ${kind(value)}`);
  if (items.length === 0) site.fail(element, "is an empty array: IAM requires at least one value");
  const out: string[] = [];
  for (let i = 0; i < items.length; i++) {
    const item: unknown = Object.hasOwn(items, i) ? items[i] : undefined;
    const at = Array.isArray(value) ? `${element}[${i}]` : element;
    if (typeof item !== "string") site.fail(at, `must be a string, not ${kind(item)}`);
    if (item === "") site.fail(at, "is an empty string");
    out.push(item);
  }
  return Object.freeze(out);
}

function checkEach(
  values: readonly string[],
  element: string,
  site: Site,
  ok: (value: string) => boolean,
  rule: string,
): void {
  values.forEach((v, i) => {
    if (!ok(v)) site.fail(values.length === 1 ? element : `${element}[${i}]`, `${rule}, not ${shown(v)}`);
  });
}

function checkPrincipal(statement: Obj, site: Site, trust: boolean): void {
  const p = own(statement, "Principal");
  const np = own(statement, "NotPrincipal");
  if (p !== undefined && np !== undefined) site.fail("NotPrincipal", "a statement has Principal or NotPrincipal, not both");
  if (p === undefined && np === undefined) {
    if (trust) site.fail("Principal", "is required in every statement of a role trust policy");
    return;
  }
  if (!trust) {
    site.fail(p !== undefined ? "Principal" : "NotPrincipal", "cannot be used in an identity-based policy (a document with a Resource)");
  }
  const element = p !== undefined ? "Principal" : "NotPrincipal";
  const value = p ?? np;
  if (value === "*") return;
  if (!isObject(value)) return site.fail(element, `must be "*" or an object such as { "Service": "…" }, not ${kind(value)}`);
  const fields = Object.keys(value);
  if (fields.length === 0) site.fail(element, "names no principal");
  for (const field of fields) {
    if (!PRINCIPAL_FIELDS.has(field)) site.fail(`${element}.${field}`, "is not AWS, Service, Federated or CanonicalUser");
    stringList(own(value, field), `${element}.${field}`, site);
  }
}

function validateCondition(condition: unknown, site: Site, variables: boolean): readonly ValidCondition[] {
  if (!isObject(condition)) return site.fail("Condition", `must be an object of condition operators, not ${kind(condition)}`);
  const operators = Object.keys(condition);
  if (operators.length === 0) site.fail("Condition", "is empty: it must name at least one condition operator");
  const out: ValidCondition[] = [];
  for (const operator of operators) {
    const at = `Condition.${operator}`;
    const parsed = parseOperator(operator);
    if (parsed === undefined) site.fail(at, "is not an IAM condition operator");
    const block = own(condition, operator);
    if (!isObject(block)) return site.fail(at, `must be an object of condition keys, not ${kind(block)}`);
    const keys = Object.keys(block);
    if (keys.length === 0) site.fail(at, "is empty: it must name at least one condition key");
    for (const key of keys) {
      if (key === "") site.fail(at, "has an empty condition key");
      const values = conditionValues(own(block, key), `${at}.${key}`, site);
      values.forEach((v, i) => checkValue(parsed, v, values.length === 1 ? `${at}.${key}` : `${at}.${key}[${i}]`, site, variables));
      out.push(Object.freeze({ operator, parsed, key, values }));
    }
  }
  return Object.freeze(out);
}

/** A scalar or a non-empty array of scalars, as text ("Quotation marks are optional…"). */
function conditionValues(raw: unknown, at: string, site: Site): readonly string[] {
  const items = Array.isArray(raw) ? raw : [raw];
  if (items.length === 0) site.fail(at, "is an empty list: IAM requires at least one value");
  const out: string[] = [];
  for (let i = 0; i < items.length; i++) {
    const item: unknown = Object.hasOwn(items, i) ? items[i] : undefined;
    const where = Array.isArray(raw) ? `${at}[${i}]` : at;
    if (typeof item === "string") out.push(item);
    else if (typeof item === "number" && Number.isFinite(item)) out.push(String(item));
    else if (typeof item === "boolean") out.push(item ? "true" : "false");
    else site.fail(where, `must be a string, a number or a boolean, not ${kind(item)}`);
  }
  return Object.freeze(out);
}

/** A value its operator cannot compare is rejected, as IAM rejects it. */
function checkValue(parsed: ParsedOperator, value: string, at: string, site: Site, variables: boolean): void {
  const { family } = parsed.impl;
  if (variables && parsed.impl.variables && parseTemplate(value).hasVariables) return;
  if (!fitsFamily(family, value)) site.fail(at, `${shown(value)} is not a valid ${family} value`);
}

function checkSids(statements: readonly ValidStatement[], site: Site): void {
  const seen = new Set<string>();
  statements.forEach((s, i) => {
    if (s.sid === undefined || s.sid === "") return;
    if (seen.has(s.sid)) site.at(i).fail("Sid", `${shown(s.sid)} is used twice: a Sid must be unique within a policy`);
    seen.add(s.sid);
  });
}

/** An own property's value; undefined when the property is not own (inherited never counts). */
function own(object: Obj, key: string): unknown {
  return Object.hasOwn(object, key) ? object[key] : undefined;
}

function isObject(value: unknown): value is Obj {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function kind(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  if (Array.isArray(value)) return "an array";
  return typeof value === "object" ? "an object" : `a ${typeof value}`;
}

/** A value for a message, cut short. */
function shown(value: unknown): string {
  if (typeof value !== "string") return kind(value);
  return JSON.stringify(value.length > 64 ? `${value.slice(0, 64)}…` : value);
}

function suggestion(key: string): string {
  const lower = key.toLowerCase();
  for (const known of STATEMENT_ELEMENTS) {
    if (known.toLowerCase() === lower || `${known.toLowerCase()}s` === lower) return ` (did you mean ${known}?)`;
  }
  return "";
}
