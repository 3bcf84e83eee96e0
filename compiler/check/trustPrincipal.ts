/**
 * What one principal of a `trust` may be, and how it assumes the role. The rules follow the IAM
 * User Guide pages "IAM JSON policy elements: Principal" (reference_policies_elements_principal)
 * and "Creating a role for web identity or OpenID Connect Federation"
 * (id_roles_create_for-idp_oidc); each rule below quotes the sentence it relies on.
 */
import type { PrincipalRef } from "../../grammar/ast.js";

/**
 * How a principal reaches the role. Each way has its own STS action, so principals of
 * different ways cannot share a statement whose action is one of them.
 */
export type TrustWay = "assume" | "webIdentity" | "saml";

/** The `Principal` field a principal is written under. */
export type PrincipalField = "AWS" | "Service" | "Federated";

/** A principal as IAM reads it. `*` alone (in `AWS`) is everyone. */
export interface TrustPrincipal {
  readonly field: PrincipalField;
  readonly value: string;
  readonly way: TrustWay;
}

/** A principal value IAM would refuse, with what to write instead. */
export interface PrincipalProblem {
  readonly message: string;
  readonly hint?: string;
}

/**
 * The action a `trust` allows when it names none. "For the `Action` element, use the
 * `sts:AssumeRoleWithWebIdentity` action" (id_roles_create_for-idp_oidc); a SAML session
 * "results from using the AWS STS `AssumeRoleWithSAML` operation"; AWS principals and
 * services call `AssumeRole` (reference_policies_elements_principal).
 */
export const DEFAULT_TRUST_ACTION: Readonly<Record<TrustWay, string>> = {
  assume: "sts:AssumeRole",
  webIdentity: "sts:AssumeRoleWithWebIdentity",
  saml: "sts:AssumeRoleWithSAML",
};

/**
 * Web identity providers IAM knows by name: "For some common OIDC IdPs, the `providerUrl` is a
 * URL … `cognito-identity.amazonaws.com` … `www.amazon.com` … `graph.facebook.com` …
 * `accounts.google.com`" (id_roles_create_for-idp_oidc; the same four in
 * reference_policies_elements_principal, "Web identity session principals").
 */
export const NAMED_WEB_IDENTITY_PROVIDERS: readonly string[] = [
  "cognito-identity.amazonaws.com",
  "www.amazon.com",
  "graph.facebook.com",
  "accounts.google.com",
];

const ACCOUNT = /^\d{12}$/;
const SERVICE = /^[a-z0-9.-]+\.amazonaws\.com(\.cn)?$/;
/** An IAM name (role, user, session): "[\w+=,.@-]+" (IAM API reference). */
const NAME = String.raw`[\w+=,.@-]+`;
/** An IAM path: "/" or "/…/" of printable ASCII (IAM API reference). */
const PATH = String.raw`(?:/[\x21-\x7e]*)?/`;
const PRINCIPAL_ARN = new RegExp(
  String.raw`^arn:[a-z-]+:(?:iam::\d{12}:(?:root|(?:role|user)${PATH}${NAME})|sts::\d{12}:(?:assumed-role/${NAME}/${NAME}|federated-user/${NAME}))$`,
);
/** "arn:aws:iam::123456789012:oidc-provider/server.example.com" — a host, maybe a port and a path. */
const OIDC_PROVIDER = /^arn:[a-z-]+:iam::\d{12}:oidc-provider\/[A-Za-z0-9.-]+(?::\d+)?(?:\/[\x21-\x7e]+)*$/;
/** "arn:aws:iam::AWS-account-ID:saml-provider/provider-name". */
const SAML_PROVIDER = /^arn:[a-z-]+:iam::\d{12}:saml-provider\/[\w.-]+$/;

/**
 * "You cannot use a wildcard to match part of a principal name or ARN."
 * (reference_policies_elements_principal). `*` and `?` are IAM's wildcards.
 */
function hasWildcard(value: string): boolean {
  return value.includes("*") || value.includes("?");
}

function wildcard(hint: string): PrincipalProblem {
  return { message: "a principal cannot use a wildcard to match part of its name or ARN", hint };
}

const WILDCARD_ARN = wildcard("name each principal in full; to admit several roles of an account, trust the account and test `aws:PrincipalArn like \"...\"` in `when`");

const EVERYONE: PrincipalProblem = {
  message: "`*` alone means every principal, which arp writes as `anyone`",
  hint: "write `trust anyone` (and pin the callers in `when`)",
};

/**
 * Checks one principal's resolved value. `partition` writes an account as its root ARN (the
 * account's ARN and its bare id "behave the same way") and the ARNs suggested in hints.
 */
export function classifyPrincipal(
  kind: PrincipalRef["principalKind"],
  value: string,
  partition: string,
): TrustPrincipal | PrincipalProblem {
  switch (kind) {
    case "anyone":
      return { field: "AWS", value: "*", way: "assume" };
    case "account":
      return account(value, partition);
    case "arn":
      return principalArn(value);
    case "service":
      return service(value);
    case "federated":
      return federated(value, partition);
  }
}

function account(value: string, partition: string): TrustPrincipal | PrincipalProblem {
  // `"Principal": { "AWS": "*" }` is one of the documented forms of "All principals".
  if (value === "*") return { field: "AWS", value, way: "assume" };
  if (hasWildcard(value)) return WILDCARD_ARN;
  if (!ACCOUNT.test(value)) return { message: `\`${value}\` is not a 12-digit AWS account id` };
  return { field: "AWS", value: `arn:${partition}:iam::${value}:root`, way: "assume" };
}

function principalArn(value: string): TrustPrincipal | PrincipalProblem {
  if (value === "*") return EVERYONE;
  if (hasWildcard(value)) return WILDCARD_ARN;
  if (PRINCIPAL_ARN.test(value)) return { field: "AWS", value, way: "assume" };
  if (OIDC_PROVIDER.test(value) || SAML_PROVIDER.test(value)) {
    return { message: `\`${value}\` is an identity provider`, hint: `trust it with \`federated "${value}"\`` };
  }
  if (/^arn:[^:]*:iam::[^:]*:group\//.test(value)) {
    // "You cannot identify a user group as a principal in a policy"
    return { message: `\`${value}\` is a user group, and a group cannot be a principal`, hint: "trust the group's users or a role they assume" };
  }
  return {
    message: `\`${value}\` is not the ARN of an account root, role, user, assumed-role session or federated user`,
    hint: "for example `arn:aws:iam::123456789012:role/Deployer`",
  };
}

function service(value: string): TrustPrincipal | PrincipalProblem {
  if (value === "*") return EVERYONE;
  if (hasWildcard(value)) return wildcard("name each service principal in full, e.g. `service \"build.apprunner.amazonaws.com\", service \"tasks.apprunner.amazonaws.com\"`");
  if (!SERVICE.test(value)) return { message: `\`${value}\` is not an AWS service principal such as \`build.apprunner.amazonaws.com\`` };
  return { field: "Service", value, way: "assume" };
}

/**
 * "For the `Principal` element, use the string `{"Federated":providerUrl/providerArn}`": one of
 * the providers IAM knows by name, or the ARN of an IAM identity provider ("For other OIDC
 * providers, use the Amazon Resource Name (ARN) of the OIDC IdP", id_roles_create_for-idp_oidc;
 * `arn:aws:iam::AWS-account-ID:saml-provider/provider-name` for SAML).
 */
function federated(value: string, partition: string): TrustPrincipal | PrincipalProblem {
  if (value === "*") return EVERYONE;
  if (hasWildcard(value)) return wildcard("name each identity provider by its full ARN");
  if (SAML_PROVIDER.test(value)) return { field: "Federated", value, way: "saml" };
  if (OIDC_PROVIDER.test(value) || NAMED_WEB_IDENTITY_PROVIDERS.includes(value)) {
    return { field: "Federated", value, way: "webIdentity" };
  }
  return { message: `\`${value}\` is neither an identity provider ARN nor a web identity provider IAM knows by name`, hint: federatedHint(value, partition) };
}

function federatedHint(value: string, partition: string): string {
  const host = /^(?:https?:\/\/)?([A-Za-z0-9.-]+\.[A-Za-z]{2,}(?::\d+)?(?:\/[\x21-\x7e]*)?)$/.exec(value)?.[1]?.replace(/\/$/, "");
  const named = NAMED_WEB_IDENTITY_PROVIDERS.map((n) => `\`${n}\``).join(", ");
  if (host === undefined) {
    return `write \`arn:${partition}:iam::ACCOUNT-ID:oidc-provider/HOST\`, \`arn:${partition}:iam::ACCOUNT-ID:saml-provider/NAME\`, or one of ${named}`;
  }
  return `create an IAM OIDC identity provider for it and trust its ARN, \`arn:${partition}:iam::ACCOUNT-ID:oidc-provider/${host}\`; only ${named} are known by name`;
}

/**
 * The way a principal written in IAM JSON assumes a role: by SAML for a SAML provider's ARN,
 * by web identity for any other `Federated` value, by `AssumeRole` otherwise.
 */
export function wayOf(field: string, value: string): TrustWay {
  if (field !== "Federated") return "assume";
  return value.includes(":saml-provider/") ? "saml" : "webIdentity";
}

/** True for a problem, false for a principal. */
export function isProblem(r: TrustPrincipal | PrincipalProblem): r is PrincipalProblem {
  return "message" in r;
}
