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

/** What \`looseValue\` answers for a value \`contextValue\` would reject. */
const INVALID: readonly string[] = [];

/** What \`looseValue\` answers, when not asked to keep it, for a value that passes. */
const VALID: readonly string[] = [];

/**
 * \`contextValue\` without throwing: INVALID where it would throw (the caller then starts over
 * and lets it throw, with the field it names). An array's values are copied into \`into\`
 * (overwriting what it held), a buffer the caller reuses; without one (a key no statement reads) they are
 * only checked, and VALID answers for them.
 */
function looseValue(value: unknown, into: string[] | undefined): ContextValue | undefined {
  const keep = into !== undefined;
  if (value === undefined) return undefined;
  if (typeof value === "number") {
    // A finite number's text is far shorter than MAX_STRING_LENGTH.
    if (!Number.isFinite(value)) return INVALID;
    return keep ? String(value) : VALID;
  }
  if (typeof value === "boolean") return value ? "true" : "false";
  if (!Array.isArray(value)) return INVALID;
  const length = value.length;
  if (length > MAX_VALUES_PER_KEY) return INVALID;
  // An empty array is null to every operator: answered by the empty constant, so the kept
  // buffer is never emptied (V8 frees an emptied array's storage, and the next one allocates).
  if (length === 0) return VALID;
  const values = into;
  for (let i = 0; i < length; i++) {
    if (!hasOwn.call(value, i)) return INVALID;
    const one: unknown = value[i];
    let text: string;
    if (typeof one === "string") text = one;
    else if (typeof one === "number" && Number.isFinite(one)) {
      if (values === undefined) continue;
      text = String(one);
    } else if (typeof one === "boolean") text = one ? "true" : "false";
    else return INVALID;
    if (text.length > MAX_STRING_LENGTH) return INVALID;
    if (values !== undefined) values[i] = text;
  }
  if (values === undefined) return VALID;
  // Shortened only now, and never to 0 (see above).
  if (values.length !== length) values.length = length;
  return values;
}

const hasOwn = Object.prototype.hasOwnProperty;

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
/**
 * Each context key's slot by spelling, -1 for a key no statement reads: the table's spellings,
 * then every other spelling a request has used, so a key costs one look-up after its first
 * request. Bounded: a caller sending ever new keys only stops filling it.
 */
const SLOT_CACHE = new Map<string, number>(KEY_SLOTS);
const SLOT_CACHE_LIMIT = KEY_SLOTS.size + 4096;

/**
 * The slot of a context key as given (-1 for none). Only a name as long as some key the
 * policies read can name one (lower-casing never changes the length of a name that can equal
 * an ASCII key), so most keys no statement reads cost a length test; then its exact spelling
 * (the policies' own spellings and lower case, and spellings seen before), then its lower-cased
 * spelling (condition keys are case-insensitive).
 */
function slotOf(name: string): number {
  if (!FOLD_EVERY_KEY && (name.length >= FOLDED_LENGTHS.length || FOLDED_LENGTHS[name.length] !== 1)) return -1;
  const cached = SLOT_CACHE.get(name);
  if (cached !== undefined) return cached;
  const slot = foldedSlot(name);
  if (SLOT_CACHE.size < SLOT_CACHE_LIMIT) SLOT_CACHE.set(name, slot);
  return slot;
}

/**
 * The slot of the key \`name.toLowerCase()\` names, -1 for none. An ASCII name (every spelling
 * of an ASCII key) is compared with the keys as long as it, folding A-Z as it goes, so an odd
 * spelling the cache no longer takes costs no new string; any other name is lower-cased.
 */
function foldedSlot(name: string): number {
  const length = name.length;
  for (let i = 0; i < length; i++) if (name.charCodeAt(i) > 0x7f) return KEY_SLOTS.get(name.toLowerCase()) ?? -1;
  for (let slot = 0; slot < KEYS.length; slot++) {
    const key = KEYS[slot]!;
    if (key.length !== length) continue;
    let i = 0;
    for (; i < length; i++) {
      const c = name.charCodeAt(i);
      if ((c >= 65 && c <= 90 ? c + 32 : c) !== key.charCodeAt(i)) break;
    }
    if (i === length) return slot;
  }
  return -1;
}

/** Principal-derived keys by principal ARN (principals repeat across requests); bounded. */
const DERIVED_CACHE = new Map<string, ReadonlyMap<string, string>>();
const DERIVED_CACHE_LIMIT = 1024;

function derivedKeysOf(principal: string): ReadonlyMap<string, string> {
  let keys = DERIVED_CACHE.get(principal);
  if (keys === undefined) {
    keys = principalKeysOf(principal);
    if (DERIVED_CACHE.size >= DERIVED_CACHE_LIMIT) DERIVED_CACHE.clear();
    DERIVED_CACHE.set(principal, keys);
  }
  return keys;
}

/**
 * The request as statements read it, validated and read exactly once by \`read\` (a getter or
 * proxy cannot answer differently later), from own properties only. Each value a statement may
 * read is filed under its key's slot, so a look-up is one index; as in the runtime, the last
 * spelling of a key wins, a null key (an empty array, or values that are all "") counts as
 * absent, and a key given as an array is no variable. A view is reused from request to request
 * (\`viewOf\`), so deciding allocates nothing for a request of strings.
 */
class View {
  principal = "";
  action = "";
  resource = "";
  /** The values of the keys statements read, by slot (undefined when the request lacks one). */
  private readonly slots: (ContextValue | undefined)[] = KEYS.map(() => undefined);
  /**
   * Per slot, the array a value given as an array is copied into, kept from request to request
   * so that reading one allocates nothing once the buffer is large enough.
   */
  private readonly buffers: (string[] | undefined)[] = KEYS.map(() => undefined);
  /** Whether some slot holds a value (so \`clear\` has work). */
  private filled = false;
  /** Whether this request filled some buffer (so \`clear\` blanks them). */
  private buffered = false;
  private derived: ReadonlyMap<string, string> | undefined = undefined;
  /** Where the resource part starts (\`restStart\`), once asked for this request; -2 before. */
  private restAt = -2;
  /** The resource's third and fourth colons, found with \`restAt\`. */
  private colon3 = -1;
  private colon4 = -1;
  /** The ARN head last asked about this request (\`startsWithHead\`), and whether the resource starts with it. */
  private head = "";
  private headHit = false;
  /**
   * Reads and checks \`request\`.
   * @throws InvalidRequestError when the request is malformed
   */
  read(request: Request): this {
    // Each field is asked whether it is own: a proxy or a getter on Object.prototype can answer
    // a plain read with what the request does not hold.
    const fields = requestRecord(request);
    this.principal = requestString(ownField(fields, "principal"), "principal");
    this.action = requestString(ownField(fields, "action"), "action");
    this.resource = requestString(ownField(fields, "resource"), "resource");
    this.restAt = -2;
    this.head = "";
    const context = ownField(fields, "context");
    if (context === undefined) return this;
    if (typeof context !== "object" || context === null || Array.isArray(context)) return this.readChecked(context);
    // The common case in one pass: for-in over own keys with the values read by the key being
    // enumerated is V8's fastest way through an object of any shape. Anything out of the
    // ordinary starts over in readChecked, which checks in the documented order and throws.
    const record = context as { readonly [key: string]: unknown };
    const slots = this.slots;
    let count = 0;
    for (const name in record) {
      if (!hasOwn.call(record, name)) continue;
      let value = record[name];
      if (++count > MAX_CONTEXT_KEYS || name.length === 0 || name.length > MAX_STRING_LENGTH) return this.readChecked(context);
      const slot = slotOf(name);
      // Every value is checked, read or not: a malformed request throws whatever the policies read.
      if (typeof value !== "string" || value.length > MAX_STRING_LENGTH) {
        value = looseValue(value, slot >= 0 ? this.buffer(slot) : undefined);
        if (value === INVALID) return this.readChecked(context);
      }
      if (slot >= 0) {
        slots[slot] = value as ContextValue | undefined;
        this.filled = true;
      }
    }
    return this;
  }
  /**
   * Reads the context the careful way: every key checked (count, then lengths), then every
   * value in key order, throwing InvalidRequestError at the first problem.
   */
  private readChecked(context: unknown): this {
    this.clear();
    const names = contextKeysOf(context);
    const record = context as { readonly [key: string]: unknown };
    const slots = this.slots;
    for (let i = 0; i < names.length; i++) {
      const name = names[i]!;
      const value = contextValue(record[name], name);
      const slot = slotOf(name);
      if (slot >= 0) {
        slots[slot] = value;
        this.filled = true;
      }
    }
    return this;
  }
  /**
   * Where the resource's part after its fifth colon starts; -1 unless the resource has exactly
   * five colons. Found at most once a request: every resource test and the index share it.
   */
  restStart(): number {
    let at = this.restAt;
    if (at === -2) at = this.restAt = this.cutResource();
    return at;
  }
  /** Finds the resource's first five colons: where its resource part starts, -1 unless it has exactly five. */
  private cutResource(): number {
    const resource = this.resource;
    let at = -1;
    for (let k = 1; k <= 5; k++) {
      at = resource.indexOf(":", at + 1);
      if (at < 0) return -1;
      if (k === 3) this.colon3 = at;
      else if (k === 4) this.colon4 = at;
    }
    return resource.indexOf(":", at + 1) < 0 ? at + 1 : -1;
  }
  /**
   * Whether the resource starts with \`head\`, an ARN's leading segments through its colon
   * number \`colons\` (3 to 5: \`arn:aws:apprunner:\`), once \`restStart()\` found five colons.
   * A head of another length cannot match, and the last head compared is remembered: the
   * statements of a policy share a few heads, and comparing one costs as much as the rest of a
   * resource test.
   */
  startsWithHead(head: string, colons: number): boolean {
    const end = colons === 3 ? this.colon3 : colons === 4 ? this.colon4 : this.restAt - 1;
    if (head.length !== end + 1) return false;
    if (head !== this.head) {
      this.head = head;
      this.headHit = this.resource.startsWith(head);
    }
    return this.headHit;
  }
  /** Forgets the request, so a reused view holds nothing of it. */
  clear(): void {
    this.derived = undefined;
    if (this.filled) {
      const slots = this.slots;
      for (let i = 0; i < slots.length; i++) slots[i] = undefined;
      this.filled = false;
    }
    if (!this.buffered) return;
    // Only when this request filled a buffer: the others were blanked when last used.
    const buffers = this.buffers;
    for (let i = 0; i < buffers.length; i++) {
      const buffer = buffers[i];
      if (buffer !== undefined && buffer.length > 0) {
        // Blanked, not emptied: V8 frees an array's storage when its length drops to 0. A large
        // one is let go rather than kept at its largest.
        if (buffer.length > BUFFER_KEPT) buffers[i] = undefined;
        else buffer.fill("");
      }
    }
    this.buffered = false;
  }
  /** The reusable array of \`slot\`. */
  private buffer(slot: number): string[] {
    this.buffered = true;
    return (this.buffers[slot] ??= []);
  }
  /** A key the context lacks, derived from the principal ARN when IAM would (computed once per principal). */
  private principalKey(slot: number): string | undefined {
    if (DERIVED_SLOTS[slot] !== 1) return undefined;
    if (this.derived === undefined) this.derived = derivedKeysOf(this.principal);
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

/** Arrays longer than this are not kept for the next request (see \`View.clear\`). */
const BUFFER_KEPT = 64;

/** The view authorize() reuses; undefined while one is in use (a getter on a request may call back in). */
let spareView: View | undefined = new View();

/** A cleared view to read a request into: the spare one when free, else a new one. */
function takeView(): View {
  const view = spareView;
  if (view === undefined) return new View();
  spareView = undefined;
  return view;
}

/** Hands a view back once its request is decided (or was rejected). */
function releaseView(view: View): void {
  view.clear();
  spareView = view;
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
  // \`expected\` is often a constant of the module (or a statement factory's argument) that every
  // answer shares: frozen, so a caller changing one answer cannot change another.
  Object.freeze(expected);
  // Written out rather than spread (a slow path in V8): explain() records one per failed condition.
  const failure: ConditionFailure =
    actual === undefined
      ? unresolved.length === 0
        ? { operator, key, expected }
        : { operator, key, expected, unresolved }
      : unresolved.length === 0
        ? { operator, key, expected, actual }
        : { operator, key, expected, actual, unresolved };
  if (unresolved.length === 0) return miss(why, { kind: "condition", failure });
  const names = unresolved.map((name) => "\`$" + "{" + name + "}\`").join(", ");
  const detail = \`condition \${operator} \${key}: variable \${names} has no value\`;
  return miss(why, { kind: "unresolvable", detail, failure });
}
`;
