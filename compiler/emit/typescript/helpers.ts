/**
 * The small runtime functions a generated evaluator may need, as TypeScript source snippets.
 * Each helper names the helpers it calls; the generator emits only those the policies use,
 * plus their dependencies, in this file's order, so output is stable and holds no dead code.
 */

export type HelperName =
  | "view"
  | "principalKeys"
  | "glob"
  | "globOf"
  | "number"
  | "date"
  | "ip"
  | "binary"
  | "arn"
  | "arnOf"
  | "miss"
  | "failCondition";

interface Helper {
  readonly requires: readonly HelperName[];
  readonly source: string;
}

const VIEW = `
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

const NO_PRINCIPAL_KEYS = `
/** No statement reads a key IAM derives from the principal, so none is derived. */
const NO_PRINCIPAL_KEYS: ReadonlyMap<string, string> = new Map();

function principalKeysOf(_principal: string): ReadonlyMap<string, string> {
  return NO_PRINCIPAL_KEYS;
}
`;

const PRINCIPAL_KEYS = `
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

const GLOB = `
/**
 * A glob split at its stars: a plain string, or [text, ...offsets of one-character holes].
 * Matched leftmost segment by segment, which is exact for star-separated fixed-length
 * segments: no backtracking, so the cost stays linear in practice whatever the pattern.
 */
type Segment = string | readonly [string, ...number[]];

function segmentText(segment: Segment): string {
  return typeof segment === "string" ? segment : segment[0];
}

function segmentAt(s: string, at: number, segment: Segment): boolean {
  if (typeof segment === "string") return s.startsWith(segment, at);
  const text = segment[0];
  let hole = 1;
  for (let i = 0; i < text.length; i++) {
    if (hole < segment.length && segment[hole] === i) {
      hole++;
      continue;
    }
    if (s.charCodeAt(at + i) !== text.charCodeAt(i)) return false;
  }
  return true;
}

function findSegment(s: string, from: number, segment: Segment): number {
  if (typeof segment === "string") return s.indexOf(segment, from);
  const length = segment[0].length;
  for (let at = from; at + length <= s.length; at++) if (segmentAt(s, at, segment)) return at;
  return -1;
}

/** Whether \`s\` matches the glob whose star-separated segments are \`segments\`. */
function glob(s: string, segments: readonly Segment[]): boolean {
  const first = segments[0]!;
  const firstLength = segmentText(first).length;
  if (segments.length === 1) return s.length === firstLength && segmentAt(s, 0, first);
  const last = segments[segments.length - 1]!;
  const end = s.length - segmentText(last).length;
  if (end < firstLength || !segmentAt(s, 0, first) || !segmentAt(s, end, last)) return false;
  let at = firstLength;
  for (let k = 1; k < segments.length - 1; k++) {
    const segment = segments[k]!;
    const found = findSegment(s, at, segment);
    const next = found + segmentText(segment).length;
    if (found < 0 || next > end) return false;
    at = next;
  }
  return true;
}
`;

const GLOB_OF = `
/**
 * Builds glob segments from parts known only per request: strings are literal text (variable
 * values never act as wildcards), 0 is \`*\` and 1 is \`?\`.
 */
function globOf(parts: readonly (string | 0 | 1)[]): Segment[] {
  const segments: Segment[] = [];
  let text = "";
  let holes: number[] = [];
  for (const part of parts) {
    if (part === 0) {
      segments.push(holes.length === 0 ? text : [text, ...holes]);
      text = "";
      holes = [];
    } else if (part === 1) {
      holes.push(text.length);
      text += "?";
    } else {
      text += part;
    }
  }
  segments.push(holes.length === 0 ? text : [text, ...holes]);
  return segments;
}
`;

const NUMBER = `
/** An integer or decimal as IAM's numeric operators read it; NaN for anything else. */
function parseDecimal(s: string): number {
  return /^[+-]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?$/.test(s) ? Number(s) : Number.NaN;
}
`;

const DATE = `
/** Days in a month of the proleptic Gregorian calendar (for years from 100 on). */
function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Digits of \`s\` from \`at\` to \`end\` as a number; -1 when one is not a digit. */
function digits(s: string, at: number, end: number): number {
  let n = 0;
  for (let i = at; i < end; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/** \`YYYY-MM-DDThh:mm:ssZ\`, the form aws:CurrentTime takes, read without a regular expression. */
function parseUtcSeconds(s: string): number | undefined {
  if (s[4] !== "-" || s[7] !== "-" || s[10] !== "T" || s[13] !== ":" || s[16] !== ":" || s[19] !== "Z") return undefined;
  const year = digits(s, 0, 4);
  const month = digits(s, 5, 7);
  const day = digits(s, 8, 10);
  const hour = digits(s, 11, 13);
  const minute = digits(s, 14, 16);
  const second = digits(s, 17, 19);
  // Years below 100 take the general path: Date.UTC reads them as 19xx, as the runtime does.
  if (year < 100 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) return undefined;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return Number.NaN;
  if (hour > 23 || minute > 59 || second > 59) return Number.NaN;
  return Date.UTC(year, month - 1, day, hour, minute, second);
}

const EPOCH = /^\\d+(?:\\.\\d+)?$/;
const W3C = /^(\\d{4})(?:-(\\d{2})(?:-(\\d{2})(?:T(\\d{2}):(\\d{2})(?::(\\d{2})(?:\\.(\\d+))?)?(Z|[+-]\\d{2}:\\d{2})?)?)?)?$/;

/**
 * A date as IAM's date operators read it: epoch seconds (digits), or a W3C profile of ISO 8601
 * (\`YYYY\` up to \`YYYY-MM-DDThh:mm:ss.sTZD\`, no zone meaning UTC). Milliseconds, or NaN.
 */
function parseIamDate(s: string): number {
  if (s.length === 20) {
    const fast = parseUtcSeconds(s);
    if (fast !== undefined) return fast;
  }
  if (EPOCH.test(s)) return Number(s) * 1000;
  const m = W3C.exec(s);
  if (m === null) return Number.NaN;
  const year = Number(m[1]);
  const month = m[2] === undefined ? 1 : Number(m[2]);
  const day = m[3] === undefined ? 1 : Number(m[3]);
  const hour = m[4] === undefined ? 0 : Number(m[4]);
  const minute = m[5] === undefined ? 0 : Number(m[5]);
  const second = m[6] === undefined ? 0 : Number(m[6]);
  const millis = m[7] === undefined ? 0 : Math.floor(Number("0." + m[7]) * 1000);
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (month < 1 || month > 12 || day < 1 || day > days || hour > 23 || minute > 59 || second > 59) return Number.NaN;
  const zone = m[8];
  const offset =
    zone === undefined || zone === "Z"
      ? 0
      : (zone[0] === "-" ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6))) * 60000;
  return Date.UTC(year, month - 1, day, hour, minute, second, millis) - offset;
}
`;

const IP = `
/** An IP range: 2 (IPv4) or 8 (IPv6) 16-bit groups and a prefix length in bits. */
interface Cidr {
  readonly groups: readonly number[];
  readonly prefix: number;
}

function parseIpv4(s: string): number[] | undefined {
  const octets = s.split(".");
  if (octets.length !== 4 || !octets.every((o) => /^\\d{1,3}$/.test(o) && Number(o) <= 255)) return undefined;
  const [a, b, c, d] = octets.map(Number) as [number, number, number, number];
  return [(a << 8) | b, (c << 8) | d];
}

function parseGroups(text: string): number[] | undefined {
  if (text === "") return [];
  const groups: number[] = [];
  const fields = text.split(":");
  for (let i = 0; i < fields.length; i++) {
    const field = fields[i]!;
    if (i === fields.length - 1 && field.includes(".")) {
      const v4 = parseIpv4(field);
      if (v4 === undefined) return undefined;
      groups.push(...v4);
    } else if (/^[0-9a-fA-F]{1,4}$/.test(field)) groups.push(parseInt(field, 16));
    else return undefined;
  }
  return groups;
}

function parseIpv6(s: string): number[] | undefined {
  const halves = s.split("::");
  if (halves.length > 2) return undefined;
  const head = parseGroups(halves[0]!);
  const tail = halves.length === 2 ? parseGroups(halves[1]!) : [];
  if (head === undefined || tail === undefined) return undefined;
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return undefined;
  return [...head, ...new Array<number>(halves.length === 2 ? missing : 0).fill(0), ...tail];
}

/** A request's address (no prefix allowed), as 16-bit groups; undefined when invalid. */
function parseIpAddress(s: string): readonly number[] | undefined {
  return s.includes(":") ? parseIpv6(s) : parseIpv4(s);
}

/** Whether an address lies in a range of the same family (equal leading prefix bits). */
function inRange(address: readonly number[], range: Cidr): boolean {
  if (address.length !== range.groups.length) return false;
  let remaining = range.prefix;
  for (let i = 0; remaining > 0; i++, remaining -= 16) {
    const mask = remaining >= 16 ? 0xffff : (0xffff << (16 - remaining)) & 0xffff;
    if ((address[i]! & mask) !== (range.groups[i]! & mask)) return false;
  }
  return true;
}
`;

const BINARY = `
/**
 * BinaryEquals compares bytes: a valid base-64 value is decoded (so two encodings of the same
 * bytes match); anything else is kept as text that can never equal decoded bytes.
 */
function binaryBytes(s: string): string {
  if (!/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=|[A-Za-z0-9+/]{2,3})?$/.test(s)) {
    return "\\u0000text:" + s;
  }
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  let out = "";
  let bits = 0;
  let buffer = 0;
  for (const ch of s) {
    if (ch === "=") break;
    buffer = ((buffer << 6) | alphabet.indexOf(ch)) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += String.fromCharCode((buffer >> bits) & 0xff);
    }
  }
  return out;
}
`;

const ARN = `
/**
 * ARN operators compare colon-separated components one by one, each a glob, so a \`*\` never
 * spans a colon between components. A pattern of k components splits the value at its first
 * k - 1 colons; the last component takes the rest, colons included.
 */
function arnParts(s: string, components: number): string[] | undefined {
  const parts: string[] = [];
  let from = 0;
  for (let i = 0; i < components - 1; i++) {
    const colon = s.indexOf(":", from);
    if (colon < 0) return undefined;
    parts.push(s.slice(from, colon));
    from = colon + 1;
  }
  parts.push(s.slice(from));
  return parts;
}
`;

const ARN_OF = `
/**
 * An ARN pattern known only per request (a variable before its sixth component): glob parts
 * split at the first five colons of any text, then each component made a glob.
 */
function arnOf(parts: readonly (string | 0 | 1)[]): Segment[][] {
  const components: (string | 0 | 1)[][] = [[]];
  for (const part of parts) {
    if (typeof part !== "string") {
      components[components.length - 1]!.push(part);
      continue;
    }
    let rest = part;
    let colon = rest.indexOf(":");
    while (colon >= 0 && components.length < 6) {
      components[components.length - 1]!.push(rest.slice(0, colon));
      components.push([]);
      rest = rest.slice(colon + 1);
      colon = rest.indexOf(":");
    }
    components[components.length - 1]!.push(rest);
  }
  return components.map(globOf);
}

/** Whether \`s\` matches an ARN pattern given as per-component globs. */
function arnLike(s: string, pattern: readonly (readonly Segment[])[]): boolean {
  const parts = arnParts(s, pattern.length);
  if (parts === undefined) return false;
  for (let i = 0; i < pattern.length; i++) if (!glob(parts[i]!, pattern[i]!)) return false;
  return true;
}
`;

const MISS = `
/** Records why a statement did not apply, for explain(); authorize() passes no record. */
interface Why {
  reason: StatementMiss["reason"] | undefined;
}

function miss(why: Why, reason: StatementMiss["reason"]): false {
  why.reason = reason;
  return false;
}
`;

const FAIL_CONDITION = `
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

const HELPERS: Readonly<Record<HelperName, Helper>> = {
  view: { requires: [], source: VIEW },
  principalKeys: { requires: ["view"], source: PRINCIPAL_KEYS },
  glob: { requires: [], source: GLOB },
  globOf: { requires: ["glob"], source: GLOB_OF },
  number: { requires: [], source: NUMBER },
  date: { requires: [], source: DATE },
  ip: { requires: [], source: IP },
  binary: { requires: [], source: BINARY },
  arn: { requires: [], source: ARN },
  arnOf: { requires: ["arn", "globOf"], source: ARN_OF },
  miss: { requires: [], source: MISS },
  failCondition: { requires: ["miss"], source: FAIL_CONDITION },
};

const ORDER = Object.keys(HELPERS) as HelperName[];

/** The source of the named helpers and everything they call, in a fixed order. */
export function helperSources(used: ReadonlySet<HelperName>): string[] {
  const closed = new Set<HelperName>();
  const visit = (name: HelperName): void => {
    if (closed.has(name)) return;
    closed.add(name);
    HELPERS[name].requires.forEach(visit);
  };
  used.forEach(visit);
  const sources = ORDER.filter((name) => closed.has(name)).map((name) => HELPERS[name].source.trim());
  // The view calls principalKeysOf; when no statement reads a derived key it derives none.
  if (closed.has("view") && !closed.has("principalKeys")) sources.splice(1, 0, NO_PRINCIPAL_KEYS.trim());
  return sources;
}
