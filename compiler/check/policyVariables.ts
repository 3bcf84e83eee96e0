/**
 * arp's short names for IAM policy variables. `$user` reads better than `${aws:username}`;
 * anything not listed can still be written out as `$aws:Key` or `${aws:Key}`.
 */

interface VariableAlias {
  readonly alias: string;
  readonly iamKey: string;
  readonly description: string;
}

const FIXED: readonly VariableAlias[] = [
  { alias: "user", iamKey: "aws:username", description: "the IAM user's friendly name" },
  { alias: "userid", iamKey: "aws:userid", description: "the caller's unique id" },
  { alias: "principal.arn", iamKey: "aws:PrincipalArn", description: "the caller's ARN" },
  { alias: "principal.account", iamKey: "aws:PrincipalAccount", description: "the caller's account id" },
  { alias: "principal.org", iamKey: "aws:PrincipalOrgID", description: "the caller's AWS Organizations id" },
  { alias: "principal.type", iamKey: "aws:PrincipalType", description: "Account, User, FederatedUser, AssumedRole or Anonymous" },
  { alias: "source.ip", iamKey: "aws:SourceIp", description: "the caller's IP address" },
  { alias: "source.vpc", iamKey: "aws:SourceVpc", description: "the VPC the request came through" },
  { alias: "source.vpce", iamKey: "aws:SourceVpce", description: "the VPC endpoint the request came through" },
  { alias: "requested.region", iamKey: "aws:RequestedRegion", description: "the region the request is sent to" },
  { alias: "current.time", iamKey: "aws:CurrentTime", description: "the request's date and time" },
  { alias: "epoch.time", iamKey: "aws:EpochTime", description: "the request's time in epoch seconds" },
];

/** Prefixed aliases whose last part is a tag key: `$principal.tag.team`. */
const TAGGED: readonly { readonly prefix: string; readonly iamPrefix: string }[] = [
  { prefix: "principal.tag.", iamPrefix: "aws:PrincipalTag/" },
  { prefix: "request.tag.", iamPrefix: "aws:RequestTag/" },
  { prefix: "resource.tag.", iamPrefix: "aws:ResourceTag/" },
];

const BY_ALIAS = new Map(FIXED.map((v) => [v.alias, v]));

/** The IAM key an arp variable name stands for, or undefined when it is not an alias. */
export function iamKeyForAlias(name: string): string | undefined {
  const fixed = BY_ALIAS.get(name);
  if (fixed !== undefined) return fixed.iamKey;
  for (const t of TAGGED) {
    if (name.startsWith(t.prefix) && name.length > t.prefix.length) {
      return t.iamPrefix + name.slice(t.prefix.length);
    }
  }
  return undefined;
}

/** Every alias, for docs and suggestions. */
export function variableAliases(): readonly VariableAlias[] {
  return [
    ...FIXED,
    ...TAGGED.map((t) => ({ alias: `${t.prefix}KEY`, iamKey: `${t.iamPrefix}KEY`, description: "a tag value" })),
  ];
}

/** Names offered by "did you mean" for an unknown variable. */
export function aliasNames(): readonly string[] {
  return [...FIXED.map((v) => v.alias), ...TAGGED.map((t) => `${t.prefix}KEY`)];
}
