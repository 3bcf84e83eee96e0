/**
 * Denial messages. The exact form is the App Runner developer guide's ("Troubleshooting App
 * Runner identity and access"): "User: arn:aws:iam::123456789012:user/marymajor is not
 * authorized to perform: apprunner:DescribeService on resource: my-example-service".
 */
import { describe, expect, it } from "vitest";
import { formatDenial, parseDenial } from "../../runtime/index.js";
import { MARY } from "./support.js";

const GUIDE =
  "User: arn:aws:iam::123456789012:user/marymajor is not authorized to perform: apprunner:DescribeService on resource: my-example-service";
const denial = { principal: MARY, action: "apprunner:DescribeService", resource: "my-example-service" };

describe("formatDenial", () => {
  it("renders the App Runner guide's marymajor message exactly", () => {
    expect(formatDenial(denial)).toBe(GUIDE);
  });

  it("appends AWS's implicit- and explicit-deny suffixes when given the decision", () => {
    expect(formatDenial(denial, "ImplicitDeny")).toBe(
      `${GUIDE} because no identity-based policy allows the apprunner:DescribeService action`,
    );
    expect(formatDenial(denial, "ExplicitDeny")).toBe(`${GUIDE} with an explicit deny in an identity-based policy`);
  });
});

describe("parseDenial", () => {
  const variants: [string, string, Partial<ReturnType<typeof parseDenial>>][] = [
    ["the guide's message", GUIDE, denial],
    ["the implicit-deny suffix", `${GUIDE} because no identity-based policy allows the apprunner:DescribeService action`, { ...denial, deny: "implicit" }],
    ["a session-policy implicit deny", `${GUIDE} because no session policy allows the apprunner:DescribeService action`, { ...denial, deny: "implicit" }],
    ["an explicit deny naming the policy", `${GUIDE} with an explicit deny in an identity-based policy: arn:aws:iam::123456789012:policy/NoDescribe`, { ...denial, deny: "explicit" }],
    ["the CLI prefix", `An error occurred (AccessDeniedException) when calling the DescribeService operation: ${GUIDE}`, denial],
    ["a trailing period and newline", `${GUIDE}.\n`, denial],
    ["an S3 quoted resource", 'User: arn:aws:sts::111122223333:assumed-role/app/s is not authorized to perform: s3:ListBucket on resource: "arn:aws:s3:::amzn-s3-demo-bucket" because no identity-based policy allows the s3:ListBucket action', { principal: "arn:aws:sts::111122223333:assumed-role/app/s", action: "s3:ListBucket", resource: "arn:aws:s3:::amzn-s3-demo-bucket", deny: "implicit" }],
    ["no resource part", `User: ${MARY} is not authorized to perform: iam:ListUsers`, { principal: MARY, action: "iam:ListUsers", resource: "*" }],
    ["an old explicit-deny form with a spaced resource", `An error occurred (AccessDenied) when calling the RunInstances operation: User: arn:aws:iam::123456789012:user/tester is not authorized to perform: ec2:RunInstances on resource: role TestReadOnly with an explicit deny`, { principal: "arn:aws:iam::123456789012:user/tester", action: "ec2:RunInstances", resource: "role TestReadOnly", deny: "explicit" }],
  ];
  for (const [label, message, want] of variants) {
    it(`reads ${label}`, () => expect(parseDenial(message)).toEqual(want));
  }

  it("returns undefined for other text", () => {
    expect(parseDenial("An error occurred (ThrottlingException): Rate exceeded")).toBeUndefined();
  });

  it("round-trips formatDenial", () => {
    expect(parseDenial(formatDenial(denial, "ExplicitDeny"))).toEqual({ ...denial, deny: "explicit" });
  });
});
