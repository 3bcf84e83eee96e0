// A trust's `to` takes `sts:` wildcards, as IAM's `Action` element does in any policy: "You can
// use a wildcard (*) to give access to all the actions the specific AWS product offers" and "You
// can also use wildcards (*) as part of the action name" (reference_policies_elements_action);
// neither that page nor the policy grammar makes an exception for trust policies.
import { describe, expect, it } from "vitest";
import { compile } from "../../compiler/index.js";
import { importPolicy } from "../../compiler/import/index.js";
import { diagnosticsOf, mayAssume, role, statements, trustDocument } from "./support.js";

const TASKS = "tasks.apprunner.amazonaws.com";
const OKTA = "arn:aws:iam::123456789012:saml-provider/Okta";

describe("sts: wildcards after `to`", () => {
  it("are written to Action as they are, and let in each principal whose action they match", () => {
    const doc = trustDocument(role(`trust service "${TASKS}" to sts:*`, `trust federated "${OKTA}" to sts:AssumeRole*`));
    expect(statements(doc).map((s) => s.Action)).toEqual(["sts:*", "sts:AssumeRole*"]);
    expect(mayAssume(doc, TASKS, "sts:AssumeRole")).toBe(true);
    expect(mayAssume(doc, TASKS, "sts:TagSession")).toBe(true);
    expect(mayAssume(doc, OKTA, "sts:AssumeRoleWithSAML")).toBe(true);
    expect(mayAssume(doc, OKTA, "sts:TagSession")).toBe(false);
  });

  it("lock out a principal only when they do not match its action", () => {
    const found = diagnosticsOf(role(`trust federated "${OKTA}" to sts:Tag*`), "ARP5005");
    expect(found.map((d) => [d.severity, d.message])).toEqual([
      ["warning", "this principal assumes a role with `sts:AssumeRoleWithSAML`, which the trust does not allow: it can never assume the role"],
    ]);
    expect(compile(role(`trust federated "${OKTA}" to sts:AssumeRoleWith*`)).diagnostics).toEqual([]);
  });

  it("are an error when they match no sts: action, or name another service", () => {
    expect(diagnosticsOf(role(`trust service "${TASKS}" to sts:Nothing*`), "ARP5005").map((d) => d.message)).toEqual([
      "a trust allows an `sts:` action such as `sts:AssumeRole`, not `sts:Nothing*`, which matches no `sts:` action",
    ]);
    expect(diagnosticsOf(role(`trust service "${TASKS}" to s3:*`), "ARP5005")).toHaveLength(1);
  });

  it("import from a trust policy's Action and compile back to it", async () => {
    const doc = {
      Version: "2012-10-17",
      Statement: [
        { Effect: "Allow", Principal: { Service: TASKS }, Action: "sts:*" },
        { Effect: "Deny", Principal: { AWS: "arn:aws:iam::444455556666:role/Intern" }, Action: ["sts:Assume*", "sts:TagSession"] },
      ],
    };
    const result = await importPolicy(JSON.stringify(doc), { file: "Runner/trust.json" });
    expect(result.diagnostics).toEqual([]);
    expect(result.arp).toContain(`trust service "${TASKS}" to sts:*`);
    expect(compile(result.arp ?? "").roles[0]?.trust.document).toEqual(doc);
  });
});
