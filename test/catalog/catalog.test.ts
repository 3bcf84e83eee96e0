import { describe, expect, it } from "vitest";
import { loadCatalog, type CatalogAction } from "../../compiler/catalog/index.js";

const catalog = loadCatalog();

function mustAction(fullName: string): CatalogAction {
  const action = catalog.action(fullName);
  if (action === undefined) throw new Error(`missing ${fullName}`);
  return action;
}

describe("services", () => {
  it("reports the iam-data version and timestamp", () => {
    expect(catalog.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(Number.isNaN(Date.parse(catalog.updatedAt))).toBe(false);
  });

  it("is a memoised singleton", () => {
    expect(loadCatalog()).toBe(catalog);
  });

  it("knows services case-insensitively", () => {
    expect(catalog.hasService("apprunner")).toBe(true);
    expect(catalog.hasService("AppRunner")).toBe(true);
    expect(catalog.hasService("apprunnr")).toBe(false);
    expect(catalog.serviceName("APPRUNNER")).toBe("AWS App Runner");
    expect(catalog.serviceName("nope")).toBeUndefined();
  });

  it("lists every service prefix, sorted", () => {
    const keys = catalog.serviceKeys();
    expect(keys.length).toBeGreaterThan(400);
    expect(keys).toContain("s3");
    expect([...keys].sort()).toEqual(keys);
  });
});

describe("actions", () => {
  it("looks actions up case-insensitively and returns canonical casing", () => {
    const action = mustAction("APPRUNNER:describeservice");
    expect(action.fullName).toBe("apprunner:DescribeService");
    expect(action.name).toBe("DescribeService");
    expect(action.service).toBe("apprunner");
    expect(action.accessLevel).toBe("Read");
    expect(action.resourceTypes).toEqual([{ name: "service", required: true, conditionKeys: [] }]);
  });

  it("returns undefined for unknown services, actions and malformed names", () => {
    expect(catalog.action("apprunner:DescribeServce")).toBeUndefined();
    expect(catalog.action("nope:DescribeService")).toBeUndefined();
    expect(catalog.action("DescribeService")).toBeUndefined();
    expect(catalog.action("apprunner:Describe*")).toBeUndefined();
  });

  it("lists a service's actions sorted by name", () => {
    const names = catalog.actions("apprunner").map((a) => a.name);
    expect(names.length).toBeGreaterThan(30);
    expect([...names].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase()))).toEqual(names);
    expect(catalog.actions("nope")).toEqual([]);
  });

  it("flags actions that support no resource-level permissions", () => {
    expect(mustAction("apprunner:ListServices").wildcardOnly).toBe(true);
    expect(mustAction("apprunner:ListConnections").wildcardOnly).toBe(true);
    expect(mustAction("apprunner:DescribeService").wildcardOnly).toBe(false);
    expect(mustAction("apprunner:ListOperations").wildcardOnly).toBe(false);
  });
});

describe("matchActions", () => {
  it("expands apprunner:Describe* to exactly the Describe actions", () => {
    const expected = catalog
      .actions("apprunner")
      .filter((a) => a.name.startsWith("Describe"))
      .map((a) => a.fullName);
    expect(expected.length).toBeGreaterThanOrEqual(8);
    expect(catalog.matchActions("apprunner:Describe*").map((a) => a.fullName)).toEqual(expected);
    expect(catalog.matchActions("APPRUNNER:describe*").map((a) => a.fullName)).toEqual(expected);
  });

  it("treats ? as exactly one character", () => {
    expect(catalog.matchActions("apprunner:DescribeServic?").map((a) => a.name)).toEqual(["DescribeService"]);
    expect(catalog.matchActions("apprunner:DescribeServ?ce").map((a) => a.name)).toEqual(["DescribeService"]);
    expect(catalog.matchActions("apprunner:DescribeService?")).toEqual([]);
  });

  it("matches a whole service with service:*", () => {
    expect(catalog.matchActions("apprunner:*")).toEqual(catalog.actions("apprunner"));
  });

  it("matches everything with * alone", () => {
    const all = catalog.matchActions("*");
    expect(all.length).toBeGreaterThan(10000);
    expect(new Set(all.map((a) => a.service)).size).toBe(catalog.serviceKeys().length);
  });

  it("matches across services with a wildcard service part", () => {
    const gets = catalog.matchActions("*:GetObject");
    expect(gets.map((a) => a.fullName)).toContain("s3:GetObject");
    expect(gets.every((a) => a.name === "GetObject")).toBe(true);
    expect(catalog.matchActions("app?unner:ListServices").map((a) => a.fullName)).toEqual(["apprunner:ListServices"]);
  });

  it("matches nothing for unknown services or missing colons", () => {
    expect(catalog.matchActions("nope:*")).toEqual([]);
    expect(catalog.matchActions("Describe*")).toEqual([]);
  });
});

describe("resource types", () => {
  it("lists App Runner resource types with templates", () => {
    const service = catalog.resourceType("APPRUNNER", "Service");
    expect(service?.name).toBe("service");
    expect(service?.arnTemplate).toBe("arn:${Partition}:apprunner:${Region}:${Account}:service/${ServiceName}/${ServiceId}");
    expect(catalog.resourceTypes("apprunner").map((t) => t.name)).toContain("vpcingressconnection");
  });

  it("keeps canonical casing for mixed-case type names", () => {
    expect(catalog.resourceType("access-analyzer", "analyzer")?.name).toBe("Analyzer");
  });
});

describe("resourceTypesForArn", () => {
  const names = (arn: string, service?: string) => catalog.resourceTypesForArn(arn, service).map((t) => t.name);

  it("finds the App Runner service type", () => {
    expect(names("arn:aws:apprunner:us-east-1:123456789012:service/my-svc/abc")).toEqual(["service"]);
    expect(names("arn:aws:apprunner:*:*:service/*")).toEqual(["service"]);
  });

  it("finds S3 objects and buckets", () => {
    expect(names("arn:aws:s3:::bucket/key")).toEqual(["object"]);
    expect(names("arn:aws:s3:::bucket")).toEqual(["bucket"]);
    expect(names("arn:aws:s3:::bucket/${aws:username}/*")).toEqual(["object"]);
  });

  it("lets a wildcard resource denote every type it can match", () => {
    expect(names("arn:aws:apprunner:*:*:*")).toEqual(catalog.resourceTypes("apprunner").filter((t) => t.arnTemplate.includes(":apprunner:")).map((t) => t.name));
  });

  it("returns nothing for malformed ARNs", () => {
    expect(names("arn:aws:apprunner:us-east-1")).toEqual([]);
    expect(names("arn:aws:apprunner:us-east-1:123456789012:service/my-svc")).toEqual([]);
    expect(names("arn:aws:apprunner:us-east-1:123456789012:servce/a/b")).toEqual([]);
    expect(names("arn:aws:s3:us-east-1::bucket")).toEqual([]);
    expect(names("not-an-arn")).toEqual([]);
  });

  it("matches a foreign ARN against a service's own types when asked", () => {
    const arn = "arn:aws:wafv2:us-east-1:123456789012:regional/webacl/acl/id";
    expect(catalog.resourceTypesForArn(arn, "apprunner").map((t) => `${t.service}:${t.name}`)).toEqual(["apprunner:webacl"]);
    expect(catalog.resourceTypesForArn(arn).every((t) => t.service === "wafv2")).toBe(true);
  });

  it("handles templates that list several alternatives", () => {
    expect(catalog.resourceTypesForArn("arn:aws:apigateway:us-east-1::/restapis/abc/stages/prod").length).toBeGreaterThan(0);
  });
});

describe("condition keys", () => {
  it.each([
    ["aws:ResourceTag/team", "aws:ResourceTag/${TagKey}", "String", true],
    ["AWS:resourcetag/Team", "aws:ResourceTag/${TagKey}", "String", true],
    ["aws:RequestTag/x", "aws:RequestTag/${TagKey}", "String", true],
    ["aws:PrincipalTag/dept", "aws:PrincipalTag/${TagKey}", "String", true],
    ["aws:SourceIp", "aws:SourceIp", "IPAddress", true],
    ["aws:TagKeys", "aws:TagKeys", "ArrayOfString", true],
    ["aws:SecureTransport", "aws:SecureTransport", "Bool", true],
    ["aws:CurrentTime", "aws:CurrentTime", "Date", true],
    ["aws:MultiFactorAuthAge", "aws:MultiFactorAuthAge", "Numeric", true],
    ["aws:PrincipalArn", "aws:PrincipalArn", "ARN", true],
    ["aws:CalledVia", "aws:CalledVia", "ArrayOfString", true],
    ["apprunner:VpcId", "apprunner:VpcId", "String", false],
    ["apprunner:servicearn", "apprunner:ServiceArn", "ARN", false],
    ["iam:PassedToService", "iam:PassedToService", "String", false],
    ["iam:AWSServiceName", "iam:AWSServiceName", "String", false],
    ["iam:ResourceTag/x", "iam:ResourceTag/${TagKey}", "String", false],
    ["s3:ExistingObjectTag/env", "s3:ExistingObjectTag/<key>", "String", false],
    ["kms:EncryptionContext:purpose", "kms:EncryptionContext:${EncryptionContextKey}", "String", false],
    ["saml:aud", "saml:aud", "String", false],
  ])("%s → %s (%s)", (key, name, type, global) => {
    const entry = catalog.conditionKey(key);
    expect(entry?.name).toBe(name);
    expect(entry?.type).toBe(type);
    expect(entry?.global).toBe(global);
  });

  it("records that aws:EpochTime also accepts numbers", () => {
    expect(catalog.conditionKey("aws:EpochTime")?.alternateTypes).toEqual(["Numeric"]);
  });

  it("returns undefined for unknown keys", () => {
    expect(catalog.conditionKey("aws:SourceIpp")).toBeUndefined();
    expect(catalog.conditionKey("aws:ResourceTag/")).toBeUndefined();
    expect(catalog.conditionKey("apprunner:Nope")).toBeUndefined();
    expect(catalog.conditionKey("nope:VpcId")).toBeUndefined();
    expect(catalog.conditionKey("VpcId")).toBeUndefined();
  });
});

describe("keyAppliesToAction", () => {
  const createIngress = () => mustAction("apprunner:CreateVpcIngressConnection");
  const describe_ = () => mustAction("apprunner:DescribeService");

  it("applies service keys only where listed", () => {
    expect(catalog.keyAppliesToAction("apprunner:VpcId", createIngress())).toBe(true);
    expect(catalog.keyAppliesToAction("APPRUNNER:vpcid", createIngress())).toBe(true);
    expect(catalog.keyAppliesToAction("apprunner:VpcId", describe_())).toBe(false);
  });

  it("applies tag keys only where the action or its resource types list them", () => {
    expect(catalog.keyAppliesToAction("aws:RequestTag/team", createIngress())).toBe(true);
    expect(catalog.keyAppliesToAction("aws:RequestTag/team", describe_())).toBe(false);
    expect(catalog.keyAppliesToAction("aws:ResourceTag/team", describe_())).toBe(true);
    expect(catalog.keyAppliesToAction("aws:ResourceTag/team", mustAction("apprunner:ListServices"))).toBe(false);
  });

  it("always applies request-wide global keys", () => {
    for (const key of ["aws:SourceIp", "aws:CurrentTime", "aws:PrincipalTag/dept", "aws:SecureTransport", "aws:MultiFactorAuthPresent"]) {
      expect(catalog.keyAppliesToAction(key, describe_())).toBe(true);
    }
  });

  it("rejects unknown keys and other services' keys", () => {
    expect(catalog.keyAppliesToAction("aws:Nope", describe_())).toBe(false);
    expect(catalog.keyAppliesToAction("s3:prefix", describe_())).toBe(false);
  });
});
