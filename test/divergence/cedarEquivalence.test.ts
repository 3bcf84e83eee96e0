/**
 * The Cedar translation (test/support/cedarTranslation.ts) is equivalent to the IAM policy it comes
 * from: cedar-wasm, deciding the translated policy set, allows exactly when arp's runtime
 * `evaluate` allows. Cedar itself only says allow or deny; the contender reads a deny whose
 * reasons name a satisfied `forbid` as ExplicitDeny, and that is compared too.
 *
 * Checked on the bench's seeded requests for the 10-statement policy (the benchmark's first
 * table), on fewer requests for the 100- and 1,000-statement ones (every statement of those
 * translates), and on hand-picked requests for the IAM rules the seeded requests reach rarely.
 */
import { describe, expect, it } from "vitest";
import { actionPool, policyOf, requestsFor } from "../support/samplePolicies.js";
import { teamPolicy, teamRequests } from "../support/appRunnerWorkload.js";
import { cedarDecider, loadCedar } from "../support/cedarDecider.js";
import { translatePolicy, UntranslatableError, variableCandidates } from "../support/cedarTranslation.js";
import { evaluate } from "../../runtime/index.js";
import type { IamStatement, PolicyInput, Request } from "../../runtime/index.js";
import type { PolicySource } from "../../compiler/emit/typescript/index.js";

const pool = await actionPool();
const allowed = (decision: string): boolean => decision === "Allow";

/** Decides every request with Cedar and with the runtime; returns the disagreements. */
async function compare(policy: PolicySource, requests: readonly Request[]): Promise<{ request: Request; cedar: string; arp: string }[]> {
  const decide = await loadCedar(policy);
  const policies: PolicyInput[] = [policy];
  const wrong: { request: Request; cedar: string; arp: string }[] = [];
  for (const request of requests) {
    const cedar = decide(request);
    const arp = evaluate(policies, request).decision;
    if (cedar !== arp) wrong.push({ request, cedar, arp });
  }
  return wrong;
}

describe("cedar-wasm on the bench's policies", () => {
  it("10 statements: every seeded request is allowed by Cedar exactly when arp allows it", async () => {
    const policy = policyOf(10, pool);
    const requests = requestsFor(policy, pool, 3000);
    const decide = await loadCedar(policy);
    const policies: PolicyInput[] = [policy];
    const counts = { Allow: 0, ImplicitDeny: 0, ExplicitDeny: 0 };
    for (const request of requests) {
      const arp = evaluate(policies, request).decision;
      const cedar = decide(request);
      expect({ request, allowed: allowed(cedar) }).toEqual({ request, allowed: allowed(arp) });
      expect({ request, cedar }).toEqual({ request, cedar: arp });
      counts[arp]++;
    }
    // The requests reach all three decisions, so the comparison is not vacuous.
    expect(Math.min(counts.Allow, counts.ImplicitDeny, counts.ExplicitDeny)).toBeGreaterThan(300);
  });

  it("100 and 1,000 statements translate whole and decide as arp does", async () => {
    for (const [size, count] of [
      [100, 600],
      [1000, 150],
    ] as const) {
      const policy = policyOf(size, pool);
      const translation = await translatePolicy(policy);
      expect(translation.omitted).toEqual([]);
      expect(Object.keys(translation.policies)).toHaveLength(size);
      expect(await compare(policy, requestsFor(policy, pool, count))).toEqual([]);
    }
  }, 60_000);
});

const ACCOUNT = "123456789012";
const PRINCIPAL = `arn:aws:iam::${ACCOUNT}:user/marymajor`;
const allowAll: IamStatement = { Effect: "Allow", Action: "*", Resource: "*" };

/** Builds a one-policy source from statements. */
function source(...statements: IamStatement[]): PolicySource {
  return { name: "cases", document: { Version: "2012-10-17", Statement: statements } };
}

function request(fields: Partial<Request>): Request {
  return { principal: PRINCIPAL, action: "s3:GetObject", resource: "arn:aws:s3:::bucket/key", ...fields };
}

/** Statements and requests for the rules the seeded requests reach rarely. */
const CASES: { name: string; statements: IamStatement[]; requests: Request[] }[] = [
  {
    name: "a Resource variable with no value matches nothing; its default is used when the key is absent",
    statements: [
      { Effect: "Allow", Action: "s3:*", Resource: "arn:aws:s3:::home/${aws:PrincipalTag/team}/*" },
      { Effect: "Allow", Action: "s3:ListBucket", Resource: "arn:aws:s3:::shared-${aws:PrincipalTag/team, 'company'}*" },
    ],
    requests: [
      request({ resource: "arn:aws:s3:::home/red/x" }),
      request({ resource: "arn:aws:s3:::home/red/x", context: { "aws:PrincipalTag/team": "red" } }),
      request({ resource: "arn:aws:s3:::home/red/x", context: { "aws:PrincipalTag/team": "blue" } }),
      request({ resource: "arn:aws:s3:::home/r*d/x", context: { "aws:PrincipalTag/team": "r*d" } }),
      request({ resource: "arn:aws:s3:::home/red/x", context: { "aws:PrincipalTag/team": "r*d" } }),
      request({ resource: "arn:aws:s3:::home/red/x", context: { "aws:PrincipalTag/team": ["red"] } }),
      request({ action: "s3:ListBucket", resource: "arn:aws:s3:::shared-company-1" }),
      request({ action: "s3:ListBucket", resource: "arn:aws:s3:::shared-company-1", context: { "aws:PrincipalTag/team": "red" } }),
      request({ action: "s3:ListBucket", resource: "arn:aws:s3:::shared-red-1", context: { "aws:PrincipalTag/team": "red" } }),
    ],
  },
  {
    name: "NotResource, NotAction and a Deny's unresolvable StringNotEquals (Inverted condition operators … match against a null value)",
    statements: [
      allowAll,
      { Effect: "Deny", Action: "s3:*", NotResource: ["arn:aws:s3:::public/*", "arn:aws:s3:::home/${aws:PrincipalTag/team}/*"] },
      {
        Effect: "Deny",
        NotAction: ["s3:Get*", "iam:*"],
        Resource: "*",
        Condition: { StringNotEquals: { "aws:ResourceTag/team": "${aws:PrincipalTag/team}" } },
      },
    ],
    requests: [
      request({ resource: "arn:aws:s3:::public/a" }),
      request({ resource: "arn:aws:s3:::home/red/a" }),
      request({ resource: "arn:aws:s3:::home/red/a", context: { "aws:PrincipalTag/team": "red" } }),
      request({ action: "ec2:RunInstances", resource: "*" }),
      request({ action: "ec2:RunInstances", resource: "*", context: { "aws:ResourceTag/team": "red" } }),
      request({ action: "ec2:RunInstances", resource: "*", context: { "aws:ResourceTag/team": "red", "aws:PrincipalTag/team": "red" } }),
      request({ action: "ec2:RunInstances", resource: "*", context: { "aws:ResourceTag/team": "red", "aws:PrincipalTag/team": "blue" } }),
      request({ action: "IAM:listusers", resource: "*", context: { "aws:ResourceTag/team": "red" } }),
    ],
  },
  {
    name: "missing keys, IfExists, Null, case-insensitive keys and Bool",
    statements: [
      {
        Effect: "Allow",
        Action: "s3:GetObject",
        Resource: "*",
        Condition: { StringNotLikeIfExists: { "s3:prefix": ["tmp/*", "x"] }, Bool: { "aws:SecureTransport": "true" } },
      },
      {
        Effect: "Deny",
        Action: "s3:GetObject",
        Resource: "*",
        Condition: { Null: { "aws:PrincipalTag/owner": ["false"] }, StringEqualsIgnoreCase: { "aws:PrincipalTag/owner": "ROOT" } },
      },
    ],
    requests: [
      request({ context: { "aws:SecureTransport": "true" } }),
      request({ context: { "AWS:SECURETRANSPORT": "TRUE" } }),
      request({ context: { "aws:SecureTransport": "false" } }),
      request({ context: { "aws:SecureTransport": "true", "s3:prefix": "tmp/a" } }),
      request({ context: { "aws:SecureTransport": "true", "s3:prefix": "home/a" } }),
      request({ context: { "aws:SecureTransport": "true", "aws:PrincipalTag/owner": "Root" } }),
      request({ context: { "aws:SecureTransport": "true", "aws:PrincipalTag/owner": "alice" } }),
    ],
  },
  {
    name: "set operators: ForAllValues on a missing or empty key, ForAnyValue with patterns, negated forms",
    statements: [
      {
        Effect: "Allow",
        Action: "ec2:CreateTags",
        Resource: "*",
        Condition: { "ForAllValues:StringLike": { "aws:TagKeys": ["env*", "team"] } },
      },
      {
        Effect: "Deny",
        Action: "ec2:CreateTags",
        Resource: "*",
        Condition: { "ForAnyValue:StringNotEquals": { "aws:TagKeys": ["env", "team", "owner"] } },
      },
      {
        Effect: "Allow",
        Action: "ec2:DeleteTags",
        Resource: "*",
        Condition: { "ForAnyValue:StringEqualsIgnoreCase": { "aws:TagKeys": ["OWNER"] } },
      },
    ],
    requests: [
      request({ action: "ec2:CreateTags", resource: "*" }),
      request({ action: "ec2:CreateTags", resource: "*", context: { "aws:TagKeys": [] } }),
      request({ action: "ec2:CreateTags", resource: "*", context: { "aws:TagKeys": "" } }),
      request({ action: "ec2:CreateTags", resource: "*", context: { "aws:TagKeys": ["env-prod", "team"] } }),
      request({ action: "ec2:CreateTags", resource: "*", context: { "aws:TagKeys": ["env", "team"] } }),
      request({ action: "ec2:CreateTags", resource: "*", context: { "aws:TagKeys": ["env", "cost"] } }),
      request({ action: "ec2:DeleteTags", resource: "*", context: { "aws:TagKeys": ["a", "Owner"] } }),
      request({ action: "ec2:DeleteTags", resource: "*", context: { "aws:TagKeys": ["a"] } }),
    ],
  },
  {
    name: "dates (W3C forms and epoch seconds), numbers and addresses, valid and not",
    statements: [
      {
        Effect: "Allow",
        Action: "s3:ListBucket",
        Resource: "*",
        Condition: { DateLessThan: { "aws:EpochTime": "2030-01-01" }, NumericLessThanEquals: { "s3:max-keys": "10.5" } },
      },
      {
        Effect: "Allow",
        Action: "s3:PutObject",
        Resource: "*",
        Condition: {
          NotIpAddress: { "aws:SourceIp": ["203.0.113.0/24", "2001:DB8::/32"] },
          DateNotEquals: { "aws:CurrentTime": "2026-01-01T00:00:00+01:00" },
        },
      },
      {
        Effect: "Deny",
        Action: "s3:PutObject",
        Resource: "*",
        Condition: { NumericNotEquals: { "s3:object-lock-remaining-retention-days": ["7", "30"] } },
      },
    ],
    requests: [
      request({ action: "s3:ListBucket", context: { "aws:EpochTime": "1700000000", "s3:max-keys": "10" } }),
      request({ action: "s3:ListBucket", context: { "aws:EpochTime": "1900000000", "s3:max-keys": "10" } }),
      request({ action: "s3:ListBucket", context: { "aws:EpochTime": "1700000000", "s3:max-keys": "11" } }),
      request({ action: "s3:ListBucket", context: { "aws:EpochTime": "1700000000", "s3:max-keys": "ten" } }),
      request({ action: "s3:PutObject", context: { "aws:SourceIp": "198.51.100.1", "s3:object-lock-remaining-retention-days": "7" } }),
      request({ action: "s3:PutObject", context: { "aws:SourceIp": "203.0.113.9", "s3:object-lock-remaining-retention-days": "30" } }),
      request({ action: "s3:PutObject", context: { "aws:SourceIp": "2001:db8::1", "s3:object-lock-remaining-retention-days": "30" } }),
      request({ action: "s3:PutObject", context: { "aws:SourceIp": "not-an-ip", "s3:object-lock-remaining-retention-days": "30.0" } }),
      request({ action: "s3:PutObject", context: { "aws:SourceIp": "198.51.100.1", "aws:CurrentTime": "2025-12-31T23:00:00Z" } }),
      request({ action: "s3:PutObject", context: { "aws:SourceIp": "198.51.100.1", "aws:CurrentTime": "2025-12-31T23:00:01Z" } }),
    ],
  },
];

CASES.push({
  name: "keys derived from the principal ARN, unless the context gives them",
  statements: [
    { Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::bucket/${aws:username}/*" },
    { Effect: "Allow", Action: "s3:PutObject", Resource: "*", Condition: { StringEquals: { "aws:username": "mary" } } },
    { Effect: "Deny", Action: "s3:PutObject", Resource: "*", Condition: { StringLike: { "aws:PrincipalArn": "*:role/*" } } },
  ],
  requests: [
    request({ principal: "arn:aws:iam::123456789012:user/mary", resource: "arn:aws:s3:::bucket/mary/a" }),
    request({ principal: "arn:aws:iam::123456789012:user/bob", resource: "arn:aws:s3:::bucket/mary/a" }),
    request({ principal: "arn:aws:iam::123456789012:user/bob", resource: "arn:aws:s3:::bucket/mary/a", context: { "AWS:UserName": "mary" } }),
    request({ principal: "arn:aws:iam::123456789012:user/mary", resource: "arn:aws:s3:::bucket/mary/a", context: { "aws:username": "" } }),
    request({ principal: "arn:aws:iam::123456789012:user/mary", action: "s3:PutObject" }),
    request({ principal: "arn:aws:iam::123456789012:role/mary", action: "s3:PutObject", context: { "aws:username": "mary" } }),
    request({ principal: "arn:aws:sts::123456789012:assumed-role/ops/mary", action: "s3:PutObject", context: { "aws:username": "mary" } }),
    request({ principal: "arn:aws:iam::123456789012:user/mary", action: "s3:PutObject", context: { "aws:PrincipalArn": "arn:aws:iam::1:role/x" } }),
  ],
});

describe("cedar-wasm on the App Runner team workload", () => {
  it("10 and 100 statements (variables derived from the principal) translate whole and decide as arp does", async () => {
    for (const [size, count] of [
      [10, 800],
      [100, 200],
    ] as const) {
      const policy = teamPolicy(size);
      expect((await translatePolicy(policy)).omitted).toEqual([]);
      const requests = teamRequests(size, count);
      const decisions = new Set(requests.map((r) => evaluate([policy], r).decision));
      // The requests reach all three decisions, so the comparison is not vacuous.
      expect(decisions.size).toBe(3);
      expect(await compare(policy, requests)).toEqual([]);
    }
  });
});

describe("cedar-wasm on hand-picked IAM rules", () => {
  for (const { name, statements, requests } of CASES) {
    it(name, async () => {
      expect(await compare(source(...statements), requests)).toEqual([]);
    });
  }

  it("a Resource variable's candidates are every value that makes the ARN fit the pattern", () => {
    const before = "arn:aws:apprunner:us-east-1:123456789012:service/";
    const arn = `${before}web-api-3/abc`;
    expect(variableCandidates(before, "-*/*", arn).sort()).toEqual(["web", "web-api"]);
    expect(variableCandidates("arn:aws:s3:::*/", "/*", "arn:aws:s3:::b/red/x")).toEqual(["red"]);
  });

  it("refuses what Cedar cannot say rather than translating it approximately", async () => {
    const untranslatable: IamStatement[] = [
      { Effect: "Allow", Action: "s3:*", Resource: "arn:aws:s3:::b/?" },
      { Effect: "Allow", Action: "s3:*", Resource: "*", Condition: { ArnLike: { "aws:SourceArn": "arn:aws:sns:*:*:t" } } },
      { Effect: "Allow", Action: "s3:*", Resource: "*", Condition: { StringEquals: { "s3:prefix": "home/${aws:PrincipalTag/team}" } } },
    ];
    for (const statement of untranslatable) await expect(translatePolicy(source(statement))).rejects.toBeInstanceOf(UntranslatableError);
  });

  it("a deny with a satisfied forbid is ExplicitDeny, a deny without one ImplicitDeny", async () => {
    const decide = cedarDecider(await translatePolicy(source({ Effect: "Deny", Action: "s3:DeleteObject", Resource: "*" }, allowAll)));
    expect(decide(request({ action: "s3:DeleteObject" }))).toBe("ExplicitDeny");
    expect(decide(request({}))).toBe("Allow");
    const none = cedarDecider(await translatePolicy(source({ Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::other/*" })));
    expect(none(request({}))).toBe("ImplicitDeny");
  });
});
