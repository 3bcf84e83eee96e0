/**
 * IAM's size limits and name rules (reference_iam-quotas.md and the IAM API Reference).
 * "IAM does not count white space when calculating the size of a policy against these limits."
 */

/** A customer managed policy: 6,144 characters (Access Analyzer: "the default quota of 6,144 characters"). */
export const MANAGED_POLICY_MAX = 6144;
/** All inline policies of one role together. */
export const ROLE_INLINE_TOTAL_MAX = 10240;
/** "Role trust policy length | 2048 characters | 4096 characters" (default, maximum quota). */
export const TRUST_POLICY_DEFAULT = 2048;
export const TRUST_POLICY_MAX = 4096;
/** "Managed policies attached to an IAM role | 10 | 20". */
export const MANAGED_ATTACHMENTS_DEFAULT = 10;
export const MANAGED_ATTACHMENTS_MAX = 20;

/** "Role name | 64 characters"; IAM API CreateRole RoleName: `Pattern: [\w+=,.@-]+`. */
export const ROLE_NAME = /^[\w+=,.@-]{1,64}$/;
/** "Policy name | 128 characters"; IAM API PutRolePolicy PolicyName: `Pattern: [\w+=,.@-]+`. */
export const POLICY_NAME = /^[\w+=,.@-]{1,128}$/;
/** IAM API CreateRole Description: "Maximum length of 1000. Pattern: [\u0009\u000A\u000D\u0020-\u007E\u00A1-\u00FF]*". */
export const DESCRIPTION_MAX = 1000;
export const DESCRIPTION_CHAR = /^[\t\n\r\u0020-\u007e\u00a1-\u00ff]$/;

/** A policy's size as IAM counts it: its JSON without any whitespace character. */
export function policySize(doc: unknown): number {
  return (JSON.stringify(doc) ?? "").replace(/\s/g, "").length;
}
