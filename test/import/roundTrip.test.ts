/**
 * The import's promise, per fixture: compiling the imported `.arp` gives back the input JSON
 * (exactly, when nothing needed rewriting; otherwise the input with IAM-equivalent
 * normalisations, spelled out in `normalize` below), and the runtime decides every sampled
 * request the same for both. The `real-*` fixtures are written in the style of public
 * policies that mention App Runner, with their oddities: actions paired with resources they
 * cannot act on, names arp's catalog does not know, a Sid IAM rejects.
 */
import { describe, expect, it } from "vitest";
import { importPolicy } from "../../compiler/import/index.js";
import type { IamPolicyDocument } from "../../runtime/index.js";
import { assertSameDecisions, compileImport, fixtureNames, readFixture, referencePolicies } from "./support.js";

/** Fixtures whose import is not the input byte for byte, and why. */
const NORMALISED: Readonly<Record<string, string>> = {
  "team-services": "a one-element Action array becomes a string",
  "statement-object": "Id is dropped, Statement becomes an array, numbers and booleans become strings",
  "legacy-version": "no Version: `${` is literal, written `${$}{` under 2012-10-17",
  "trust-cross-account": "a trust statement has no Sid",
  "trust-tag-session": "a bare account id becomes its root ARN",
  "real-github-deployer": "a Sid IAM rejects is renamed to its letters and digits",
  "real-trust-apprunner-tasks": "a trust statement has no Sid",
};

type Json = Record<string, unknown>;

function oneOrMany(values: unknown[]): unknown {
  const unique = [...new Set(values)];
  return unique.length === 1 ? unique[0] : unique;
}

function asList(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [v];
}

/**
 * The input as arp compiles it back, written independently of the importer: Version
 * 2012-10-17, no Id, Statement an array, one value a string, duplicates dropped, condition
 * values as strings (`Bool` and `Null` lower-cased), no Sid on a trust statement, a bare
 * account principal as its root ARN, and literal `${` escaped when the input had no variables.
 */
function normalize(input: Json, trust: boolean): IamPolicyDocument {
  const variables = input.Version === "2012-10-17";
  const literal = (s: string): string => (variables ? s : s.replaceAll("${", "${$}{"));
  const statements = asList(input.Statement) as Json[];
  return {
    Version: "2012-10-17",
    Statement: statements.map((s) => {
      const out: Json = {};
      // IAM allows only A-Z, a-z and 0-9 in a Sid; the import keeps those characters.
      if (s.Sid !== undefined && s.Sid !== "" && !trust) out.Sid = String(s.Sid).replace(/[^A-Za-z0-9]/g, "");
      out.Effect = s.Effect;
      if (s.Principal !== undefined) out.Principal = principal(s.Principal);
      for (const k of ["Action", "NotAction"]) if (s[k] !== undefined) out[k] = oneOrMany(asList(s[k]));
      for (const k of ["Resource", "NotResource"]) if (s[k] !== undefined) out[k] = oneOrMany(asList(s[k]).map((r) => literal(String(r))));
      if (s.Condition !== undefined) {
        const condition: Json = {};
        for (const [op, tests] of Object.entries(s.Condition as Json)) {
          const block: Json = {};
          for (const [written, values] of Object.entries(tests as Json)) {
            const key = written.replace(/^apprunner:ResourceTag\//i, "aws:ResourceTag/");
            const texts = asList(values).map((v) => (/^(Bool|Null)$/.test(op) ? String(v).toLowerCase() : literal(String(v))));
            block[key] = texts.length === 1 ? texts[0] : texts;
          }
          condition[op] = block;
        }
        out.Condition = condition;
      }
      return out;
    }),
  } as unknown as IamPolicyDocument;
}

/**
 * The input without Sids, for the runtime, which (like IAM) rejects a Sid of other characters
 * than A-Z, a-z and 0-9. A Sid decides nothing: "You can use the Sid value as a description
 * for the policy statement" (IAM JSON policy elements: Sid).
 */
function withoutSids(input: Json): Json {
  return { ...input, Statement: (asList(input.Statement) as Json[]).map(({ Sid: _sid, ...rest }) => rest) };
}

function principal(p: unknown): unknown {
  if (p === "*") return p;
  const out: Json = {};
  for (const [field, values] of Object.entries(p as Json)) {
    out[field] = oneOrMany(asList(values).map((v) => (field === "AWS" && /^\d{12}$/.test(String(v)) ? `arn:aws:iam::${v}:root` : v)));
  }
  return out;
}

describe("the reference page's policies", () => {
  const policies = referencePolicies();

  it("are the three managed policies and the two trust policies", () => {
    expect(policies.map((p) => p.name)).toEqual([
      "AWSAppRunnerReadOnlyAccess",
      "AWSAppRunnerFullAccess",
      "AWSAppRunnerServicePolicyForECRAccess",
      "TrustPolicyForAnAccessRole",
      "TrustPolicyForAnInstanceRole",
    ]);
  });

  for (const { name, json } of policies) {
    it(`${name} imports and compiles back to the same JSON and decisions`, async () => {
      const result = await importPolicy(json, { file: `${name}.json` });
      expect(result.diagnostics).toEqual([]);
      expect(result.exact).toBe(true);
      const compiled = compileImport(result.arp as string, result.kind as "policy" | "role");
      expect(compiled).toEqual(JSON.parse(json));
      assertSameDecisions(JSON.parse(json), compiled);
    });
  }
});

const imports = new Map(await Promise.all(fixtureNames().map(async (name) => [name, await importPolicy(readFixture(name), { file: `${name}.json` })] as const)));

describe("importable fixtures", () => {
  const importable = [...imports].filter(([, result]) => result.arp !== undefined).map(([name]) => name);

  it("are the ones expected", () => {
    expect(importable).toEqual([
      "apprunner-arns",
      "catalog-errors",
      "deny-without-mfa",
      "for-any-value",
      "if-exists",
      "legacy-resource-tag",
      "legacy-version",
      "multiple-operators",
      "not-resource",
      "other-services",
      "real-catalog-gaps",
      "real-deny-guardrail",
      "real-github-deployer",
      "real-instance-role",
      "real-trust-apprunner-tasks",
      "role-bundle",
      "statement-object",
      "team-services",
      "trust-cognito",
      "trust-cross-account",
      "trust-deny",
      "trust-github-oidc",
      "trust-tag-session",
      "variables",
    ]);
  });

  for (const name of importable) {
    it(`${name}: compiles back to ${name in NORMALISED ? "the normalised" : "the same"} JSON and decides alike`, async () => {
      const json = readFixture(name);
      const raw = JSON.parse(json) as Json;
      // A role bundle's trust policy is the document its import compiles to (roleBundle.test.ts
      // holds the whole bundle to the compiled role).
      const input = (raw.AssumeRolePolicyDocument ?? raw) as Json;
      const result = await importPolicy(json, { file: `${name}.json` });
      const compiled = compileImport(result.arp as string, result.kind as "policy" | "role");
      expect(compiled).toEqual(result.document);
      expect(result.exact).toBe(!(name in NORMALISED));
      expect(compiled).toEqual(name in NORMALISED ? normalize(input, result.kind === "role") : input);
      const seen = assertSameDecisions(withoutSids(input), compiled);
      expect(seen.size, `decisions seen: ${[...seen.keys()].join(", ")}`).toBeGreaterThan(1);
    });
  }
});
