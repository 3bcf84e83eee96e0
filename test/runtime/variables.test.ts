/**
 * Policy variables, from "IAM policy elements: Variables and tags" [vars]
 * (docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html).
 */
import { describe, expect, it } from "vitest";
import { evaluate, PolicyValidationError } from "../../runtime/index.js";
import { principalKeys } from "../../runtime/principal.js";
import { parseTemplate, resolveTemplate } from "../../runtime/variables.js";
import { decide, policy, request, run } from "./support.js";

const ACCESS_KEYS = {
  Effect: "Allow" as const,
  Action: "iam:*AccessKey*",
  Resource: "arn:aws:iam::123456789012:user/${aws:username}",
};

describe("substitution in Resource", () => {
  it("[vars] IAM substitutes the user name from the current request for the ${aws:username} variable", () => {
    const own = { action: "iam:CreateAccessKey", resource: "arn:aws:iam::123456789012:user/marymajor" };
    const other = { action: "iam:CreateAccessKey", resource: "arn:aws:iam::123456789012:user/david" };
    expect(decide([ACCESS_KEYS], own)).toBe("Allow");
    expect(decide([ACCESS_KEYS], other)).toBe("ImplicitDeny");
  });

  it("[vars] Key names are case-insensitive: ${AWS:UserName} is ${aws:username}", () => {
    const statement = { ...ACCESS_KEYS, Resource: "arn:aws:iam::123456789012:user/${AWS:UserName}" };
    expect(decide([statement], { action: "iam:CreateAccessKey", resource: "arn:aws:iam::123456789012:user/marymajor" })).toBe("Allow");
  });

  it("[vars] ${aws:PrincipalTag/team} … allows the actions only if the bucket name ends with a team name", () => {
    const statement = { Effect: "Allow" as const, Action: "s3:GetObject", Resource: "arn:aws:s3:::amzn-s3-demo-bucket/${aws:PrincipalTag/team}/*" };
    const fields = { action: "s3:GetObject", context: { "aws:PrincipalTag/team": "yellow" } };
    expect(decide([statement], { ...fields, resource: "arn:aws:s3:::amzn-s3-demo-bucket/yellow/a.txt" })).toBe("Allow");
    expect(decide([statement], { ...fields, resource: "arn:aws:s3:::amzn-s3-demo-bucket/blue/a.txt" })).toBe("ImplicitDeny");
  });

  it("[vars] a Resource that includes a policy variable with no value will not match any resource", () => {
    const statement = { Effect: "Allow" as const, Action: "s3:*", Resource: "arn:aws:s3:::bucket/${aws:PrincipalTag/team}/*" };
    const result = run([statement], { action: "s3:GetObject", resource: "arn:aws:s3:::bucket/${aws:PrincipalTag/team}/x" });
    expect(result.decision).toBe("ImplicitDeny");
    expect(result.notApplied[0]!.reason).toEqual({ kind: "unresolvable", detail: "Resource variable `${aws:PrincipalTag/team}` has no value" });
  });

  it("[vars] the same sentence names NotResource: an entry with no value excludes nothing, so the Deny applies", () => {
    const deny = { Effect: "Deny" as const, Action: "s3:*", NotResource: "arn:aws:s3:::home/${aws:PrincipalTag/team}/*" };
    const allow = { Effect: "Allow" as const, Action: "s3:*", Resource: "*" };
    expect(decide([allow, deny], { action: "s3:GetObject", resource: "arn:aws:s3:::home/red/x" })).toBe("ExplicitDeny");
    const tagged = { action: "s3:GetObject", resource: "arn:aws:s3:::home/red/x", context: { "aws:PrincipalTag/team": "red" } };
    expect(decide([allow, deny], tagged)).toBe("Allow");
  });

  it("[vars] default value: users without team tags get the company-wide bucket", () => {
    const statement = { Effect: "Allow" as const, Action: "s3:*", Resource: "arn:aws:s3:::amzn-s3-demo-bucket-${aws:PrincipalTag/team, 'company-wide'}" };
    expect(decide([statement], { action: "s3:ListBucket", resource: "arn:aws:s3:::amzn-s3-demo-bucket-company-wide" })).toBe("Allow");
    const yellow = { action: "s3:ListBucket", resource: "arn:aws:s3:::amzn-s3-demo-bucket-yellow", context: { "aws:PrincipalTag/team": "yellow" } };
    expect(decide([statement], yellow)).toBe("Allow");
    expect(decide([statement], { ...yellow, resource: "arn:aws:s3:::amzn-s3-demo-bucket-company-wide" })).toBe("ImplicitDeny");
  });

  it("[vars] ${*} - use where you need an * (asterisk) character: it is not a wildcard", () => {
    const statement = { Effect: "Allow" as const, Action: "s3:*", Resource: "arn:aws:s3:::bucket/${*}" };
    expect(decide([statement], { action: "s3:GetObject", resource: "arn:aws:s3:::bucket/*" })).toBe("Allow");
    expect(decide([statement], { action: "s3:GetObject", resource: "arn:aws:s3:::bucket/x" })).toBe("ImplicitDeny");
  });

  it("[vars] ${?} and ${$} stand for ? and $", () => {
    const statement = { Effect: "Allow" as const, Action: "s3:*", Resource: "arn:aws:s3:::b/${$}{x}${?}" };
    expect(decide([statement], { action: "s3:GetObject", resource: "arn:aws:s3:::b/${x}?" })).toBe("Allow");
    expect(decide([statement], { action: "s3:GetObject", resource: "arn:aws:s3:::b/${x}!" })).toBe("ImplicitDeny");
  });

  it("[vars] If you don't include the Version element … set to 2012-10-17, variables … are treated as literal strings", () => {
    const old = { Version: "2008-10-17" as const, Statement: [ACCESS_KEYS] };
    const literal = request({ action: "iam:CreateAccessKey", resource: "arn:aws:iam::123456789012:user/${aws:username}" });
    expect(evaluate([old], literal).decision).toBe("Allow");
    expect(evaluate([old], { ...literal, resource: "arn:aws:iam::123456789012:user/marymajor" }).decision).toBe("ImplicitDeny");
  });

  it("choice: a resolved value is data, so a * inside it matches only a *", () => {
    const statement = { Effect: "Allow" as const, Action: "s3:*", Resource: "arn:aws:s3:::b/${aws:PrincipalTag/team}" };
    const fields = { action: "s3:GetObject", context: { "aws:PrincipalTag/team": "*" } };
    expect(decide([statement], { ...fields, resource: "arn:aws:s3:::b/anything" })).toBe("ImplicitDeny");
    expect(decide([statement], { ...fields, resource: "arn:aws:s3:::b/*" })).toBe("Allow");
  });

  it("[vars] You can't use a multivalued condition key as a variable", () => {
    const statement = { Effect: "Allow" as const, Action: "s3:*", Resource: "arn:aws:s3:::b/${aws:TagKeys}" };
    const result = run([statement], { action: "s3:GetObject", resource: "arn:aws:s3:::b/x", context: { "aws:TagKeys": ["x"] } });
    expect(result.notApplied[0]!.reason.kind).toBe("unresolvable");
  });
});

describe("substitution in conditions", () => {
  const ownedByCaller = {
    Effect: "Allow" as const,
    Action: "apprunner:DeleteService",
    Resource: "arn:aws:apprunner:us-east-1:*:service/*",
    Condition: { StringEquals: { "aws:ResourceTag/Owner": "${aws:username}" } },
  };
  const service = "arn:aws:apprunner:us-east-1:123456789012:service/web/1";

  it("App Runner guide: the service must be tagged Owner=richard-roe or owner=richard-roe", () => {
    const fields = { principal: "arn:aws:iam::123456789012:user/richard-roe", action: "apprunner:DeleteService", resource: service };
    expect(decide([ownedByCaller], { ...fields, context: { "aws:ResourceTag/Owner": "richard-roe" } })).toBe("Allow");
    expect(decide([ownedByCaller], { ...fields, context: { "aws:ResourceTag/owner": "richard-roe" } })).toBe("Allow");
    expect(decide([ownedByCaller], { ...fields, context: { "aws:ResourceTag/Owner": "marymajor" } })).toBe("ImplicitDeny");
  });

  it("[vars] a variable with no value: condition operators like StringEquals or StringLike do not match", () => {
    const statement = { ...ownedByCaller, Condition: { StringEquals: { "aws:ResourceTag/Owner": "${aws:PrincipalTag/owner}" } } };
    const result = run([statement], { action: "apprunner:DeleteService", resource: service, context: { "aws:ResourceTag/Owner": "" } });
    expect(result.decision).toBe("ImplicitDeny");
    expect(result.notApplied[0]!.reason).toMatchObject({
      kind: "unresolvable",
      failure: { operator: "StringEquals", expected: [], unresolved: ["aws:PrincipalTag/owner"] },
    });
  });

  describe("[vars] documented example: access is explicitly denied when aws:principaltag/Team is not set", () => {
    const deny = {
      Effect: "Deny" as const,
      Action: "s3:GetObject",
      Resource: "arn:aws:s3:::amzn-s3-demo-bucket/*",
      Condition: { StringNotEquals: { "s3:ExistingObjectTag/Team": "${aws:PrincipalTag/Team}" } },
    };
    const allow = { Effect: "Allow" as const, Action: "s3:*", Resource: "*" };
    const fields = { action: "s3:GetObject", resource: "arn:aws:s3:::amzn-s3-demo-bucket/report.csv" };
    it("Inverted condition operators like StringNotEquals … do match against a null value", () => {
      expect(decide([allow, deny], { ...fields, context: { "s3:ExistingObjectTag/Team": "red" } })).toBe("ExplicitDeny");
    });
    it("aws:principaltag/Team must be equal to s3:ExistingObjectTag/Team to allow access", () => {
      const context = { "s3:ExistingObjectTag/Team": "red", "aws:PrincipalTag/Team": "red" };
      expect(decide([allow, deny], { ...fields, context })).toBe("Allow");
    });
    it("a different team is denied", () => {
      const context = { "s3:ExistingObjectTag/Team": "red", "aws:PrincipalTag/Team": "blue" };
      expect(decide([allow, deny], { ...fields, context })).toBe("ExplicitDeny");
    });
  });

  it("[ops] StringLike s3:prefix table: home/${aws:username}/ with aws:username martha_rivera, and with none", () => {
    const statement = {
      Effect: "Allow" as const,
      Action: "s3:ListBucket",
      Resource: "arn:aws:s3:::amzn-s3-demo-bucket",
      Condition: { StringLike: { "s3:prefix": ["home/", "home/${aws:username}/"] } },
    };
    const fields = { action: "s3:ListBucket", resource: "arn:aws:s3:::amzn-s3-demo-bucket" };
    const martha = { ...fields, context: { "s3:prefix": "home/martha_rivera/", "aws:username": "martha_rivera" } };
    expect(decide([statement], martha)).toBe("Allow");
    const anonymous = { ...fields, principal: "arn:aws:sts::123456789012:assumed-role/r/s", context: { "s3:prefix": "home/martha_rivera/" } };
    expect(decide([statement], anonymous)).toBe("ImplicitDeny");
  });

  it("[ops] Numeric: Policy variables – Not supported, so ${…} stays literal text, which is not a number: the policy is refused", () => {
    const statement = { Effect: "Allow" as const, Action: "*", Resource: "*", Condition: { NumericEquals: { "s3:max-keys": "${example:limit}" } } };
    expect(() => decide([statement], { context: { "s3:max-keys": "5", "example:limit": "5" } })).toThrow(PolicyValidationError);
  });

  it("[ops] ARN: Policy variables – Supported", () => {
    const statement = {
      Effect: "Allow" as const, Action: "*", Resource: "*",
      Condition: { ArnLike: { "aws:SourceArn": "arn:aws:sns:*:${aws:PrincipalAccount}:*" } },
    };
    expect(decide([statement], { context: { "aws:SourceArn": "arn:aws:sns:us-east-1:123456789012:t" } })).toBe("Allow");
    expect(decide([statement], { context: { "aws:SourceArn": "arn:aws:sns:us-east-1:999999999999:t" } })).toBe("ImplicitDeny");
  });
});

describe("templates", () => {
  const lookup = (values: Record<string, string>) => (name: string) => values[name];

  it("keeps malformed references as literal text", () => {
    for (const text of ["a${b", "a${}", "${x, y}", "${x, 'y'"]) {
      expect(resolveTemplate(parseTemplate(text), lookup({}))).toMatchObject({ ok: true, text });
    }
  });

  it("[vars] separate the variable text and the default value with a comma and space", () => {
    expect(resolveTemplate(parseTemplate("${aws:userid, 'anonymous'}"), lookup({}))).toMatchObject({ ok: true, text: "anonymous" });
    expect(resolveTemplate(parseTemplate("${aws:userid, 'anonymous'}"), lookup({ "aws:userid": "AIDA1" }))).toMatchObject({ ok: true, text: "AIDA1" });
  });

  it("lists every variable that has no value", () => {
    expect(resolveTemplate(parseTemplate("${a}/${b}/${c, 'x'}"), lookup({}))).toEqual({ ok: false, unresolved: ["a", "b"] });
  });
});

describe("keys derived from the principal ARN", () => {
  it("[vars] IAM user: aws:username is the IAM-user-name; aws:PrincipalType is User", () => {
    const keys = principalKeys("arn:aws:iam::123456789012:user/division/marymajor");
    expect(Object.fromEntries(keys)).toEqual({
      "aws:principalaccount": "123456789012",
      "aws:principalarn": "arn:aws:iam::123456789012:user/division/marymajor",
      "aws:principaltype": "User",
      "aws:username": "marymajor",
    });
  });

  it("[vars] assumed role: aws:username is (not present); aws:PrincipalArn is the role ARN", () => {
    const keys = principalKeys("arn:aws:sts::123456789012:assumed-role/deployer/session-1");
    expect(keys.get("aws:username")).toBeUndefined();
    expect(keys.get("aws:principalarn")).toBe("arn:aws:iam::123456789012:role/deployer");
    expect(keys.get("aws:principaltype")).toBe("AssumedRole");
  });

  it("[vars] root user: aws:userid is the AWS account ID; federated user: account:caller-specified-name", () => {
    expect(principalKeys("arn:aws:iam::123456789012:root").get("aws:userid")).toBe("123456789012");
    expect(principalKeys("arn:aws:sts::123456789012:federated-user/bob").get("aws:userid")).toBe("123456789012:bob");
  });

  it("a value given in the request context wins over the derived one", () => {
    const statement = { ...ACCESS_KEYS };
    const fields = { action: "iam:CreateAccessKey", resource: "arn:aws:iam::123456789012:user/alias", context: { "aws:username": "alias" } };
    expect(evaluate([policy(statement)], request(fields)).decision).toBe("Allow");
  });
});
