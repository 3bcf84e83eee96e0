// The importer runs the validator on every document it reads: what IAM itself rejects and the
// importer's own reading let through is reported as ARP6003 at the JSON; what IAM accepts
// (the validator's warnings) is never refused for it.
import { describe, expect, it } from "vitest";
import { importPolicy } from "../../compiler/import/index.js";
import { spanAtPath } from "../../compiler/import/iamFindings.js";
import { parseJson } from "../../compiler/import/jsonSource.js";

async function imported(doc: unknown): Promise<{ arp?: string; found: { code: string; at: string }[] }> {
  const json = JSON.stringify(doc, null, 2);
  const result = await importPolicy(json, { file: "p.json" });
  return { ...(result.arp !== undefined ? { arp: result.arp } : {}), found: result.diagnostics.map((d) => ({ code: d.code, at: json.slice(d.span.start, d.span.end) })) };
}

const trust = (principal: unknown, action = "sts:AssumeRole"): unknown => ({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: principal, Action: action }] });

describe("the importer reports what IAM rejects, at the JSON", () => {
  it('a wildcard inside a principal ARN: "You cannot use a wildcard to match part of a principal name or ARN."', async () => {
    const { arp, found } = await imported(trust({ AWS: "arn:aws:iam::123456789012:role/deploy-*" }));
    expect(arp).toBeUndefined();
    expect(found).toContainEqual({ code: "ARP6003", at: '"arn:aws:iam::123456789012:role/deploy-*"' });
  });

  it('a character outside IAM\'s set: "characters in the range U+0020 to U+00FF"', async () => {
    const { arp, found } = await imported({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "apprunner:TagResource", Resource: "*", Condition: { StringEquals: { "aws:RequestTag/team": "チーム" } } }] });
    expect(arp).toBeUndefined();
    expect(found).toContainEqual({ code: "ARP6003", at: '"チーム"' });
  });

  it("a federated principal that is neither a provider ARN nor a domain", async () => {
    const { arp, found } = await imported(trust({ Federated: "my provider" }, "sts:AssumeRoleWithWebIdentity"));
    expect(arp).toBeUndefined();
    expect(found).toContainEqual({ code: "ARP6003", at: '"my provider"' });
  });
});

describe("the importer never refuses what IAM accepts", () => {
  it("a policy without Version (IAM reads it as 2008-10-17; the validator only warns)", async () => {
    const { arp, found } = await imported({ Statement: [{ Effect: "Allow", Action: "apprunner:ListServices", Resource: "*" }] });
    expect(found.filter((f) => f.code === "ARP6003")).toEqual([]);
    expect(arp).toBeDefined();
  });

  it("an identity policy over the managed limit but within the inline one is not an IAM error", async () => {
    const resources = Array.from({ length: 100 }, (_, i) => `arn:aws:apprunner:us-east-1:123456789012:service/svc${String(i).padStart(4, "0")}/*`);
    const { found } = await imported({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "apprunner:DescribeService", Resource: resources }] });
    expect(found.filter((f) => f.code === "ARP6003")).toEqual([]);
  });
});

describe("spanAtPath", () => {
  const json = '{"Statement": [{"Effect": "Allow", "Resources": "*"}]}';
  const parsed = parseJson(json, "p.json");
  const root = "value" in parsed ? parsed.value : undefined;
  it("points at a value, or at its key for a rule about the name", async () => {
    expect(root).toBeDefined();
    const at = (path: (string | number)[], key: boolean): string => {
      const span = spanAtPath(root!, path, key);
      return json.slice(span.start, span.end);
    };
    expect(at(["Statement", 0, "Effect"], false)).toBe('"Allow"');
    expect(at(["Statement", 0, "Resources"], true)).toBe('"Resources"');
    expect(at(["Statement", 0], false)).toBe("{");
    expect(at(["Statement", 7, "Effect"], false)).toBe("[");
  });
});
