/**
 * Context keys derived from the caller's ARN when the request context does not carry them.
 * A value given in the request context always wins.
 *
 * From "IAM policy elements: Variables and tags", table "Principal key values":
 * - IAM user: `aws:username` is the `IAM-user-name`, `aws:PrincipalType` is `User`;
 * - AWS account root user: `aws:username` is "(not present)", `aws:userid` is the account ID,
 *   `aws:PrincipalType` is `Account`;
 * - AWS STS federated user principal: `aws:userid` is `account:caller-specified-name`,
 *   `aws:PrincipalType` is `FederatedUser`;
 * - assumed role: `aws:username` is "(not present)", `aws:PrincipalType` is `AssumedRole`.
 *
 * Choices: a user's name is the last `/`-separated segment of the ARN's resource part
 * (`arn:aws:iam::ACCT:user/path/name` → `name`); `aws:userid` of users and roles is a unique
 * ID not derivable from the ARN, so it is left absent; for an assumed-role session,
 * `aws:PrincipalArn` is the role ARN `arn:PARTITION:iam::ACCT:role/NAME` (the role's path is not
 * in the session ARN, so it is omitted); `aws:PrincipalAccount` is the ARN's account field.
 */

/** Derived keys, lower-cased, for a principal ARN. Unknown shapes yield only what is certain. */
export function principalKeys(principal: string): ReadonlyMap<string, string> {
  const keys = new Map<string, string>();
  const arn = splitPrincipalArn(principal);
  if (arn === undefined) return keys;
  const { partition, service, account, resource } = arn;
  if (account !== "") keys.set("aws:principalaccount", account);
  if (service === "iam" && resource === "root") {
    keys.set("aws:principalarn", principal);
    keys.set("aws:principaltype", "Account");
    keys.set("aws:userid", account);
  } else if (service === "iam" && resource.startsWith("user/")) {
    keys.set("aws:principalarn", principal);
    keys.set("aws:principaltype", "User");
    keys.set("aws:username", resource.slice(resource.lastIndexOf("/") + 1));
  } else if (service === "iam" && resource.startsWith("role/")) {
    keys.set("aws:principalarn", principal);
  } else if (service === "sts" && resource.startsWith("assumed-role/")) {
    const role = resource.split("/")[1] ?? "";
    keys.set("aws:principalarn", `arn:${partition}:iam::${account}:role/${role}`);
    keys.set("aws:principaltype", "AssumedRole");
  } else if (service === "sts" && resource.startsWith("federated-user/")) {
    keys.set("aws:principalarn", principal);
    keys.set("aws:principaltype", "FederatedUser");
    keys.set("aws:userid", `${account}:${resource.slice("federated-user/".length)}`);
  }
  return keys;
}

interface PrincipalArn {
  readonly partition: string;
  readonly service: string;
  readonly account: string;
  readonly resource: string;
}

function splitPrincipalArn(principal: string): PrincipalArn | undefined {
  const fields = principal.split(":");
  if (fields.length < 6 || fields[0] !== "arn") return undefined;
  return {
    partition: fields[1]!,
    service: fields[2]!,
    account: fields[4]!,
    resource: fields.slice(5).join(":"),
  };
}
