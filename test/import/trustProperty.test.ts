/**
 * Random role trust policies (Allow and Deny statements; services, accounts, roles, web identity
 * and SAML providers, `*`; exact and wildcard `sts:` actions; conditions): every one imports,
 * the `.arp` is formatted, and compiling it gives back the input exactly, deciding alike. 50
 * documents at CI size; `ARP_FUZZ_SCALE` (test/support/fuzzScale.ts) runs more.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { format } from "../../compiler/format/index.js";
import { importPolicy } from "../../compiler/import/index.js";
import type { IamPolicyDocument, IamStatement } from "../../runtime/index.js";
import { scaled } from "../support/fuzzScale.js";
import { assertSameDecisions, compileImport } from "./support.js";

const AWS = ["arn:aws:iam::444455556666:root", "arn:aws:iam::444455556666:role/Deployer", "arn:aws:iam::111122223333:user/ci", "*"];
const SERVICES = ["tasks.apprunner.amazonaws.com", "build.apprunner.amazonaws.com"];
const FEDERATED = [
  "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com",
  "arn:aws:iam::123456789012:saml-provider/Okta",
  "cognito-identity.amazonaws.com",
];
const ACTIONS = [
  "sts:AssumeRole", "sts:AssumeRoleWithSAML", "sts:AssumeRoleWithWebIdentity", "sts:TagSession", "sts:SetSourceIdentity",
  "sts:*", "sts:AssumeRole*",
];
const CONDITIONS: readonly Record<string, Record<string, string | string[]>>[] = [
  { StringEquals: { "sts:ExternalId": "audit-7f3c9b" } },
  { StringEquals: { "aws:PrincipalOrgID": "o-abc123" } },
  { StringNotEquals: { "aws:PrincipalOrgID": "o-abc123" } },
  { Bool: { "aws:MultiFactorAuthPresent": "false" } },
  { StringLike: { "token.actions.githubusercontent.com:sub": "repo:acme/*" } },
  { ArnLike: { "aws:PrincipalArn": "arn:aws:iam::444455556666:role/intern-*" } },
  { StringEquals: { "aws:SourceAccount": ["123456789012", "444455556666"] } },
];

function oneOrMany<T>(values: readonly T[]): T | T[] {
  return values.length === 1 ? (values[0] as T) : [...values];
}

const statement: fc.Arbitrary<IamStatement> = fc
  .record({
    effect: fc.constantFrom("Allow", "Deny"),
    aws: fc.subarray(AWS, { maxLength: 2 }),
    services: fc.subarray(SERVICES, { maxLength: 2 }),
    federated: fc.subarray(FEDERATED, { maxLength: 2 }),
    actions: fc.uniqueArray(fc.constantFrom(...ACTIONS), { minLength: 1, maxLength: 3 }),
    condition: fc.option(fc.constantFrom(...CONDITIONS), { freq: 2 }),
  })
  .filter((r) => r.aws.length + r.services.length + r.federated.length > 0)
  .map((r) => {
    // `*` names every AWS principal: beside another it is IAM's `*` all the same.
    const aws = r.aws.includes("*") ? ["*"] : r.aws;
    const principal: Record<string, string | string[]> = {};
    if (aws.length > 0) principal.AWS = oneOrMany(aws);
    if (r.services.length > 0) principal.Service = oneOrMany(r.services);
    if (r.federated.length > 0) principal.Federated = oneOrMany(r.federated);
    const s: IamStatement = { Effect: r.effect as "Allow" | "Deny", Principal: principal, Action: oneOrMany(r.actions) };
    if (r.condition !== null) s.Condition = structuredClone(r.condition);
    return s;
  });

const document: fc.Arbitrary<IamPolicyDocument> = fc
  .array(statement, { minLength: 1, maxLength: 4 })
  .map((statements) => ({ Version: "2012-10-17", Statement: statements }));

describe("random trust policies", () => {
  it("import, Deny statements and sts: wildcards included, and compile back to the input", async () => {
    let denies = 0;
    await fc.assert(
      fc.asyncProperty(document, async (doc) => {
        const result = await importPolicy(JSON.stringify(doc, null, 2), { file: "Random/trust.json" });
        expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
        expect(result.arp).toBeDefined();
        const arp = result.arp as string;
        expect(await format(arp), "the import is formatted").toBe(arp);
        const compiled = compileImport(arp, "role");
        expect(compiled).toEqual(doc);
        assertSameDecisions(doc, compiled, 50);
        denies += [doc.Statement].flat().filter((s) => s.Effect === "Deny").length;
      }),
      { numRuns: scaled(50), seed: 14 },
    );
    expect(denies).toBeGreaterThan(0);
  });
});
