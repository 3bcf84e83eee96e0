/**
 * Finds trusts that let strangers assume a role: `anyone` (or account `*`) unless every
 * statement it lowers to pins the caller's organization, account or ARN, and a web identity
 * provider unless every statement naming it pins the token's audience or subject. A key that
 * is merely mentioned does not count: `not aws:PrincipalOrgID = "o-1"` and
 * `... or aws:SecureTransport` leave the door open.
 *
 * It reads the lowered statements (the `or` branches already split, each `not` already pushed
 * into its operators), so it needs no boolean algebra of its own.
 */
import { hasWildcard } from "../catalog/index.js";
import type { TrustDecl } from "../../grammar/ast.js";
import { parseOperator } from "../../runtime/operators/index.js";
import type { IamPrincipal } from "../../runtime/policyDocument.js";
import type { IrCondition, IrStatement } from "../ir.js";
import { report, type CheckContext } from "./context.js";

/** Keys whose test narrows `anyone` to a known set of callers. */
const NARROWING_KEYS = /^(aws:PrincipalOrgID|aws:PrincipalOrgPaths|aws:PrincipalAccount|aws:PrincipalArn|aws:SourceAccount|aws:SourceArn|aws:SourceOrgID|sts:ExternalId)$/i;

/** Providers whose `aud` is the same for every user, so only `sub` tells callers apart. */
const SHARED_AUDIENCE = new Set(["token.actions.githubusercontent.com"]);

/**
 * A test that admits only callers with a given value: positive, false on a missing key, and
 * not a bare `*` (`sub like "*"` admits every token). `ForAllValues` and `IfExists` hold on a
 * missing key.
 */
export function admitsOnly(c: IrCondition, key: (name: string) => boolean): boolean {
  const parsed = parseOperator(c.operator);
  if (parsed === undefined || !key(c.key)) return false;
  // Negated operators hold when the value differs or the key is missing, and `Null` tests
  // presence only: they exclude, not admit.
  const excluding = parsed.impl.negated || !parsed.impl.qualifiers;
  return !parsed.ifExists && parsed.set !== "all" && !excluding && !c.values.some(matchesEverything);
}

/**
 * Only wildcards, at least one of them `*`: `"*"`, `"?*"`. Written without the backtracking
 * `/^[*?]*\*[*?]*$/`, which is quadratic on a long run of stars followed by anything else.
 */
function matchesEverything(value: string): boolean {
  return value.includes("*") && /^[*?]*$/.test(value);
}

/** True when each of the statements holds such a test (statements are ORed, tests ANDed). */
function everyStatement(statements: readonly IrStatement[], key: (name: string) => boolean, value: (v: string, key: string) => boolean = () => true): boolean {
  return statements.every((s) => s.conditions.some((c) => admitsOnly(c, key) && c.values.every((v) => value(v, c.key))));
}

/**
 * Whether a value of a narrowing key fixes the account or organization: a wildcard there
 * (`aws:PrincipalOrgID like "o-*"`, `aws:PrincipalArn like "arn:aws:iam::*:role/deploy"`) admits
 * callers from accounts anyone can create. Wildcards after the account of an ARN, or after the
 * organization of an org path, stay inside it.
 */
function fixesCaller(value: string, key: string): boolean {
  switch (key.toLowerCase()) {
    case "aws:principalarn":
    case "aws:sourcearn": {
      const fields = value.split(":");
      return fields.length >= 5 && !hasWildcard(fields.slice(0, 5).join(":"));
    }
    case "aws:principalorgpaths":
      return !hasWildcard(value.split("/")[0]!);
    case "sts:externalid":
      return true;
    default:
      return !hasWildcard(value);
  }
}

/**
 * Whether a GitHub Actions `sub` value names one owner: without a `*`, or with its first
 * wildcard after `repo:OWNER/`. The IAM User Guide limits the role to "a specific GitHub
 * organization, repository, or branch" (`repo:GitHubOrg/*`); `repo:*` and `repo:acme*` admit
 * workflows of other owners (`repo:acme-evil/x`), which anyone can create.
 */
function fixesGitHubOwner(value: string): boolean {
  const wildcard = value.search(/[*?]/);
  // Without a `*` the value has one length: `???` matches no `repo:...` subject at all.
  if (!value.includes("*")) return true;
  const head = value.slice(0, wildcard).toLowerCase();
  if ("repo:".startsWith(head)) return false;
  return !head.startsWith("repo:") || head.slice("repo:".length).includes("/");
}

/** The host of a web identity provider: `token.actions.githubusercontent.com`, `accounts.google.com`. */
function webIdentityHost(federated: string): string | undefined {
  if (federated.includes(":saml-provider/")) return undefined;
  const oidc = /:oidc-provider\/(.+)$/.exec(federated);
  return (oidc?.[1] ?? federated).toLowerCase();
}

function federatedOf(principal: IamPrincipal | undefined): string[] {
  return principal === undefined || principal === "*" ? [] : [principal.Federated ?? []].flat();
}

function admitsEveryAccount(principal: IamPrincipal | undefined): boolean {
  if (principal === undefined) return false;
  return principal === "*" || [principal.AWS ?? []].flat().includes("*");
}

/** Why a trust is open: the first statement that lets strangers in, and what to say. */
export interface OpenTrustFinding {
  readonly statement: IrStatement;
  readonly message: string;
  readonly hint: string;
  /** The keys a test on any of which would close it (for a hint in another syntax). */
  readonly pinKeys: readonly string[];
}

/** The reasons a trust's statements (statements are ORed) let strangers assume the role. */
export function openTrustFindings(statements: readonly IrStatement[]): OpenTrustFinding[] {
  const out: OpenTrustFinding[] = [];
  const open = statements.filter((s) => admitsEveryAccount(s.principal));
  const unpinned = open.find((s) => !everyStatement([s], (k) => NARROWING_KEYS.test(k), fixesCaller));
  if (unpinned !== undefined) {
    out.push({
      statement: unpinned,
      message: "this trust lets any principal of every AWS account assume the role",
      hint: "name the accounts or roles, or require a condition such as `aws:PrincipalOrgID = \"o-...\"` on every branch",
      pinKeys: ["aws:PrincipalOrgID", "aws:PrincipalAccount", "aws:PrincipalArn"],
    });
  }
  const providers = [...new Set(statements.flatMap((s) => federatedOf(s.principal)))];
  for (const federated of providers) {
    const host = webIdentityHost(federated);
    if (host === undefined) continue;
    const claims = SHARED_AUDIENCE.has(host) ? ["sub"] : ["aud", "sub"];
    const pins = (k: string): boolean => claims.some((c) => k.toLowerCase() === `${host}:${c}`);
    const naming = statements.filter((s) => federatedOf(s.principal).includes(federated));
    const value = SHARED_AUDIENCE.has(host) ? fixesGitHubOwner : undefined;
    const loose = naming.find((s) => !everyStatement([s], pins, value));
    if (loose === undefined) continue;
    out.push({
      statement: loose,
      message: `this trust lets anyone with a token from \`${host}\` assume the role`,
      hint: `require the token's ${claims.map((c) => `\`${host}:${c}\``).join(" or ")} on every branch, e.g. \`${host}:${claims[0]} ${claims[0] === "sub" ? 'like "repo:ORG/REPO:*"' : '= "..."'}\``,
      pinKeys: claims.map((c) => `${host}:${c}`),
    });
  }
  return out;
}

/** Warns about a trust, given the statements it lowered to. */
export function warnIfOpenTrust(ctx: CheckContext, trust: TrustDecl, statements: readonly IrStatement[]): void {
  for (const f of openTrustFindings(statements)) report(ctx, "OpenTrust", trust.span, f.message, { hint: f.hint });
}
