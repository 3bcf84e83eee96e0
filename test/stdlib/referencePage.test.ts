// The stdlib must compile to exactly the policies AWS prints in "How App Runner works with
// IAM" (vendored in test/fixtures/reference/how-app-runner-works-with-iam.md): same statements, effects,
// actions, resources and conditions; key order aside.
import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { compileFiles } from "../../compiler/index.js";

const PAGE = new URL("../fixtures/reference/how-app-runner-works-with-iam.md", import.meta.url);

/** The first JSON code block after the heading whose text starts with `heading`. */
function jsonAfter(markdown: string, heading: string): unknown {
  const at = markdown.search(new RegExp(`^#+ ${heading.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`, "m"));
  if (at < 0) throw new Error(`heading not found: ${heading}`);
  const block = /```\n([\s\S]*?)```/.exec(markdown.slice(at));
  if (block === null) throw new Error(`no code block after ${heading}`);
  return JSON.parse(block[1]!);
}

describe("stdlib matches the App Runner reference page", () => {
  it("finds the reference page", () => expect(existsSync(PAGE)).toBe(true));
  const page = readFileSync(PAGE, "utf8");
  const result = compileFiles(["stdlib"]);
  it("compiles without errors", () => expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]));
  const policy = (name: string) => result.policies.find((p) => p.name === name)?.document;
  const role = (name: string) => result.roles.find((r) => r.name === name);

  for (const name of ["AWSAppRunnerReadOnlyAccess", "AWSAppRunnerFullAccess", "AWSAppRunnerServicePolicyForECRAccess"]) {
    it(`${name} equals the page`, () => expect(policy(name)).toEqual(jsonAfter(page, name)));
  }
  it("the access role's trust policy equals the page", () => {
    expect(role("AppRunnerECRAccessRole")?.trust.document).toEqual(jsonAfter(page, "Trust policy for an access role"));
  });
  it("the access role attaches AWSAppRunnerServicePolicyForECRAccess", () => {
    expect(role("AppRunnerECRAccessRole")?.managedPolicyArns).toEqual([
      "arn:aws:iam::aws:policy/service-role/AWSAppRunnerServicePolicyForECRAccess",
    ]);
  });
  it("the instance role's trust policy equals the page", () => {
    expect(role("AppRunnerInstanceRole")?.trust.document).toEqual(jsonAfter(page, "Trust policy for an instance role"));
  });
});
