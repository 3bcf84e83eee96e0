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
import { NO_CONTEXT_KEYS, type ContextKeys } from "./contextKeys.js";

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

/** A request that met the contract, with the values of the context keys the policies read. */
export interface CheckedRequest {
  readonly principal: string;
  readonly action: string;
  readonly resource: string;
  /**
   * Each read key's value by its slot in the `ContextKeys` the request was checked with;
   * undefined where the request lacks the key (or gave it as `undefined`). A key given as `[]`
   * has no value.
   */
  readonly context: readonly (CheckedValue | undefined)[];
}

/** A key given as `[]`: present with no value, so neither a condition nor a derived key sees it. */
const EMPTY: readonly string[] = Object.freeze([]);

const NO_VALUES: readonly undefined[] = Object.freeze([]);

/**
 * Checks a request against the contract; throws `InvalidRequestError` on the first violation.
 * Every context key and value is checked; only those of `keys` are kept.
 */
export function checkRequest(request: unknown, keys: ContextKeys = NO_CONTEXT_KEYS): CheckedRequest {
  if (typeof request !== "object" || request === null || Array.isArray(request)) {
    throw new InvalidRequestError("request", `must be a non-null, non-array object, not ${describe(request)}`);
  }
  const record = request as Readonly<Record<string, unknown>>;
  return {
    principal: requiredString(record, "principal"),
    action: requiredString(record, "action"),
    resource: requiredString(record, "resource"),
    context: Object.hasOwn(record, "context") ? checkContext(record.context, keys) : NO_VALUES,
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

/**
 * Reads the context in one pass over its own keys (for-in with the value read by the key being
 * enumerated: V8's fastest way through an object of any shape, and no array of keys), each key
 * and value checked in key order and filed under its slot. "Condition key names are not
 * case-sensitive": when spellings of one key repeat, the last in key order wins, and one given
 * as `undefined` leaves the key absent.
 */
function checkContext(context: unknown, keys: ContextKeys): readonly (CheckedValue | undefined)[] {
  if (context === undefined) return NO_VALUES;
  if (typeof context !== "object" || context === null || Array.isArray(context)) {
    throw new InvalidRequestError("context", `must be a non-null, non-array object, not ${describe(context)}`);
  }
  const values = keys.emptyValues<CheckedValue>();
  const record = context as Readonly<Record<string, unknown>>;
  let count = 0;
  try {
    for (const key in record) {
      if (!Object.hasOwn(record, key)) continue;
      if (++count > REQUEST_LIMITS.maxContextKeys) throw tooManyKeys();
      if (key === "" || key.length > REQUEST_LIMITS.maxStringLength) {
        throw new InvalidRequestError(fieldOf(key), `key must be non-empty and at most ${REQUEST_LIMITS.maxStringLength} characters`);
      }
      const value = checkValue(record[key], key);
      const slot = keys.slotOf(key);
      if (slot >= 0) values[slot] = value;
    }
  } catch (error) {
    // The contract checks the number of keys before any key: a context with too many keys
    // says so, whatever problem a key before the limit has.
    if (count <= REQUEST_LIMITS.maxContextKeys && Object.keys(context).length > REQUEST_LIMITS.maxContextKeys) throw tooManyKeys();
    throw error;
  }
  return values;
}

function tooManyKeys(): InvalidRequestError {
  return new InvalidRequestError("context", `has more than ${REQUEST_LIMITS.maxContextKeys} keys`);
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
