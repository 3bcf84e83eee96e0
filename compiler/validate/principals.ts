/**
 * The `Principal` of a role trust policy. reference_policies_grammar.md: `("*" | principal_map)`
 * with map keys `"AWS" | "Federated" | "Service" | "CanonicalUser"`.
 * reference_policies_elements_principal.md: "You cannot use a wildcard to match part of a
 * principal name or ARN."
 */
import type { Findings, JsonPath } from "./findings.js";
import { describe, entries, isObject, oneOrMany, shown } from "./json.js";

const DOC = "reference_policies_elements_principal.md";
const KEYS = new Set(["AWS", "Federated", "Service", "CanonicalUser"]);

const ACCOUNT = /^\d{12}$/;
/** Account, user, role, assumed-role session and federated-user session ARNs (the page's forms). */
const AWS_ARN = /^arn:[a-z-]+:(iam::\d{12}:(root|user\/.+|role\/.+)|sts::\d{12}:(assumed-role\/[^/]+\/.+|federated-user\/.+))$/;
/** The unique ID IAM shows for a user or role that was deleted (AIDA..., AROA...). */
const UNIQUE_ID = /^A[A-Z0-9]{15,127}$/;
const PROVIDER_ARN = /^arn:[a-z-]+:iam::\d{12}:(saml-provider\/[\w.+=,@-]+|oidc-provider\/[A-Za-z0-9.-]+(?::\d+)?(\/[^\s]*)?)$/;
const DOMAIN = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/;
const CANONICAL = /^[0-9a-f]{64}$/;

function hasWildcard(text: string): boolean {
  return text.includes("*") || text.includes("?");
}

function checkAws(value: string, path: JsonPath, findings: Findings): void {
  if (value === "*" || ACCOUNT.test(value) || AWS_ARN.test(value) || UNIQUE_ID.test(value)) {
    if (value !== "*" && hasWildcard(value)) {
      findings.error("principal-wildcard", path, `${shown(value)}: a wildcard cannot match part of a principal name or ARN`, DOC);
    }
    return;
  }
  if (hasWildcard(value)) {
    findings.error("principal-wildcard", path, `${shown(value)}: a wildcard cannot match part of a principal name or ARN; \`"*"\` alone means everyone`, DOC);
    return;
  }
  findings.error("principal-format", path, `${shown(value)} is not an AWS principal: a 12-digit account, \`arn:aws:iam::ACCOUNT:root\`, a user or role ARN, an assumed-role or federated-user session ARN, or \`*\``, DOC);
}

function checkService(value: string, path: JsonPath, findings: Findings): void {
  if (hasWildcard(value)) {
    findings.error("principal-wildcard", path, `${shown(value)}: a service principal cannot hold a wildcard`, DOC);
  } else if (!DOMAIN.test(value)) {
    findings.error("principal-format", path, `${shown(value)} is not a service principal such as \`tasks.apprunner.amazonaws.com\``, DOC);
  } else if (!/\.amazonaws\.com(\.cn)?$/.test(value)) {
    findings.warning("service-principal-domain", path, `${shown(value)}: a service principal is usually \`service-name.amazonaws.com\``, DOC);
  }
}

function checkFederated(value: string, path: JsonPath, findings: Findings): void {
  if (hasWildcard(value)) {
    findings.error("principal-wildcard", path, `${shown(value)}: a federated principal cannot hold a wildcard`, DOC);
  } else if (!PROVIDER_ARN.test(value) && !DOMAIN.test(value)) {
    findings.error("principal-format", path, `${shown(value)} is not a federated principal: a SAML or OIDC provider ARN (\`arn:aws:iam::ACCOUNT:saml-provider/NAME\`) or a provider's domain such as \`cognito-identity.amazonaws.com\` (Access Analyzer: Invalid federated principal syntax in role trust policy)`, "access-analyzer-reference-policy-checks.md");
  }
}

function checkCanonical(value: string, path: JsonPath, findings: Findings): void {
  if (!CANONICAL.test(value)) {
    findings.error("principal-format", path, `${shown(value)} is not a canonical user ID (64 lowercase hexadecimal digits)`, DOC);
  }
}

const CHECKS: Readonly<Record<string, (value: string, path: JsonPath, findings: Findings) => void>> = {
  AWS: checkAws,
  Service: checkService,
  Federated: checkFederated,
  CanonicalUser: checkCanonical,
};

/** Checks a `Principal` value (`"*"` or a principal map). */
export function checkPrincipal(value: unknown, path: JsonPath, findings: Findings): void {
  if (value === "*") {
    findings.warning("trust-principal-star", path, '`"Principal": "*"` lets anyone assume the role (Access Analyzer: Role trust policy unsupported wildcard in principal)', "access-analyzer-reference-policy-checks.md");
    return;
  }
  if (!isObject(value)) {
    findings.error("principal-format", path, `\`Principal\` is \`"*"\` or an object such as \`{ "Service": "..." }\`, not ${typeof value === "string" ? shown(value) : describe(value)}`, "reference_policies_grammar.md");
    return;
  }
  const all = entries(value);
  if (all.length === 0) findings.warning("principal-empty", path, "this `Principal` names nobody, so the statement has no effect (Access Analyzer: Empty object principal)", "access-analyzer-reference-policy-checks.md");
  for (const [key, item] of all) {
    const at = [...path, key];
    if (!KEYS.has(key)) {
      findings.error("principal-key", at, `${shown(key)} is not a principal type: \`AWS\`, \`Service\`, \`Federated\` or \`CanonicalUser\``, "reference_policies_grammar.md");
      continue;
    }
    const { items, array } = oneOrMany(item);
    if (array && items.length === 0) findings.warning("principal-empty", at, `this \`${key}\` list is empty (Access Analyzer: Empty array principal)`, "access-analyzer-reference-policy-checks.md");
    items.forEach((v, i) => {
      const vPath = array ? [...at, i] : at;
      if (typeof v !== "string") {
        findings.error("principal-format", vPath, `a principal is a string, not ${describe(v)}`, "reference_policies_grammar.md");
        return;
      }
      if (v.includes("${")) {
        findings.warning("variable-in-element", vPath, `${shown(v)}: policy variables are supported only in \`Resource\` and \`Condition\` (Access Analyzer: Variable unsupported in element)`, "reference_policies_variables.md");
      }
      CHECKS[key]?.(v, vPath, findings);
    });
  }
}
