/**
 * IAM's size limits and name rules (reference_iam-quotas.md and the IAM API Reference).
 * "IAM does not count white space when calculating the size of a policy against these limits."
 */

/** A customer managed policy: 6,144 characters (Access Analyzer: "the default quota of 6,144 characters"). */
export const MANAGED_POLICY_MAX = 6144;
/**
 * All inline policies of one entity together: "the total aggregate policy size (the sum size of
 * all inline policies) per entity cannot exceed the following limits" — User policy size 2,048,
 * Role policy size 10,240, Group policy size 5,120 characters. (The reference copy elides the
 * table; reference_policies_grammar.md bounds it: "Policies have a maximum size between 2048
 * characters and 10,240 characters, depending on what entity the policy is attached to".)
 */
export const ROLE_INLINE_TOTAL_MAX = 10240;
export const USER_INLINE_TOTAL_MAX = 2048;
export const GROUP_INLINE_TOTAL_MAX = 5120;
/** "Role trust policy length | 2048 characters | 4096 characters" (default, maximum quota). */
export const TRUST_POLICY_DEFAULT = 2048;
export const TRUST_POLICY_MAX = 4096;
/** "Managed policies attached to an IAM role | 10 | 20". */
export const MANAGED_ATTACHMENTS_DEFAULT = 10;
export const MANAGED_ATTACHMENTS_MAX = 20;
/** "Managed policies attached to an IAM user | 10 | 20". */
export const USER_MANAGED_ATTACHMENTS_DEFAULT = 10;
export const USER_MANAGED_ATTACHMENTS_MAX = 20;
/** "Managed policies attached to an IAM group | 10" (not adjustable). */
export const GROUP_MANAGED_ATTACHMENTS_MAX = 10;
/** "Groups an IAM user can be a member of | 10". */
export const GROUPS_PER_USER_MAX = 10;

/** "Role name | 64 characters"; IAM API CreateRole RoleName: `Pattern: [\w+=,.@-]+`. */
export const ROLE_NAME = /^[\w+=,.@-]{1,64}$/;
/** "User name | 64 characters"; the name rule is the one for roles ("Names of users, groups, roles, ..."). */
export const USER_NAME = /^[\w+=,.@-]{1,64}$/;
/** "Group name | 128 characters". */
export const GROUP_NAME = /^[\w+=,.@-]{1,128}$/;
/** "Policy name | 128 characters"; IAM API PutRolePolicy PolicyName: `Pattern: [\w+=,.@-]+`. */
export const POLICY_NAME = /^[\w+=,.@-]{1,128}$/;
/** IAM API CreateRole Description: "Maximum length of 1000. Pattern: [\u0009\u000A\u000D\u0020-\u007E\u00A1-\u00FF]*". */
export const DESCRIPTION_MAX = 1000;
export const DESCRIPTION_CHAR = /^[\t\n\r\u0020-\u007e\u00a1-\u00ff]$/;

/** A policy's size as IAM counts it: its JSON without any whitespace character. */
export function policySize(doc: unknown): number {
  return (JSON.stringify(doc) ?? "").replace(/\s/g, "").length;
}
