/**
 * Legacy `apprunner:ResourceTag/K` keys import as written, and the language's alias warning
 * (ARP2011) says they compile to `aws:ResourceTag/K`. The App Runner guide, "How App Runner
 * works with IAM", names the legacy key (the sentence is copied here, not read from a file):
 * "To control access based on tags, you provide tag information in the condition element of a
 * policy using the `apprunner:ResourceTag/key-name`, `aws:RequestTag/key-name`, or
 * `aws:TagKeys` condition keys." The Service Authorization Reference lists only
 * `aws:ResourceTag/K` for App Runner resources. So an App Runner request carries a resource's
 * tags under both spellings, while another service's request carries only the `aws:` key: so
 * the importer keeps the legacy key as written, under `// arp-ignore ARP2011`, which is what
 * AWS evaluates whatever the statement's actions.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { importPolicy } from "../../compiler/import/index.js";
import { evaluate, type IamPolicyDocument, type Request } from "../../runtime/index.js";
import { compile } from "../../compiler/index.js";
import { assertSameDecisions, compileImport } from "./support.js";

const TAG_VALUES = [undefined, "", "web", "Web", "web-1", "api", "a*"];

function legacyPolicy(action: string | string[], effect: "Allow" | "Deny"): IamPolicyDocument {
  return {
    Version: "2012-10-17",
    Statement: [
      // A Deny needs an allow to override, or every request is denied either way.
      ...(effect === "Deny" ? [{ Effect: "Allow", Action: "apprunner:*", Resource: "*" }] : []),
      {
        Effect: effect,
        Action: action,
        Resource: "arn:aws:apprunner:*:*:service/*",
        Condition: {
          StringEquals: { "apprunner:ResourceTag/team": "web" },
          StringNotLikeIfExists: { "APPRUNNER:resourcetag/env": "prod*" },
        },
      },
    ],
  } as IamPolicyDocument;
}

/** An App Runner request, with each resource tag under both spellings (or under neither). */
const appRunnerRequest: fc.Arbitrary<Request> = fc
  .record({
    action: fc.constantFrom("apprunner:UpdateService", "apprunner:DeleteService", "apprunner:DescribeService"),
    team: fc.constantFrom(...TAG_VALUES),
    env: fc.constantFrom(undefined, "", "prod", "prod-eu", "dev"),
  })
  .map(({ action, team, env }) => {
    const context: Record<string, string> = {};
    if (team !== undefined) context["aws:ResourceTag/team"] = context["apprunner:ResourceTag/team"] = team;
    if (env !== undefined) context["aws:ResourceTag/env"] = context["apprunner:ResourceTag/env"] = env;
    return { principal: "arn:aws:iam::123456789012:user/alice", action, resource: "arn:aws:apprunner:us-east-1:123456789012:service/web/1", context };
  });

describe("legacy apprunner:ResourceTag keys", () => {
  for (const effect of ["Allow", "Deny"] as const) {
    it(`import as written under arp-ignore ARP2011 and decide alike on App Runner requests (${effect})`, async () => {
      const input = legacyPolicy(["apprunner:UpdateService", "apprunner:Delete*"], effect);
      const json = JSON.stringify(input, null, 2);
      const result = await importPolicy(json, { file: "legacy.json" });
      expect(result.arp).toContain("// arp-ignore ARP2011: the legacy tag key App Runner's guide names");
      expect(result.arp).toContain("apprunner:ResourceTag/team = \"web\"");
      expect(result.arp).toContain("APPRUNNER:resourcetag/env not like \"prod*\" if exists");
      expect(result.exact).toBe(true);
      const warnings = result.diagnostics.map((d) => [d.code, d.severity, json.slice(d.span.start, d.span.end)]);
      expect(warnings).toEqual([
        ["ARP2011", "warning", '"apprunner:ResourceTag/team"'],
        ["ARP2011", "warning", '"APPRUNNER:resourcetag/env"'],
      ]);
      const compiled = compileImport(result.arp!, "policy");
      expect(compiled).toEqual(input);
      const decisions = new Set<string>();
      fc.assert(
        fc.property(appRunnerRequest, (request) => {
          const want = evaluate([input], request).decision;
          decisions.add(want);
          expect(evaluate([compiled], request).decision).toBe(want);
        }),
        { numRuns: 300, seed: 14 },
      );
      // The sampling reaches both outcomes, so the equality is not vacuous.
      expect(decisions.size).toBeGreaterThan(1);
    });
  }

  it("import as written where other services' actions are named too, whose requests carry only the aws: key", async () => {
    const docs = [
      ...(["s3:GetObject", "*", ["apprunner:UpdateService", "ecr:BatchGetImage"]] as const).map((a) => legacyPolicy(a as string | string[], "Allow")),
      { Version: "2012-10-17", Statement: [{ Effect: "Deny", NotAction: "apprunner:List*", Resource: "*", Condition: { StringEquals: { "apprunner:ResourceTag/team": "web" } } }] },
    ];
    for (const input of docs) {
      const json = JSON.stringify(input);
      const result = await importPolicy(json, { file: "legacy.json" });
      expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
      expect(result.exact).toBe(true);
      expect(compileImport(result.arp!, "policy")).toEqual(input);
      assertSameDecisions(input, result.document!, 200);
    }
  });

  it("arp check keeps a legacy key as written only under arp-ignore ARP2011, and reports the suppression", () => {
    const plain = 'allow apprunner:UpdateService on service/* when apprunner:ResourceTag/team = "web"\n';
    const kept = `// arp-ignore ARP2011: what AWS evaluates\n${plain}`;
    const compiledKey = (text: string): string[] => {
      const result = compile({ path: "p.arp", text });
      expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
      return Object.keys((result.policies[0]!.document.Statement as { Condition: Record<string, object> }[])[0]!.Condition.StringEquals!);
    };
    expect(compiledKey(plain)).toEqual(["aws:ResourceTag/team"]);
    expect(compiledKey(kept)).toEqual(["apprunner:ResourceTag/team"]);
    const codes = compile({ path: "p.arp", text: kept }).diagnostics.map((d) => [d.code, d.severity]);
    expect(codes).toEqual([["ARP8001", "info"]]);
  });
});
