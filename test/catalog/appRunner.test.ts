import { describe, expect, it } from "vitest";
import { appRunnerResourceTypes, expandShorthand, loadCatalog, shorthandWords } from "../../compiler/catalog/index.js";

const defaults = { partition: "aws", region: "*", account: "*" };
const concrete = { partition: "aws-cn", region: "cn-north-1", account: "123456789012" };

describe("appRunnerResourceTypes", () => {
  it("comes from the catalog", () => {
    expect(appRunnerResourceTypes()).toEqual(loadCatalog().resourceTypes("apprunner"));
    expect(appRunnerResourceTypes().map((t) => t.name)).toEqual(expect.arrayContaining(["service", "connection", "vpcconnector"]));
  });

  it("gives every type a shorthand word", () => {
    expect(shorthandWords()).toEqual(appRunnerResourceTypes().map((t) => t.name).sort());
  });
});

describe("expandShorthand", () => {
  it("expands service/* with the default parameters", () => {
    const r = expandShorthand("service/*", defaults);
    expect(r).toMatchObject({ arn: "arn:aws:apprunner:*:*:service/*", resourceType: { name: "service" } });
  });

  it("fills partition, region and account", () => {
    const r = expandShorthand("service/my-svc/*", concrete);
    expect(r).toMatchObject({ arn: "arn:aws-cn:apprunner:cn-north-1:123456789012:service/my-svc/*" });
  });

  it.each(appRunnerResourceTypes().map((t) => [t.name] as const))("expands %s shorthand to an ARN of that type", (name) => {
    const r = expandShorthand(`${name}/a/b/c`, concrete);
    if (r === undefined || "error" in r) throw new Error(`no expansion for ${name}`);
    expect(r.resourceType.name).toBe(name);
    const catalog = loadCatalog();
    const wildcard = expandShorthand(`${name}/*`, concrete);
    if (wildcard === undefined || "error" in wildcard) throw new Error(`no expansion for ${name}/*`);
    const types = catalog.resourceTypesForArn(wildcard.arn, "apprunner").map((t) => t.name);
    expect(types).toContain(name);
  });

  it("expands App Runner's wafv2 web ACL type to a wafv2 ARN", () => {
    const r = expandShorthand("webacl/my-acl/*", concrete);
    expect(r).toMatchObject({ arn: "arn:aws-cn:wafv2:cn-north-1:123456789012:*/webacl/my-acl/*", resourceType: { name: "webacl" } });
  });

  it("reports an unknown type with a suggestion", () => {
    expect(expandShorthand("servce/*", defaults)).toEqual({ error: "unknownType", typeName: "servce", suggestion: "service" });
    expect(expandShorthand("Service/*", defaults)).toEqual({ error: "unknownType", typeName: "Service", suggestion: "service" });
    expect(expandShorthand("bucket/*", defaults)).toEqual({ error: "unknownType", typeName: "bucket" });
  });

  it("leaves non-shorthand text alone", () => {
    for (const text of ["*", "arn:aws:apprunner:*:*:service/*", "service", "/service/*", "service:*"]) {
      expect(expandShorthand(text, defaults)).toBeUndefined();
    }
  });
});
