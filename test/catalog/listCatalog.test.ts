import { describe, expect, it } from "vitest";
import { globalConditionKeys, loadCatalog, SEARCH_LIMIT, searchCatalog } from "../../compiler/catalog/index.js";

describe("searchCatalog", () => {
  it("lists App Runner and the global keys with no word", () => {
    const listing = searchCatalog();
    expect(listing.services).toEqual([{ prefix: "apprunner", name: "AWS App Runner" }]);
    expect(listing.actions.map((a) => a.fullName)).toEqual(loadCatalog().actions("apprunner").map((a) => a.fullName));
    expect(listing.resourceTypes.map((t) => t.name)).toContain("service");
    const keys = listing.conditionKeys.map((k) => k.name);
    expect(keys).toContain("apprunner:VpcId");
    expect(keys).toContain("aws:SourceIp");
    expect(keys.length).toBe(new Set(keys.map((k) => k.toLowerCase())).size);
    expect(listing.conditionKeys.filter((k) => k.global).length).toBe(globalConditionKeys().length);
  });

  it("summarises actions with their resource types and keys", () => {
    const create = searchCatalog().actions.find((a) => a.fullName === "apprunner:CreateVpcIngressConnection");
    expect(create?.accessLevel).toBe("Write");
    expect(create?.resourceTypes).toEqual([{ name: "vpcingressconnection", required: true }]);
    expect(create?.conditionKeys).toContain("apprunner:VpcId");
  });

  it("lists a service named by its prefix", () => {
    const listing = searchCatalog("S3");
    expect(listing.services).toEqual([{ prefix: "s3", name: expect.any(String) }]);
    expect(listing.actions.map((a) => a.fullName)).toContain("s3:GetObject");
    expect(listing.resourceTypes.map((t) => t.name)).toContain("object");
  });

  it("searches action names and keys by substring across services", () => {
    const listing = searchCatalog("vpcingress");
    expect(listing.actions.map((a) => a.fullName)).toContain("apprunner:CreateVpcIngressConnection");
    expect(listing.actions.every((a) => a.fullName.toLowerCase().includes("vpcingress"))).toBe(true);
    const keys = searchCatalog("vpcid").conditionKeys.map((k) => k.name);
    expect(keys).toContain("apprunner:VpcId");
  });

  it("searches with wildcards", () => {
    const names = searchCatalog("apprunner:Describe*").actions.map((a) => a.fullName);
    expect(names).toEqual(loadCatalog().matchActions("apprunner:Describe*").map((a) => a.fullName));
  });

  it("bounds and sorts results deterministically", () => {
    const first = searchCatalog("Get");
    expect(first.truncated).toBe(true);
    expect(first.actions.length).toBe(SEARCH_LIMIT);
    const keys = first.actions.map((a) => {
      const [service = "", name = ""] = a.fullName.toLowerCase().split(":");
      return [service, name] as const;
    });
    const sorted = [...keys].sort((a, b) => (a[0] !== b[0] ? (a[0] < b[0] ? -1 : 1) : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
    expect(keys).toEqual(sorted);
    expect(searchCatalog("Get")).toEqual(first);
  });
});

describe("searchCatalog for a service", () => {
  it("shows the aws: keys a service lists as global keys", () => {
    const tag = searchCatalog("apprunner").conditionKeys.find((k) => k.name === "aws:ResourceTag/${TagKey}");
    expect(tag?.global).toBe(true);
  });
});
