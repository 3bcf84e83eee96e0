/**
 * What IAM accepts imports, even where arp's checker would refuse to write it: names its catalog
 * does not know, and actions paired with resources they cannot act on. IAM User Guide,
 * "IAM JSON policy elements: Action": an action IAM does not recognise is not an error — the
 * statement simply never matches a request for it; an action without resource-level
 * permissions only ever matches `"Resource": "*"` (Service Authorization Reference: "actions
 * that don't support resource-level permissions ... you must specify all resources"). Such
 * statements are kept exactly as written under an `// arp-ignore` comment, with a warning per
 * action (or name) at the JSON, and the runtime decides the input and the import alike — for
 * Deny and NotAction/NotResource statements too, since nothing is dropped.
 */
import { describe, expect, it } from "vitest";
import { importPolicy } from "../../compiler/import/index.js";
import { assertSameDecisions, compileImport } from "./support.js";

interface Case {
  readonly name: string;
  readonly statement: Record<string, unknown>;
  /** Codes of the warnings, and the JSON text each points at. */
  readonly warnings: readonly (readonly [string, string])[];
}

const CASES: readonly Case[] = [
  {
    name: "a list action on a service ARN (no resource-level permissions)",
    statement: { Effect: "Allow", Action: ["apprunner:ListServices", "apprunner:DescribeService"], Resource: "arn:aws:apprunner:*:*:service/myproject-*/*" },
    warnings: [["ARP2013", "apprunner:ListServices"]],
  },
  {
    name: "a log-group ARN for logs:DescribeLogGroups, in a Deny",
    statement: { Effect: "Deny", Action: "logs:DescribeLogGroups", Resource: "arn:aws:logs:us-east-1:123456789012:log-group:/aws/apprunner/*" },
    warnings: [["ARP2013", "logs:DescribeLogGroups"]],
  },
  {
    name: "an action of one type with a resource of another",
    statement: { Effect: "Allow", Action: "apprunner:DeleteConnection", Resource: "arn:aws:apprunner:us-east-1:123456789012:service/web/*" },
    warnings: [["ARP2012", "apprunner:DeleteConnection"]],
  },
  {
    name: "typo actions, a non-IAM service and a service newer than the catalog",
    statement: { Effect: "Allow", Action: ["apprunner:StartService", "s3:HeadBucket", "vpc:*", "apprunner:Frobnicate*"], Resource: "*" },
    warnings: [["ARP2002", "apprunner:StartService"], ["ARP2002", "s3:HeadBucket"], ["ARP2001", "vpc"], ["ARP2003", "apprunner:Frobnicate*"]],
  },
  {
    name: "an invented condition key, in a Deny with NotAction",
    statement: { Effect: "Deny", NotAction: ["apprunner:Describe*", "apprunner:StartService"], Resource: "*", Condition: { StringNotEquals: { "apprunner:InstanceRole": "deployer" } } },
    warnings: [["ARP2002", "apprunner:StartService"], ["ARP2006", "apprunner:InstanceRole"]],
  },
  {
    name: "an ARN of a service the catalog does not know, with NotResource",
    statement: { Effect: "Deny", Action: "s3:GetObject", NotResource: ["arn:aws:s4:::bucket/*", "arn:aws:s3:::bucket/*"] },
    warnings: [["ARP2001", "s4"]],
  },
  {
    // IAM accepts any ARN with six fields; one that names no resource type of its service
    // (a service ARN without its id, an ECR `image/`) matches nothing AWS names.
    name: "well-formed ARNs of no resource type the catalog knows",
    statement: { Effect: "Allow", Action: ["apprunner:DescribeService", "ecr:BatchGetImage"], Resource: ["arn:aws:apprunner:us-east-1:123456789012:service/my-service", "arn:aws:ecr:us-east-1:123456789012:image/web"] },
    warnings: [["ARP2005", "arn:aws:apprunner:us-east-1:123456789012:service/my-service"], ["ARP2005", "arn:aws:ecr:us-east-1:123456789012:image/web"]],
  },
  {
    // One warning per action, whatever the number of resources; none about the pairing of an
    // action the catalog does not know, which its own warning covers.
    name: "unknown actions beside actions with resources they cannot act on, several resources",
    statement: {
      Effect: "Allow",
      Action: ["apprunner:ListServices", "apprunner:StartService", "vpc:*", "apprunner:DeleteConnection", "apprunner:DescribeService"],
      Resource: ["arn:aws:apprunner:*:*:service/myproject-*/*", "arn:aws:apprunner:*:*:vpcconnector/x/*", "arn:aws:logs:us-east-1:123456789012:log-group:/aws/apprunner/*"],
    },
    warnings: [["ARP2013", "apprunner:ListServices"], ["ARP2002", "apprunner:StartService"], ["ARP2001", "vpc"], ["ARP2012", "apprunner:DeleteConnection"]],
  },
  {
    name: "an unknown action alone with an ARN of another service",
    statement: { Effect: "Allow", Action: "apprunner:StartService", Resource: "arn:aws:logs:us-east-1:123456789012:log-group:/aws/apprunner/*" },
    warnings: [["ARP2002", "apprunner:StartService"]],
  },
];

describe("what IAM accepts and arp's catalog does not", () => {
  for (const c of CASES) {
    it(`imports as written: ${c.name}`, async () => {
      const input = { Version: "2012-10-17", Statement: [c.statement] };
      const json = JSON.stringify(input, null, 2);
      const result = await importPolicy(json, { file: "p.json" });
      expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
      const warnings = result.diagnostics.map((d) => [d.code, json.slice(d.span.start, d.span.end).replace(/^"|"$/g, "")]);
      expect(warnings).toEqual(c.warnings);
      expect(result.diagnostics.every((d) => d.severity === "warning")).toBe(true);
      expect(result.arp).toMatch(/^ {2}\/\/ arp-ignore ARP\d{4}.*: .+$/m);
      // Kept exactly: the compiled import is the input document.
      expect(result.exact).toBe(true);
      const compiled = compileImport(result.arp!, "policy");
      expect(compiled).toEqual(input);
      assertSameDecisions(input, compiled, 300);
    });
  }

  it("refuses nothing IAM accepts for the pairing alone, and says so once per action", async () => {
    const input = {
      Version: "2012-10-17",
      Statement: [{ Effect: "Allow", Action: ["apprunner:ListServices", "apprunner:ListConnections"], Resource: "arn:aws:apprunner:*:*:service/*" }],
    };
    const result = await importPolicy(JSON.stringify(input), { file: "p.json" });
    expect(result.diagnostics.map((d) => d.code)).toEqual(["ARP2013", "ARP2013"]);
  });
});
