/**
 * A policy document's elements and which of them each kind allows (reference_policies_grammar.md):
 * `Version`, `Id`, `Statement` at the top; `Sid`, `Effect`, `Principal`/`NotPrincipal`,
 * `Action`/`NotAction`, `Resource`/`NotResource`, `Condition` in a statement.
 */
import { checkAction } from "./actions.js";
import { checkCondition } from "./conditions.js";
import type { Findings, JsonPath } from "./findings.js";
import { describe, entries, isObject, oneOrMany, own, shown, type JsonObject } from "./json.js";
import { checkPrincipal } from "./principals.js";
import { checkResource } from "./resources.js";
import { checkTrustActions } from "./trustActions.js";

/** The policy kinds (a role bundle holds one trust and several inline policies). */
export type PolicyKind = "identity" | "inline" | "trust";

const GRAMMAR = "reference_policies_grammar.md";
const ANALYZER = "access-analyzer-reference-policy-checks.md";
const TOP = new Set(["Version", "Id", "Statement"]);
const STATEMENT = new Set(["Sid", "Effect", "Principal", "NotPrincipal", "Action", "NotAction", "Resource", "NotResource", "Condition"]);
const VERSIONS = new Set(["2012-10-17", "2008-10-17"]);
const SID = /^[A-Za-z0-9]*$/;
/** reference_policies_elements_principal.md's trust actions, and the session ones STS adds. */
const TRUST_ACTIONS = /^sts:(AssumeRole|AssumeRoleWithSAML|AssumeRoleWithWebIdentity|TagSession|SetSourceIdentity|SetContext|[A-Za-z]*[*?][A-Za-z*?]*)$/i;

interface PolicyContext {
  readonly kind: PolicyKind;
  readonly findings: Findings;
  readonly variablesEnabled: boolean;
}

/** Checks one policy document of `kind`; `path` is where it sits (empty at the root). */
export function checkPolicyElements(doc: unknown, kind: PolicyKind, path: JsonPath, findings: Findings): void {
  if (!isObject(doc)) {
    findings.error("document-format", path, `a policy document is a JSON object, not ${describe(doc)}`, GRAMMAR);
    return;
  }
  for (const [key] of entries(doc)) {
    if (!TOP.has(key)) findings.error("unknown-element", [...path, key], `${shown(key)} is not a policy element: the top level holds \`Version\`, \`Id\` and \`Statement\` (Access Analyzer: Invalid policy element)`, GRAMMAR);
  }
  const version = own(doc, "Version");
  checkVersion(version, [...path, "Version"], findings);
  if (own(doc, "Id") !== undefined && kind !== "trust") {
    findings.warning("id-in-identity-policy", [...path, "Id"], "\"The id_block is allowed in resource-based policies, but not in identity-based policies\"", GRAMMAR);
  }
  if (own(doc, "Id") !== undefined && typeof own(doc, "Id") !== "string") {
    findings.error("id-format", [...path, "Id"], `\`Id\` is a string, not ${describe(own(doc, "Id"))}`, GRAMMAR);
  }
  const ctx: PolicyContext = { kind, findings, variablesEnabled: version === "2012-10-17" };
  checkStatements(doc, path, ctx);
}

function checkVersion(version: unknown, path: JsonPath, findings: Findings): void {
  if (version === undefined) {
    findings.warning("version-missing", path, "no `Version`: IAM reads the policy as `2008-10-17`, where policy variables are plain text (Access Analyzer: Missing version)", "reference_policies_elements_version.md");
  } else if (typeof version !== "string" || !VERSIONS.has(version)) {
    findings.error("version-value", path, `\`Version\` is \`"2012-10-17"\` or \`"2008-10-17"\`, not ${typeof version === "string" ? shown(version) : describe(version)}`, "reference_policies_elements_version.md");
  }
}

function checkStatements(doc: JsonObject, path: JsonPath, ctx: PolicyContext): void {
  const at = [...path, "Statement"];
  const value = own(doc, "Statement");
  if (value === undefined) {
    ctx.findings.error("statement-missing", at, "a policy needs a `Statement` (Access Analyzer: Missing statement)", "reference_policies_elements_statement.md");
    return;
  }
  const { items, array } = oneOrMany(value);
  if (array && items.length === 0) {
    ctx.findings.error("statement-missing", at, "`Statement` is empty: a policy needs at least one statement (Access Analyzer: Missing statement)", ANALYZER);
  }
  const sids = new Map<string, number>();
  items.forEach((item, i) => {
    const sPath = array ? [...at, i] : at;
    if (!isObject(item)) {
      ctx.findings.error("statement-format", sPath, `a statement is an object, not ${describe(item)}`, "reference_policies_elements_statement.md");
      return;
    }
    checkStatement(item, sPath, ctx);
    const sid = own(item, "Sid");
    if (typeof sid !== "string" || sid === "") return;
    const prior = sids.get(sid);
    if (prior !== undefined) {
      ctx.findings.error("sid-unique", [...sPath, "Sid"], `the Sid ${shown(sid)} is already used by statement ${prior}: "In IAM, the Sid value must be unique within a JSON policy"`, "reference_policies_elements_sid.md");
    } else sids.set(sid, i);
  });
}

function checkStatement(s: JsonObject, path: JsonPath, ctx: PolicyContext): void {
  const { findings, kind } = ctx;
  for (const [key] of entries(s)) {
    if (!STATEMENT.has(key)) findings.error("unknown-element", [...path, key], `${shown(key)} is not a statement element (Access Analyzer: Invalid policy element)`, GRAMMAR);
  }
  checkSid(own(s, "Sid"), [...path, "Sid"], findings);
  checkEffect(own(s, "Effect"), path, findings);
  const action = pair(s, "Action", "NotAction", path, findings);
  if (action === undefined) {
    findings.error("action-missing", path, "a statement needs `Action` or `NotAction` (Access Analyzer: Missing action)", ANALYZER);
  } else {
    strings(action.value, [...path, action.key], `\`${action.key}\``, findings, (a, at) => {
      checkAction(a, at, findings);
      if (kind === "trust" && a !== "*" && !TRUST_ACTIONS.test(a)) {
        findings.error("trust-action", at, `${shown(a)}: a role trust policy allows only the STS actions that assume a role or tag its session (\`sts:AssumeRole\`, \`sts:AssumeRoleWithSAML\`, \`sts:AssumeRoleWithWebIdentity\`, \`sts:TagSession\`, \`sts:SetSourceIdentity\`)`, "reference_policies_elements_principal.md");
      }
    });
  }
  const resource = pair(s, "Resource", "NotResource", path, findings);
  if (kind === "trust") {
    if (resource !== undefined) findings.error("trust-resource", [...path, resource.key], "a role trust policy names no resource: \"You cannot specify a Resource or NotResource element in a role trust policy\"", ANALYZER);
  } else if (resource === undefined) {
    findings.error("resource-missing", path, "a statement of an identity policy needs `Resource` or `NotResource` (Access Analyzer: Missing resource)", ANALYZER);
  } else {
    strings(resource.value, [...path, resource.key], `\`${resource.key}\``, findings, (r, at) => {
      checkResource(r, at, findings);
      if (!ctx.variablesEnabled && r.includes("${")) {
        findings.warning("variable-version", at, `${shown(r)}: without \`"Version": "2012-10-17"\` IAM reads \`\${...}\` as text (Access Analyzer: Variable unsupported in version)`, "reference_policies_variables.md");
      }
    });
  }
  checkPrincipals(s, path, ctx);
  const condition = own(s, "Condition");
  if (condition !== undefined) {
    checkCondition(condition, [...path, "Condition"], { findings, variablesEnabled: ctx.variablesEnabled });
    if (!ctx.variablesEnabled && JSON.stringify(condition).includes("${")) {
      findings.warning("variable-version", [...path, "Condition"], `without \`"Version": "2012-10-17"\` IAM reads \`\${...}\` in condition values as text (Access Analyzer: Variable unsupported in version)`, "reference_policies_variables.md");
    }
  }
}

function checkPrincipals(s: JsonObject, path: JsonPath, ctx: PolicyContext): void {
  const { findings } = ctx;
  const principal = own(s, "Principal");
  const notPrincipal = own(s, "NotPrincipal");
  if (ctx.kind !== "trust") {
    for (const key of ["Principal", "NotPrincipal"]) {
      if (own(s, key) !== undefined) findings.error("principal-in-identity-policy", [...path, key], `an identity policy names no principal: "You cannot use the Principal element in an identity-based policy"`, "reference_policies_elements_principal.md");
    }
    return;
  }
  if (notPrincipal !== undefined) {
    findings.error("trust-not-principal", [...path, "NotPrincipal"], "\"Role trust policies do not support NotPrincipal\"", ANALYZER);
  }
  if (principal === undefined) {
    if (notPrincipal === undefined) findings.error("principal-missing", path, "a statement of a role trust policy needs a `Principal` (Access Analyzer: Missing principal)", ANALYZER);
    return;
  }
  checkPrincipal(principal, [...path, "Principal"], findings);
  checkTrustActions(s, path, findings);
}

function checkSid(sid: unknown, path: JsonPath, findings: Findings): void {
  if (sid === undefined) return;
  if (typeof sid !== "string") {
    findings.error("sid-format", path, `\`Sid\` is a string, not ${describe(sid)}`, GRAMMAR);
  } else if (!SID.test(sid)) {
    findings.error("sid-characters", path, `the Sid ${shown(sid)} has characters IAM does not allow: "The Sid element supports ASCII uppercase letters (A-Z), lowercase letters (a-z), and numbers (0-9)"`, "reference_policies_elements_sid.md");
  } else if (sid === "") {
    findings.warning("sid-empty", path, "the Sid is empty (Access Analyzer: Empty Sid value)", ANALYZER);
  }
}

function checkEffect(effect: unknown, path: JsonPath, findings: Findings): void {
  if (effect === undefined) {
    findings.error("effect-missing", path, "a statement needs `Effect`: \"The Effect element is required\"", "reference_policies_elements_effect.md");
  } else if (effect !== "Allow" && effect !== "Deny") {
    findings.error("effect-value", [...path, "Effect"], `\`Effect\` is \`Allow\` or \`Deny\` ("The Effect value is case sensitive"), not ${typeof effect === "string" ? shown(effect) : describe(effect)}`, "reference_policies_elements_effect.md");
  }
}

/** The one element of a pair a statement has; both is an error. */
function pair(s: JsonObject, name: string, negated: string, path: JsonPath, findings: Findings): { key: string; value: unknown } | undefined {
  const a = own(s, name);
  const b = own(s, negated);
  if (a !== undefined && b !== undefined) {
    findings.error("element-combination", [...path, negated], `a statement has \`${name}\` or \`${negated}\`, not both (Access Analyzer: Unsupported element combination)`, ANALYZER);
  }
  if (a !== undefined) return { key: name, value: a };
  if (b !== undefined) return { key: negated, value: b };
  return undefined;
}

/** A string or an array of strings: calls `each` on every string. */
function strings(value: unknown, path: JsonPath, what: string, findings: Findings, each: (text: string, path: JsonPath) => void): void {
  const { items, array } = oneOrMany(value);
  if (array && items.length === 0) {
    findings.warning("empty-list", path, `${what} is empty, so the statement has no effect (Access Analyzer: Empty array)`, ANALYZER);
  }
  items.forEach((item, i) => {
    const at = array ? [...path, i] : path;
    if (typeof item !== "string") findings.error("element-type", at, `each value of ${what} is a string, not ${describe(item)}`, GRAMMAR);
    else each(item, at);
  });
}
