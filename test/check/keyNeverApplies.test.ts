// ARP2007: a key none of the statement's actions sends is missing from every request, so each
// test of it does what it does on a missing key, always. Positive operators and `any` fail
// there; negated operators, `if exists`, `all` and `missing` hold. The condition operators page:
// "If the key that you specify in a policy condition is not present in the request context, the
// values do not match and the condition is false. If the policy condition requires that the key
// is not matched, such as StringNotLike or ArnNotLike, and the right key is not present, the
// condition is true." The message says which.
import { describe, expect, it } from "vitest";
import { check } from "../../compiler/index.js";

/** The ARP2007 messages for a condition on `apprunner:VpcId`, which `CreateService` never sends. */
function messages(condition: string): string[] {
  const text = `allow apprunner:CreateService on service/* when ${condition}`;
  return check(text).diagnostics.filter((d) => d.code === "ARP2007").map((d) => d.message.slice(d.message.lastIndexOf(": ") + 2));
}

const NEVER = "the condition can never hold";
const ALWAYS = "the test always holds, as it does on a request without the key";

describe("ARP2007's wording", () => {
  it("says a test that fails on a missing key can never hold", () => {
    expect(messages('apprunner:VpcId = "vpc-1"')).toEqual([NEVER]);
    expect(messages('apprunner:VpcId like "vpc-*"')).toEqual([NEVER]);
    expect(messages("apprunner:VpcId exists")).toEqual([NEVER]);
    expect(messages('not apprunner:VpcId != "vpc-1"')).toEqual([NEVER]);
  });

  it("says a test that holds on a missing key always holds", () => {
    expect(messages('apprunner:VpcId != "vpc-1"')).toEqual([ALWAYS]);
    expect(messages('apprunner:VpcId not in ["vpc-1", "vpc-2"]')).toEqual([ALWAYS]);
    expect(messages('apprunner:VpcId = "vpc-1" if exists')).toEqual([ALWAYS]);
    expect(messages("apprunner:VpcId missing")).toEqual([ALWAYS]);
    expect(messages('not apprunner:VpcId = "vpc-1"')).toEqual([ALWAYS]);
    expect(messages('not (apprunner:VpcId = "vpc-1" and aws:SecureTransport)')).toEqual([ALWAYS]);
  });
});
