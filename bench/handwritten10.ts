/**
 * POLICY_10 (bench/policies.ts) decided by hand: what a perfect generator would emit for it.
 * Every statement's Action is resolved to a switch over a small action code, resource patterns
 * are prefix/indexOf tests written out, and conditions read the few context keys they need.
 * It keeps IAM's rules the generated code must keep too (case-insensitive actions and keys,
 * wildcard statements for action names it has never seen, unresolvable variables, missing
 * keys), so the comparison is fair; the bench checks it decides as the runtime does first.
 */
import type { Decision, Request } from "../runtime/index.js";

const SERVICE_PREFIX = "arn:aws:apprunner:us-east-1:123456789012:service/";
const FREEZE_AFTER = Date.UTC(2030, 0, 1);

/** What the policy does with an action; every action the policy names gets its own code. */
const enum A {
  /** Matched by no Action: only the NotAction freeze applies. */
  Other,
  /** `apprunner:Describe*` / `apprunner:List*`: allowed, and exempt from the freeze. */
  Read,
  DeleteService,
  DeleteConnection,
  Deploy,
  CreateService,
  PauseResume,
  Tag,
  CreateConnection,
  ListConnections,
  PassRole,
}

const CODES: ReadonlyMap<string, A> = new Map(
  (
    [
      ["apprunner:DeleteService", A.DeleteService],
      ["apprunner:DeleteConnection", A.DeleteConnection],
      ["apprunner:StartDeployment", A.Deploy],
      ["apprunner:UpdateService", A.Deploy],
      ["apprunner:CreateService", A.CreateService],
      ["apprunner:PauseService", A.PauseResume],
      ["apprunner:ResumeService", A.PauseResume],
      ["apprunner:TagResource", A.Tag],
      ["apprunner:UntagResource", A.Tag],
      ["apprunner:CreateConnection", A.CreateConnection],
      ["apprunner:ListConnections", A.ListConnections],
      ["iam:PassRole", A.PassRole],
    ] as const
  ).flatMap(([name, code]) => [
    [name, code],
    [name.toLowerCase(), code],
  ]),
);

/** Codes of other spellings, remembered as given (bounded), so repeats need no lower-casing. */
const SEEN = new Map<string, A>();

function codeOf(action: string): A {
  const known = CODES.get(action) ?? SEEN.get(action);
  if (known !== undefined) return known;
  const lower = action.toLowerCase();
  const code = CODES.get(lower) ?? (lower.startsWith("apprunner:describe") || lower.startsWith("apprunner:list") ? A.Read : A.Other);
  if (SEEN.size >= 4096) SEEN.clear();
  SEEN.set(action, code);
  return code;
}

/** Whether a context key as given names the lower-cased ASCII `key`, compared in place. */
function sameKey(name: string, key: string): boolean {
  if (name.length !== key.length) return false;
  for (let i = 0; i < key.length; i++) {
    const a = name.charCodeAt(i);
    const b = key.charCodeAt(i);
    if (a === b || (a >= 65 && a <= 90 && a + 32 === b)) continue;
    return a > 127 ? name.toLowerCase() === key : false;
  }
  return true;
}

/** Context look-ups (keys are case-insensitive; the last spelling given wins). */
class Context {
  constructor(private readonly request: Request) {}
  private given(key: string): string | readonly string[] | undefined {
    const context = this.request.context;
    let found: string | readonly string[] | undefined;
    if (context !== undefined) for (const name in context) if (sameKey(name, key)) found = context[name];
    return found;
  }
  /** One value, or a non-empty array; undefined when absent or empty. */
  values(key: string): string | readonly string[] | undefined {
    const v = this.given(key);
    return v === undefined || typeof v === "string" || v.length > 0 ? v : undefined;
  }
  single(key: string): string | undefined {
    const v = this.given(key);
    return typeof v === "string" ? v : undefined;
  }
}

type Values = string | readonly string[] | undefined;

function someEqual(values: Values, wanted: string): boolean {
  if (values === undefined) return false;
  if (typeof values === "string") return values === wanted;
  for (const v of values) if (v === wanted) return true;
  return false;
}

function ipv4Groups(s: string): number[] | undefined {
  const o = s.split(".");
  if (o.length !== 4 || !o.every((x) => /^\d{1,3}$/.test(x) && Number(x) <= 255)) return undefined;
  return [(Number(o[0]) << 8) | Number(o[1]), (Number(o[2]) << 8) | Number(o[3])];
}

function hexGroups(text: string): number[] | undefined {
  if (text === "") return [];
  const fields = text.split(":");
  const out: number[] = [];
  for (let i = 0; i < fields.length; i++) {
    const f = fields[i]!;
    if (i === fields.length - 1 && f.includes(".")) {
      const v4 = ipv4Groups(f);
      if (v4 === undefined) return undefined;
      out.push(...v4);
    } else if (/^[0-9a-fA-F]{1,4}$/.test(f)) out.push(parseInt(f, 16));
    else return undefined;
  }
  return out;
}

/** The first two 16-bit groups of an IPv6 address; undefined when it is not one. */
function ipv6Head(s: string): [number, number] | undefined {
  const halves = s.split("::");
  if (halves.length > 2) return undefined;
  const head = hexGroups(halves[0]!);
  const tail = halves.length === 2 ? hexGroups(halves[1]!) : [];
  if (head === undefined || tail === undefined) return undefined;
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return undefined;
  const all = [...head, ...new Array<number>(halves.length === 2 ? missing : 0).fill(0), ...tail];
  return [all[0]!, all[1]!];
}

/** IpAddress 10.0.0.0/8, 192.168.0.0/16 or 2001:db8::/32. */
function fromOffice(values: Values): boolean {
  if (values === undefined) return false;
  for (const v of typeof values === "string" ? [values] : values) {
    if (v.includes(":")) {
      const g = ipv6Head(v);
      if (g !== undefined && g[0] === 0x2001 && g[1] === 0x0db8) return true;
    } else {
      const g = ipv4Groups(v);
      if (g !== undefined && (g[0]! >> 8 === 10 || g[0] === 0xc0a8)) return true;
    }
  }
  return false;
}

function digits(s: string, at: number, end: number): number {
  let n = 0;
  for (let i = at; i < end; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

const W3C = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(Z|[+-]\d{2}:\d{2})?)?)?)?$/;

/** IAM's date reading (epoch seconds or W3C ISO 8601); NaN when invalid. `YYYY-MM-DDThh:mm:ssZ` first. */
function parseDate(s: string): number {
  if (s.length === 20 && s[4] === "-" && s[7] === "-" && s[10] === "T" && s[13] === ":" && s[16] === ":" && s[19] === "Z") {
    const y = digits(s, 0, 4);
    const mo = digits(s, 5, 7);
    const d = digits(s, 8, 10);
    const h = digits(s, 11, 13);
    const mi = digits(s, 14, 16);
    const se = digits(s, 17, 19);
    if (y >= 100 && mo >= 0 && d >= 0 && h >= 0 && mi >= 0 && se >= 0) {
      if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo) || h > 23 || mi > 59 || se > 59) return NaN;
      return Date.UTC(y, mo - 1, d, h, mi, se);
    }
  }
  if (/^\d+(?:\.\d+)?$/.test(s)) return Number(s) * 1000;
  const m = W3C.exec(s);
  if (m === null) return NaN;
  const y = Number(m[1]);
  const mo = m[2] === undefined ? 1 : Number(m[2]);
  const d = m[3] === undefined ? 1 : Number(m[3]);
  const h = m[4] === undefined ? 0 : Number(m[4]);
  const mi = m[5] === undefined ? 0 : Number(m[5]);
  const se = m[6] === undefined ? 0 : Number(m[6]);
  if (mo < 1 || mo > 12 || d < 1 || d > new Date(Date.UTC(y, mo, 0)).getUTCDate() || h > 23 || mi > 59 || se > 59) return NaN;
  const ms = m[7] === undefined ? 0 : Math.floor(Number(`0.${m[7]}`) * 1000);
  const z = m[8];
  const off = z === undefined || z === "Z" ? 0 : (z[0] === "-" ? -1 : 1) * (Number(z.slice(1, 3)) * 60 + Number(z.slice(4, 6))) * 60000;
  return Date.UTC(y, mo - 1, d, h, mi, se, ms) - off;
}

/** FreezeAfter2030: every action but the Describe and List ones is denied after 2030. */
function frozen(c: Context): boolean {
  const values = c.values("aws:currenttime");
  if (values === undefined) return false;
  if (typeof values === "string") return parseDate(values) > FREEZE_AFTER;
  for (const v of values) if (parseDate(v) > FREEZE_AFTER) return true;
  return false;
}

/** ProdNeedsAdmin: `arn:aws:apprunner:*:*:service/prod-*` without an admin tag. */
function prodWithoutAdmin(resource: string, c: Context): boolean {
  if (!resource.startsWith("arn:aws:apprunner:")) return false;
  const colon = resource.indexOf(":", 18);
  if (colon < 0 || resource.indexOf(":service/prod-", colon + 1) < 0) return false;
  return c.values("aws:principaltag/admin") === undefined;
}

/** DeleteNeedsMfa: BoolIfExists aws:MultiFactorAuthPresent "false". */
function withoutMfa(c: Context): boolean {
  const values = c.values("aws:multifactorauthpresent");
  if (values === undefined) return true;
  if (typeof values === "string") return values.toLowerCase() === "false";
  for (const v of values) if (v.toLowerCase() === "false") return true;
  return false;
}

/** DeployOwnTeam: the team's own services, tagged with the team. */
function ownTeamService(resource: string, c: Context): boolean {
  const team = c.single("aws:principaltag/team");
  if (team === undefined) return false;
  const prefix = SERVICE_PREFIX + team + "-";
  if (!resource.startsWith(prefix) || resource.indexOf("/", prefix.length) < 0) return false;
  return someEqual(c.values("aws:resourcetag/team"), team);
}

const ALLOWED_TAG_KEYS = new Set(["team", "env", "cost-center"]);

/** CreateTagged: the request tags the team and uses only known tag keys. */
function createTagged(resource: string, c: Context): boolean {
  if (!resource.startsWith(SERVICE_PREFIX)) return false;
  const team = c.single("aws:principaltag/team");
  if (team === undefined || !someEqual(c.values("aws:requesttag/team"), team)) return false;
  const keys = c.values("aws:tagkeys");
  if (keys === undefined) return true;
  if (typeof keys === "string") return keys === "" || ALLOWED_TAG_KEYS.has(keys);
  return keys.every((k) => k === "") || keys.every((k) => ALLOWED_TAG_KEYS.has(k));
}

/** TagEnv: `arn:aws:apprunner:*:123456789012:*` with an env* or team tag key. */
function tagEnv(resource: string, c: Context): boolean {
  if (!resource.startsWith("arn:aws:apprunner:") || resource.indexOf(":123456789012:", 18) < 0) return false;
  const keys = c.values("aws:tagkeys");
  if (keys === undefined) return false;
  if (typeof keys === "string") return keys.startsWith("env") || keys === "team";
  return keys.some((k) => k.startsWith("env") || k === "team");
}

/** The decision for one request under POLICY_10. */
export function authorize(request: Request): Decision {
  const code = codeOf(request.action);
  const c = new Context(request);
  if (code !== A.Read && code !== A.ListConnections && frozen(c)) return "ExplicitDeny";
  const r = request.resource;
  switch (code) {
    case A.DeleteService:
      return withoutMfa(c) || prodWithoutAdmin(r, c) ? "ExplicitDeny" : "ImplicitDeny";
    case A.DeleteConnection:
      return prodWithoutAdmin(r, c) ? "ExplicitDeny" : "ImplicitDeny";
    case A.Deploy:
      return ownTeamService(r, c) ? "Allow" : "ImplicitDeny";
    case A.CreateService:
      return createTagged(r, c) ? "Allow" : "ImplicitDeny";
    case A.PauseResume:
      return r.startsWith(SERVICE_PREFIX) && fromOffice(c.values("aws:sourceip")) ? "Allow" : "ImplicitDeny";
    case A.Tag:
      return tagEnv(r, c) ? "Allow" : "ImplicitDeny";
    case A.PassRole:
      return r.startsWith("arn:aws:iam::123456789012:role/apprunner-") && someEqual(c.values("iam:passedtoservice"), "apprunner.amazonaws.com")
        ? "Allow"
        : "ImplicitDeny";
    case A.Read:
    case A.CreateConnection:
    case A.ListConnections:
      return "Allow";
    case A.Other:
      return "ImplicitDeny";
  }
}
