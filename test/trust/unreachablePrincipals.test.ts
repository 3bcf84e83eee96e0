// A trust's condition holds for each of its statements, so a principal whose statements all
// require a key its STS action never carries can never assume the role. IAM User Guide,
// reference_policies_elements_condition_operators.md: "If the key that you specify in a policy
// condition is not present in the request context, the values do not match and the condition
// is *false*. If the policy condition requires that the key is *not* matched, such as
// `StringNotLike` or `ArnNotLike`, and the right key is not present, the condition is *true*.
// This logic applies to all condition operators except ...IfExists and Null check". A web
// identity token's claims (`<provider>:sub`) come only with sts:AssumeRoleWithWebIdentity
// ("Available keys for AWS web identity federation", as the catalog records it).
import { describe, expect, it } from "vitest";
import { compile } from "../../compiler/index.js";
import { mayAssume, role, trustDocument } from "./support.js";

const TASKS = "tasks.apprunner.amazonaws.com";
const GITHUB = "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com";
const SUB = "token.actions.githubusercontent.com:sub";

const shutOut = (source: string) =>
  compile(source).diagnostics.filter((d) => d.code === "ARP2007").map((d) => d.message);

describe("principals a trust's condition shuts out", () => {
  it("warns that the service of a mixed trust conditioned on a token claim can never assume the role", () => {
    const source = role(`trust service "${TASKS}", federated "${GITHUB}" when ${SUB} like "repo:acme/*"`);
    expect(shutOut(source)).toEqual([
      `\`${TASKS}\` can never assume the role: every branch of the condition tests \`${SUB}\`, which \`sts:AssumeRole\` never carries`,
    ]);
    // What the warning says, decided by the runtime on the emitted document.
    const doc = trustDocument(source);
    expect(mayAssume(doc, TASKS, "sts:AssumeRole")).toBe(false);
    expect(mayAssume(doc, GITHUB, "sts:AssumeRoleWithWebIdentity", { [SUB]: "repo:acme/web" })).toBe(true);
  });

  it("stays quiet when some branch lets the principal in", () => {
    const source = role(`trust service "${TASKS}", federated "${GITHUB}" when ${SUB} like "repo:acme/*" or aws:SourceAccount = "123456789012"`);
    expect(shutOut(source)).toEqual([]);
    expect(mayAssume(trustDocument(source), TASKS, "sts:AssumeRole", { "aws:SourceAccount": "123456789012" })).toBe(true);
  });

  it.each([
    [`not ${SUB} like "repo:evil/*"`, "a negated test holds on a missing key"],
    [`${SUB} like "repo:acme/*" if exists`, "IfExists holds on a missing key"],
  ])("stays quiet for `%s`: %s", (condition) => {
    expect(shutOut(role(`trust service "${TASKS}", federated "${GITHUB}" when ${condition}`))).toEqual([]);
  });

  it("warns about an identity provider conditioned on a key only sts:AssumeRole carries", () => {
    const source = role(`trust account "444455556666", federated "${GITHUB}" when sts:ExternalId = "x-1" and ${SUB} like "repo:acme/*"`);
    expect(shutOut(source)).toEqual([
      `\`${GITHUB}\` can never assume the role: every branch of the condition tests \`sts:ExternalId\`, which \`sts:AssumeRoleWithWebIdentity\` never carries`,
      `\`arn:aws:iam::444455556666:root\` can never assume the role: every branch of the condition tests \`${SUB}\`, which \`sts:AssumeRole\` never carries`,
    ]);
  });
});
