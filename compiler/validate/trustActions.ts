/**
 * Which principals can use which assume action in a role trust policy. Access Analyzer
 * ("Mismatched action for principal"): "you can't use a SAML provider principal with the
 * sts:AssumeRoleWithWebIdentity action. You should use a SAML provider principal with the
 * sts:AssumeRoleWithSAML action or use an OIDC provider principal with the
 * sts:AssumeRoleWithWebIdentity action." Services and AWS principals call `sts:AssumeRole`.
 * IAM accepts a mismatch; the principal simply can never assume the role, so it is a warning.
 */
import type { Findings, JsonPath } from "./findings.js";
import { isObject, oneOrMany, own, shown, type JsonObject } from "./json.js";

const DOC = "access-analyzer-reference-policy-checks.md";

type Assume = "AssumeRole" | "AssumeRoleWithSAML" | "AssumeRoleWithWebIdentity";

/** The assume actions a statement's `Action` allows (a wildcard may allow several). */
function assumeActions(action: unknown): Set<Assume> {
  const out = new Set<Assume>();
  for (const a of oneOrMany(action).items) {
    if (typeof a !== "string") continue;
    const pattern = new RegExp(`^${a.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".")}$`, "i");
    for (const name of ["AssumeRole", "AssumeRoleWithSAML", "AssumeRoleWithWebIdentity"] as const) {
      if (pattern.test(`sts:${name}`)) out.add(name);
    }
  }
  return out;
}

/** The action a principal needs. */
function neededAction(field: string, value: string): Assume {
  if (field !== "Federated") return "AssumeRole";
  return /:saml-provider\//.test(value) ? "AssumeRoleWithSAML" : "AssumeRoleWithWebIdentity";
}

/** Reports principals of a trust Allow statement that none of its actions lets assume the role. */
export function checkTrustActions(statement: JsonObject, path: JsonPath, findings: Findings): void {
  const principal = own(statement, "Principal");
  const action = own(statement, "Action");
  // A Deny lets nobody in, so an action its principal does not use locks nobody out.
  if (!isObject(principal) || action === undefined || own(statement, "Effect") === "Deny") return;
  const allowed = assumeActions(action);
  for (const field of ["AWS", "Service", "Federated"]) {
    const { items, array } = oneOrMany(own(principal, field));
    items.forEach((v, i) => {
      if (typeof v !== "string") return;
      const needed = neededAction(field, v);
      if (allowed.has(needed)) return;
      findings.warning("trust-action-principal", array ? [...path, "Principal", field, i] : [...path, "Principal", field],
        `${shown(v)} assumes a role with \`sts:${needed}\`, which this statement does not allow: it can never assume the role (Access Analyzer: Mismatched action for principal)`, DOC);
    });
  }
}
