// Whether each action of a statement can act on one of its resources (ARP2012) is decided
// with one ARN look-up per resource and service, not one per action and resource: `ec2:*`
// (hundreds of actions) beside a list of a thousand resources used to take minutes.
import { afterEach, describe, expect, it, vi } from "vitest";
import { loadCatalog } from "../../compiler/catalog/index.js";
import { check } from "../../compiler/index.js";

afterEach(() => {
  vi.restoreAllMocks();
});

describe("resource-type checks on long statements", () => {
  it("looks each resource up once per service of the statement's actions", () => {
    const lookups = vi.spyOn(loadCatalog(), "resourceTypesForArn");
    const resources = Array.from({ length: 1000 }, (_, i) => `service/s${i}/*`);
    const actions = ["apprunner:*", "ec2:*", "s3:Get*", "iam:*"];
    const result = check(`allow ${actions.join(", ")} on ${resources.join(", ")}\n`);
    // ec2, s3 and iam actions act on no App Runner service (docs/diagnostics.md, ARP2012).
    expect(result.diagnostics.map((d) => d.code)).toEqual(["ARP2012", "ARP2012", "ARP2012"]);
    const services = new Set(["apprunner", "ec2", "s3", "iam"]);
    // Resolving each resource asks once more, without a service hint.
    expect(lookups.mock.calls.length).toBeLessThanOrEqual(resources.length * (services.size + 1));
  });

  it("still accepts a resource another service's action acts on", () => {
    const source = [
      'param account = "123456789012"',
      'param region = "us-east-1"',
      "allow apprunner:AssociateWebAcl on service/web/*, arn:aws:wafv2:us-east-1:123456789012:regional/webacl/acl/1",
      "",
    ].join("\n");
    expect(check(source).diagnostics.filter((d) => d.code === "ARP2012" || d.code === "ARP2014")).toEqual([]);
    // An action that does not act on web ACLs makes the same ARN foreign (ARP2014).
    const foreign = source.replace("AssociateWebAcl", "DescribeService");
    expect(check(foreign).diagnostics.map((d) => d.code)).toEqual(["ARP2014"]);
  });
});
