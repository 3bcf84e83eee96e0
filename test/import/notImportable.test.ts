/**
 * What arp cannot say exactly is reported (ARP6004) at the JSON that says it, and there is no
 * `.arp`: never a silent drop. Problems the checker finds in the generated `.arp` are reported
 * the same way, at the JSON they came from; its warnings pass through, pointing into the JSON.
 */
import { describe, expect, it } from "vitest";
import { loadCatalog } from "../../compiler/catalog/index.js";
import type { Diagnostic } from "../../grammar/diagnostics/diagnostic.js";
import { importPolicy } from "../../compiler/import/index.js";
import { parseJson } from "../../compiler/import/jsonSource.js";
import type { ImportedPolicy } from "../../compiler/import/policyModel.js";
import { translatePolicy, type Translation } from "../../compiler/import/translatePolicy.js";
import { validateDocument } from "../../compiler/import/validateDocument.js";
import { verifyImport } from "../../compiler/import/verifyImport.js";
import type { IamStatement } from "../../runtime/index.js";

interface Found {
  readonly code: string;
  readonly severity: string;
  readonly at: string;
}

async function found(doc: unknown): Promise<{ problems: Found[]; arp: string | undefined }> {
  const json = JSON.stringify(doc, null, 2);
  const result = await importPolicy(json, { file: "p.json" });
  return {
    problems: result.diagnostics.map((d) => ({ code: d.code, severity: d.severity, at: json.slice(d.span.start, d.span.end) })),
    arp: result.arp,
  };
}

function policy(...statements: Record<string, unknown>[]): unknown {
  return { Version: "2012-10-17", Statement: statements };
}

function allow(fields: Record<string, unknown>): Record<string, unknown> {
  return { Effect: "Allow", Action: "apprunner:CreateService", Resource: "*", ...fields };
}

/**
 * What IAM itself rejects is the document's fault, not arp's: ARP6003 from the independent
 * validator, at the JSON value, rather than ARP6004 ("arp cannot say this").
 */
async function rejectedByIam(doc: unknown, at: string): Promise<void> {
  const { problems, arp } = await found(doc);
  expect(arp).toBeUndefined();
  expect(problems).toContainEqual({ code: "ARP6003", severity: "error", at });
  expect(problems.filter((p) => p.code === "ARP6004")).toEqual([]);
}

async function notImportable(doc: unknown, ...at: string[]): Promise<void> {
  const { problems, arp } = await found(doc);
  expect(arp).toBeUndefined();
  expect(problems).toEqual(at.map((a) => ({ code: "ARP6004", severity: "error", at: a })));
}

describe("conditions arp cannot say", () => {
  it("an operator of another type than the key's", async () => {
    // ARN operators match case; no ARN test decides as a case-blind one (ARP6008 covers the rest).
    await notImportable(policy(allow({ Condition: { StringEqualsIgnoreCase: { "aws:SourceArn": "arn:aws:s3:::b" } } })), '"StringEqualsIgnoreCase"');
    await notImportable(policy(allow({ Condition: { StringEquals: { "aws:MultiFactorAuthAge": "5" } } })), '"StringEquals"');
    await notImportable(policy(allow({ Condition: { NumericEquals: { "aws:PrincipalTag/n": "5" } } })), '"NumericEquals"');
    await notImportable(policy(allow({ Condition: { StringEquals: { "aws:SecureTransport": "true" } } })), '"StringEquals"');
  });

  it("a key outside the catalog tested with an operator of another type than String", async () => {
    await notImportable(policy(allow({ Condition: { NumericLessThan: { "aws:PrincipalTeam": "5" } } })), '"NumericLessThan"');
  });

  it("a key that cannot be written as one word", async () => {
    await notImportable(policy(allow({ Action: "s3:GetObject", Condition: { StringEquals: { "s3:ExistingObjectTag/cost center": "x" } } })), '"s3:ExistingObjectTag/cost center"');
  });

  it("Null with both values, or with a value that is not a boolean", async () => {
    await notImportable(policy(allow({ Condition: { Null: { "aws:RequestTag/team": ["true", "false"] } } })), '"aws:RequestTag/team": [\n            "true",\n            "false"\n          ]');
    await notImportable(policy(allow({ Condition: { Null: { "aws:RequestTag/team": "yes" } } })), '"yes"');
  });

  it("a value the key's type rejects", async () => {
    await notImportable(policy(allow({ Condition: { NumericLessThan: { "aws:MultiFactorAuthAge": "an hour" } } })), '"an hour"');
    await notImportable(policy(allow({ Condition: { IpAddress: { "aws:SourceIp": "10.0.0.0/33" } } })), '"10.0.0.0/33"');
    await notImportable(policy(allow({ Condition: { DateLessThan: { "aws:CurrentTime": "tomorrow" } } })), '"tomorrow"');
    await notImportable(policy(allow({ Condition: { Bool: { "aws:SecureTransport": "yes" } } })), '"yes"');
  });

  it("a policy variable where IAM substitutes none, or that is not a variable", async () => {
    await notImportable(policy(allow({ Condition: { Bool: { "aws:SecureTransport": "${aws:PrincipalTag/tls}" } } })), '"${aws:PrincipalTag/tls}"');
    await notImportable(policy(allow({ Condition: { StringEquals: { "aws:PrincipalTag/team": "${team}" } } })), '"${team}"');
    await notImportable(policy(allow({ Condition: { StringEquals: { "aws:PrincipalTag/team": "${aws:NoSuchKey}" } } })), '"${aws:NoSuchKey}"');
    await notImportable(policy(allow({ Condition: { StringEquals: { "aws:PrincipalTag/team": "${aws:username, 'a}b'}" } } })), `"\${aws:username, 'a}b'}"`);
  });

  it("a carriage return in a string", async () => {
    await notImportable(policy(allow({ Condition: { StringEquals: { "aws:PrincipalTag/team": "a\rb" } } })), '"a\\rb"');
  });
});

describe("statements arp cannot say", () => {
  it("a principal in a statement with a resource (a resource-based policy)", async () => {
    await notImportable(policy(allow({ Principal: { AWS: "arn:aws:iam::111122223333:root" } })), '"Principal"');
    await notImportable(policy(allow({ NotPrincipal: { AWS: "arn:aws:iam::111122223333:root" } })), '"NotPrincipal"');
  });

  it("an action with a policy variable", async () => {
    await notImportable(policy(allow({ Action: "apprunner:${aws:username}" })), '"apprunner:${aws:username}"');
  });

  it("what the checker rejects, at the JSON it came from", async () => {
    // "Resource ... must be in ARN format or '*'": IAM rejects it, so the validator reports it.
    await rejectedByIam(policy(allow({ Action: "s3:GetObject", Resource: "bucket/*" })), '"bucket/*"');
    // IAM accepts any text in an ARN condition; arp's checker wants an ARN there (ARP3002).
    await notImportable(policy(allow({ Condition: { ArnLike: { "aws:SourceArn": "my-bucket" } } })), '"my-bucket"');
  });

  it("a policy over IAM's size limit for every identity policy (10,240 for a role's inline policies)", async () => {
    const statements = Array.from({ length: 40 }, (_, i) => ({
      Sid: `Service${i}`,
      Effect: "Allow",
      Action: ["apprunner:DescribeService", "apprunner:UpdateService"],
      Resource: `arn:aws:apprunner:*:*:service/team-${i}-${"x".repeat(100)}/*`,
    }));
    const { problems, arp } = await found(policy(...statements));
    expect(arp).toBeUndefined();
    expect(problems.map((p) => p.code)).toEqual(["ARP6003"]);
  });
});

describe("trust statements arp cannot say", () => {
  function trust(fields: Record<string, unknown>): Record<string, unknown> {
    return { Effect: "Allow", Principal: { Service: "build.apprunner.amazonaws.com" }, Action: "sts:AssumeRole", ...fields };
  }

  it("a NotPrincipal, which IAM rejects in a trust policy", async () => await rejectedByIam(policy(trust({ Principal: undefined, NotPrincipal: { AWS: "arn:aws:iam::111122223333:root" } })), '"NotPrincipal"'));
  // IAM rejects NotPrincipal in any trust statement, a Deny's too ("Role trust policies do not
  // support NotPrincipal", access-analyzer-reference-policy-checks): `deny trust` cannot say it.
  it("a NotPrincipal in a Deny, which IAM rejects in a trust policy", async () => await rejectedByIam(policy(trust({ Effect: "Deny", Principal: undefined, NotPrincipal: { AWS: "arn:aws:iam::111122223333:root" } })), '"NotPrincipal"'));
  it("a NotAction", async () => await notImportable(policy(trust({ Action: undefined, NotAction: "sts:TagSession" })), '"NotAction"'));
  it("a canonical user, which IAM rejects in a trust policy", async () => await rejectedByIam(policy(trust({ Principal: { CanonicalUser: "79a59df900b949e5" } })), '"79a59df900b949e5"'));
  it("a principal with `${`", async () => await notImportable(policy(trust({ Principal: { AWS: "arn:aws:iam::111122223333:user/${aws:username}" } })), '"arn:aws:iam::111122223333:user/${aws:username}"'));
  it("an action that is not an STS action, which IAM rejects in a trust policy", async () => await rejectedByIam(policy(trust({ Action: "s3:GetObject" })), '"s3:GetObject"'));
  it("a wildcard action that matches no sts: action", async () => await notImportable(policy(trust({ Action: "sts:AssumeNothing*" })), "sts:AssumeNothing*"));
  it("a service principal that is not one", async () => await notImportable(policy(trust({ Principal: { Service: "build.apprunner" } })), '"build.apprunner"'));
});

describe("warnings pass through, pointing into the JSON", () => {
  it("a multi-valued key without ForAnyValue/ForAllValues (ARP3003): imported as the set operator that decides alike", async () => {
    const { problems, arp } = await found(policy(allow({ Condition: { StringEquals: { "aws:TagKeys": "team" } } })));
    expect(arp).toContain('tag keys include ["team"]');
    expect(problems).toEqual([{ code: "ARP3003", severity: "warning", at: '"aws:TagKeys": "team"' }]);
    const negated = await found(policy(allow({ Condition: { StringNotEquals: { "aws:TagKeys": "team" } } })));
    expect(negated.arp).toContain('all tag keys != "team"');
  });

  it("IfExists after a set operator (ARP3008): dropped, since a missing or null key decides alike without it", async () => {
    const { problems, arp } = await found(policy(allow({ Condition: { "ForAllValues:StringEqualsIfExists": { "aws:TagKeys": "team" } } })));
    expect(arp).toContain('tag keys within ["team"]');
    expect(problems).toEqual([{ code: "ARP3008", severity: "warning", at: '"ForAllValues:StringEqualsIfExists"' }]);
  });

  it("a plain ...IfExists on a multi-valued key has no one-test form", async () => {
    await notImportable(policy(allow({ Condition: { StringEqualsIfExists: { "aws:TagKeys": "team" } } })), '"StringEqualsIfExists"');
  });

  it("an allow of everything (ARP4008) at its statement", async () => {
    const { problems } = await found(policy({ Effect: "Allow", Action: "*", Resource: "*" }));
    expect(problems.map((p) => [p.code, p.at.startsWith("{")])).toEqual([["ARP4008", true]]);
  });

  it("a trust open to every account (ARP5004)", async () => {
    const { problems, arp } = await found(policy({ Effect: "Allow", Principal: "*", Action: "sts:AssumeRole" }));
    expect(arp).toContain("trust anyone");
    expect(problems.map((p) => p.code)).toEqual(["ARP5004"]);
  });

  it("an Id and a trust statement's Sid, kept as comments (ARP6005)", async () => {
    const { problems, arp } = await found({ Version: "2012-10-17", Id: "x", Statement: [{ Sid: "A", Effect: "Allow", Principal: { Service: "tasks.apprunner.amazonaws.com" }, Action: "sts:AssumeRole" }] });
    expect(problems.map((p) => [p.code, p.at])).toEqual([["ARP6005", '"x"'], ["ARP6005", '"A"']]);
    expect(arp).toContain("// Id: x");
    expect(arp).toContain("  // Sid: A\n  trust service");
  });
});

describe("the round trip's safety net", () => {
  it("reports a statement whose compiled JSON is not what the translation promised", () => {
    const json = JSON.stringify(policy(allow({}), allow({ Action: "apprunner:DeleteService" })), null, 2);
    const parsed = parseJson(json, "p.json");
    if (!("value" in parsed)) throw new Error("bad fixture");
    const diagnostics: Diagnostic[] = [];
    const model = validateDocument(parsed.value, diagnostics) as ImportedPolicy;
    const translation = translatePolicy(model, { source: "p.json", name: "p", catalog: loadCatalog() }, diagnostics) as Translation;
    const [first, second] = translation.expected.Statement as IamStatement[];
    const promised = { ...translation.expected, Statement: [first as IamStatement, { ...(second as IamStatement), Effect: "Deny" as const }] };
    expect(verifyImport({ ...translation, expected: promised }, model, "p.arp", diagnostics)).toBeUndefined();
    expect(diagnostics.map((d) => d.code)).toEqual(["ARP6004"]);
    expect(diagnostics[0]?.span.start).toBe(json.indexOf("{", json.indexOf("}")));
  });
});
