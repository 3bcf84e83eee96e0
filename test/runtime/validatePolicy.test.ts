/**
 * Documents IAM rejects are refused with a PolicyValidationError naming the policy, statement
 * and element, before anything is decided. Each case quotes the IAM User Guide page it follows.
 */
import { describe, expect, it } from "vitest";
import { compilePolicySet, evaluate, PolicyValidationError } from "../../runtime/index.js";
import type { IamPolicyDocument, PolicyInput } from "../../runtime/index.js";
import { request } from "./support.js";

const allowAll = { Effect: "Allow", Action: "*", Resource: "*" };

/** Validates one named policy of the given statements; the error, or undefined when accepted. */
function refusal(statements: unknown, extra: Record<string, unknown> = {}): PolicyValidationError | undefined {
  const document = { Version: "2012-10-17", Statement: statements, ...extra } as unknown as IamPolicyDocument;
  try {
    compilePolicySet([{ name: "P", document }]);
    return undefined;
  } catch (error) {
    if (error instanceof PolicyValidationError) return error;
    throw error;
  }
}

/** [what, statement, the element the error must name] */
type Row = readonly [string, Record<string, unknown>, string];

const STATEMENT_ROWS: readonly Row[] = [
  // Effect: "Valid values for Effect are Allow and Deny. The Effect value is case sensitive."
  ['Effect "deny" (case)', { Effect: "deny", Action: "*", Resource: "*" }, "Effect"],
  ['Effect "Deny " (space)', { Effect: "Deny ", Action: "*", Resource: "*" }, "Effect"],
  ["Effect missing", { Action: "*", Resource: "*" }, "Effect"],
  ["Effect not a string", { Effect: true, Action: "*", Resource: "*" }, "Effect"],
  // Action: "Statements must include either an Action or NotAction element."
  ["Action missing", { Effect: "Allow", Resource: "*" }, "Action"],
  ['misspelled "Actions"', { Effect: "Deny", Actions: "*", Resource: "*" }, "Actions"],
  ['lower-case "action"', { Effect: "Deny", action: "*", Resource: "*" }, "action"],
  ["both Action and NotAction", { Effect: "Allow", Action: "*", NotAction: "iam:*", Resource: "*" }, "NotAction"],
  // Grammar: "Arrays can take one or more values."
  ["Action: []", { Effect: "Allow", Action: [], Resource: "*" }, "Action"],
  ["NotAction: []", { Effect: "Allow", NotAction: [], Resource: "*" }, "NotAction"],
  ["Action not a string", { Effect: "Allow", Action: 5, Resource: "*" }, "Action"],
  ["Action item not a string", { Effect: "Allow", Action: ["s3:GetObject", null], Resource: "*" }, "Action[1]"],
  // Grammar notes: an action_string "Consists of a service namespace, a colon, and the name of an action".
  ["Action without a service", { Effect: "Allow", Action: "GetObject", Resource: "*" }, "Action"],
  // Resource: "Statements must include either a Resource or a NotResource element."
  ["identity statement without Resource", { Effect: "Allow", Action: "*" }, "Resource"],
  ['Resource: ""', { Effect: "Deny", Action: "*", Resource: "" }, "Resource"],
  ["Resource: []", { Effect: "Allow", Action: "*", Resource: [] }, "Resource"],
  ["NotResource: []", { Effect: "Allow", Action: "*", NotResource: [] }, "NotResource"],
  ["both Resource and NotResource", { Effect: "Allow", Action: "*", Resource: "*", NotResource: "arn:aws:s3:::x" }, "NotResource"],
  // Grammar notes: a resource_string "In most cases, consists of an Amazon Resource Name".
  ["Resource neither * nor an ARN", { Effect: "Deny", Action: "*", Resource: "bucket/*" }, "Resource"],
  // Condition: <condition_block> = "Condition" : { <condition_map> } with at least one entry.
  ["Condition: {StringEquals: {}}", { ...allowAll, Condition: { StringEquals: {} } }, "Condition.StringEquals"],
  ["Condition: []", { ...allowAll, Condition: [] }, "Condition"],
  ["Condition: null", { ...allowAll, Condition: null }, "Condition"],
  ["Condition: {}", { ...allowAll, Condition: {} }, "Condition"],
  // Condition operators page lists every operator; StringEqual is not one.
  ["unknown operator StringEqual", { ...allowAll, Condition: { StringEqual: { "aws:username": "x" } } }, "Condition.StringEqual"],
  ["Null with IfExists", { ...allowAll, Condition: { NullIfExists: { "aws:username": "true" } } }, "Condition.NullIfExists"],
  ["StringNotEquals with []", { ...allowAll, Condition: { StringNotEquals: { "aws:username": [] } } }, "Condition.StringNotEquals.aws:username"],
  ["a value that is an object", { ...allowAll, Condition: { StringEquals: { "aws:username": { a: 1 } } } }, "Condition.StringEquals.aws:username"],
  ["a value that is null", { ...allowAll, Condition: { StringEquals: { "aws:username": null } } }, "Condition.StringEquals.aws:username"],
  // Numeric: values are numbers; Date: "You must specify date/time values with one of the W3C
  // implementations of the ISO 8601 date formats or in epoch (UNIX) time"; IP: "The value must be
  // in the standard CIDR format"; Bool: "comparing a key to true or false"; Binary: "a base-64
  // encoded representation of the binary value"; Null: "use either true … or false".
  ['NumericNotEquals "abc"', { ...allowAll, Condition: { NumericNotEquals: { "s3:max-keys": "abc" } } }, "Condition.NumericNotEquals.s3:max-keys"],
  ['NotIpAddress "not-an-ip"', { ...allowAll, Condition: { NotIpAddress: { "aws:SourceIp": "not-an-ip" } } }, "Condition.NotIpAddress.aws:SourceIp"],
  ["IpAddress prefix /33", { ...allowAll, Condition: { IpAddress: { "aws:SourceIp": ["10.0.0.0/8", "10.1.2.3/33"] } } }, "Condition.IpAddress.aws:SourceIp[1]"],
  ['DateNotEquals "2024-02-30"', { ...allowAll, Condition: { DateNotEquals: { "aws:CurrentTime": "2024-02-30" } } }, "Condition.DateNotEquals.aws:CurrentTime"],
  ['DateLessThan "yesterday"', { ...allowAll, Condition: { DateLessThan: { "aws:CurrentTime": "yesterday" } } }, "Condition.DateLessThan.aws:CurrentTime"],
  ['Bool "yes"', { ...allowAll, Condition: { Bool: { "aws:SecureTransport": "yes" } } }, "Condition.Bool.aws:SecureTransport"],
  ['Null "maybe"', { ...allowAll, Condition: { Null: { "aws:TokenIssueTime": "maybe" } } }, "Condition.Null.aws:TokenIssueTime"],
  ['BinaryEquals "bad!"', { ...allowAll, Condition: { BinaryEquals: { "custom:Blob": "bad!" } } }, "Condition.BinaryEquals.custom:Blob"],
  // Sid: "supports ASCII uppercase letters (A-Z), lowercase letters (a-z), and numbers (0-9)".
  ["Sid with a space", { ...allowAll, Sid: "my sid" }, "Sid"],
  // Principal: "You cannot use the Principal element in an identity-based policy."
  ["Principal beside a Resource", { ...allowAll, Principal: { AWS: "arn:aws:iam::123456789012:root" } }, "Principal"],
];

describe("policy validation: documents IAM rejects are refused", () => {
  for (const [what, statement, element] of STATEMENT_ROWS) {
    it(what, () => {
      const error = refusal([{ Sid: "Fine", ...allowAll }, statement]);
      expect(error).toBeInstanceOf(PolicyValidationError);
      expect({ name: error?.name, policy: error?.policy, statement: error?.statement, element: error?.element }).toEqual({
        name: "PolicyValidationError",
        policy: "P",
        statement: 1,
        element,
      });
      expect(error?.message).toContain(`invalid policy "P" statement 1 ${element}: `);
    });
  }

  it('[sid] "In IAM, the Sid value must be unique within a JSON policy"', () => {
    expect(refusal([{ Sid: "A", ...allowAll }, { Sid: "A", ...allowAll }])?.element).toBe("Sid");
  });

  it('[version] IAM supports the Version values "2012-10-17" and "2008-10-17" only', () => {
    expect(refusal([allowAll], { Version: "2012-10-18" })?.element).toBe("Version");
  });

  it('[statement] "This element is required"; an unknown document element is refused', () => {
    expect(refusal([], {})?.element).toBe("Statement");
    expect(refusal([allowAll], { Statements: [] })?.element).toBe("Statements");
  });

  it("a bare document is named policy[i]; a non-array policies argument is refused", () => {
    const bad = { Version: "2012-10-17", Statement: [{ Effect: "Deny ", Action: "*", Resource: "*" }] } as unknown as PolicyInput;
    expect(() => evaluate([{ Version: "2012-10-17", Statement: [allowAll] } as PolicyInput, bad], request())).toThrow(
      expect.objectContaining({ policy: "policy[1]", statement: 0, element: "Effect" }),
    );
    expect(() => compilePolicySet({} as unknown as PolicyInput[])).toThrow(PolicyValidationError);
  });

  it("values IAM accepts are accepted: numbers and booleans unquoted, unpadded base-64, operator names in any case", () => {
    const statement = {
      ...allowAll,
      Condition: {
        NumericLessThan: { "aws:MultiFactorAuthAge": 3600 },
        Bool: { "aws:SecureTransport": true },
        BinaryEquals: { "custom:Blob": "YWJjZA" },
        stringequals: { "aws:username": "${aws:username}" },
        BoolIfExists: { "aws:MultiFactorAuthPresent": "${aws:PrincipalTag/mfa}" },
      },
    };
    expect(refusal([statement])).toBeUndefined();
  });
});

describe("role trust policies", () => {
  const trust = { Effect: "Allow", Principal: { Service: "tasks.apprunner.amazonaws.com" }, Action: "sts:AssumeRole" };

  it("[principal] a document whose statements name a Principal and no Resource is a role trust policy", () => {
    expect(refusal([trust])).toBeUndefined();
    expect(refusal([trust, { Effect: "Deny", NotPrincipal: "*", Action: "sts:TagSession" }])).toBeUndefined();
  });

  it('[grammar] "The principal_block element is required … in trust policies for IAM roles"', () => {
    expect(refusal([trust, { Effect: "Allow", Action: "sts:AssumeRole" }])).toMatchObject({ statement: 1, element: "Principal" });
  });

  it("a Principal must be \"*\" or name AWS, Service, Federated or CanonicalUser principals", () => {
    expect(refusal([{ ...trust, Principal: "someone" }])?.element).toBe("Principal");
    expect(refusal([{ ...trust, Principal: {} }])?.element).toBe("Principal");
    expect(refusal([{ ...trust, Principal: { Services: "x" } }])?.element).toBe("Principal.Services");
    expect(refusal([{ ...trust, Principal: { Service: [] } }])?.element).toBe("Principal.Service");
  });
});

describe("inherited properties never count", () => {
  it("a statement whose Action is only inherited is refused, even with a polluted Object.prototype", () => {
    const proto = Object.prototype as Record<string, unknown>;
    proto.Action = "*";
    try {
      expect(refusal([{ Effect: "Allow", Resource: "*" }])?.element).toBe("Action");
      expect(refusal([Object.create({ Effect: "Deny", Action: "*", Resource: "*" }) as object])?.element).toBe("Effect");
    } finally {
      delete proto.Action;
    }
  });
});
