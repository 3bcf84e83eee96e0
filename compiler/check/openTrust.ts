/**
 * Finds trusts that let strangers assume a role: `anyone` (or account `*`) unless every branch
 * of the condition pins the caller's organization, account or ARN, and a web identity provider
 * unless every branch pins the token's audience or subject. A key that is merely mentioned
 * does not count: `not aws:PrincipalOrgID = "o-1"` and `... or aws:SecureTransport` leave the
 * door open.
 */
import type { TrustDecl } from "../../grammar/ast.js";
import type { IamPrincipal } from "../../runtime/policyDocument.js";
import { toDnf } from "../lower/toDnf.js";
import type { CheckedCondition, ConditionTest } from "./checkedCondition.js";
import { report, type CheckContext } from "./context.js";

/** Keys whose test narrows `anyone` to a known set of callers. */
const NARROWING_KEYS = /^(aws:PrincipalOrgID|aws:PrincipalOrgPaths|aws:PrincipalAccount|aws:PrincipalArn|aws:SourceAccount|aws:SourceArn|aws:SourceOrgID|sts:ExternalId)$/i;

/** Operators that hold when the value differs or the key is missing: they exclude, not admit. */
const EXCLUDING = /^(StringNot|ArnNot|NotIp|NumericNot|DateNot|Null$)/;

/** Providers whose `aud` is the same for every user, so only `sub` tells callers apart. */
const SHARED_AUDIENCE = new Set(["token.actions.githubusercontent.com"]);

/**
 * A test that admits only callers with a given value: positive, false on a missing key, and
 * not a bare `*` (`sub like "*"` admits every token).
 */
function admitsOnly(t: ConditionTest, key: (name: string) => boolean): boolean {
  return key(t.key) && !t.ifExists && t.quantifier !== "ForAllValues" && !EXCLUDING.test(t.operator) &&
    !t.values.some(matchesEverything);
}

/**
 * Only wildcards, at least one of them `*`: `"*"`, `"?*"`. Written without the backtracking
 * `/^[*?]*\*[*?]*$/`, which is quadratic on a long run of stars followed by anything else.
 */
function matchesEverything(value: string): boolean {
  return value.includes("*") && /^[*?]*$/.test(value);
}

/** True when every statement the condition lowers to holds such a test. */
function everyBranch(cond: CheckedCondition | undefined, key: (name: string) => boolean): boolean {
  if (cond === undefined) return false;
  const result = toDnf(cond);
  // A condition that cannot be lowered is reported by the lowering; no second opinion here.
  if ("error" in result) return true;
  return result.dnf.every((conjunction) => conjunction.some((t) => admitsOnly(t, key)));
}

/** The host of a web identity provider: `token.actions.githubusercontent.com`, `accounts.google.com`. */
function webIdentityHost(federated: string): string | undefined {
  if (federated.includes(":saml-provider/")) return undefined;
  const oidc = /:oidc-provider\/(.+)$/.exec(federated);
  return (oidc?.[1] ?? federated).toLowerCase();
}

function federatedOf(principal: IamPrincipal): string[] {
  return principal === "*" ? [] : [principal.Federated ?? []].flat();
}

function awsOf(principal: IamPrincipal): string[] {
  return principal === "*" ? ["*"] : [principal.AWS ?? []].flat();
}

export function warnIfOpenTrust(ctx: CheckContext, trust: TrustDecl, principal: IamPrincipal, cond: CheckedCondition | undefined): void {
  if (awsOf(principal).includes("*") && !everyBranch(cond, (k) => NARROWING_KEYS.test(k))) {
    report(ctx, "OpenTrust", trust.span, "this trust lets any principal of every AWS account assume the role", {
      hint: "name the accounts or roles, or require a condition such as `aws:PrincipalOrgID = \"o-...\"` on every branch",
    });
  }
  for (const federated of federatedOf(principal)) {
    const host = webIdentityHost(federated);
    if (host === undefined) continue;
    const claims = SHARED_AUDIENCE.has(host) ? ["sub"] : ["aud", "sub"];
    const pins = (k: string): boolean => claims.some((c) => k.toLowerCase() === `${host}:${c}`);
    if (everyBranch(cond, pins)) continue;
    report(ctx, "OpenTrust", trust.span, `this trust lets anyone with a token from \`${host}\` assume the role`, {
      hint: `require the token's ${claims.map((c) => `\`${host}:${c}\``).join(" or ")} on every branch, e.g. \`${host}:${claims[0]} ${claims[0] === "sub" ? 'like "repo:ORG/REPO:*"' : '= "..."'}\``,
    });
  }
}
