/**
 * Legacy `apprunner:ResourceTag/K` keys import as written, and the language's alias warning
 * (ARP2011) says they compile to `aws:ResourceTag/K`. The App Runner guide, "How App Runner
 * works with IAM", names the legacy key (the sentence is copied here, not read from a file):
 * "To control access based on tags, you provide tag information in the condition element of a
 * policy using the `apprunner:ResourceTag/key-name`, `aws:RequestTag/key-name`, or
 * `aws:TagKeys` condition keys." The Service Authorization Reference lists only
 * `aws:ResourceTag/K` for App Runner resources. So an App Runner request carries a resource's
 * tags under both spellings, and the two decide alike where every action is App Runner's;
 * another service's request carries only the `aws:` key, so a statement naming one is refused.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { importPolicy } from "../../compiler/import/index.js";
import { evaluate, type IamPolicyDocument, type Request } from "../../runtime/index.js";
import { compileImport } from "./support.js";

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
    it(`import as written with ARP2011 and decide alike on App Runner requests (${effect})`, async () => {
      const input = legacyPolicy(["apprunner:UpdateService", "apprunner:Delete*"], effect);
      const json = JSON.stringify(input, null, 2);
      const result = await importPolicy(json, { file: "legacy.json" });
      expect(result.arp).toContain("apprunner:ResourceTag/team = \"web\"");
      expect(result.arp).toContain("APPRUNNER:resourcetag/env not like \"prod*\" if exists");
      expect(result.exact).toBe(false);
      const warnings = result.diagnostics.map((d) => [d.code, d.severity, json.slice(d.span.start, d.span.end)]);
      expect(warnings).toEqual([
        ["ARP2011", "warning", '"apprunner:ResourceTag/team"'],
        ["ARP2011", "warning", '"APPRUNNER:resourcetag/env"'],
      ]);
      const compiled = compileImport(result.arp!, "policy");
      expect(JSON.stringify(compiled)).toContain('"aws:ResourceTag/team":"web"');
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

  it("are refused where another service's request would read only the aws: key", async () => {
    for (const action of ["s3:GetObject", "*", ["apprunner:UpdateService", "ecr:BatchGetImage"]]) {
      const json = JSON.stringify(legacyPolicy(action, "Allow"), null, 2);
      const result = await importPolicy(json, { file: "legacy.json" });
      expect(result.arp).toBeUndefined();
      const errors = result.diagnostics.filter((d) => d.severity === "error").map((d) => [d.code, json.slice(d.span.start, d.span.end)]);
      expect(errors).toEqual([["ARP6004", '"apprunner:ResourceTag/team"'], ["ARP6004", '"APPRUNNER:resourcetag/env"']]);
    }
  });

  it("is refused under NotAction, which matches other services' actions too", async () => {
    const doc = { Version: "2012-10-17", Statement: [{ Effect: "Deny", NotAction: "apprunner:List*", Resource: "*", Condition: { StringEquals: { "apprunner:ResourceTag/team": "web" } } }] };
    const result = await importPolicy(JSON.stringify(doc), { file: "legacy.json" });
    expect(result.diagnostics.map((d) => d.code)).toEqual(["ARP6004"]);
  });
});
