/**
 * Generated-code snippets for reading a request: the case-insensitive context view, the keys
 * IAM derives from the principal ARN, and the records explain() builds when a statement misses.
 * Each is TypeScript source that helpers.ts emits only when the policies need it.
 */

/** Emitted source: `sameKey` and the `View` class every statement reads the request through. */
export const VIEW = `
/** Whether a context key as given names the lower-cased \`key\` (condition keys are case-insensitive). */
function sameKey(name: string, key: string, ascii: boolean): boolean {
  if (!ascii) return name.toLowerCase() === key;
  // Lower-casing never shortens a string and lengthens only U+0130 (into non-ASCII), so only a
  // name of the same length can name an ASCII key: compare in place, without allocating.
  if (name.length !== key.length) return false;
  for (let i = 0; i < key.length; i++) {
    const a = name.charCodeAt(i);
    const b = key.charCodeAt(i);
    if (a === b || (a >= 65 && a <= 90 && a + 32 === b)) continue;
    return a > 127 ? name.toLowerCase() === key : false;
  }
  return true;
}

/**
 * The request as statements read it. A key look-up scans the context's few keys in place
 * rather than re-keying the whole context per request; as in the runtime, the last spelling
 * of a key wins, an empty array counts as absent, and a key given as an array is no variable.
 */
class View {
  readonly resource: string;
  private readonly request: Request;
  private derived: ReadonlyMap<string, string> | undefined = undefined;
  constructor(request: Request) {
    this.resource = request.resource;
    this.request = request;
  }
  /** The value of a key as given (\`key\` lower-cased; \`ascii\` when it is plain ASCII). */
  private given(key: string, ascii: boolean): ContextValue | undefined {
    const context = this.request.context;
    let found: ContextValue | undefined;
    if (context !== undefined) {
      for (const name in context) {
        if (!sameKey(name, key, ascii)) continue;
        const value = context[name];
        if (value !== undefined) found = value;
      }
    }
    return found;
  }
  /** A key the context lacks, derived from the principal ARN when IAM would (computed once). */
  private principalKey(key: string): string | undefined {
    if (this.derived === undefined) this.derived = principalKeysOf(this.request.principal);
    return this.derived.get(key);
  }
  /**
   * The value(s) of a key: one string, or an array of at least one; undefined when absent or
   * given as an empty array. A single value stays a string, so most look-ups allocate nothing.
   */
  get(key: string, ascii = true): ContextValue | undefined {
    const value = this.given(key, ascii);
    if (value === undefined) return this.principalKey(key);
    return typeof value === "string" || value.length > 0 ? value : undefined;
  }
  /** A policy variable's value: the key's one value; undefined when absent or multivalued. */
  variable(key: string, ascii = true): string | undefined {
    const value = this.given(key, ascii);
    if (value === undefined) return this.principalKey(key);
    return typeof value === "string" ? value : undefined;
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
