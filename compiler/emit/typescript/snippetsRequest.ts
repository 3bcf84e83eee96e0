/**
 * Generated-code snippets for reading a request: the case-insensitive context view, the keys
 * IAM derives from the principal ARN, and the records explain() builds when a statement misses.
 * Each is TypeScript source that helpers.ts emits only when the policies need it.
 */

/**
 * Emitted source: `InvalidRequestError` and the checks that read a request once, as the runtime
 * does (see the request contract in the README): a request is validated before anything is
 * decided, so a malformed one throws rather than ever deciding.
 */
export const VALIDATE = `
/**
 * Thrown by authorize() and explain() for a request that is not well formed; nothing is decided.
 * \`field\` names where the problem is: "request", "principal", "action", "resource", "context",
 * or a context key as \`context["aws:SourceIp"]\`.
 */
export class InvalidRequestError extends TypeError {
  readonly field: string;
  constructor(field: string, problem: string) {
    super(\`invalid request: \${field} \${problem}\`);
    this.name = "InvalidRequestError";
    this.field = field;
  }
}

/** Bounds on a request, as the runtime's REQUEST_LIMITS. */
const MAX_STRING_LENGTH = 8192;
const MAX_CONTEXT_KEYS = 1024;
const MAX_VALUES_PER_KEY = 1024;

/** No context keys: the view of a request without a context. */
const NO_KEYS: readonly string[] = [];

/** A request field that must be a non-empty primitive string. */
function requestString(value: unknown, field: string): string {
  if (typeof value !== "string" || value.length === 0) throw new InvalidRequestError(field, "must be a non-empty string");
  if (value.length > MAX_STRING_LENGTH) throw new InvalidRequestError(field, \`must be at most \${MAX_STRING_LENGTH} characters\`);
  return value;
}

/** The field name of a context key, as errors name it. */
function keyField(key: string): string {
  return "context[" + JSON.stringify(key) + "]";
}

/**
 * One context value as IAM text: a string as given, a finite number as \`String(n)\` and a
 * boolean as "true"/"false" (what JSON-parsed numeric, date and Bool keys mean); else it throws.
 */
function scalarValue(value: unknown, key: string): string {
  let text: string;
  if (typeof value === "string") text = value;
  else if (typeof value === "number" && Number.isFinite(value)) text = String(value);
  else if (typeof value === "boolean") text = value ? "true" : "false";
  else throw new InvalidRequestError(keyField(key), "must be a string, a finite number, a boolean or an array of them");
  if (text.length > MAX_STRING_LENGTH) throw new InvalidRequestError(keyField(key), \`must be at most \${MAX_STRING_LENGTH} characters\`);
  return text;
}

/**
 * A context value read once: undefined when absent, a string, or a copy of a real array (its
 * own elements only: a hole would read through the prototype) holding strings.
 */
function contextValue(value: unknown, key: string): ContextValue | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) return scalarValue(value, key);
  const length = value.length;
  if (length > MAX_VALUES_PER_KEY) throw new InvalidRequestError(keyField(key), \`must have at most \${MAX_VALUES_PER_KEY} values\`);
  const values: string[] = [];
  for (let i = 0; i < length; i++) {
    if (!Object.prototype.hasOwnProperty.call(value, i)) throw new InvalidRequestError(keyField(key), "must not have holes");
    values.push(scalarValue(value[i], key));
  }
  return values;
}

/** The request as an object whose fields are read once; a request that is not one throws. */
function requestRecord(request: unknown): { readonly [field: string]: unknown } {
  if (typeof request !== "object" || request === null || Array.isArray(request)) {
    throw new InvalidRequestError("request", "must be a non-null, non-array object");
  }
  return request as { readonly [field: string]: unknown };
}

/** A request field the request holds itself: an inherited (perhaps polluted) one never counts. */
function ownField(fields: { readonly [field: string]: unknown }, name: string): unknown {
  return Object.prototype.hasOwnProperty.call(fields, name) ? fields[name] : undefined;
}

/** The context's own enumerable keys (never inherited ones); none when it is absent. */
function contextKeysOf(context: unknown): readonly string[] {
  if (context === undefined) return NO_KEYS;
  if (typeof context !== "object" || context === null || Array.isArray(context)) {
    throw new InvalidRequestError("context", "must be a non-null, non-array object");
  }
  const keys = Object.keys(context);
  if (keys.length > MAX_CONTEXT_KEYS) throw new InvalidRequestError("context", \`must have at most \${MAX_CONTEXT_KEYS} keys\`);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    if (key.length === 0 || key.length > MAX_STRING_LENGTH) {
      throw new InvalidRequestError(keyField(key), \`must be a key of 1 to \${MAX_STRING_LENGTH} characters\`);
    }
  }
  return keys;
}
`;

/**
 * Emitted source: the `View` class every statement reads the request through. It needs the key
 * table `contextTable` emits (`KEYS`, `KEY_SLOTS`, `FOLDED_LENGTHS`, `FOLD_EVERY_KEY`).
 */
export const VIEW = `
/** Every slot empty: copied per request, and the slots of a request without a context. */
const NO_VALUES: readonly (ContextValue | undefined)[] = KEYS.map(() => undefined);

/**
 * The slot of a context key as given: its exact spelling first (the policies' own spellings and
 * lower case), then, only for a name as long as some key the policies read (lower-casing never
 * changes the length of a name that can equal an ASCII key), its lower-cased spelling
 * (condition keys are case-insensitive). Keys no statement reads cost one look-up.
 */
function slotOf(name: string): number | undefined {
  const slot = KEY_SLOTS.get(name);
  if (slot !== undefined) return slot;
  if (FOLD_EVERY_KEY || (name.length < FOLDED_LENGTHS.length && FOLDED_LENGTHS[name.length] === 1)) {
    return KEY_SLOTS.get(name.toLowerCase());
  }
  return undefined;
}

/**
 * The request as statements read it, validated and read exactly once when the view is built
 * (a getter or proxy cannot answer differently later), from own properties only. Each value a
 * statement may read is filed under its key's slot, so a look-up is one index; as in the
 * runtime, the last spelling of a key wins, a null key (an empty array, or values that are all
 * "") counts as absent, and a key given as an array is no variable.
 * @throws InvalidRequestError when the request is malformed
 */
class View {
  readonly principal: string;
  readonly action: string;
  readonly resource: string;
  /** The values of the keys statements read, by slot (undefined when the request lacks one). */
  private readonly slots: readonly (ContextValue | undefined)[];
  private derived: ReadonlyMap<string, string> | undefined = undefined;
  constructor(request: Request) {
    const fields = requestRecord(request);
    this.principal = requestString(ownField(fields, "principal"), "principal");
    this.action = requestString(ownField(fields, "action"), "action");
    this.resource = requestString(ownField(fields, "resource"), "resource");
    const context = ownField(fields, "context");
    const names = contextKeysOf(context);
    if (names.length === 0) {
      this.slots = NO_VALUES;
      return;
    }
    // Object.values reads the same own keys in the same order, faster than a keyed read each.
    const values = Object.values(context as object) as unknown[];
    if (values.length !== names.length) throw new InvalidRequestError("context", "must not change while it is read");
    const slots = NO_VALUES.slice();
    for (let i = 0; i < values.length; i++) {
      let value = values[i];
      // Every value is checked, read or not: a malformed request throws whatever the policies read.
      if (typeof value !== "string" || value.length > MAX_STRING_LENGTH) value = contextValue(value, names[i]!);
      if (value === undefined) continue;
      const slot = slotOf(names[i]!);
      if (slot !== undefined) slots[slot] = value as ContextValue;
    }
    this.slots = slots;
  }
  /** A key the context lacks, derived from the principal ARN when IAM would (computed once). */
  private principalKey(slot: number): string | undefined {
    if (this.derived === undefined) this.derived = principalKeysOf(this.principal);
    return this.derived.get(KEYS[slot]!);
  }
  /**
   * The value(s) of the key in \`slot\`: one string, or an array holding a value other than "";
   * undefined when the key is null: absent, given as an empty array, or every value "" (IAM
   * reads an empty string as null, and so does every operator here). A single value stays a
   * string, so most look-ups allocate nothing.
   */
  get(slot: number): ContextValue | undefined {
    const value = this.slots[slot];
    if (value === undefined) {
      const derived = this.principalKey(slot);
      return derived === "" ? undefined : derived;
    }
    if (typeof value === "string") return value === "" ? undefined : value;
    for (let i = 0; i < value.length; i++) if (value[i] !== "") return value;
    return undefined;
  }
  /** A policy variable's value: the key's one value; undefined when absent, null ("") or multivalued. */
  variable(slot: number): string | undefined {
    const value = this.slots[slot];
    const one = value === undefined ? this.principalKey(slot) : typeof value === "string" ? value : undefined;
    return one === "" ? undefined : one;
  }
}
`;

/** Emitted source: a `principalKeysOf` that derives nothing, when no statement reads such a key. */
export const NO_PRINCIPAL_KEYS = `
/** No statement reads a key IAM derives from the principal, so none is derived. */
const NO_PRINCIPAL_KEYS: ReadonlyMap<string, string> = new Map();

function principalKeysOf(_principal: string): ReadonlyMap<string, string> {
  return NO_PRINCIPAL_KEYS;
}
`;

/** Emitted source: `principalKeysOf`, the keys IAM derives from the principal ARN. */
export const PRINCIPAL_KEYS = `
/**
 * Keys IAM derives from the caller (aws:username, aws:PrincipalArn, ...), from the principal
 * ARN; they are used only when the context does not give the key.
 */
function principalKeysOf(principal: string): ReadonlyMap<string, string> {
  const keys = new Map<string, string>();
  const fields = principal.split(":");
  if (fields.length < 6 || fields[0] !== "arn") return keys;
  const partition = fields[1]!;
  const service = fields[2]!;
  const account = fields[4]!;
  const resource = fields.slice(5).join(":");
  if (account !== "") keys.set("aws:principalaccount", account);
  if (service === "iam" && resource === "root") {
    keys.set("aws:principalarn", principal);
    keys.set("aws:principaltype", "Account");
    keys.set("aws:userid", account);
  } else if (service === "iam" && resource.startsWith("user/")) {
    keys.set("aws:principalarn", principal);
    keys.set("aws:principaltype", "User");
    keys.set("aws:username", resource.slice(resource.lastIndexOf("/") + 1));
  } else if (service === "iam" && resource.startsWith("role/")) {
    keys.set("aws:principalarn", principal);
  } else if (service === "sts" && resource.startsWith("assumed-role/")) {
    keys.set("aws:principalarn", \`arn:\${partition}:iam::\${account}:role/\${resource.split("/")[1] ?? ""}\`);
    keys.set("aws:principaltype", "AssumedRole");
  } else if (service === "sts" && resource.startsWith("federated-user/")) {
    keys.set("aws:principalarn", principal);
    keys.set("aws:principaltype", "FederatedUser");
    keys.set("aws:userid", \`\${account}:\${resource.slice("federated-user/".length)}\`);
  }
  return keys;
}
`;

/** Emitted source: `miss`, which records why a statement did not apply. */
export const MISS = `
/** Records why a statement did not apply, and says it did not. */
function miss(why: Why, reason: StatementMiss["reason"]): false {
  why.reason = reason;
  return false;
}
`;

/** Emitted source: `failCondition`, the record of a condition that did not hold. */
export const FAIL_CONDITION = `
/**
 * Records a failed condition. Values whose variables had no value were dropped from
 * \`expected\`; naming them makes the miss "unresolvable" rather than a plain mismatch.
 */
function failCondition(
  why: Why,
  operator: string,
  key: string,
  expected: readonly string[],
  given: ContextValue | undefined,
  unresolved: readonly string[],
): false {
  const actual = typeof given === "string" ? [given] : given;
  const failure: ConditionFailure = {
    operator,
    key,
    expected,
    ...(actual === undefined ? {} : { actual }),
    ...(unresolved.length === 0 ? {} : { unresolved }),
  };
  if (unresolved.length === 0) return miss(why, { kind: "condition", failure });
  const names = unresolved.map((name) => "\`$" + "{" + name + "}\`").join(", ");
  const detail = \`condition \${operator} \${key}: variable \${names} has no value\`;
  return miss(why, { kind: "unresolvable", detail, failure });
}
`;
