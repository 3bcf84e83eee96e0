import { describe, expect, it } from "vitest";
import { loadCatalog } from "../../compiler/catalog/index.js";

const catalog = loadCatalog();

describe("suggestService", () => {
  it("offers a close prefix, case-insensitively", () => {
    expect(catalog.suggestService("apprunr")).toBe("apprunner");
    expect(catalog.suggestService("AppRuner")).toBe("apprunner");
  });

  it("stays quiet when nothing is close", () => {
    expect(catalog.suggestService("kubernetes-engine")).toBeUndefined();
  });
});

describe("suggestAction", () => {
  it("fixes a misspelt action", () => {
    expect(catalog.suggestAction("apprunner:DescribeServce")).toBe("apprunner:DescribeService");
    expect(catalog.suggestAction("apprunner:listservice")).toBe("apprunner:ListServices");
  });

  it("fixes a misspelt service with the right action", () => {
    expect(catalog.suggestAction("apprunr:DescribeService")).toBe("apprunner:DescribeService");
  });

  it("finds the right action in the one service that has it", () => {
    expect(catalog.suggestAction("ec2:DescribeVpcIngressConnection")).toBe("apprunner:DescribeVpcIngressConnection");
  });

  it("does not guess among several services with the same action", () => {
    expect(catalog.suggestAction("apprunner:GetObject")).toBeUndefined();
  });

  it("stays quiet for nonsense", () => {
    expect(catalog.suggestAction("apprunner:Frobnicate")).toBeUndefined();
    expect(catalog.suggestAction("DescribeService")).toBeUndefined();
  });
});

describe("suggestConditionKey", () => {
  it("fixes a misspelt global key", () => {
    expect(catalog.suggestConditionKey("aws:SoruceIp")).toBe("aws:SourceIp");
  });

  it("keeps the tag name when fixing a templated key", () => {
    expect(catalog.suggestConditionKey("aws:ResourceTags/team")).toBe("aws:ResourceTag/team");
  });

  it("offers the aws: form of a global key written with the service prefix", () => {
    expect(catalog.suggestConditionKey("apprunner:ResourceTag/team")).toBe("aws:ResourceTag/team");
  });

  it("fixes a misspelt service key", () => {
    expect(catalog.suggestConditionKey("apprunner:VpcIdd")).toBe("apprunner:VpcId");
    expect(catalog.suggestConditionKey("apprunr:VpcId")).toBe("apprunner:VpcId");
  });

  it("stays quiet when nothing is close", () => {
    expect(catalog.suggestConditionKey("apprunner:Completely")).toBeUndefined();
  });
});

describe("suggestResourceType", () => {
  it("offers a close type name", () => {
    expect(catalog.suggestResourceType("apprunner", "servce")).toBe("service");
    expect(catalog.suggestResourceType("apprunner", "vpcconector")).toBe("vpcconnector");
  });

  it("stays quiet for unknown services or distant names", () => {
    expect(catalog.suggestResourceType("nope", "service")).toBeUndefined();
    expect(catalog.suggestResourceType("apprunner", "bucket")).toBeUndefined();
  });
});

describe("suggestions for very long names", () => {
  it("skip candidates whose length alone puts them too far away", () => {
    const long = "Describe".repeat(2000);
    catalog.suggestAction(`ec2:${long}`); // loads every service once, outside the measurement
    const started = performance.now();
    for (let i = 0; i < 20; i++) {
      expect(catalog.suggestAction(`ec2:${long}${i}`)).toBeUndefined();
      expect(catalog.suggestService(`${long}${i}`)).toBeUndefined();
      expect(catalog.suggestConditionKey(`aws:${long}${i}`)).toBeUndefined();
    }
    // Comparing 16,000 characters with every candidate cost about 1.5 s per name.
    expect(performance.now() - started).toBeLessThan(3000);
    expect(catalog.suggestAction("ec2:DescribeInstancez")).toBe("ec2:DescribeInstances");
  });
});
