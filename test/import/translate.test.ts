/**
 * How each IAM construct reads back in arp: every condition operator (with IfExists,
 * IgnoreCase, ForAnyValue/ForAllValues, Null, Bool), tag sugar, policy variables, parameters
 * and App Runner shorthands. Each case also compiles back to exactly its input.
 */
import { describe, expect, it } from "vitest";
import { importPolicy, importedPolicyName } from "../../compiler/import/index.js";
import { compileImport } from "./support.js";

function policyOf(statement: Record<string, unknown>, version: string | undefined = "2012-10-17"): string {
  return JSON.stringify({ ...(version !== undefined ? { Version: version } : {}), Statement: [statement] }, null, 2);
}

/** Imports one statement; returns the statement's arp text (the lines inside the block). */
async function imported(statement: Record<string, unknown>, version?: string): Promise<{ arp: string; body: string; exact: boolean }> {
  const json = policyOf(statement, version);
  const result = await importPolicy(json, { file: "p.json" });
  expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  const arp = result.arp as string;
  const body = arp.slice(arp.indexOf("{\n") + 2, arp.lastIndexOf("\n}")).split("\n").map((l) => l.trim()).join(" ");
  expect(compileImport(arp, result.kind as "policy" | "role")).toEqual(result.document);
  return { arp, body, exact: result.exact === true };
}

async function when(condition: Record<string, unknown>): Promise<string> {
  const { body, exact } = await imported({ Effect: "Allow", Action: "apprunner:CreateService", Resource: "*", Condition: condition });
  expect(exact).toBe(true);
  return body.slice(body.indexOf(" when ") + " when ".length);
}

describe("condition operators read back", () => {
  it.each<[string, Record<string, unknown>, string]>([
    ["StringEquals", { StringEquals: { "aws:RequestedRegion": "us-east-1" } }, 'aws:RequestedRegion = "us-east-1"'],
    ["StringEquals, several values", { StringEquals: { "aws:RequestedRegion": ["us-east-1", "eu-west-1"] } }, 'aws:RequestedRegion in ["us-east-1", "eu-west-1"]'],
    ["StringNotEquals", { StringNotEquals: { "aws:RequestedRegion": "us-east-1" } }, 'aws:RequestedRegion != "us-east-1"'],
    ["StringNotEquals, several values", { StringNotEquals: { "aws:RequestedRegion": ["a", "b"] } }, 'aws:RequestedRegion not in ["a", "b"]'],
    ["StringEqualsIgnoreCase", { StringEqualsIgnoreCase: { "aws:RequestedRegion": "US-EAST-1" } }, 'aws:RequestedRegion = "US-EAST-1" ignoring case'],
    ["StringNotEqualsIgnoreCase", { StringNotEqualsIgnoreCase: { "aws:RequestedRegion": ["A", "B"] } }, 'aws:RequestedRegion not in ["A", "B"] ignoring case'],
    ["StringLike", { StringLike: { "aws:RequestedRegion": "us-*" } }, 'aws:RequestedRegion like "us-*"'],
    ["StringNotLike", { StringNotLike: { "aws:RequestedRegion": ["us-*", "eu-*"] } }, 'aws:RequestedRegion not like ["us-*", "eu-*"]'],
    ["NumericEquals", { NumericEquals: { "aws:MultiFactorAuthAge": "0" } }, "aws:MultiFactorAuthAge = 0"],
    ["NumericNotEquals", { NumericNotEquals: { "aws:MultiFactorAuthAge": "0" } }, "aws:MultiFactorAuthAge != 0"],
    ["NumericLessThan", { NumericLessThan: { "aws:MultiFactorAuthAge": "3600" } }, "aws:MultiFactorAuthAge < 3600"],
    ["NumericLessThanEquals", { NumericLessThanEquals: { "aws:MultiFactorAuthAge": "3600" } }, "aws:MultiFactorAuthAge <= 3600"],
    ["NumericGreaterThan", { NumericGreaterThan: { "aws:MultiFactorAuthAge": "1.5" } }, "aws:MultiFactorAuthAge > 1.5"],
    ["NumericGreaterThanEquals", { NumericGreaterThanEquals: { "aws:MultiFactorAuthAge": "-1" } }, "aws:MultiFactorAuthAge >= -1"],
    ["DateEquals", { DateEquals: { "aws:CurrentTime": "2026-01-01" } }, 'aws:CurrentTime = "2026-01-01"'],
    ["DateNotEquals", { DateNotEquals: { "aws:CurrentTime": "2026-01-01" } }, 'aws:CurrentTime != "2026-01-01"'],
    ["DateLessThan", { DateLessThan: { "aws:CurrentTime": "2027-01-01T00:00:00Z" } }, 'aws:CurrentTime < "2027-01-01T00:00:00Z"'],
    ["DateLessThanEquals", { DateLessThanEquals: { "aws:EpochTime": "1700000000" } }, 'aws:EpochTime <= "1700000000"'],
    ["DateGreaterThan", { DateGreaterThan: { "aws:CurrentTime": "2026-01-01" } }, 'aws:CurrentTime > "2026-01-01"'],
    ["DateGreaterThanEquals", { DateGreaterThanEquals: { "aws:CurrentTime": "2026-01-01" } }, 'aws:CurrentTime >= "2026-01-01"'],
    ["Bool true", { Bool: { "aws:SecureTransport": "true" } }, "aws:SecureTransport"],
    ["Bool false", { Bool: { "aws:SecureTransport": "false" } }, "aws:SecureTransport = false"],
    ["BoolIfExists false", { BoolIfExists: { "aws:SecureTransport": "false" } }, "aws:SecureTransport = false if exists"],
    ["BoolIfExists true", { BoolIfExists: { "aws:SecureTransport": "true" } }, "aws:SecureTransport = true if exists"],
    ["BinaryEquals", { BinaryEquals: { "aws:SourceIp": "x" } }, ""],
    ["IpAddress", { IpAddress: { "aws:SourceIp": "10.0.0.0/8" } }, 'aws:SourceIp = "10.0.0.0/8"'],
    ["IpAddress, several values", { IpAddress: { "aws:SourceIp": ["10.0.0.0/8", "2001:db8::/32"] } }, 'aws:SourceIp in ["10.0.0.0/8", "2001:db8::/32"]'],
    ["NotIpAddress", { NotIpAddress: { "aws:SourceIp": "10.0.0.0/8" } }, 'aws:SourceIp != "10.0.0.0/8"'],
    ["ArnEquals", { ArnEquals: { "aws:SourceArn": "arn:aws:apprunner:us-east-1:111122223333:service/web/1" } }, 'aws:SourceArn = "arn:aws:apprunner:us-east-1:111122223333:service/web/1"'],
    ["ArnLike", { ArnLike: { "aws:SourceArn": "arn:aws:apprunner:*:*:service/*" } }, 'aws:SourceArn like "arn:aws:apprunner:*:*:service/*"'],
    ["ArnNotEquals", { ArnNotEquals: { "aws:SourceArn": "arn:aws:s3:::b" } }, 'aws:SourceArn != "arn:aws:s3:::b"'],
    ["ArnNotLike", { ArnNotLike: { "aws:SourceArn": "arn:aws:s3:::b*" } }, 'aws:SourceArn not like "arn:aws:s3:::b*"'],
    ["Null true", { Null: { "aws:RequestTag/team": "true" } }, "request tag team missing"],
    ["Null false", { Null: { "aws:RequestTag/team": "false" } }, "request tag team exists"],
    ["StringEqualsIfExists", { StringEqualsIfExists: { "aws:SourceVpc": "vpc-1" } }, 'aws:SourceVpc = "vpc-1" if exists'],
    ["StringEqualsIgnoreCaseIfExists", { StringEqualsIgnoreCaseIfExists: { "aws:SourceVpc": "VPC-1" } }, 'aws:SourceVpc = "VPC-1" ignoring case if exists'],
    ["NumericLessThanIfExists", { NumericLessThanIfExists: { "aws:MultiFactorAuthAge": "60" } }, "aws:MultiFactorAuthAge < 60 if exists"],
    ["ForAnyValue:StringLike", { "ForAnyValue:StringLike": { "aws:TagKeys": ["aws:*", "x-*"] } }, 'any tag keys like ["aws:*", "x-*"]'],
    ["ForAllValues:StringEquals on aws:TagKeys", { "ForAllValues:StringEquals": { "aws:TagKeys": ["team", "env"] } }, 'tag keys within ["team", "env"]'],
    ["ForAnyValue:StringEquals on aws:TagKeys", { "ForAnyValue:StringEquals": { "aws:TagKeys": "team" } }, 'tag keys include ["team"]'],
    ["ForAllValues:StringNotEquals", { "ForAllValues:StringNotEquals": { "aws:CalledVia": ["a", "b"] } }, 'all aws:CalledVia not in ["a", "b"]'],
    ["ForAnyValue:StringEqualsIgnoreCase", { "ForAnyValue:StringEqualsIgnoreCase": { "aws:CalledVia": "A" } }, 'any aws:CalledVia = "A" ignoring case'],
  ])("%s", async (name, condition, expected) => {
    if (name === "BinaryEquals") return; // no catalog key is Binary-typed; see the not-importable cases
    expect(await when(condition)).toBe(expected);
  });

  it("joins several operators and keys with `and`, in document order", async () => {
    expect(await when({
      StringEquals: { "aws:ResourceTag/team": "web", "aws:RequestedRegion": "us-east-1" },
      Bool: { "aws:SecureTransport": "true" },
    })).toBe('tag team = "web" and aws:RequestedRegion = "us-east-1" and aws:SecureTransport');
  });
});

describe("keys", () => {
  it.each<[string, string]>([
    ["aws:ResourceTag/team", 'tag team = "x"'],
    ["aws:RequestTag/team", 'request tag team = "x"'],
    ["aws:PrincipalTag/team", 'principal tag team = "x"'],
    ["aws:ResourceTag/Cost Center", 'tag "Cost Center" = "x"'],
    ["aws:ResourceTag/keys", 'tag "keys" = "x"'],
    ["aws:RequestTag/user", 'request tag user = "x"'],
    ["aws:ResourceTag/123", 'tag "123" = "x"'],
    ["aws:resourcetag/team", 'aws:resourcetag/team = "x"'],
    ["AWS:RequestedRegion", 'AWS:RequestedRegion = "x"'],
    ["ecr:ResourceTag/team", 'ecr:ResourceTag/team = "x"'],
  ])("%s", async (key, expected) => {
    expect(await when({ StringEquals: { [key]: "x" } })).toBe(expected);
  });
});

describe("values", () => {
  it.each<[string, unknown, string]>([
    ["a whole-value variable takes arp's alias", "${aws:username}", "$user"],
    ["a tag variable", "${aws:PrincipalTag/team}", "$principal.tag.team"],
    ["a variable with a default", "${aws:PrincipalTag/team, 'none'}", '$principal.tag.team ?? "none"'],
    ["a variable with an alias", "${aws:SourceVpc}", "$source.vpc"],
    ["a variable without alias", "${aws:SourceIdentity}", "$aws:SourceIdentity"],
    ["a variable inside text", "team-${aws:username}-x", '"team-${user}-x"'],
    ["IAM's escapes", "${*}${?}${$}", '"${*}${?}${$}"'],
    ["quotes and backslashes", 'a"b\\c', '"a\\"b\\\\c"'],
    ["a tab and a newline", "a\tb\nc", '"a\\tb\\nc"'],
    ["a malformed ${", "a${b", '"a\\${b"'],
  ])("%s", async (_, value, expected) => {
    const { body, exact } = await imported({ Effect: "Allow", Action: "apprunner:CreateService", Resource: "*", Condition: { StringLike: { "aws:PrincipalTag/name": value } } });
    expect(body.slice(body.indexOf(" like ") + " like ".length)).toBe(expected);
    expect(exact).toBe(!String(value).includes("a${b"));
  });

  it("reads JSON numbers and booleans as the strings IAM reads", async () => {
    const { body, exact } = await imported({
      Effect: "Allow", Action: "apprunner:CreateService", Resource: "*",
      Condition: { NumericLessThan: { "aws:MultiFactorAuthAge": 3600 }, Bool: { "aws:SecureTransport": true }, StringEquals: { "aws:PrincipalTag/n": 7 } },
    });
    expect(body).toContain('when aws:MultiFactorAuthAge < 3600 and aws:SecureTransport and principal tag n = "7"');
    expect(exact).toBe(false);
  });

  it("keeps `${...}` literal when the policy has no Version 2012-10-17", async () => {
    const result = await importPolicy(policyOf({ Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::b/${aws:username}/*" }, "2008-10-17"), { file: "p.json" });
    expect(result.arp).toContain('on "arn:aws:s3:::b/\\${aws:username}/*"');
    expect(result.diagnostics.map((d) => d.code)).toEqual(["ARP6006"]);
    expect(result.document?.Statement).toEqual([{ Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::b/${$}{aws:username}/*" }]);
  });
});

describe("resources and parameters", () => {
  it("writes App Runner ARNs with the default partition, region and account as shorthands", async () => {
    const { body } = await imported({ Effect: "Allow", Action: "apprunner:*", Resource: ["arn:aws:apprunner:*:*:service/*", "arn:aws:apprunner:*:*:connection/github/*", "arn:aws:apprunner:*:*:vpcingressconnection/x/*"] });
    expect(body).toBe("allow apprunner:* on service/*, connection/github/*, vpcingressconnection/x/*");
  });

  it("declares an account and a region written twice, and uses them", async () => {
    const { arp } = await imported({
      Effect: "Allow", Action: "apprunner:DescribeService",
      Resource: ["arn:aws:apprunner:eu-west-1:111122223333:service/a/*", "arn:aws:apprunner:eu-west-1:111122223333:service/b/*"],
    });
    expect(arp).toContain('param account = "111122223333"\nparam region = "eu-west-1"\n');
    expect(arp).toContain("on service/a/*, service/b/*");
  });

  it("leaves an account written once in place", async () => {
    const { arp } = await imported({ Effect: "Allow", Action: "apprunner:DescribeService", Resource: "arn:aws:apprunner:eu-west-1:111122223333:service/a/*" });
    expect(arp).not.toContain("param");
    expect(arp).toContain("on arn:aws:apprunner:eu-west-1:111122223333:service/a/*");
  });

  it("declares a partition that App Runner ARNs repeat", async () => {
    const { arp } = await imported({ Effect: "Allow", Action: "apprunner:DescribeService", Resource: ["arn:aws-cn:apprunner:*:*:service/a/*", "arn:aws-cn:apprunner:*:*:service/b/*"] });
    expect(arp).toContain('param partition = "aws-cn"');
    expect(arp).toContain("on service/a/*, service/b/*");
  });

  it("uses the account parameter in principals and whole condition values", async () => {
    const { arp } = await imported({
      Effect: "Allow", Action: "iam:PassRole", Resource: "arn:aws:iam::111122223333:role/app-*",
      Condition: { StringEquals: { "aws:ResourceAccount": "111122223333" } },
    });
    expect(arp).toContain("on arn:aws:iam::${account}:role/app-* when aws:ResourceAccount = $account");
  });

  it("quotes a resource that is not one word", async () => {
    const { body } = await imported({ Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::my bucket/*" });
    expect(body).toBe('allow s3:GetObject on "arn:aws:s3:::my bucket/*"');
  });

  it("writes variables in resources with their aliases", async () => {
    const { body } = await imported({ Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::b/${aws:PrincipalTag/team}/${aws:username}/*" });
    expect(body).toBe("allow s3:GetObject on arn:aws:s3:::b/${principal.tag.team}/${user}/*");
  });

  it("keeps Sids as labels and NotAction and NotResource as `except` and `not on`", async () => {
    const { body } = await imported({ Sid: "Guard1", Effect: "Deny", NotAction: ["iam:*", "sts:*"], NotResource: "arn:aws:apprunner:*:*:service/sandbox-*" });
    expect(body).toBe('"Guard1": deny * except iam:*, sts:* not on service/sandbox-*');
  });
});

describe("trust policies", () => {
  async function trust(statement: Record<string, unknown>): Promise<{ body: string; exact: boolean }> {
    return await imported({ Effect: "Allow", Action: "sts:AssumeRole", ...statement });
  }

  it.each<[string, unknown, string]>([
    ["a service", { Service: "build.apprunner.amazonaws.com" }, 'trust service "build.apprunner.amazonaws.com"'],
    ["an account root", { AWS: "arn:aws:iam::111122223333:root" }, 'trust account "111122223333"'],
    ["a role", { AWS: "arn:aws:iam::111122223333:role/Auditor" }, 'trust arn "arn:aws:iam::111122223333:role/Auditor"'],
    ["everyone in any account", { AWS: "*" }, 'trust account "*"'],
    ["anyone", "*", "trust anyone"],
    ["several", { AWS: ["arn:aws:iam::111122223333:root"], Service: "tasks.apprunner.amazonaws.com" }, 'trust account "111122223333", service "tasks.apprunner.amazonaws.com"'],
  ])("%s", async (_, principal, expected) => {
    expect((await trust({ Principal: principal })).body).toBe(expected);
  });

  it("writes `to` only when the actions are not the default for the principals", async () => {
    expect((await trust({ Principal: { Service: "a.amazonaws.com" }, Action: ["sts:AssumeRole", "sts:TagSession"] })).body)
      .toBe('trust service "a.amazonaws.com" to sts:AssumeRole, sts:TagSession');
    expect((await trust({ Principal: { Federated: "cognito-identity.amazonaws.com" }, Action: "sts:AssumeRoleWithWebIdentity" })).body)
      .toBe('trust federated "cognito-identity.amazonaws.com"');
    expect((await trust({ Principal: { Federated: "arn:aws:iam::111122223333:saml-provider/Okta" }, Action: "sts:AssumeRoleWithSAML" })).body)
      .toBe('trust federated "arn:aws:iam::111122223333:saml-provider/Okta"');
    expect((await trust({ Principal: { Federated: "cognito-identity.amazonaws.com" }, Action: "sts:AssumeRole" })).body)
      .toBe('trust federated "cognito-identity.amazonaws.com" to sts:AssumeRole');
  });

  it("turns a bare account id into its root ARN, as IAM does", async () => {
    const { body, exact } = await trust({ Principal: { AWS: "111122223333" } });
    expect(body).toBe('trust account "111122223333"');
    expect(exact).toBe(false);
  });

  it("names the role after the file", async () => {
    const result = await importPolicy(policyOf({ Effect: "Allow", Principal: { Service: "build.apprunner.amazonaws.com" }, Action: "sts:AssumeRole" }), { file: "roles/AccessRole.trust.json" });
    expect(result.name).toBe("AccessRole.trust");
    expect(result.arp).toContain("role AccessRole.trust {");
  });
});

describe("names", () => {
  it.each([
    ["policies/team.json", "team"],
    ["AWSAppRunnerFullAccess.json", "AWSAppRunnerFullAccess"],
    ["my policy (copy).json", "my-policy--copy-"],
    ["<stdin>", "policy"],
    ["-", "policy"],
    ["noext", "noext"],
    // IAM names are ASCII: a name with no letter or digit left is no name.
    ["é.json", "policy"],
    ["политика.json", "policy"],
  ])("%s → %s", (file, name) => {
    expect(importedPolicyName(file)).toBe(name);
  });

  it("quotes a name that is not one word, and the import still compiles", async () => {
    const result = await importPolicy(policyOf({ Effect: "Allow", Action: "apprunner:ListServices", Resource: "*" }), { file: "p.json", name: "read=only,v2" });
    expect(result.arp).toContain('policy "read=only,v2" {');
  });
});
