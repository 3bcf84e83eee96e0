/**
 * The request contract: every public entry point checks the request before deciding anything
 * and throws `InvalidRequestError` on any violation, so nothing malformed can lead to Allow.
 * Apps pass parsed JSON straight in, so JSON's numbers and booleans are accepted in the
 * context and read as IAM reads them (`7200` is `"7200"`, `false` is `"false"`).
 *
 * Only own properties are read (`Object.hasOwn`, `Object.keys`): a polluted `Object.prototype`
 * or an inherited key never decides. Each property is read once, while the table the
 * evaluator uses is built, so a getter cannot show validation one value and the decision
 * another.
 */

/** The sizes a request may have. Bounding them bounds the time of one decision (see README). */
export const REQUEST_LIMITS: Readonly<{ maxStringLength: number; maxContextKeys: number; maxValuesPerKey: number }> =
  Object.freeze({ maxStringLength: 8192, maxContextKeys: 1024, maxValuesPerKey: 1024 });

/** A request that breaks the request contract. Nothing was decided. */
export class InvalidRequestError extends TypeError {
  /**
   * Where the problem is: `request`, `principal`, `action`, `resource`, `context`, or
   * `context[<key as JSON>]`, e.g. `context["aws:MultiFactorAuthAge"]`.
   */
  readonly field: string;

  constructor(field: string, problem: string) {
    super(`invalid request: ${field} ${problem}`);
    this.name = "InvalidRequestError";
    this.field = field;
  }
}

/** A context value as the evaluator reads it: one string, or several (never empty). */
export type CheckedValue = string | readonly string[];

/** A request that met the contract, with its context keyed by lower-cased name. */
export interface CheckedRequest {
  readonly principal: string;
  readonly action: string;
  readonly resource: string;
  /** Lower-cased key → value; a key given as `undefined` is absent, one given as `[]` has no value. */
  readonly context: ReadonlyMap<string, CheckedValue>;
}

/** A key given as `[]`: present with no value, so neither a condition nor a derived key sees it. */
const EMPTY: readonly string[] = Object.freeze([]);

const NO_CONTEXT: ReadonlyMap<string, CheckedValue> = new Map();

/** Checks a request against the contract; throws `InvalidRequestError` on the first violation. */
export function checkRequest(request: unknown): CheckedRequest {
  if (typeof request !== "object" || request === null || Array.isArray(request)) {
    throw new InvalidRequestError("request", `must be a non-null, non-array object, not ${describe(request)}`);
  }
  const record = request as Readonly<Record<string, unknown>>;
  return {
    principal: requiredString(record, "principal"),
    action: requiredString(record, "action"),
    resource: requiredString(record, "resource"),
    context: Object.hasOwn(record, "context") ? checkContext(record.context) : NO_CONTEXT,
  };
}

function requiredString(record: Readonly<Record<string, unknown>>, field: string): string {
  const value = Object.hasOwn(record, field) ? record[field] : undefined;
  if (typeof value !== "string" || value === "") {
    throw new InvalidRequestError(field, `must be a non-empty string, not ${describe(value)}`);
  }
  if (value.length > REQUEST_LIMITS.maxStringLength) {
    throw new InvalidRequestError(field, `is longer than ${REQUEST_LIMITS.maxStringLength} characters`);
  }
  return value;
}

function checkContext(context: unknown): ReadonlyMap<string, CheckedValue> {
  if (context === undefined) return NO_CONTEXT;
  if (typeof context !== "object" || context === null || Array.isArray(context)) {
    throw new InvalidRequestError("context", `must be a non-null, non-array object, not ${describe(context)}`);
  }
  const keys = Object.keys(context);
  if (keys.length > REQUEST_LIMITS.maxContextKeys) {
    throw new InvalidRequestError("context", `has more than ${REQUEST_LIMITS.maxContextKeys} keys`);
  }
  const table = new Map<string, CheckedValue>();
  const record = context as Readonly<Record<string, unknown>>;
  for (const key of keys) {
    if (key === "" || key.length > REQUEST_LIMITS.maxStringLength) {
      throw new InvalidRequestError(fieldOf(key), `key must be non-empty and at most ${REQUEST_LIMITS.maxStringLength} characters`);
    }
    const value = checkValue(record[key], key);
    // "Condition key names are not case-sensitive": the last spelling in key order wins.
    const lower = lowerOf(key);
    if (value === undefined) table.delete(lower);
    else table.set(lower, value);
  }
  return table;
}

/**
 * Each context key spelling to its lower-cased name. Requests repeat the same few dozen
 * spellings (`aws:PrincipalTag/team`, ...), so one look-up replaces lower-casing (a new string
 * for every mixed-case key) on every request. Bounded: made-up keys only stop filling it.
 */
const LOWER_NAMES = new Map<string, string>();
const LOWER_NAMES_LIMIT = 4096;

function lowerOf(key: string): string {
  let lower = LOWER_NAMES.get(key);
  if (lower === undefined) {
    lower = key.toLowerCase();
    if (LOWER_NAMES.size < LOWER_NAMES_LIMIT) LOWER_NAMES.set(key, lower);
  }
  return lower;
}

/** `context["key"]`, or `context["key"][i]` for one value of an array. Built only to throw. */
function fieldOf(key: string, index?: number): string {
  return `context[${JSON.stringify(key)}]${index === undefined ? "" : `[${index}]`}`;
}

/** One context value; undefined when the key counts as absent. */
function checkValue(value: unknown, key: string): CheckedValue | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) return scalar(value, key, undefined);
  const length = value.length;
  if (length > REQUEST_LIMITS.maxValuesPerKey) {
    throw new InvalidRequestError(fieldOf(key), `has more than ${REQUEST_LIMITS.maxValuesPerKey} values`);
  }
  if (length === 0) return EMPTY;
  const out: string[] = [];
  for (let i = 0; i < length; i++) {
    if (!Object.hasOwn(value, i)) throw new InvalidRequestError(fieldOf(key), `has a hole at index ${i}`);
    out.push(scalar(value[i], key, i));
  }
  return out;
}

/** A string, finite number or boolean as the string IAM compares; anything else throws. */
function scalar(value: unknown, key: string, index: number | undefined): string {
  let text: string;
  if (typeof value === "string") text = value;
  else if (typeof value === "number" && Number.isFinite(value)) text = String(value);
  else if (typeof value === "boolean") text = value ? "true" : "false";
  else {
    const what = `must be a string, a finite number, a boolean or an array of them, not ${describe(value)}`;
    throw new InvalidRequestError(fieldOf(key, index), what);
  }
  if (text.length > REQUEST_LIMITS.maxStringLength) {
    throw new InvalidRequestError(fieldOf(key, index), `is longer than ${REQUEST_LIMITS.maxStringLength} characters`);
  }
  return text;
}

/** A short description of a wrong value, without echoing (possibly huge) content. */
function describe(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  if (Array.isArray(value)) return "an array";
  if (typeof value === "string") return value === "" ? "an empty string" : "a string";
  if (typeof value === "number") return Number.isNaN(value) ? "NaN" : Number.isFinite(value) ? "a number" : "an infinite number";
  return typeof value === "object" ? "an object" : `a ${typeof value}`;
}
