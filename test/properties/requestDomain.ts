/**
 * The keys the lowering property tests, and the small exhaustive domain of request values for
 * each: every request of a case is one pick per key it involves, times both principal kinds.
 *
 * Each domain holds the null forms of S1 (missing, `""`, and for multi-valued keys `[]` and
 * `[""]`), a value that matches the policy literals of {@link KeySpec.literals}, one that does
 * not, and a case-changed spelling of a matching value. Policy literals and request values are
 * chosen together so that every operator meets both outcomes.
 */

/** The IAM type families arp compares (Binary is left out: it takes no variable, no order). */
export type Family = "String" | "ARN" | "Numeric" | "Date" | "Bool" | "IP";

/** A context value as a request gives it; `undefined` is a missing key. */
export type RequestValue = undefined | string | readonly string[];

/** Where a key's value comes from when the request context does not carry it. */
export type Derived = "username" | "principalArn";

export interface KeySpec {
  /** The IAM key, as the compiled JSON names it. */
  readonly iam: string;
  /** The key as `.arp` source writes it (`tag team`, `aws:SourceIp`, ...). */
  readonly arp: string;
  readonly family: Family;
  /** Multi-valued (ArrayOf...): every comparison needs `any`/`all` (S5). */
  readonly multi: boolean;
  /** Set for keys the request never carries: their value follows from the principal. */
  readonly derived?: Derived;
  /** Request values besides missing (which every key also takes). */
  readonly domain: readonly RequestValue[];
  /** Values for `=`, `!=`, `in`, order tests, as IAM strings. */
  readonly literals: readonly string[];
  /** Patterns for `like` / `not like` (String and ARN keys). */
  readonly patterns?: readonly string[];
  /** Templates with a policy variable that this key may be compared with (String and ARN keys). */
  readonly variables?: readonly VariableValue[];
}

/** A policy value holding a variable: `prefix ${key} suffix`, with IAM's default when given. */
export interface VariableValue {
  /** How the value is written in `.arp`. */
  readonly arp: string;
  /** The key whose value is substituted (IAM spelling). */
  readonly key: string;
  readonly prefix: string;
  readonly suffix: string;
  readonly fallback?: string;
  /** True for `like` patterns: the text around the variable holds wildcards. */
  readonly pattern: boolean;
}

export const ACCOUNT = "123456789012";
export const USER_PRINCIPAL = `arn:aws:iam::${ACCOUNT}:user/alice`;
export const ROLE_SESSION_PRINCIPAL = `arn:aws:sts::${ACCOUNT}:assumed-role/Deployer/alice`;
export const PRINCIPALS = [USER_PRINCIPAL, ROLE_SESSION_PRINCIPAL] as const;

const LAMBDA = `arn:aws:lambda:us-east-1:${ACCOUNT}:function:build`;
const QUEUE = "arn:aws:sqs:us-east-1:111122223333:jobs";

const USER: VariableValue = { arp: "$user", key: "aws:username", prefix: "", suffix: "", pattern: false };
const TEAM: VariableValue = { arp: "$principal.tag.team", key: "aws:PrincipalTag/team", prefix: "", suffix: "", pattern: false };
const TEAM_OR_WEB: VariableValue = { ...TEAM, arp: '$principal.tag.team ?? "web"', fallback: "web" };
const USER_DASH: VariableValue = { arp: '"${user}-*"', key: "aws:username", prefix: "", suffix: "-*", pattern: true };

/** The keys conditions are built from. Every one applies to one of {@link ACTIONS}. */
export const KEYS: readonly KeySpec[] = [
  {
    iam: "aws:RequestedRegion", arp: "aws:RequestedRegion", family: "String", multi: false,
    domain: ["", "eu-west-1", "EU-West-1", "us-east-1"],
    literals: ["eu-west-1", "us-east-1", "EU-WEST-1"], patterns: ["eu-*", "*-1", "us-?ast-1"],
  },
  {
    iam: "aws:ResourceTag/team", arp: "tag team", family: "String", multi: false,
    domain: ["", "web", "WEB", "alice", "alice-dev"],
    literals: ["web", "alice", "Web"], patterns: ["w*", "alice-*"],
    variables: [USER, TEAM, TEAM_OR_WEB, USER_DASH],
  },
  {
    iam: "aws:RequestTag/env", arp: "request tag env", family: "String", multi: false,
    domain: ["", "prod", "Prod", "web"],
    literals: ["prod", "web"], patterns: ["pr*", "?rod"],
    variables: [TEAM, TEAM_OR_WEB],
  },
  {
    // Also the source of `$principal.tag.team`.
    iam: "aws:PrincipalTag/team", arp: "principal tag team", family: "String", multi: false,
    domain: ["", "web", "alice"],
    literals: ["web", "WEB"], patterns: ["w?b"],
  },
  {
    iam: "aws:username", arp: "aws:username", family: "String", multi: false, derived: "username",
    domain: [], literals: ["alice", "ALICE"], patterns: ["al*"],
  },
  {
    iam: "aws:TagKeys", arp: "tag keys", family: "String", multi: true,
    domain: [[], [""], ["team"], ["Team"], ["team", "aws:x"], ["", "env"], "team", ""],
    literals: ["team", "env"], patterns: ["aws:*", "t*"],
  },
  {
    iam: "aws:CalledVia", arp: "aws:CalledVia", family: "String", multi: true,
    domain: [[], [""], ["cloudformation.amazonaws.com"], ["athena.amazonaws.com", "cloudformation.amazonaws.com"]],
    literals: ["cloudformation.amazonaws.com"], patterns: ["cloud*"],
  },
  {
    iam: "aws:SourceArn", arp: "aws:SourceArn", family: "ARN", multi: false,
    domain: ["", `arn:aws:iam::${ACCOUNT}:user/alice`, `arn:aws:iam::${ACCOUNT}:user/Alice`, QUEUE],
    literals: [`arn:aws:iam::${ACCOUNT}:user/alice`, QUEUE],
    patterns: ["arn:aws:iam::*:user/*", "arn:aws:sqs:*:111122223333:*"],
    variables: [{ arp: `"arn:aws:iam::${ACCOUNT}:user/\${user}"`, key: "aws:username", prefix: `arn:aws:iam::${ACCOUNT}:user/`, suffix: "", pattern: false }],
  },
  {
    iam: "aws:PrincipalArn", arp: "aws:PrincipalArn", family: "ARN", multi: false, derived: "principalArn",
    domain: [], literals: [USER_PRINCIPAL, `arn:aws:iam::${ACCOUNT}:role/Deployer`],
    patterns: ["arn:aws:iam::*:role/*", `arn:aws:iam::${ACCOUNT}:*`],
  },
  {
    iam: "events:TargetArn", arp: "events:TargetArn", family: "ARN", multi: true,
    domain: [[], [""], [LAMBDA], [LAMBDA, QUEUE]],
    literals: [LAMBDA], patterns: [`arn:aws:lambda:*:${ACCOUNT}:function:*`],
  },
  {
    iam: "aws:MultiFactorAuthAge", arp: "aws:MultiFactorAuthAge", family: "Numeric", multi: false,
    domain: ["", "0", "30", "3600", "7200"], literals: ["0", "30", "3600"],
  },
  {
    iam: "aws:CurrentTime", arp: "aws:CurrentTime", family: "Date", multi: false,
    domain: ["", "2026-06-01T00:00:00Z", "2027-01-01T00:00:00Z", "2028-03-01T12:00:00Z"],
    literals: ["2027-01-01T00:00:00Z", "2027-01-01", "1798761600", "2026-06-01T00:00:00Z"],
  },
  {
    iam: "aws:TokenIssueTime", arp: "aws:TokenIssueTime", family: "Date", multi: false,
    domain: ["", "2025-01-01T00:00:00Z", "2026-06-01T00:00:00Z"], literals: ["2026-01-01T00:00:00Z"],
  },
  { iam: "aws:SecureTransport", arp: "aws:SecureTransport", family: "Bool", multi: false, domain: ["", "true", "false"], literals: ["true", "false"] },
  { iam: "aws:MultiFactorAuthPresent", arp: "aws:MultiFactorAuthPresent", family: "Bool", multi: false, domain: ["", "true", "false"], literals: ["true", "false"] },
  {
    iam: "codebuild:secondarySources.insecureSsl", arp: "codebuild:secondarySources.insecureSsl", family: "Bool", multi: true,
    domain: [[], [""], ["true"], ["false"], ["true", "false"]], literals: ["true", "false"],
  },
  {
    iam: "aws:SourceIp", arp: "aws:SourceIp", family: "IP", multi: false,
    domain: ["", "10.1.2.3", "192.0.2.1", "203.0.113.9", "2001:DB8::1"],
    literals: ["10.0.0.0/8", "192.0.2.1", "2001:db8::/32", "203.0.113.0/24"],
  },
  {
    iam: "aws:VpcSourceIp", arp: "aws:VpcSourceIp", family: "IP", multi: false,
    domain: ["", "10.1.2.3", "172.16.0.5"], literals: ["10.0.0.0/8", "172.16.0.0/12"],
  },
];

/** The actions of every generated statement: each key above applies to one of them. */
export const ACTIONS = ["apprunner:TagResource", "codebuild:CreateProject", "events:PutTargets"] as const;
/** The action and resource every request names. */
export const REQUEST_ACTION = "apprunner:TagResource";
export const REQUEST_RESOURCE = `arn:aws:apprunner:us-east-1:${ACCOUNT}:service/web/abc`;

export function keyByIam(iam: string): KeySpec {
  const key = KEYS.find((k) => k.iam === iam);
  if (key === undefined) throw new Error(`no key ${iam}`);
  return key;
}

/** One request of a case: a principal, and a value (or nothing) per context key. */
export interface DomainRequest {
  readonly principal: string;
  /** IAM key → value; keys absent here are missing. */
  readonly context: Readonly<Record<string, RequestValue>>;
}

/** How many requests {@link requestsFor} yields for these context keys. */
export function domainSize(keys: readonly KeySpec[]): number {
  return keys.reduce<number>((n, k) => n * (k.derived !== undefined ? 1 : k.domain.length + 1), PRINCIPALS.length);
}

/** Every request over the keys' domains (missing included) and both principals. */
export function* requestsFor(keys: readonly KeySpec[]): Generator<DomainRequest> {
  const carried = keys.filter((k) => k.derived === undefined);
  const choices = carried.map((k) => [undefined, ...k.domain]);
  const picks = carried.map(() => 0);
  for (;;) {
    const context: Record<string, RequestValue> = {};
    carried.forEach((k, i) => {
      const value = choices[i]![picks[i]!];
      if (value !== undefined) context[k.iam] = value;
    });
    for (const principal of PRINCIPALS) yield { principal, context };
    let i = 0;
    while (i < picks.length && ++picks[i]! === choices[i]!.length) picks[i++] = 0;
    if (i === picks.length) return;
  }
}
