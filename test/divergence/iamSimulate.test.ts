/**
 * Where iam-simulate (@cloud-copilot/iam-simulate, the bench's `iam-simulate` contender) decides
 * differently from arp's runtime. The AWS documentation is the authority; each test asserts both
 * what arp does and what iam-simulate does today, so it fails if either changes.
 *
 * - "documented": the docs state the behaviour and arp follows them; iam-simulate does not.
 * - "modelling": the difference is in what the request context holds or how the request is
 *   posed, not in how a condition is evaluated.
 * - "undocumented": the docs do not decide; both are choices (arp's is named in runtime/).
 *
 * The differential at the end draws random policies and requests from a small pool of
 * operators, keys and values: on the pool's common ground (every case above left out) the two
 * agree on every draw, and on the whole pool every disagreement falls in one of the cases above.
 *
 * Sources: [vars] IAM policy elements: Variables and tags; [ops] IAM JSON policy elements:
 * Condition operators; [multi] Single-valued vs. multivalued context keys / Set operators for
 * multivalued context keys; [keys] AWS global condition context keys; [res] IAM JSON policy
 * elements: Resource (docs.aws.amazon.com/IAM/latest/UserGuide/…).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { runSimulation, runUnsafeSimulation } from "@cloud-copilot/iam-simulate";
import { loadIamSimulate } from "../support/iamSimulateDecider.js";
import { evaluate } from "../../runtime/index.js";
import type { ContextValue, Decision, IamConditionBlock, IamStatement, Request } from "../../runtime/index.js";

const ACCOUNT = "123456789012";
const MARY = `arn:aws:iam::${ACCOUNT}:user/marymajor`;
const ALLOW_ALL: IamStatement = { Effect: "Allow", Action: "*", Resource: "*" };

function request(fields: Partial<Request> = {}): Request {
  return { principal: MARY, action: "s3:GetObject", resource: "arn:aws:s3:::bucket/key", ...fields };
}

/** arp's runtime. */
function arp(statements: IamStatement[], req: Request): Decision {
  return evaluate([{ Version: "2012-10-17", Statement: statements }], req).decision;
}

const SIM_DECISIONS: Readonly<Record<string, Decision>> = {
  Allowed: "Allow",
  ExplicitlyDenied: "ExplicitDeny",
  ImplicitlyDenied: "ImplicitDeny",
};

/** iam-simulate's `runUnsafeSimulation`, the request passed as is, same account. */
function sim(statements: IamStatement[], req: Request): Decision {
  const context: Record<string, string | string[]> = {};
  for (const [key, value] of Object.entries(req.context ?? {})) context[key] = typeof value === "string" ? value : [...value];
  const result = runUnsafeSimulation(
    {
      request: {
        principal: req.principal,
        action: req.action,
        resource: { resource: req.resource, accountId: ACCOUNT },
        contextVariables: context,
      },
      identityPolicies: [{ name: "policy", policy: { Version: "2012-10-17", Statement: statements } }],
      serviceControlPolicies: [],
      resourceControlPolicies: [],
    },
    {},
  );
  return SIM_DECISIONS[result]!;
}

/** A statement allowing everything under one condition. */
const allowIf = (condition: IamConditionBlock): IamStatement => ({ ...ALLOW_ALL, Condition: condition });
/** Allow everything, deny everything under one condition. */
const denyIf = (condition: IamConditionBlock): IamStatement[] => [
  ALLOW_ALL,
  { Effect: "Deny", Action: "*", Resource: "*", Condition: condition },
];
const withContext = (context: Record<string, ContextValue>): Request => request({ context });

describe("documented: iam-simulate does not follow the docs", () => {
  it('[vars] "Inverted condition operators like StringNotEquals or StringNotLike do match against a null value": the Deny applies to a caller without the tag', () => {
    // The docs' example: access is explicitly denied when aws:PrincipalTag/Team is not set.
    const statements = denyIf({ StringNotEquals: { "aws:ResourceTag/Team": "${aws:PrincipalTag/Team}" } });
    const untagged = withContext({ "aws:ResourceTag/Team": "red" });
    expect(arp(statements, untagged)).toBe("ExplicitDeny");
    expect(sim(statements, untagged)).toBe("Allow");
    // With the tag set, both compare the values.
    const other = withContext({ "aws:ResourceTag/Team": "red", "aws:PrincipalTag/Team": "blue" });
    expect(arp(statements, other)).toBe("ExplicitDeny");
    expect(sim(statements, other)).toBe("ExplicitDeny");
  });

  it('[ops] date values are ISO 8601 "or in epoch (UNIX) time", and [keys] aws:EpochTime "accepts the number of seconds since January 1, 1970": iam-simulate reads epoch values as milliseconds', () => {
    // 1700000000 s is 2023-11-14T22:13:20Z, after 2020; as milliseconds it is January 1970.
    const since2020 = [allowIf({ DateGreaterThan: { "aws:EpochTime": "2020-01-01T00:00:00Z" } })];
    const in2023 = withContext({ "aws:EpochTime": "1700000000" });
    expect(arp(since2020, in2023)).toBe("Allow");
    expect(sim(since2020, in2023)).toBe("ImplicitDeny");
    // The other way round: 1893456000 s is 2030-01-01, so a 2026 request is not after it.
    const after2030 = [allowIf({ DateGreaterThan: { "aws:CurrentTime": "1893456000" } })];
    const in2026 = withContext({ "aws:CurrentTime": "2026-11-25T12:00:00Z" });
    expect(arp(after2030, in2026)).toBe("ImplicitDeny");
    expect(sim(after2030, in2026)).toBe("Allow");
  });

  it('[multi] ForAllValues "returns true … if the context key value resolves to a null dataset, such as an empty string"', () => {
    const statements = [allowIf({ "ForAllValues:StringEquals": { "aws:TagKeys": ["team", "env"] } })];
    for (const empty of ["", [""]] as const) {
      expect(arp(statements, withContext({ "aws:TagKeys": empty }))).toBe("Allow");
      expect(sim(statements, withContext({ "aws:TagKeys": empty }))).toBe("ImplicitDeny");
    }
  });

  it('[ops] "it is possible to include an empty string. In this case, the value in the request context is null": iam-simulate compares a request value "" as a value', () => {
    const empty = withContext({ "aws:RequestTag/env": "" });
    expect(arp([allowIf({ StringEquals: { "aws:RequestTag/env": "" } })], empty)).toBe("ImplicitDeny");
    expect(sim([allowIf({ StringEquals: { "aws:RequestTag/env": "" } })], empty)).toBe("Allow");
    expect(arp([allowIf({ Null: { "aws:RequestTag/env": "true" } })], empty)).toBe("Allow");
    expect(sim([allowIf({ Null: { "aws:RequestTag/env": "true" } })], empty)).toBe("ImplicitDeny");
  });

  it('[ops] "If you specify an IP address without the associated routing prefix, IAM uses the default prefix value of /32": iam-simulate treats a bare address unlike its /32 range', () => {
    const fromIpv6 = withContext({ "aws:SourceIp": "2001:db8::1" });
    // An IPv6 caller is outside 203.0.113.7/32, so NotIpAddress holds and the Deny applies …
    expect(arp(denyIf({ NotIpAddress: { "aws:SourceIp": "203.0.113.7/32" } }), fromIpv6)).toBe("ExplicitDeny");
    expect(sim(denyIf({ NotIpAddress: { "aws:SourceIp": "203.0.113.7/32" } }), fromIpv6)).toBe("ExplicitDeny");
    // … and the bare address means the same range, but iam-simulate lets the caller through.
    expect(arp(denyIf({ NotIpAddress: { "aws:SourceIp": "203.0.113.7" } }), fromIpv6)).toBe("ExplicitDeny");
    expect(sim(denyIf({ NotIpAddress: { "aws:SourceIp": "203.0.113.7" } }), fromIpv6)).toBe("Allow");
  });

  it('[ops] IPv6 "in the standard CIDR format (for example, … 2001:DB8:1234:5678::/64)": a bare IPv6 address is compared as text by iam-simulate', () => {
    const statements = [allowIf({ IpAddress: { "aws:SourceIp": "2001:DB8::1" } })];
    for (const sameAddress of ["2001:db8::1", "2001:db8:0:0:0:0:0:1"]) {
      expect(arp(statements, withContext({ "aws:SourceIp": sameAddress }))).toBe("Allow");
      expect(sim(statements, withContext({ "aws:SourceIp": sameAddress }))).toBe("ImplicitDeny");
    }
    expect(sim(statements, withContext({ "aws:SourceIp": "2001:DB8::1" }))).toBe("Allow");
    // As a range (with the prefix) iam-simulate compares addresses, not text.
    const range = [allowIf({ IpAddress: { "aws:SourceIp": "2001:DB8::1/128" } })];
    expect(sim(range, withContext({ "aws:SourceIp": "2001:db8::1" }))).toBe("Allow");
  });

  it('[vars] "the resource that includes a policy variable with no value will not match any resource" (arp\'s reading for NotResource: such an entry excludes nothing, so the statement applies)', () => {
    const statements: IamStatement[] = [
      ALLOW_ALL,
      { Effect: "Deny", Action: "s3:*", NotResource: "arn:aws:s3:::home/${aws:PrincipalTag/team}/*" },
    ];
    const untagged = request({ resource: "arn:aws:s3:::home/red/x" });
    expect(arp(statements, untagged)).toBe("ExplicitDeny");
    expect(sim(statements, untagged)).toBe("Allow");
    const tagged = request({ resource: "arn:aws:s3:::home/red/x", context: { "aws:PrincipalTag/team": "red" } });
    expect(arp(statements, tagged)).toBe("Allow");
    expect(sim(statements, tagged)).toBe("Allow");
  });
});

describe("modelling: what the request context holds", () => {
  it("[vars] Principal key values: for an IAM user aws:username is the IAM-user-name; iam-simulate needs it in the context (its README lists populating context keys from the request as coming)", () => {
    const statements = [allowIf({ StringEquals: { "aws:username": "marymajor" } })];
    expect(arp(statements, request())).toBe("Allow");
    expect(sim(statements, request())).toBe("ImplicitDeny");
    expect(sim(statements, withContext({ "aws:username": "marymajor" }))).toBe("Allow");
  });

  it('[res] for actions without resource-level permissions "you use the wildcard character (*) in the Resource element": runUnsafeSimulation reads a request for "*" as any resource', async () => {
    // apprunner:ListServices has no resource types: only Resource "*" grants it.
    const statements: IamStatement[] = [{ Effect: "Allow", Action: "apprunner:*", Resource: `arn:aws:apprunner:*:${ACCOUNT}:service/*` }];
    const list = request({ action: "apprunner:ListServices", resource: "*" });
    expect(arp(statements, list)).toBe("ImplicitDeny");
    expect(sim(statements, list)).toBe("Allow");
    // runSimulation knows the action is wildcard-only and agrees with the docs …
    const safe = await runSimulation(
      {
        request: { principal: MARY, action: list.action, resource: { resource: "*", accountId: ACCOUNT }, contextVariables: {} },
        identityPolicies: [{ name: "policy", policy: { Version: "2012-10-17", Statement: statements } }],
        serviceControlPolicies: [],
        resourceControlPolicies: [],
      },
      {},
    );
    expect(safe.resultType === "single" && safe.overallResult).toBe("ImplicitlyDenied");
    // … and the bench contender, which stands in an ARN no pattern names for "*", decides the same.
    const decide = loadIamSimulate({ name: "p", document: { Version: "2012-10-17", Statement: statements } });
    expect(decide(list)).toBe("ImplicitDeny");
    expect(decide(request({ action: "apprunner:PauseService", resource: `arn:aws:apprunner:us-east-1:${ACCOUNT}:service/web/1` }))).toBe(
      "Allow",
    );
  });
});

describe("undocumented: the docs do not decide, arp and iam-simulate chose differently", () => {
  it('[multi] "Multivalued context keys require a condition set operator": with a plain operator arp tests any value, iam-simulate never matches (negated operators included)', () => {
    const tags = withContext({ "aws:TagKeys": ["team", "env"] });
    expect(arp([allowIf({ StringEquals: { "aws:TagKeys": "team" } })], tags)).toBe("Allow");
    expect(sim([allowIf({ StringEquals: { "aws:TagKeys": "team" } })], tags)).toBe("ImplicitDeny");
    expect(arp([allowIf({ StringNotEquals: { "aws:TagKeys": "owner" } })], tags)).toBe("Allow");
    expect(sim([allowIf({ StringNotEquals: { "aws:TagKeys": "owner" } })], tags)).toBe("ImplicitDeny");
    // Also for a key given as an empty list: arp reads it as absent, iam-simulate as present.
    const none = withContext({ "aws:TagKeys": [] });
    expect(arp([allowIf({ StringEqualsIfExists: { "aws:TagKeys": "team" } })], none)).toBe("Allow");
    expect(sim([allowIf({ StringEqualsIfExists: { "aws:TagKeys": "team" } })], none)).toBe("ImplicitDeny");
  });

  it("Null on a key given as an empty list: null for arp (it has no value), present for iam-simulate", () => {
    const statements = [allowIf({ Null: { "aws:TagKeys": "true" } })];
    expect(arp(statements, withContext({ "aws:TagKeys": [] }))).toBe("Allow");
    expect(sim(statements, withContext({ "aws:TagKeys": [] }))).toBe("ImplicitDeny");
  });

  it('[ops] Numeric operators compare "a key to an integer or decimal value": iam-simulate reads the leading digits of "12abc", and a negated operator fails on a value that is no number', () => {
    expect(arp([allowIf({ NumericEquals: { "s3:max-keys": "12" } })], withContext({ "s3:max-keys": "12abc" }))).toBe("ImplicitDeny");
    expect(sim([allowIf({ NumericEquals: { "s3:max-keys": "12" } })], withContext({ "s3:max-keys": "12abc" }))).toBe("Allow");
    expect(arp([allowIf({ NumericNotEquals: { "s3:max-keys": "12" } })], withContext({ "s3:max-keys": "many" }))).toBe("Allow");
    expect(sim([allowIf({ NumericNotEquals: { "s3:max-keys": "12" } })], withContext({ "s3:max-keys": "many" }))).toBe("ImplicitDeny");
  });

  it("ArnLike with a pattern of fewer than six components: arp lets the last one match the rest, iam-simulate matches nothing", () => {
    const statements = [allowIf({ ArnLike: { "aws:SourceArn": "*" } })];
    const context = withContext({ "aws:SourceArn": `arn:aws:sns:us-east-1:${ACCOUNT}:topic` });
    expect(arp(statements, context)).toBe("Allow");
    expect(sim(statements, context)).toBe("ImplicitDeny");
  });

  it("Resource ARNs: arp matches them case-sensitively, iam-simulate ignores case before the resource part", () => {
    const statements: IamStatement[] = [{ Effect: "Allow", Action: "s3:*", Resource: "arn:aws:S3:::bucket/*" }];
    expect(arp(statements, request())).toBe("ImplicitDeny");
    expect(sim(statements, request())).toBe("Allow");
    const resourcePart: IamStatement[] = [{ Effect: "Allow", Action: "s3:*", Resource: "arn:aws:s3:::Bucket/*" }];
    expect(arp(resourcePart, request())).toBe("ImplicitDeny");
    expect(sim(resourcePart, request())).toBe("ImplicitDeny");
  });

  it('[vars] a default is separated "with a comma and space": arp also accepts it without the space, iam-simulate does not', () => {
    const statements: IamStatement[] = [
      { Effect: "Allow", Action: "s3:*", Resource: "arn:aws:s3:::bucket/${aws:PrincipalTag/team,'shared'}/*" },
    ];
    const shared = request({ resource: "arn:aws:s3:::bucket/shared/x" });
    expect(arp(statements, shared)).toBe("Allow");
    expect(sim(statements, shared)).toBe("ImplicitDeny");
  });
});

// ---------------------------------------------------------------------------------------------
// Differential: random policies and requests from a small pool.

interface Family {
  readonly operators: readonly string[];
  readonly keys: readonly string[];
  /** Policy values; `wide` ones reach a recorded divergence. */
  readonly values: readonly string[];
  readonly wide: readonly string[];
  readonly requestValues: readonly string[];
  readonly wideRequestValues: readonly string[];
}

const FAMILIES: readonly Family[] = [
  {
    operators: ["StringEquals", "StringNotEquals", "StringEqualsIgnoreCase", "StringNotEqualsIgnoreCase", "StringLike", "StringNotLike"],
    keys: ["aws:PrincipalTag/team", "aws:ResourceTag/team", "aws:RequestTag/env"],
    values: ["red", "blue", "Red", "", "r*", "*e*", "${aws:PrincipalTag/team}", "${aws:PrincipalTag/team, 'red'}"],
    wide: ["${aws:ResourceTag/owner}"],
    requestValues: ["red", "blue", "RED", "r*", "dev"],
    wideRequestValues: [""],
  },
  {
    operators: [
      "NumericEquals",
      "NumericNotEquals",
      "NumericLessThan",
      "NumericLessThanEquals",
      "NumericGreaterThan",
      "NumericGreaterThanEquals",
    ],
    keys: ["s3:max-keys"],
    values: ["10", "10.5", "100", "-1"],
    // A policy value that is no number ("abc") is a document the runtime refuses, as IAM does.
    wide: [],
    requestValues: ["5", "10", "10.0", "10.5", "200"],
    wideRequestValues: ["x", "12abc"],
  },
  {
    operators: ["DateEquals", "DateNotEquals", "DateLessThan", "DateLessThanEquals", "DateGreaterThan", "DateGreaterThanEquals"],
    keys: ["aws:CurrentTime", "aws:TokenIssueTime"],
    values: ["2026-11-25T12:00:00Z", "2030-01-01T00:00:00Z", "2026-11-25", "2026-11-25T13:00:00+01:00"],
    wide: ["1893456000"],
    requestValues: ["2026-11-25T12:00:00Z", "2031-01-01T00:00:00Z", "2020-05-01T08:30:00Z"],
    wideRequestValues: ["1700000000"],
  },
  {
    operators: ["Bool"],
    keys: ["aws:SecureTransport", "aws:MultiFactorAuthPresent"],
    values: ["true", "false", "True"],
    wide: [],
    requestValues: ["true", "false", "TRUE", "yes"],
    wideRequestValues: [],
  },
  {
    operators: ["IpAddress", "NotIpAddress"],
    keys: ["aws:SourceIp"],
    values: ["10.0.0.0/8", "10.1.2.3/32", "192.168.0.0/16", "2001:db8::/32", "2001:DB8:1234:5678::/64"],
    wide: ["10.1.2.3", "2001:DB8::7"],
    requestValues: ["10.1.2.3", "192.168.4.4", "203.0.113.9", "2001:db8::7", "2001:db8:1234:5678::1"],
    wideRequestValues: [],
  },
  {
    operators: ["ArnEquals", "ArnLike", "ArnNotEquals", "ArnNotLike"],
    keys: ["aws:SourceArn"],
    values: [
      `arn:aws:sns:*:${ACCOUNT}:*`,
      `arn:aws:sns:us-east-1:${ACCOUNT}:topic`,
      "arn:aws:sns:us-east-1:*:top?c",
      "arn:aws:s3:::bucket/*",
    ],
    wide: ["*"],
    requestValues: [`arn:aws:sns:us-east-1:${ACCOUNT}:topic`, "arn:aws:sns:eu-west-1:999999999999:topic", "arn:aws:s3:::bucket/a/b"],
    wideRequestValues: [],
  },
];

const TAG_KEYS = ["env", "team", "Team", "env-prod", "owner"];
const RESOURCES = [
  "*",
  "arn:aws:s3:::bucket/*",
  "arn:aws:s3:::bucket/${aws:PrincipalTag/team}/*",
  "arn:aws:s3:::bucket/${aws:PrincipalTag/team, 'red'}/*",
  "arn:aws:s3:::bucket/red/x",
  "arn:aws:s3:::b*",
  "arn:aws:s3:::*/red/*",
  "arn:aws:s3:::bucket/?ed/*",
];

/** Policies and requests; `wide` adds the values and shapes that reach recorded divergences. */
function arbitraries(wide: boolean) {
  const pick = <T>(base: readonly T[], extra: readonly T[]): readonly T[] => (wide ? [...base, ...extra] : base);
  const plain = fc
    .constantFrom(...FAMILIES)
    .chain((f) =>
      fc.tuple(
        fc.constantFrom(...f.operators),
        fc.boolean(),
        fc.constantFrom(...f.keys),
        fc.array(fc.constantFrom(...pick(f.values, f.wide)), { minLength: 1, maxLength: 3 }),
      ),
    )
    .map(([op, ifExists, key, values]) => [`${op}${ifExists ? "IfExists" : ""}`, key, values] as const);
  const set = fc
    .tuple(
      fc.constantFrom("ForAnyValue:", "ForAllValues:"),
      fc.constantFrom("StringEquals", "StringNotEquals", "StringLike", "StringNotLike", "StringEqualsIgnoreCase"),
      fc.constantFrom(...pick([false], [true])),
      fc.array(fc.constantFrom(...TAG_KEYS, "env*", ""), { minLength: 1, maxLength: 3 }),
    )
    .map(([qualifier, op, ifExists, values]) => [`${qualifier}${op}${ifExists ? "IfExists" : ""}`, "aws:TagKeys", values] as const);
  const nullCheck = fc
    .tuple(
      fc.constantFrom("aws:PrincipalTag/team", "aws:TagKeys", "aws:SourceIp", "aws:PrincipalTag/admin"),
      fc.constantFrom("true", "false"),
    )
    .map(([key, value]) => ["Null", key, [value]] as const);
  const condition = fc
    .array(fc.oneof({ weight: 6, arbitrary: plain }, { weight: 2, arbitrary: set }, { weight: 1, arbitrary: nullCheck }), { maxLength: 3 })
    .map((entries) => {
      const block: IamConditionBlock = {};
      for (const [op, key, values] of entries) (block[op] ??= {})[key] = [...values];
      return block;
    });
  const statement = fc
    .record({
      effect: fc.constantFrom("Allow" as const, "Deny" as const),
      notAction: fc.boolean(),
      actions: fc.array(fc.constantFrom("s3:GetObject", "s3:Get*", "s3:*", "s3:putobject", "S3:GetObject", "s3:?etObject"), {
        minLength: 1,
        maxLength: 2,
      }),
      notResource: fc.constantFrom(false, false, true),
      resources: fc.array(fc.constantFrom(...RESOURCES), { minLength: 1, maxLength: 2 }),
      condition,
    })
    .map((s): IamStatement => ({
      Effect: s.effect,
      ...(s.notAction ? { NotAction: s.actions } : { Action: s.actions }),
      ...(s.notResource ? { NotResource: s.resources } : { Resource: s.resources }),
      ...(Object.keys(s.condition).length > 0 ? { Condition: s.condition } : {}),
    }));
  const scalarKeys = [...new Set(FAMILIES.flatMap((f) => f.keys))];
  const valueFor = (key: string) => {
    const f = FAMILIES.find((family) => family.keys.includes(key))!;
    return fc.constantFrom(...pick(f.requestValues, f.wideRequestValues)).map((v) => [key, v] as const);
  };
  const context = fc
    .tuple(
      fc.subarray(scalarKeys).chain((keys) => fc.tuple(...keys.map(valueFor))),
      fc.option(fc.array(fc.constantFrom(...pick(TAG_KEYS, [""])), { minLength: wide ? 0 : 1, maxLength: 3 }), { nil: undefined }),
      fc.constantFrom(...pick(["red"], [undefined, ""])),
      fc.constantFrom(...pick([false], [true])),
    )
    .map(([pairs, tags, team, tagsAsPlain]) => {
      const ctx: Record<string, ContextValue> = Object.fromEntries(pairs);
      if (team === undefined) delete ctx["aws:PrincipalTag/team"];
      else ctx["aws:PrincipalTag/team"] = ctx["aws:PrincipalTag/team"] === undefined || !wide ? team : ctx["aws:PrincipalTag/team"]!;
      if (tags !== undefined) ctx["aws:TagKeys"] = tags;
      // A multivalued value for a key read with plain operators.
      if (tagsAsPlain) ctx["aws:RequestTag/env"] = ["dev", "red"];
      return ctx;
    });
  const req = fc
    .record({
      action: fc.constantFrom("s3:GetObject", "s3:PutObject", "s3:getobject"),
      resource: fc.constantFrom("arn:aws:s3:::bucket/red/x", "arn:aws:s3:::bucket/blue/x", "arn:aws:s3:::other/red/x"),
      context,
    })
    .map((r): Request => ({ principal: MARY, ...r }));
  return { statements: fc.array(statement, { minLength: 1, maxLength: 3 }), request: req };
}

/**
 * The recorded divergences a case reaches, found from its shape: each name is one of the tests
 * above. A disagreement explained by none of them would be a new divergence.
 */
function recordedDivergences(statements: readonly IamStatement[], req: Request): string[] {
  const context = new Map(Object.entries(req.context ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
  const variables = (text: string) =>
    [...text.matchAll(/\$\{([^},]+)(,[^}]*)?\}/g)].map((m) => ({
      value: context.get(m[1]!.trim().toLowerCase()),
      fallback: m[2] !== undefined,
    }));
  /** A variable with no value and no default (a multivalued key has no value as a variable). */
  const noValue = (text: string): boolean => variables(text).some((v) => !v.fallback && typeof v.value !== "string");
  const found = new Set<string>();
  for (const s of statements) {
    for (const r of [s.NotResource ?? []].flat()) if (noValue(r)) found.add("NotResource variable with no value");
    for (const [op, keys] of Object.entries(s.Condition ?? {})) {
      const lower = op.toLowerCase();
      const setOperator = lower.startsWith("for");
      for (const [key, raw] of Object.entries(keys)) {
        const values = [raw].flat().map(String);
        const actual = context.get(key.toLowerCase());
        const actualList = actual === undefined ? [] : [actual].flat();
        if (/^string\w*not/.test(lower.replace(/^for\w+:/, "")) && values.some(noValue))
          found.add("inverted operator, variable with no value");
        if (lower.includes("date") && [...values, ...actualList].some((v) => /^\d+$/.test(v))) found.add("epoch time");
        if (setOperator && actualList.length > 0 && actualList.every((v) => v === "")) found.add("null dataset");
        if (!setOperator && actualList.length > 0 && actualList.every((v) => v === "")) found.add("empty string is null");
        if (!setOperator && lower !== "null" && Array.isArray(actual)) found.add("plain operator on a multivalued key");
        if (lower === "null" && Array.isArray(actual) && actual.length === 0) found.add("Null on an empty list");
        if (lower.includes("numeric") && [...values, ...actualList].some((v) => !/^[+-]?(?:\d+\.?\d*|\.\d+)$/.test(v)))
          found.add("not a number");
        if (lower.includes("ipaddress") && typeof actual === "string" && values.some((v) => !v.includes("/"))) found.add("bare IP address");
        if (lower.includes("arn") && values.includes("*")) found.add("ArnLike with fewer components");
      }
    }
  }
  return [...found];
}

describe("differential: random policies and requests", () => {
  it("agree on the pool's common ground", () => {
    const { statements, request: req } = arbitraries(false);
    fc.assert(
      fc.property(statements, req, (s, r) => {
        expect({ policy: s, request: r, iamSimulate: sim(s, r) }).toEqual({ policy: s, request: r, iamSimulate: arp(s, r) });
      }),
      { numRuns: 3000, seed: 20261125 },
    );
  });

  it("disagree on the whole pool only in the recorded divergences", () => {
    const { statements, request: req } = arbitraries(true);
    const seen = new Map<string, number>();
    fc.assert(
      fc.property(statements, req, (s, r) => {
        if (sim(s, r) === arp(s, r)) return;
        const reasons = recordedDivergences(s, r);
        expect({ policy: s, request: r, reasons: reasons.length > 0 }).toEqual({ policy: s, request: r, reasons: true });
        for (const reason of reasons) seen.set(reason, (seen.get(reason) ?? 0) + 1);
      }),
      { numRuns: 3000, seed: 20261125 },
    );
    // The wide pool does reach the divergences it is there for.
    expect([...seen.keys()].sort()).toEqual(
      expect.arrayContaining(
        [
          "epoch time",
          "inverted operator, variable with no value",
          "null dataset",
          "empty string is null",
          "bare IP address",
          "not a number",
        ].sort(),
      ),
    );
  });
});
